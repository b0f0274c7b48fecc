"""Suivi des présences: persons and organisations by meeting (P, E, A) for a period and a
body, with totals and attendance rates, and the list of meetings with their counts."""

from __future__ import annotations

from pathlib import Path

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ...i18n import _, format_date
from ...services.core import settings as settings_service
from ...services.core.periods import check_period
from ...services.meetings.meetings import body_label
from ...services.meetings.tracking import (
    AttendanceMatrix,
    MatrixRow,
    MeetingHead,
    attendance_matrix,
)
from ...store import Database
from ..catalog import ExportOptions, Progress
from ..privacy_marks import banner_for
from .common import FONT_NAME, Book, Col, band
from .streaming import PlacedRow

# (mark, fill, text colour): green for present, amber for excused, red for absent.
MARK_COLOURS = (("P", "C6EFCE", "006100"), ("E", "FFEB9C", "9C5700"), ("A", "FFC7CE", "9C0006"))
CENTER = Alignment(horizontal="center", vertical="top")


def meeting_header(head: MeetingHead) -> str:
    """``2026-03-12 · CC`` or ``2026-03-12 · CH · Sécurité alimentaire``."""
    parts = [head.date.isoformat(), head.body]
    if head.chantier:
        parts.append(head.chantier[:28])
    return " · ".join(parts)


def _matrix_sheet(
    book: Book,
    title: str,
    label_columns: list[Col],
    rows: list[MatrixRow],
    matrix: AttendanceMatrix,
) -> None:
    columns = [
        *label_columns,
        *(Col(meeting_header(h), rotate=True, centered=True) for h in matrix.meetings),
        Col(_("Présences"), "int", 11),
        Col(_("Excuses"), "int", 10),
        Col(_("Absences"), "int", 10),
        Col(_("Taux de présence"), "percent", 11),
    ]
    width = len(matrix.meetings)
    first = len(label_columns)  # the first meeting's place, from 0
    values = (  # only the marks a row holds: most of a large table's grid is blank
        PlacedRow(
            len(columns),
            dict(enumerate(row.labels))
            | {first + i: mark for i, mark in row.places.items()}
            | dict(
                enumerate((row.present, row.excused, row.absent, row.rate), start=first + width)
            ),
        )
        for row in rows
    )
    ws = book.data_sheet(title, columns, values, frozen_columns=len(label_columns), banding=False)
    first = len(label_columns) + 1
    last = first + len(matrix.meetings) - 1
    if not rows or last < first:
        return
    top, bottom = book.first_row, book.last_row(len(rows))
    ref = f"{get_column_letter(first)}{top}:{get_column_letter(last)}{bottom}"
    for mark, fill, colour in MARK_COLOURS:
        ws.conditional_formatting.add(
            ref,
            CellIsRule(
                operator="equal",
                formula=[f'"{mark}"'],
                fill=PatternFill("solid", bgColor=fill),
                font=Font(name=FONT_NAME, color=colour, bold=True),
            ),
        )
    band(ws, f"A{top}:{get_column_letter(len(columns))}{bottom}")  # after: lower priority


def _meetings_sheet(book: Book, matrix: AttendanceMatrix) -> None:
    columns = [
        Col(_("Date"), "date"),
        Col(_("Heure"), "time"),
        Col(_("Type")),
        Col(_("Titre"), width=40),
        Col(_("Instance"), width=10),
        Col(_("Chantier")),
        Col(_("Statut"), width=10),
        Col(_("Inscrit·es"), "int", 11),
        Col(_("Présent·es"), "int", 11),
        Col(_("Excusé·es"), "int", 11),
        Col(_("Absent·es"), "int", 11),
        Col(_("Participant·es anonymes"), "int", 14),
        Col(_("Taux de présence"), "percent", 11),
    ]
    rows = [
        (
            h.date,
            h.start_time,
            h.kind_label,
            h.title,
            h.body,
            h.chantier,
            h.status_label,
            t.invited,
            t.present,
            t.excused,
            t.absent,
            t.anonymous,
            t.rate,
        )
        for h, t in zip(matrix.meetings, matrix.totals, strict=True)
    ]
    book.data_sheet(_("Rencontres"), columns, rows, frozen_columns=1)


def _notes_sheet(book: Book, matrix: AttendanceMatrix) -> None:
    lines = [
        (_("Période"), str(matrix.period)),
        (_("Instance"), body_label(matrix.body) if matrix.body else _("Toutes les instances")),
        (_("Rencontres"), len(matrix.meetings)),
        (_("Exporté le"), format_date(book.now.date())),
        ("P", _("présent·e")),
        ("E", _("excusé·e")),
        ("A", _("absent·e")),
        (_("(vide)"), _("non inscrit·e ou présence non notée")),
        (_("Taux de présence"), _("présences ÷ (présences + excuses + absences)")),
        (
            _("Organismes"),
            _("un organisme est présent quand au moins une personne le représente."),
        ),
    ]
    book.data_sheet(
        _("Notes"), [Col(_("Rubrique"), width=22), Col(_("Valeur"), width=70)], lines, banding=False
    )


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    period = check_period(options.start, options.end)
    table_settings = settings_service.load(db)
    matrix = attendance_matrix(db, period, options.body)
    title = _("Suivi des présences")
    if options.body:
        title += f" — {body_label(options.body)}"
    book = Book(
        title,
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=_("Présences {period}").format(period=period),
        progress=progress,
        banner=banner_for(db),
        streamed=True,  # the marks are centred by their columns' style, not afterwards
    )
    book.expect(len(matrix.persons) + len(matrix.organizations) + len(matrix.meetings) + 10)
    _matrix_sheet(
        book,
        _("Personnes"),
        [Col(_("Nom"), width=18), Col(_("Prénom"), width=14), Col(_("Organisme"), width=34)],
        matrix.persons,
        matrix,
    )
    _matrix_sheet(
        book,
        _("Organismes"),
        [Col(_("Organisme"), width=40), Col(_("Secteur"), width=18)],
        matrix.organizations,
        matrix,
    )
    _meetings_sheet(book, matrix)
    _notes_sheet(book, matrix)
    return book.save(path)
