"""« Enregistrer le rapport d'erreurs… »: the rows to fix, written as a workbook."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ...i18n import _
from ...services.core import settings as settings_service
from ..errors import show_error, unexpected_error_message
from ..widgets.files import ask_save_path, offer_to_open, xlsx_filter
from ..widgets.worker import run_task

log = logging.getLogger(__name__)


def save_report(parent: QWidget, wizard) -> None:
    """Ask where, then write the error report of the wizard's preview (and result)."""
    from ...exports.xlsx.import_report import default_filename, write_import_report

    preview, result = wizard.preview, wizard.result_
    if preview is None:
        return
    name = ask_save_path(
        parent,
        _("Enregistrer le rapport d'erreurs"),
        default_filename(preview.file_name),
        xlsx_filter(),
    )
    if name is None:
        return
    from ...exports.privacy_marks import banner_for

    table_name = settings_service.load(wizard.db).table_name
    banner = banner_for(wizard.db)  # the rows it copies are personal information

    def work(progress):
        return write_import_report(
            name, preview, result, table_name=table_name, progress=progress, banner=banner
        )

    def done(path) -> None:
        wizard.report_path = Path(path)
        offer_to_open(parent, Path(path))

    def failed(error) -> None:
        if isinstance(error, OSError):
            show_error(
                parent, _("Le rapport n'a pas pu être enregistré : {error}").format(error=error)
            )
        else:
            log.error("Import report failed", exc_info=error)
            show_error(parent, unexpected_error_message())

    run_task(wizard, work, done, failed)
