"""Open a data file from the window, explaining every refusal and offering a way out."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..i18n import _
from ..paths import backups_dir
from ..store import Database, StoreError, StoreProblem

log = logging.getLogger(__name__)
FILE_FILTER = "Ahuntsic Desktop (*.sqlite *.db);;" + "*"


def open_database(parent: QWidget | None, path: Path, *, create: bool = False) -> Database | None:
    """The open file, or None when it could not be opened (the user was told why)."""
    from PySide6.QtCore import Qt

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return Database.open(path, create=create, backup_dir=backups_dir())
    except StoreError as error:
        log.warning("Refused to open %s: %s", path, error.problem)
        QApplication.restoreOverrideCursor()
        return _explain(parent, path, error)
    finally:
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()


def _explain(parent: QWidget | None, path: Path, error: StoreError) -> Database | None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Impossible d'ouvrir le fichier"))
    box.setText(error.message)
    read_only = None
    if error.problem in (StoreProblem.IN_USE, StoreProblem.READ_ONLY):
        read_only = box.addButton(_("Ouvrir en lecture seule"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Annuler"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if read_only is not None and box.clickedButton() is read_only:
        try:
            return Database.open(path, read_only=True)
        except StoreError as second:
            QMessageBox.warning(parent, _("Impossible d'ouvrir le fichier"), second.message)
    return None
