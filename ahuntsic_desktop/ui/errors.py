"""The last net: unexpected errors are logged and shown in French, never as a traceback."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..i18n import _
from ..paths import log_path

log = logging.getLogger("ahuntsic_desktop.unexpected")


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    QMessageBox.critical(parent, title or _("Ahuntsic Desktop"), message)


def unexpected_error_message() -> str:
    return _(
        "Une erreur inattendue est survenue et l'opération a été annulée.\n\n"
        "Les détails ont été enregistrés dans le journal :\n{path}\n\n"
        "Vous pouvez continuer à travailler ; si l'erreur revient, transmettez ce journal."
    ).format(path=log_path())


def _excepthook(kind, value, traceback) -> None:
    log.critical("Unexpected error", exc_info=(kind, value, traceback))
    if QApplication.instance() is not None:
        parent = QApplication.activeWindow()
        show_error(parent, unexpected_error_message(), _("Erreur inattendue"))


def install_excepthook() -> None:
    sys.excepthook = _excepthook
