"""Tableau de bord: what needs the coordinator's attention today."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...i18n import (
    _,
    format_date,
    format_money,
    format_number,
    format_percent,
    format_time,
    ngettext,
)
from ...services import governance
from ...services.core import backup
from ...services.registry import renewals
from ...services.reports import dashboard
from ..context import Context
from .base import Page


def card(title: str, value: int, detail: str = "") -> QFrame:
    frame = QFrame()
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    value_label = QLabel(format_number(value), frame)
    value_label.setObjectName("cardValue")
    title_label = QLabel(title, frame)
    title_label.setObjectName("cardTitle")
    title_label.setWordWrap(True)
    layout.addWidget(value_label)
    layout.addWidget(title_label)
    if detail:
        detail_label = QLabel(detail, frame)
        detail_label.setWordWrap(True)
        layout.addWidget(detail_label)
    layout.addStretch(1)
    return frame


def listing(title: str, lines: list[str], empty: str) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for line in lines or [empty]:
        text = QLabel(line, box)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(text)
    layout.addStretch(1)
    return box


def deadline_line(deadline: dashboard.DeadlineBrief) -> str:
    when = format_date(deadline.due_date)
    if deadline.days_left < 0:
        late = ngettext("en retard de {n} jour", "en retard de {n} jours", -deadline.days_left)
        state = late.format(n=-deadline.days_left)
    else:
        state = ngettext("dans {n} jour", "dans {n} jours", deadline.days_left).format(
            n=deadline.days_left
        )
    return f"{when} ({state}) — {deadline.funder} : {deadline.title}"


RENEWAL_LINES = 10


def renewals_box(due: renewals.RenewalsThisMonth) -> QGroupBox:
    """Who to remind this month: memberships ending this month, else those not renewed."""
    if due.ending:
        title = _("Adhésions qui se terminent le {date} ({n})").format(
            date=format_date(due.ends_on), n=len(due.ending)
        )
        members = due.ending
    else:
        title = _("Adhésions à renouveler depuis le {date} ({n})").format(
            date=format_date(due.started_on), n=len(due.waiting)
        )
        members = due.waiting
    lines = [
        f"{m.name} — {m.category}, {format_money(m.dues_cents)}" for m in members[:RENEWAL_LINES]
    ]
    if len(members) > RENEWAL_LINES:
        rest = len(members) - RENEWAL_LINES
        lines.append(ngettext("… et {n} autre", "… et {n} autres", rest).format(n=rest))
    box = listing(title, lines, _("Aucune adhésion à renouveler ce mois-ci."))
    box.setObjectName("renewalsThisMonth")
    return box


def terms_box(db, today) -> QGroupBox:
    """Mandates on a body (the CC...) ending within 90 days: an election or a co-optation
    to prepare."""
    lines = [
        _("{date} — {name}, {seat} ({body}), {origin}").format(
            date=format_date(m.end_date), name=m.holder, seat=m.seat_label, body=m.body,
            origin=m.origin_label.lower(),
        )
        for m in governance.terms_ending(db, today)
    ]  # fmt: skip
    box = listing(
        _("Mandats qui se terminent d'ici 90 jours"),
        lines,
        _("Aucun mandat ne se termine d'ici 90 jours."),
    )
    box.setObjectName("termsEnding")
    return box


def reminder_label(text: str) -> QLabel:
    """The reminder to keep a copy away from this computer (USB key, other disk)."""
    label = QLabel(text)
    label.setObjectName("backupReminder")
    label.setWordWrap(True)
    label.setStyleSheet(
        "QLabel#backupReminder { background: #fff4ce; color: #4a3b00;"
        " border: 1px solid #e0c050; border-radius: 6px; padding: 8px; }"
    )
    return label


class DashboardPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Tableau de bord")
        super().__init__(context, parent)
        self.date_label = QLabel(self)
        self.toolbar.addWidget(self.date_label)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget(scroll)
        scroll.setWidget(self.body)
        self.body_layout = QVBoxLayout(self.body)
        self.layout_.addWidget(scroll, 1)
        self.summary: dashboard.Dashboard | None = None

    def refresh(self) -> None:
        data = dashboard.summary(self.context.db, self.context.today())
        self.summary = data
        self.date_label.setText(format_date(data.today))
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        reminder = backup.external_copy_reminder(self.context.db, data.today)
        if reminder:
            self.body_layout.addWidget(reminder_label(reminder))

        cards = QGridLayout()
        year = data.membership_year_label
        cards.addWidget(
            card(
                ngettext("organisme actif", "organismes actifs", data.organizations_active),
                data.organizations_active,
            ),
            0,
            0,
        )
        cards.addWidget(
            card(
                ngettext("personne active", "personnes actives", data.persons_active),
                data.persons_active,
            ),
            0,
            1,
        )
        cards.addWidget(
            card(
                ngettext(
                    "membre en règle ({year})", "membres en règle ({year})", data.members_paid
                ).format(year=year),
                data.members_paid,
            ),
            0,
            2,
        )
        cards.addWidget(
            card(
                ngettext(
                    "adhésion à renouveler", "adhésions à renouveler", data.memberships_to_renew
                ),
                data.memberships_to_renew,
            ),
            0,
            3,
        )
        cards.addWidget(
            card(
                ngettext(
                    "rencontre cette année", "rencontres cette année", data.meetings_this_year
                ),
                data.meetings_this_year,
            ),
            1,
            0,
        )
        cards.addWidget(
            card(
                ngettext("suivi ouvert", "suivis ouverts", data.open_follow_ups_count),
                data.open_follow_ups_count,
            ),
            1,
            1,
        )
        cards.addWidget(
            card(
                ngettext("suivi en retard", "suivis en retard", data.overdue_follow_ups_count),
                data.overdue_follow_ups_count,
            ),
            1,
            2,
        )
        cards.addWidget(
            card(
                ngettext(
                    "reddition de comptes en retard",
                    "redditions de comptes en retard",
                    len(data.deadlines_overdue),
                ),
                len(data.deadlines_overdue),
            ),
            1,
            3,
        )
        holder = QWidget(self.body)
        holder.setLayout(cards)
        self.body_layout.addWidget(holder)

        columns = QGridLayout()
        meetings = [
            f"{format_date(m.date)}  {format_time(m.start_time)}  {m.title}"
            + (f" — {m.place}" if m.place else "")
            for m in data.next_meetings
        ]
        columns.addWidget(
            listing(_("Prochaines rencontres"), meetings, _("Aucune rencontre prévue.")), 0, 0
        )
        deadlines = [deadline_line(d) for d in data.deadlines_overdue + data.deadlines_soon]
        columns.addWidget(
            listing(
                _("Redditions de comptes (en retard et d'ici 60 jours)"),
                deadlines,
                _("Aucune reddition de comptes à venir."),
            ),
            0,
            1,
        )
        follow_ups = [
            f"{format_date(f.due_date)} — {f.description} ({f.owner})"
            for f in data.overdue_follow_ups
        ]
        columns.addWidget(
            listing(_("Suivis en retard"), follow_ups, _("Aucun suivi en retard.")), 1, 0
        )
        columns.addWidget(self._plan_box(data.plan), 1, 1)
        due = renewals.renewals_this_month(self.context.db, self.context.today())
        columns.addWidget(renewals_box(due), 2, 0, 1, 2)
        columns.addWidget(terms_box(self.context.db, self.context.today()), 3, 0, 1, 2)
        holder = QWidget(self.body)
        holder.setLayout(columns)
        self.body_layout.addWidget(holder)
        self.body_layout.addStretch(1)

    def _plan_box(self, plan: dashboard.PlanProgress | None) -> QGroupBox:
        if plan is None:
            return listing(_("Plan d'action"), [], _("Aucun plan d'action."))
        box = QGroupBox(
            _("{title} : {progress} réalisé").format(
                title=plan.title, progress=format_percent(plan.progress or 0)
            )
        )
        layout = QGridLayout(box)
        for row, pillar in enumerate(plan.pillars):
            name = QLabel(f"{pillar.number}. {pillar.name}", box)
            name.setWordWrap(True)
            bar = QProgressBar(box)
            bar.setRange(0, 100)
            bar.setValue(round((pillar.progress or 0) * 100))
            bar.setFormat(format_percent(pillar.progress or 0))
            layout.addWidget(name, row, 0)
            layout.addWidget(bar, row, 1)
        return box
