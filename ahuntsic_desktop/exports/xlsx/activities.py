"""Activités de la démarche: the participation in a démarche de planification, for funders.
Counts only: no person's name. One sheet lists the activities (date, type, phase,
participants); one gives the totals by type of activity and by sector, where a named person
counts once across the démarche and anonymous headcounts add up."""

from __future__ import annotations

from pathlib import Path

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from ...i18n import _, format_date
from ...services import planning
from ...services.core import settings as settings_service
from ...services.planning import ProcessSummary
from ...store import Database
from ..catalog import ExportOptions, Progress
from .common import BOLD, FONT_NAME, HEADER_FILL, Book, Col, put
from .header import write_header

TITLE_FONT = Font(name=FONT_NAME, bold=True, size=14, color=HEADER_FILL)


def _period(summary: ProcessSummary) -> str:
    end = format_date(summary.end_date) if summary.end_date else _("en cours")
    return _("Du {start} au {end}").format(start=format_date(summary.start_date), end=end)


def _activities(book: Book, summary: ProcessSummary) -> None:
    columns = [
        Col(_("Date"), "date"),
        Col(_("Activité"), width=40),
        Col(_("Type d'activité"), width=30),
        Col(_("Phase"), width=30),
        Col(_("Lieu"), width=24),
        Col(_("Participant·es nommé·es"), "int", 13),
        Col(_("Participant·es anonymes"), "int", 13),
        Col(_("Participant·es"), "int", 13),
        Col(_("Contributions"), "int", 13),
    ]
    rows = [
        (a.date, a.title, a.type_name, a.phase_name, a.place, a.named, a.anonymous,
         a.participants, a.contributions)
        for a in summary.activities
    ]  # fmt: skip
    book.data_sheet(_("Activités"), columns, rows, frozen_columns=2)


def _table(ws: Worksheet, row: int, columns: list[Col], lines: list[tuple], total: tuple) -> int:
    """A small titled table with a bold total line; returns the row after it."""
    write_header(ws, columns, row)
    kinds = [c.kind for c in columns]
    for line in [*lines, total]:
        row += 1
        for c, value in enumerate(line, start=1):
            put(ws.cell(row, c), value, kinds[c - 1])
    for c in range(1, len(total) + 1):
        ws.cell(row, c).font = BOLD
    return row + 2


def _totals(book: Book, summary: ProcessSummary) -> None:
    ws = book.new_sheet(_("Totaux"))
    put(ws.cell(1, 1), summary.title)
    ws.cell(1, 1).font = TITLE_FONT
    facts = (
        (_("Période"), _period(summary)),
        (_("Activités"), len(summary.activities)),
        (_("Participant·es distinct·es"), summary.participants),
        (_("dont nommé·es (chacun·e compte une fois)"), summary.named_participants),
        (_("dont comptés sans nom"), summary.anonymous_participants),
    )
    for offset, (key, value) in enumerate(facts, start=2):
        put(ws.cell(offset, 1), key)
        ws.cell(offset, 1).font = BOLD
        put(ws.cell(offset, 2), value, "int" if isinstance(value, int) else "text")
    row = len(facts) + 3
    row = _table(
        ws,
        row,
        [Col(_("Type d'activité")), Col(_("Activités"), "int"), Col(_("Participations"), "int")],
        [(t.name, t.activities, t.participations) for t in summary.by_type],
        (
            _("Total"),
            sum(t.activities for t in summary.by_type),
            sum(t.participations for t in summary.by_type),
        ),
    )
    _table(
        ws,
        row,
        [
            Col(_("Secteur")),
            Col(_("Nommé·es"), "int"),
            Col(_("Sans nom"), "int"),
            Col(_("Participant·es"), "int"),
        ],
        [(s.label, s.named, s.anonymous, s.total) for s in summary.by_sector],
        (
            _("Total"),
            summary.named_participants,
            summary.anonymous_participants,
            summary.participants,
        ),
    )
    for letter, width in zip("ABCD", (44, 14, 14, 14), strict=True):
        ws.column_dimensions[letter].width = width
    book.print_setup(ws, landscape=False, title_rows=None)


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    process_id = planning.process_for_export(db, options.plan_id, options.day)
    summary = planning.process_summary(db, process_id)
    table_settings = settings_service.load(db)
    book = Book(
        _("Activités de la démarche de planification"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=summary.title,
        progress=progress,
    )
    book.expect(len(summary.activities) + 1)
    _totals(book, summary)
    _activities(book, summary)
    return book.save(path)
