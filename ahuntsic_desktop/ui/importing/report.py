"""« Enregistrer le rapport d'erreurs… »: the rows to fix, written as a workbook."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...i18n import _
from ...services.core import settings as settings_service
from ..errors import show_error, unexpected_error_message
from .file_page import remember_folder, start_folder
from .worker import run_task

log = logging.getLogger(__name__)


def save_report(parent: QWidget, wizard) -> None:
    """Ask where, then write the error report of the wizard's preview (and result)."""
    from ...exports.xlsx.import_report import default_filename, write_import_report

    preview, result = wizard.preview, wizard.result_
    if preview is None:
        return
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Enregistrer le rapport d'erreurs"),
        str(Path(start_folder()) / default_filename(preview.file_name)),
        _("Classeur Excel (*.xlsx)"),
    )
    if not name:
        return
    from ...exports.privacy_marks import banner_for

    table_name = settings_service.load(wizard.db).table_name
    banner = banner_for(wizard.db)  # the rows it copies are personal information

    def work(progress):
        return write_import_report(
            name, preview, result, table_name=table_name, progress=progress, banner=banner
        )

    def done(path) -> None:
        remember_folder(path)
        wizard.report_path = Path(path)
        QMessageBox.information(
            parent,
            _("Rapport enregistré"),
            _("Le rapport est enregistré dans {path}.").format(path=path),
        )

    def failed(error) -> None:
        if isinstance(error, OSError):
            show_error(
                parent, _("Le rapport n'a pas pu être enregistré : {error}").format(error=error)
            )
        else:
            log.error("Import report failed", exc_info=error)
            show_error(parent, unexpected_error_message())

    run_task(wizard, work, done, failed)
