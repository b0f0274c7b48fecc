"""The last net: unexpected errors are logged and shown in French, never as a traceback.

A write refused because another program holds the file, or the disk is full or failing
(:data:`~ahuntsic_desktop.store.RETRYABLE`), is not unexpected: the work was rolled back
and the user is offered to try again (:func:`ask_retry`, :func:`retrying`).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..i18n import _
from ..paths import log_path
from ..store import RETRYABLE, StoreError
from .widgets.messages import clicked, show_error

log = logging.getLogger("ahuntsic_desktop.unexpected")
T = TypeVar("T")


def unexpected_error_message() -> str:
    return _(
        "Une erreur inattendue est survenue et l'opération a été annulée.\n\n"
        "Les détails ont été enregistrés dans le journal :\n{path}\n\n"
        "Vous pouvez continuer à travailler ; si l'erreur revient, transmettez ce journal."
    ).format(path=log_path())


def can_retry(error: BaseException) -> bool:
    return isinstance(error, StoreError) and error.problem in RETRYABLE


def retry_box(parent: QWidget | None, error: StoreError) -> QMessageBox:
    """« Réessayer » / « Annuler » for a write that may pass later (``box.retry`` is the
    first button)."""
    box = QMessageBox(parent)
    box.setObjectName("retryBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_("Enregistrement impossible pour l'instant"))
    box.setText(error.message)
    if error.advice:
        box.setInformativeText(error.advice)
    box.retry = box.addButton(_("Réessayer"), QMessageBox.ButtonRole.AcceptRole)
    box.retry.setObjectName("retry")
    box.addButton(_("Annuler"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(box.retry)
    return box


def ask_retry(parent: QWidget | None, error: StoreError) -> bool:
    """Show ``error`` with « Réessayer » and « Annuler »; True when the user retries."""
    box = retry_box(parent, error)
    box.exec()
    return clicked(box) == "retry"


def retrying(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """``action()``, offered again while it fails on a busy file or a full disk; None
    when the user gives up (the action rolled back: nothing was half-done)."""
    while True:
        try:
            return action()
        except StoreError as error:
            if not can_retry(error):
                raise
            log.info("Write refused (%s), the user may retry", error.problem)
            if not ask_retry(parent, error):
                return None


def _excepthook(kind, value, traceback) -> None:
    if isinstance(value, StoreError):  # explained in French: no need for the trace
        log.warning("Store refused the work: %s (%s)", value.problem, value.detail)
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), str(value))
        return
    log.critical("Unexpected error", exc_info=(kind, value, traceback))
    if QApplication.instance() is not None:
        parent = QApplication.activeWindow()
        show_error(parent, unexpected_error_message(), _("Erreur inattendue"))


def install_excepthook() -> None:
    sys.excepthook = _excepthook
