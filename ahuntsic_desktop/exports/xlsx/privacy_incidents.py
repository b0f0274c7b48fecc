"""Registre des incidents de confidentialité, as a workbook to show the Commission d'accès
à l'information. Text a spreadsheet would read as a formula stays text (see ``common``)."""

from __future__ import annotations

from pathlib import Path

from ...i18n import _
from ...services.core import settings as settings_service
from ...services.privacy.incidents import list_incidents
from ...store import Database
from ..privacy_marks import banner_for
from .common import Book, Col, Progress

WIDTHS = {
    "description": 45,
    "information_concerned": 35,
    "risk_assessment": 40,
    "public_notice": 30,
    "measures": 40,
}


def write(db: Database, path: Path | str, progress: Progress | None = None) -> Path:
    settings = settings_service.load(db)
    table = list_incidents(db)
    banner = banner_for(db)
    book = Book(
        _("Registre des incidents de confidentialité"),
        table_name=settings.table_name,
        paper_size=settings.paper_size,
        progress=progress,
        banner=banner,
    )
    book.expect(len(table) + 1)
    columns = [Col(c.title, c.kind, WIDTHS.get(c.key), wrap=c.key in WIDTHS) for c in table.columns]
    book.data_sheet(_("Incidents"), columns, table.rows, frozen_columns=1)
    about = book.data_sheet(
        _("À propos"),
        [Col(_("Registre"), width=90, wrap=True)],
        [
            (banner.title,),
            (banner.officer,),
            (
                _(
                    "Registre tenu en application du Règlement sur les incidents de "
                    "confidentialité ; à communiquer à la Commission d'accès à "
                    "l'information sur demande."
                ),
            ),
        ],
        banding=False,
    )
    about.sheet_view.showGridLines = False
    return book.save(path)  # marked by the Book: properties, footers, first lines
