"""Financement: the funding year for the board and the auditor, one sheet per view:
per funder and per programme (requested, granted, received, success rate), applications,
instalments, the agreements to renew, and the allocations to chantiers and projects."""

from __future__ import annotations

from pathlib import Path

from ...i18n import _
from ...services.core import settings as settings_service
from ...services.core.periods import Period, check_period
from ...services.funding.allocations import list_allocations
from ...services.funding.applications import list_applications
from ...services.funding.instalments import list_instalments
from ...services.funding.overview import FunderYear, fiscal_year, funding_year, renewals
from ...store import Database
from ..catalog import ExportOptions, Progress
from .common import Book, Col, cols


def _period(db: Database, options: ExportOptions) -> Period:
    if options.start is None and options.end is None:
        return fiscal_year(db, options.day)
    return check_period(options.start, options.end)


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    period = _period(db, options)
    table_settings = settings_service.load(db)
    years = funding_year(db, period)
    programmes = funding_year(db, period, by_programme=True)
    applications = list_applications(db, period)
    instalments = list_instalments(db, options.day, period=period)
    ending = renewals(db, period)
    allocations = list_allocations(db, period)
    book = Book(
        _("Financement"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=str(period),
        progress=progress,
    )
    book.expect(
        len(years) + len(programmes) + len(applications) + len(instalments) + len(ending)
        + len(allocations)
    )  # fmt: skip
    _year_sheet(book, _("Par bailleur"), years, programme=False)
    _year_sheet(book, _("Par programme"), programmes, programme=True)
    book.data_sheet(_("Demandes"), cols(applications.columns), applications.rows, frozen_columns=1)
    book.data_sheet(_("Versements"), cols(instalments.columns), instalments.rows, frozen_columns=1)
    book.data_sheet(
        _("Renouvellements"),
        [
            Col(_("Bailleur de fonds"), width=44),
            Col(_("Programme"), width=40),
            Col(_("Montant"), "money", 16),
            Col(_("Fin"), "date"),
            Col(_("Renouvellement"), width=22),
        ],
        [(r.funder, r.programme, r.amount_cents, r.end_date, r.renewal) for r in ending],
        frozen_columns=1,
    )
    book.data_sheet(_("Répartition"), cols(allocations.columns), allocations.rows, frozen_columns=1)
    return book.save(path)


def _year_sheet(book: Book, title: str, years: list[FunderYear], *, programme: bool) -> None:
    book.data_sheet(
        title,
        [
            Col(_("Bailleur de fonds"), width=44),
            *([Col(_("Programme"), width=40)] if programme else []),
            Col(_("Demandes"), "int", 11),
            Col(_("Montant demandé"), "money", 16),
            Col(_("Décisions"), "int", 11),
            Col(_("Acceptées"), "int", 11),
            Col(_("Taux de succès"), "percent", 12),
            Col(_("Montant accordé"), "money", 16),
            Col(_("Montant reçu"), "money", 16),
        ],
        [
            (
                y.funder,
                *([y.programme] if programme else []),
                y.applications,
                y.requested_cents,
                y.decided,
                y.accepted,
                y.success_rate,
                y.granted_cents,
                y.received_cents,
            )
            for y in years
        ],  # fmt: skip
        frozen_columns=2 if programme else 1,
    )
