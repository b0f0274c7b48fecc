"""What the démarche's tabs and dialogs share: a list with « Ajouter », « Modifier » and
« Supprimer » whose rows open with Enter or a double-click, and a form dialog that saves
through one service call and shows its refusal next to the field at fault."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.core.listing import Table
from ..registry.common import Form, FormDialog, confirm, save_button, save_buttons
from ..widgets.flow_layout import FlowLayout
from ..widgets.list_view import ListView

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _EnterOpens(QObject):
    def __init__(self, view, callback: Callable[[], None]) -> None:
        super().__init__(view)
        self.callback = callback

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in ENTER_KEYS:
            self.callback()
            return True
        return False


def open_on_enter(view, callback: Callable[[], None]) -> None:
    """Enter (or the keypad's Enter) on ``view`` calls ``callback``, as a double-click does."""
    view.installEventFilter(_EnterOpens(view, callback))


class ListPanel(QWidget):
    """A list of records with its buttons; ``opened(id)`` on Enter or double-click,
    ``add_requested`` and ``delete_requested(id)`` from the buttons."""

    opened = Signal(int)
    add_requested = Signal()
    delete_requested = Signal(int)

    def __init__(self, name: str, add_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.list = ListView(self)
        self.list.view.setObjectName(f"{name}List")
        self.add_button = QPushButton(add_text, self)
        self.add_button.setObjectName(f"{name}Add")
        self.edit_button = QPushButton(_("Modifier…"), self)
        self.edit_button.setObjectName(f"{name}Edit")
        self.delete_button = QPushButton(_("Supprimer"), self)
        self.delete_button.setObjectName(f"{name}Delete")
        buttons = FlowLayout()  # wraps on a narrow screen
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self.list.activated.connect(self.opened)
        open_on_enter(self.list.view, self.open_current)
        self.add_button.clicked.connect(self.add_requested)
        self.edit_button.clicked.connect(self.open_current)
        self.delete_button.clicked.connect(self._delete_current)

    def set_table(self, table: Table, writable: bool) -> None:
        self.list.set_table(table)
        self.add_button.setEnabled(writable)
        self.delete_button.setEnabled(writable)

    def current_id(self) -> int | None:
        ids = self.list.selected_ids()
        if ids:
            return ids[0]
        index = self.list.view.currentIndex()
        if not index.isValid():
            return None
        return self.list.model.row_id(self.list.proxy.mapToSource(index).row())

    def open_current(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self.opened.emit(record_id)

    def _delete_current(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self.delete_requested.emit(record_id)

    def select_id(self, record_id: int) -> None:
        for row in range(self.list.proxy.rowCount()):
            source = self.list.proxy.mapToSource(self.list.proxy.index(row, 0))
            if self.list.model.row_id(source.row()) == record_id:
                self.list.view.selectRow(row)
                return


class ServiceDialog(FormDialog):
    """A form with « Enregistrer » and « Annuler »: :meth:`save` calls the service and
    returns the record's id; a :class:`ValidationError` lands under its field."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.record_id: int | None = None
        self.form = Form(self)
        self.buttons = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not context.db.read_only)
        save_button(self.buttons).setDefault(True)

    def finish_layout(self, *extra: QWidget) -> None:
        layout = QVBoxLayout()
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)

    def save(self) -> int:
        raise NotImplementedError

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.record_id = self.save()
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()


def confirm_delete(parent: QWidget, what: str) -> bool:
    return confirm(
        parent,
        _("Supprimer {what} ? Cette action est définitive.").format(what=what),
        title=_("Supprimer"),
        yes=_("Supprimer"),
    )
