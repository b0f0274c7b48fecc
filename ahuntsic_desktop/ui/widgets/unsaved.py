"""No lost edits: an editor knows when it is dirty, and leaving it asks « Enregistrer /
Ne pas enregistrer / Annuler ».

- :func:`snapshot` reads the values of every input under a widget; an editor keeps the
  snapshot taken when it was loaded (or saved) and is dirty when the values differ.
- An *editor* is any object with ``unsaved_name()``, ``is_dirty()``, ``save_changes()``
  (True when saved) and ``discard_changes()``; :func:`confirm_leave` asks once for all of
  the dirty ones (the main window asks it before quitting, switching pages or files).
- :class:`GuardedDialog` is a ``QDialog`` whose Esc, close button and « Annuler » ask
  first when something was changed; « Enregistrer » presses the dialog's own save button,
  so its validation runs and a refused save keeps the dialog open.

:func:`ask_to_save` is the one place the question is asked: tests patch it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QWidget,
)

from ...i18n import _

IGNORE_PROPERTY = "unsavedIgnore"  # set on inputs that are not part of the record (search)
TRACK_PROPERTY = "unsavedTrack"  # set on editable tables whose cells are part of the record


class Choice(enum.Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Editor(Protocol):
    def unsaved_name(self) -> str: ...
    def is_dirty(self) -> bool: ...
    def save_changes(self) -> bool: ...
    def discard_changes(self) -> None: ...


def ask_with_box(parent: QWidget | None, names: Sequence[str], can_save: bool = True) -> Choice:
    """The real question, in a message box (see :func:`ask_to_save`)."""
    if not can_save:
        text = _("Abandonner « {name} » ?").format(name=", ".join(names))
    elif len(names) == 1:
        text = _("Enregistrer les modifications de « {name} » ?").format(name=names[0])
    else:
        text = (
            _("Enregistrer les modifications de ces éléments ?")
            + "\n\n"
            + "\n".join(f"• {name}" for name in names)
        )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("Modifications non enregistrées"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("unsavedQuestion")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(
        _("Sinon, vos modifications seront perdues.")
        if can_save
        else _("Les choix faits jusqu'ici seront perdus.")
    )
    if can_save:
        save = box.addButton(QMessageBox.StandardButton.Save)
        save.setText(_("Enregistrer"))
    discard = box.addButton(QMessageBox.StandardButton.Discard)
    discard.setText(_("Ne pas enregistrer") if can_save else _("Abandonner"))
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setText(_("Annuler") if can_save else _("Continuer"))
    box.setDefaultButton(save if can_save else cancel)
    box.setEscapeButton(cancel)
    box.exec()
    # By the standard button, not the Python wrapper: another wrapper may stand for the
    # same button once an event filter has handled it.
    clicked = box.standardButton(box.clickedButton()) if box.clickedButton() else None
    if clicked == QMessageBox.StandardButton.Save:
        return Choice.SAVE
    if clicked == QMessageBox.StandardButton.Discard:
        return Choice.DISCARD
    return Choice.CANCEL


def ask_to_save(parent: QWidget | None, names: Sequence[str], can_save: bool = True) -> Choice:
    """Ask whether to save the changes of ``names``: the seam tests patch. ``can_save``
    False (a wizard, nothing is kept before its last step) asks only whether to abandon."""
    return ask_with_box(parent, names, can_save)


def confirm_leave(parent: QWidget | None, editors: Iterable[Editor]) -> bool:
    """Ask once about every dirty editor; True when leaving may go on (all saved or
    discarded), False when the user cancelled or a save was refused."""
    dirty = [editor for editor in editors if editor.is_dirty()]
    if not dirty:
        return True
    choice = ask_to_save(parent, [editor.unsaved_name() for editor in dirty])
    if choice is Choice.CANCEL:
        return False
    if choice is Choice.SAVE:
        return all(editor.save_changes() for editor in dirty)
    for editor in dirty:
        editor.discard_changes()
    return True


# -- what an editor holds -----------------------------------------------------------------


def _value(widget: QWidget) -> object:
    custom = getattr(widget, "unsaved_value", None)
    if callable(custom):
        return custom()
    if isinstance(widget, QAbstractItemView):
        return _item_values(widget)
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText() if widget.isEditable() else "")
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QCheckBox | QRadioButton):
        return widget.isChecked()
    return None


INPUTS = (
    QComboBox,
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QCheckBox,
    QRadioButton,
)


def _item_values(view: QAbstractItemView) -> tuple:
    """What an editable table holds: the text and tick of every top-level cell."""
    model = view.model()
    if model is None:
        return ()
    return tuple(
        (
            model.data(model.index(row, column), Qt.ItemDataRole.EditRole),
            model.data(model.index(row, column), Qt.ItemDataRole.CheckStateRole),
        )
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    )


def _tracked(widget: QWidget) -> bool:
    if widget.property(IGNORE_PROPERTY):
        return False
    if callable(getattr(widget, "unsaved_value", None)):
        return True  # a composite editor (representations) says what it holds
    if isinstance(widget, QAbstractItemView):
        return bool(widget.property(TRACK_PROPERTY))  # most lists choose, they don't edit
    return isinstance(widget, INPUTS)


def _inputs(root: QWidget) -> list[QWidget]:
    found = []
    for widget in root.findChildren(QWidget):
        if not _tracked(widget):
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            continue  # the line edit inside a combo or a spin box: its owner says it
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit) and widget.isReadOnly():
            continue
        found.append(widget)
    return found


def snapshot(root: QWidget) -> tuple:
    """The values of every input under ``root``, to compare later. Sorted: Qt's order of
    children changes when a tab is first shown (widgets are reparented), not their values."""
    return tuple(sorted(((w.objectName(), _value(w)) for w in _inputs(root)), key=repr))


def track(view: QAbstractItemView) -> QAbstractItemView:
    """Count the cells of the editable table ``view`` in what makes an editor dirty."""
    view.setProperty(TRACK_PROPERTY, True)
    return view


def ignore(widget: QWidget) -> QWidget:
    """Leave ``widget`` (a search field, a filter) out of what makes an editor dirty."""
    widget.setProperty(IGNORE_PROPERTY, True)
    return widget


# -- dialogs ------------------------------------------------------------------------------


class GuardedDialog(QDialog):
    """A dialog that asks before closing on unsaved changes (Esc, close, « Annuler »).

    The clean state is read when the dialog is first shown (its fields are filled by then);
    call :meth:`mark_clean` after reloading it. ``unsaved_title`` names it in the question
    (the window title when empty)."""

    unsaved_title = ""
    guards_edits = True  # False for a dialog that chooses or previews rather than edits
    can_save = True  # False: the question only offers to abandon (an irreversible action)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clean: tuple | None = None
        self._asking = False

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._clean is None:
            self.mark_clean()

    def mark_clean(self) -> None:
        self._clean = self.unsaved_state()

    def unsaved_state(self) -> tuple:
        """What is compared with the clean state; a dialog adds what its inputs don't hold
        (a chosen row)."""
        return snapshot(self)

    def unsaved_name(self) -> str:
        return self.unsaved_title or self.windowTitle() or _("cette fenêtre")

    def is_dirty(self) -> bool:
        return self.guards_edits and self._clean is not None and self.unsaved_state() != self._clean

    def _save_button(self) -> QAbstractButton | None:
        for box in self.findChildren(QDialogButtonBox):
            for button in box.buttons():
                role = box.buttonRole(button)
                if (
                    role
                    in (
                        QDialogButtonBox.ButtonRole.AcceptRole,
                        QDialogButtonBox.ButtonRole.YesRole,
                        QDialogButtonBox.ButtonRole.ApplyRole,
                    )
                    and button.isVisible()
                ):
                    return button
        return None

    def save_changes(self) -> bool:
        """Save as the dialog's own save button does; True when it closed accepted."""
        button = self._save_button()
        if button is not None:
            if not button.isEnabled():
                return False
            button.click()
        else:
            self.accept()
        return self.result() == QDialog.DialogCode.Accepted and not self.isVisible()

    def discard_changes(self) -> None:
        self.close_without_asking()

    def close_without_asking(self) -> None:
        QDialog.reject(self)

    def reject(self) -> None:
        if self._asking or not self.is_dirty():
            QDialog.reject(self)
            return
        self._asking = True
        try:
            choice = ask_to_save(self, [self.unsaved_name()], self.can_save)
        finally:
            self._asking = False
        if choice is Choice.SAVE and self.can_save:
            self.save_changes()
        elif choice is Choice.DISCARD:
            QDialog.reject(self)


def ask_to_abandon(parent: QWidget, name: str, started: bool) -> bool:
    """For a wizard (nothing is kept before its last step): True when it may close, asked
    only once the user has ``started`` (chosen a file, moved past the first page)."""
    return not started or ask_to_save(parent, [name], False) is Choice.DISCARD
