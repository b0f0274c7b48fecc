"""The one way the window says something went wrong: a message box for the window
(:func:`show_error`), or a red line beside the form with the cursor put in the field at
fault (:func:`show_field_error`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from ...i18n import _
from ...services.core.errors import ValidationError


def clicked(box: QMessageBox) -> str:
    """The object name of the button that closed ``box`` ("" if none). Buttons are told
    apart by name, not by Python identity: once an event filter has handled a button, Qt
    may hand back another wrapper for it, and ``is`` fails."""
    button = box.clickedButton()
    return button.objectName() if button is not None else ""


def show_error(parent: QWidget | None, message: str, title: str | None = None) -> None:
    """A French message box that says what went wrong and what to do."""
    QMessageBox.critical(parent, title or _("Ahuntsic Desktop"), message)


def focus_field(widget: QWidget | None) -> None:
    if widget is not None:
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(widget, QLineEdit):
            widget.selectAll()


def show_field_error(label: QLabel, error: ValidationError, fields: dict[str, QWidget]) -> None:
    """Show ``error`` in ``label`` and put the cursor in the field at fault, if known."""
    label.setText(error.message)
    label.show()
    focus_field(fields.get(error.field or ""))
