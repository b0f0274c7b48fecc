"""Registre des membres: organisations, persons, memberships, categories and dues per year."""

from __future__ import annotations

from pathlib import Path

from ...i18n import _
from ...services.core import settings as settings_service
from ...services.registry import memberships as membership_service
from ...services.registry.register import member_register
from ...store import Database
from ..catalog import ExportOptions, Progress
from ..privacy_marks import banner_for
from .common import Book, Col, cols


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    today = options.day
    table_settings = settings_service.load(db)
    register = member_register(db, today, include_contacts=options.include_contacts)
    memberships = membership_service.list_memberships(db, today=today)
    book = Book(
        _("Registre des membres"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=_("Membres au {year}").format(year=register.year_label),
        progress=progress,
        banner=banner_for(db),
        streamed=True,  # nothing is added to a sheet after its rows: write-only
    )
    book.expect(
        len(register.organizations)
        + len(register.persons)
        + len(memberships)
        + len(register.categories)
        + len(register.dues_by_year)
    )
    book.data_sheet(
        _("Organismes"),
        cols(register.organizations.columns, name=36, address=32, email=34, representatives=40),
        register.organizations.rows,
        frozen_columns=1,
    )
    book.data_sheet(
        _("Personnes"),
        cols(register.persons.columns, organizations=45),
        register.persons.rows,
        frozen_columns=2,
    )
    membership_columns = [
        Col(c.title, c.kind, {"member": 40, "year": 11, "receipt": 11}.get(c.key))
        for c in memberships.columns
    ]
    book.data_sheet(_("Adhésions"), membership_columns, memberships.rows, frozen_columns=1)
    book.data_sheet(_("Catégories"), cols(register.categories.columns), register.categories.rows)
    book.data_sheet(
        _("Cotisations par année"),
        cols(register.dues_by_year.columns, year=16),
        register.dues_by_year.rows,
    )
    return book.save(path)
