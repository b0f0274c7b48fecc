"""Fiche chantier: one chantier on a page or two — mandate, orientations with progress, who
sits on it, its recent meetings and its open follow-ups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer, Table

from ...i18n import _, format_percent, ngettext
from ...services.core import settings as settings_service
from ...services.plan import chantiers as chantier_service
from ...store import Database
from .common import (
    BOX_FILL,
    RULE,
    DocumentSpec,
    alert,
    build_pdf,
    date_words,
    esc,
    header_row,
    heading,
    paragraphs,
    styles,
    table_style,
)
from .plan_parts import content_width, grid, orientation_table

RECENT_MEETINGS = 6


def _figures(detail: chantier_service.ChantierDetail, width: float) -> Table:
    """Four boxes: participants, porteur·euses, progress, attendance."""
    s = styles()
    leads = ", ".join(e.person_name for e in detail.leads)
    people = len({e.person_id for e in detail.roster})
    cells = [
        (str(people), ngettext("participant·e", "participant·es", people)),
        (
            leads or alert(esc(_("Aucun·e"))),
            ngettext("porteur·euse", "porteur·euses", max(len(detail.leads), 1)),
        ),
        (format_percent(detail.node.progress) or "—", _("d'avancement")),
        (format_percent(detail.attendance_rate) or "—", _("de présence aux rencontres")),
    ]
    row = [
        [Paragraph(f"<b>{value if '<' in value else esc(value)}</b>", s.body),
         Paragraph(esc(text), s.muted)]
        for value, text in cells
    ]  # fmt: skip
    table = Table([row], colWidths=[width / 4] * 4, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _orientations(detail: chantier_service.ChantierDetail, width: float) -> list:
    if not detail.node.children:
        return [Paragraph(esc(_("Aucune orientation pour l'instant.")), styles().body)]
    return [orientation_table(detail.node.children, width)]


def _roster(detail: chantier_service.ChantierDetail, width: float) -> list:
    s = styles()
    if not detail.roster:
        return [Paragraph(esc(_("Personne ne siège à ce chantier pour l'instant.")), s.body)]
    rows = [header_row([_("Personne"), _("Organisme représenté"), _("Rôle"), _("Depuis le")])]
    for entry in detail.roster:
        lead = entry.role in ("porteur", "co_porteur")
        rows.append(
            [
                Paragraph(esc(entry.person_name), s.cell_bold if lead else s.cell),
                Paragraph(esc(entry.organization_name or _("À titre personnel")), s.cell),
                Paragraph(esc(entry.role_label), s.cell_bold if lead else s.cell),
                Paragraph(esc(date_words(entry.start_date)), s.cell),
            ]
        )
    return [grid(rows, [width * 0.27, width * 0.34, width * 0.21, width * 0.18])]


def _meetings(detail: chantier_service.ChantierDetail, width: float, today: dt.date) -> list:
    s = styles()
    recent = [m for m in detail.meetings if m.date <= today][:RECENT_MEETINGS]
    upcoming = [m for m in detail.meetings if m.date > today][-1:]
    if not recent and not upcoming:
        return [Paragraph(esc(_("Aucune rencontre de ce chantier.")), s.body)]
    rows = [header_row([_("Date"), _("Rencontre"), _("Statut"), _("Présences")])]
    for meeting in upcoming + recent:
        if meeting.rate is None:
            presence = "—"
        else:
            presence = _("{present} sur {recorded} ({rate})").format(
                present=meeting.present,
                recorded=meeting.recorded,
                rate=format_percent(meeting.rate),
            )
        rows.append(
            [
                Paragraph(esc(date_words(meeting.date)), s.cell),
                Paragraph(esc(meeting.title), s.cell),
                Paragraph(esc(meeting.status_label), s.cell),
                Paragraph(esc(presence), s.cell),
            ]
        )
    return [grid(rows, [width * 0.2, width * 0.44, width * 0.14, width * 0.22])]


def _follow_ups(detail: chantier_service.ChantierDetail, width: float) -> list:
    s = styles()
    table = detail.follow_ups
    if not len(table):
        return [Paragraph(esc(_("Aucun suivi ouvert.")), s.body)]
    index = {column.key: i for i, column in enumerate(table.columns)}
    rows = [header_row([_("Échéance"), _("Suivi"), _("Responsable"), _("Statut")])]
    for values in table.rows:
        late = values[index["overdue"]]
        status = esc(values[index["status"]])
        rows.append(
            [
                Paragraph(esc(date_words(values[index["due_date"]])) or "—", s.cell),
                Paragraph(esc(values[index["description"]]), s.cell),
                Paragraph(esc(values[index["owner"]]), s.cell),
                Paragraph(alert(f"{status}<br/>{esc(_('En retard'))}") if late else status, s.cell),
            ]
        )
    return [grid(rows, [width * 0.2, width * 0.44, width * 0.22, width * 0.14])]


def write_chantier_sheet(
    db: Database, chantier_id: int, path: Path | str, *, today: dt.date | None = None
) -> Path:
    """Write the chantier's sheet to ``path`` as of ``today``; returns the path."""
    today = today or dt.date.today()
    table_settings = settings_service.load(db)
    detail = chantier_service.chantier_detail(db, chantier_id, today=today)
    width = content_width(table_settings.paper_size)
    s = styles()
    where = [detail.plan_title] + ([detail.pillar_name] if detail.pillar_name else [])
    story: list = [
        Paragraph(esc(_("Fiche chantier")), s.muted),
        Paragraph(esc(f"{detail.number}  {detail.name}"), s.title),
        Paragraph(
            esc(" · ".join(where) + " — " + _("au {date}").format(date=date_words(today))),
            s.subtitle,
        ),
        _figures(detail, width),
        Spacer(1, 0.2 * cm),
    ]
    story += heading(_("Mandat"))
    story += paragraphs(detail.mandate, s.body) or [
        Paragraph(esc(_("Mandat à préciser.")), s.muted)
    ]
    story += heading(_("Orientations et avancement"))
    story += _orientations(detail, width)
    story += heading(_("Participant·es"))
    story += _roster(detail, width)
    story += heading(_("Rencontres récentes"))
    story += _meetings(detail, width, today)
    story += heading(_("Suivis ouverts"))
    story += _follow_ups(detail, width)
    spec = DocumentSpec(
        title=_("Fiche chantier — {name}").format(name=detail.name),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("Fiche au {date}").format(date=date_words(today)),
    )
    return build_pdf(path, story, spec)
