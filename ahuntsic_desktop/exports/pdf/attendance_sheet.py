"""Feuille de présence: the sheet people sign at the door, with room for walk-ins."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from ...i18n import _, format_date, ngettext
from ...services.core import settings as settings_service
from ...services.meetings import meetings as meeting_service
from ...services.meetings import quorum as quorum_service
from ...services.meetings.documents import SheetLine, attendance_sheet
from ...store import Database
from .common import (
    BOX_FILL,
    INK,
    RULE,
    DocumentSpec,
    build_pdf,
    data_table,
    date_words,
    esc,
    frame_width,
    header_row,
    heading,
    styles,
    table_style,
)
from .meeting_text import meeting_subtitle, time_range

SIGNATURE_HEIGHT = 0.75 * cm
COLUMN_LINES = [("LINEBEFORE", (1, 0), (-1, -1), 0.4, RULE)]


def _columns(width: float) -> list[float]:
    """Nom, Organisme, Catégorie, Vote, Signature."""
    name, category, vote = 4.3 * cm, 3.0 * cm, 1.3 * cm
    rest = width - name - category - vote
    return [name, rest * 0.52, category, vote, rest * 0.48]


def _titles() -> list[str]:
    return [_("Nom, prénom"), _("Organisme"), _("Catégorie"), _("Vote"), _("Signature")]


def _invitee_rows(lines: list[SheetLine]) -> list[list]:
    s = styles()
    rows = [header_row(_titles(), centered=[3])]
    for line in lines:
        rows.append(
            [
                Paragraph(esc(line.sort_name), s.cell_bold),
                Paragraph(esc(line.organization), s.cell),
                Paragraph(esc(line.category), s.cell),
                Paragraph(esc(_("Oui") if line.voting else _("Non")), s.centered_cell),
                Spacer(1, SIGNATURE_HEIGHT),
            ]
        )
    return rows


def _walk_in_rows(count: int) -> list[list]:
    s = styles()
    choice = esc(_("☐ Oui ☐ Non"))
    rows = [header_row(_titles(), centered=[3])]
    for _index in range(count):
        rows.append(
            [
                Spacer(1, SIGNATURE_HEIGHT),
                "",
                "",
                Paragraph(choice, s.centered_cell),
                "",
            ]
        )
    return rows


def _quorum_box(required: int, width: float) -> KeepTogether:
    s = styles()
    needed = ngettext(
        "Quorum requis : {count} membre votant",
        "Quorum requis : {count} membres votants",
        required,
    ).format(count=required)
    lines = [
        Paragraph(f"<b>{esc(needed)}</b>", s.body),
        Paragraph(esc(_("Membres votants présents : ________")), s.body),
        Paragraph(esc(_("Quorum atteint : ☐ Oui ☐ Non")), s.body),
        Paragraph(esc(_("Vérifié par : ______________________________")), s.body),
    ]
    box = Table([[lines]], colWidths=[min(width, 11 * cm)], hAlign="LEFT")
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, INK),
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return KeepTogether([Spacer(1, 0.5 * cm), box])


def write_attendance_sheet(
    db: Database, meeting_id: int, path: Path | str, blank_rows: int = 10
) -> Path:
    """Write the meeting's attendance sheet to ``path``; returns the path.

    Everyone on the attendance list, by last name, then ``blank_rows`` empty lines for
    walk-ins and the quorum box. The column titles repeat on every page.
    """
    table_settings = settings_service.load(db)
    detail = meeting_service.get_meeting(db, meeting_id)
    lines = attendance_sheet(db, meeting_id)
    required = quorum_service.quorum(db, meeting_id).required
    width = frame_width(table_settings.paper_size)
    widths = _columns(width)
    s = styles()

    facts = [format_date(detail.date, "full")]
    if detail.start_time:
        facts.append(time_range(detail.start_time, detail.end_time))
    if detail.place:
        facts.append(detail.place)
    count = ngettext("{count} personne inscrite", "{count} personnes inscrites", len(lines)).format(
        count=len(lines)
    )

    story: list = [
        Paragraph(esc(_("Feuille de présence")), s.title),
        Paragraph(esc(meeting_subtitle(detail)), s.subtitle),
        Paragraph(esc(" · ".join(facts)), s.body),
        Paragraph(esc(count), s.muted),
        Spacer(1, 0.2 * cm),
    ]
    if lines:
        story.append(data_table(_invitee_rows(lines), widths, extra=COLUMN_LINES))
    if blank_rows > 0:
        story += heading(_("Personnes non inscrites"))
        story.append(data_table(_walk_in_rows(blank_rows), widths, zebra=False, extra=COLUMN_LINES))
    story.append(_quorum_box(required, width))

    spec = DocumentSpec(
        title=_("Feuille de présence"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("Rencontre du {date}").format(date=date_words(detail.date)),
        subject=f"{_('Feuille de présence')} — {detail.title}",
    )
    return build_pdf(path, story, spec)
