"""Tableau de bord: what needs the coordinator's attention today."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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
    N_,
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
from ...services.registry.standing import MemberStatus, status_label
from ...services.reports import dashboard
from ..context import Context
from ..widgets.clickable import LinkFrame, LinkLabel
from .base import Destination, Page

CARD_STYLE = (
    "QFrame#card:hover { border: 1px solid palette(highlight); }"
    "QFrame#card:focus { border: 2px solid palette(highlight); }"
)
GO_HINT = N_("Cliquez (ou Entrée) pour voir la liste")


def card(title: str, value: int, detail: str = "") -> QFrame:
    frame = LinkFrame(tooltip=_(GO_HINT))
    frame.setObjectName("card")
    frame.setStyleSheet(CARD_STYLE)
    frame.setAccessibleName(f"{format_number(value)} {title}")
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


def listing(title: str, lines: list, empty: str, go=None) -> QGroupBox:
    """A box of lines; a line given as (text, destination) leads there through ``go``."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for line in lines or [empty]:
        text, destination = line if isinstance(line, tuple) else (line, None)
        if destination is not None and go is not None:
            label = LinkLabel(text, box, _("Cliquez (ou Entrée) pour l'ouvrir"))
            label.clicked.connect(lambda d=destination: go(d))
        else:
            label = QLabel(text, box)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(label)
    layout.addStretch(1)
    return box


def _when(day, days_left: int) -> str:
    if days_left < 0:
        late = ngettext("en retard de {n} jour", "en retard de {n} jours", -days_left)
        state = late.format(n=-days_left)
    else:
        state = ngettext("dans {n} jour", "dans {n} jours", days_left).format(n=days_left)
    return f"{format_date(day)} ({state})"


def deadline_line(deadline: dashboard.DeadlineBrief) -> str:
    return f"{_when(deadline.due_date, deadline.days_left)} — {deadline.funder} : {deadline.title}"


def application_line(application: dashboard.ApplicationDeadlineBrief) -> str:
    what = _("dépôt de la demande « {programme} »").format(programme=application.programme)
    return f"{_when(application.deadline, application.days_left)} — {application.funder} : {what}"


RENEWAL_LINES = 10


def renewals_box(due: renewals.RenewalsThisMonth, go=None) -> QGroupBox:
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
    lines: list = [
        (
            f"{m.name} — {m.category}, {format_money(m.dues_cents)}",
            Destination("MembersPage", "memberships", {"search": m.name}),
        )
        for m in members[:RENEWAL_LINES]
    ]
    if len(members) > RENEWAL_LINES:
        rest = len(members) - RENEWAL_LINES
        lines.append(ngettext("… et {n} autre", "… et {n} autres", rest).format(n=rest))
    box = listing(title, lines, _("Aucune adhésion à renouveler ce mois-ci."), go)
    box.setObjectName("renewalsThisMonth")
    return box


