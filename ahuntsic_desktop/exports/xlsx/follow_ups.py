"""Suivis: follow-ups with their owner, due date, status and the meeting (and resolution)
they came from; overdue ones first and in red."""

from __future__ import annotations

from pathlib import Path

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font

from ...i18n import _
from ...services.core import settings as settings_service
from ...services.core.periods import Period
from ...services.meetings.meetings import body_label
from ...services.meetings.tracking import follow_up_lines
from ...store import Database
from ..catalog import ExportOptions, Progress
from ..privacy_marks import banner_for
from .common import FONT_NAME, Book, Col, band

OVERDUE_COLOUR = "B42318"


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    table_settings = settings_service.load(db)
    period = Period(options.start, options.end) if options.start and options.end else None
    lines = follow_up_lines(db, options.day, period, options.body)
    title = _("Suivis")
    if options.body:
        title += f" — {body_label(options.body)}"
    book = Book(
        title,
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=str(period) if period else title,
        progress=progress,
        banner=banner_for(db),  # the people responsible are named
        streamed=True,  # only conditional formats are added after the rows
    )
    book.expect(len(lines))
    columns = [
        Col(_("Échéance"), "date"),
        Col(_("Suivi"), width=48, wrap=True),
        Col(_("Responsable"), width=30),
        Col(_("Statut"), width=11),
        Col(_("En retard"), "bool", 10),
        Col(_("Instance"), width=10),
        Col(_("Chantier"), width=24),
        Col(_("Rencontre d'origine"), width=38),
        Col(_("Rencontre du"), "date"),
        Col(_("Résolution"), width=13),
        Col(_("Fait le"), "date"),
    ]
    rows = (
        (
            line.due_date,
            line.description,
            line.owner,
            line.status_label,
            line.overdue,
            line.body,
            line.chantier,
            line.meeting_title,
            line.meeting_date,
            line.resolution,
            line.done_on,
        )
        for line in lines
    )
    # overdue rows turn bold (conditional format): their heights are measured as bold
    ws = book.data_sheet(title, columns, rows, frozen_columns=2, banding=False, bold_rows=True)
    if lines:
        top, last = book.first_row, book.last_row(len(lines))
        ws.conditional_formatting.add(
            f"A{top}:K{last}",
            FormulaRule(
                formula=[f'$E{top}="{_("Oui")}"'],
                font=Font(name=FONT_NAME, color=OVERDUE_COLOUR, bold=True),
            ),
        )
        band(ws, f"A{top}:K{last}")
    return book.save(path)
