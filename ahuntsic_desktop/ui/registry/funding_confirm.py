"""Saving funding input that the services may question (a granted amount above the
request, a payment after the agreement's end): ask the person, then save with consent."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ...i18n import _
from ...services.funding import ConfirmationNeeded
from .common import confirm


def save_confirmed(parent: QWidget, save: Callable[[bool], object]) -> bool:
    """Call ``save(False)``; when a service asks for confirmation, ask the person and call
    ``save(True)`` if they agree. True when saved. Other errors pass through."""
    try:
        save(False)
    except ConfirmationNeeded as question:
        if not confirm(
            parent, question.message, title=_("Confirmer"), yes=_("Enregistrer quand même")
        ):
            return False
        save(True)
    return True