def terms_box(db, today, go=None) -> QGroupBox:
    """Mandates on a body (the CC...) ending within 90 days: an election or a co-optation
    to prepare."""
    lines: list = [
        (
            _("{date} — {name}, {seat} ({body}), {origin}").format(
                date=format_date(m.end_date), name=m.holder, seat=m.seat_label, body=m.body,
                origin=m.origin_label.lower(),
            ),
            Destination("SeatsPage"),
        )
        for m in governance.terms_ending(db, today)
    ]  # fmt: skip
    box = listing(
        _("Mandats qui se terminent d'ici 90 jours"),
        lines,
        _("Aucun mandat ne se termine d'ici 90 jours."),
        go,
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
    """Every card and line leads to its list, filtered (``go`` says where; the main
    window goes there)."""

    go = Signal(object)  # a Destination

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
        for position, (title, value, destination) in enumerate(self._cards(data)):
            frame = card(title, value)
            frame.clicked.connect(lambda d=destination: self.go.emit(d))
            cards.addWidget(frame, position // 4, position % 4)
        holder = QWidget(self.body)
        holder.setLayout(cards)
        self.body_layout.addWidget(holder)

        go = self.go.emit
        columns = QGridLayout()
        meetings = [
            (
                f"{format_date(m.date)}  {format_time(m.start_time)}  {m.title}"
                + (f" — {m.place}" if m.place else ""),
                Destination("MeetingsPage", "upcoming", record_id=m.id),
            )
            for m in data.next_meetings
        ]
        columns.addWidget(
            listing(_("Prochaines rencontres"), meetings, _("Aucune rencontre prévue."), go), 0, 0
        )
        # Reports and applications in one list, in the order they fall due.
        dated = [
            (d.due_date, deadline_line(d), Destination("PartnersPage", "deadlines", record_id=d.id))
            for d in data.deadlines_overdue + data.deadlines_soon
        ] + [
            (
                a.deadline,
                application_line(a),
                Destination("PartnersPage", "applications", record_id=a.id),
            )
            for a in data.applications_soon
        ]
        deadlines = [(text, where) for _day, text, where in sorted(dated, key=lambda d: d[0])]
        columns.addWidget(
            listing(
                _("Redditions et demandes (en retard et d'ici 60 jours)"),
                deadlines,
                _("Aucune reddition de comptes ni demande à venir."),
                go,
            ),
            0,
            1,
        )
        follow_ups = [
            (
                f"{format_date(f.due_date)} — {f.description} ({f.owner})",
                Destination("MeetingsPage", "follow_ups", {"status": "overdue"}, f.id),
            )
            for f in data.overdue_follow_ups
        ]
        columns.addWidget(
            listing(_("Suivis en retard"), follow_ups, _("Aucun suivi en retard."), go), 1, 0
        )
        columns.addWidget(self._plan_box(data.plan), 1, 1)
        due = renewals.renewals_this_month(self.context.db, self.context.today())
        columns.addWidget(renewals_box(due, go), 2, 0, 1, 2)
        columns.addWidget(terms_box(self.context.db, self.context.today(), go), 3, 0, 1, 2)
        columns.setColumnStretch(0, 1)  # two columns of equal width, whatever the lines say
        columns.setColumnStretch(1, 1)
        holder = QWidget(self.body)
        holder.setLayout(columns)
        self.body_layout.addWidget(holder)
        self.body_layout.addStretch(1)

    def _cards(self, data: dashboard.Dashboard) -> list[tuple[str, int, Destination]]:
        """(title, number, where a click leads) of each card, in reading order."""
        year = data.membership_year_label
        memberships = {"year": data.membership_year}
        overdue_deadlines = len(data.deadlines_overdue)
        return [
            (
                ngettext("organisme actif", "organismes actifs", data.organizations_active),
                data.organizations_active,
                Destination("OrganizationsPage"),
            ),
            (
                ngettext("personne active", "personnes actives", data.persons_active),
                data.persons_active,
                Destination("MembersPage", "persons"),
            ),
            (
                ngettext(
                    "membre en règle ({year})", "membres en règle ({year})", data.members_paid
                ).format(year=year),
                data.members_paid,
                Destination("MembersPage", "memberships", {**memberships, "paid_on": _("Payées")}),
            ),
            (
                ngettext(
                    "adhésion à renouveler", "adhésions à renouveler", data.memberships_to_renew
                ),
                data.memberships_to_renew,
                Destination(
                    "MembersPage",
                    "memberships",
                    {**memberships, "status": status_label(MemberStatus.TO_RENEW)},
                ),
            ),
            (
                ngettext(
                    "rencontre cette année", "rencontres cette année", data.meetings_this_year
                ),
                data.meetings_this_year,
                Destination("MeetingsPage", "past"),
            ),
            (
                ngettext("suivi ouvert", "suivis ouverts", data.open_follow_ups_count),
                data.open_follow_ups_count,
                Destination("MeetingsPage", "follow_ups", {"status": "open"}),
            ),
            (
                ngettext("suivi en retard", "suivis en retard", data.overdue_follow_ups_count),
                data.overdue_follow_ups_count,
                Destination("MeetingsPage", "follow_ups", {"status": "overdue"}),
            ),
            (
                ngettext(
                    "reddition de comptes en retard",
                    "redditions de comptes en retard",
                    overdue_deadlines,
                ),
                overdue_deadlines,
                Destination("PartnersPage", "deadlines", {"state": _("En retard")}),
            ),
        ]

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
            name = LinkLabel(f"{pillar.number}. {pillar.name}", box, _(GO_HINT))
            name.clicked.connect(
                lambda p=plan.id: self.go.emit(Destination("PlanPage", None, {}, p))
            )
            bar = QProgressBar(box)
            bar.setRange(0, 100)
            bar.setValue(round((pillar.progress or 0) * 100))
            bar.setFormat(format_percent(pillar.progress or 0))
            layout.addWidget(name, row, 0)
            layout.addWidget(bar, row, 1)
        return box
