"""Participation aux chantiers: who sits on which chantier of a plan, with their role; the
chantiers with their participants and progress; every assignment with its dates."""

from __future__ import annotations

from pathlib import Path

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from ...domain.enums import AssignmentRole
from ...domain.labels import label
from ...i18n import _
from ...services.core import settings as settings_service
from ...services.plan import plans as plan_service
from ...services.plan.roster import ChantierRoster, chantier_roster
from ...store import Database
from ..catalog import ExportOptions, Progress
from ..privacy_marks import banner_for
from .common import FONT_NAME, Book, Col, band, cols

LEAD_FILL = "DDEBF7"


def _roster_sheet(book: Book, roster: ChantierRoster) -> None:
    columns = [
        Col(_("Nom"), width=18),
        Col(_("Prénom"), width=14),
        Col(_("Organisme"), width=34),
        *(Col(chantier.name, width=12, rotate=True) for chantier in roster.chantiers),
        Col(_("Chantiers"), "int", 10),
    ]
    rows = (
        (row.last_name, row.first_name, row.organization, *row.roles, row.count)
        for row in roster.rows()  # read as written: never all held
    )
    ws = book.data_sheet(_("Participation"), columns, rows, frozen_columns=3, banding=False)
    if not roster.people or not roster.chantiers:
        return
    first, last = get_column_letter(4), get_column_letter(3 + len(roster.chantiers))
    top, bottom = book.first_row, book.last_row(roster.people)
    ref = f"{first}{top}:{last}{bottom}"
    leads = (label(AssignmentRole.LEAD), label(AssignmentRole.CO_LEAD))
    condition = ", ".join(f'{first}{top}="{text}"' for text in leads)
    ws.conditional_formatting.add(
        ref,
        FormulaRule(
            formula=[f"OR({condition})"],
            fill=PatternFill("solid", bgColor=LEAD_FILL),
            font=Font(name=FONT_NAME, bold=True),
        ),
    )
    band(ws, f"A{top}:{get_column_letter(len(columns))}{bottom}")


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    today = options.day
    table_settings = settings_service.load(db)
    roster = chantier_roster(db, options.plan_id, today)
    summary = plan_service.list_chantiers(db, roster.plan_id, today=today)
    book = Book(
        _("Participation aux chantiers"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=roster.plan_title,
        progress=progress,
        banner=banner_for(db),
        streamed=True,  # only conditional formats are added after the rows
    )
    book.expect(roster.people + len(summary.rows) + roster.assignment_count)
    _roster_sheet(book, roster)
    summary_columns = cols(summary.columns, chantier=36, leads=40)
    book.data_sheet(
        _("Chantiers"),
        summary_columns[1:],
        (row[1:] for row in summary.rows),
        frozen_columns=2,
    )
    book.data_sheet(
        _("Affectations"),
        [
            Col(_("Chantier"), width=32),
            Col(_("Pilier"), width=26),
            Col(_("Nom"), width=18),
            Col(_("Prénom"), width=14),
            Col(_("Organisme"), width=34),
            Col(_("Rôle"), width=18),
            Col(_("Depuis le"), "date"),
            Col(_("Jusqu'au"), "date"),
            Col(_("En cours"), "bool"),
        ],
        (
            (
                a.chantier,
                a.pillar,
                a.last_name,
                a.first_name,
                a.organization,
                a.role,
                a.start_date,
                a.end_date,
                a.active,
            )
            for a in roster.assignments()
        ),
        frozen_columns=1,
    )
    return book.save(path)
