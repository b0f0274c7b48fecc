"""Financement: the funding year for the board and the auditor, one sheet per view:
per funder (requested, granted, received, success rate), applications, instalments."""

from __future__ import annotations

from pathlib import Path

from ...i18n import _
from ...services.core import settings as settings_service
from ...services.core.periods import Period, check_period
from ...services.funding.applications import list_applications
from ...services.funding.instalments import list_instalments
from ...services.funding.overview import fiscal_year, funding_year
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
    applications = list_applications(db, period)
    instalments = list_instalments(db, options.day, period=period)
    book = Book(
        _("Financement"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=str(period),
        progress=progress,
    )
    book.expect(len(years) + len(applications) + len(instalments))
    book.data_sheet(
        _("Par bailleur"),
        [
            Col(_("Bailleur de fonds"), width=44),
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
        frozen_columns=1,
    )
    book.data_sheet(_("Demandes"), cols(applications.columns), applications.rows, frozen_columns=1)
    book.data_sheet(_("Versements"), cols(instalments.columns), instalments.rows, frozen_columns=1)
    return book.save(path)
