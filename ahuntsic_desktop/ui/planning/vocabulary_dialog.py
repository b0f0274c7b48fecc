"""The two vocabularies the table edits: activity types and themes. A term is added,
renamed or deleted (when unused); Enter or a double-click on a term puts it in the field
to rename it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services import planning
from ...services.core.errors import ValidationError
from ..meetings.common import clear_error
from ..widgets.forms import error_label
from ..widgets.unsaved import GuardedDialog
from .common import open_on_enter


class TermEditor(QGroupBox):
    def __init__(self, title: str, name: str, db, calls: dict[str, Callable],
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(title, parent)
        self.setObjectName(name)
        self.db, self.calls = db, calls
        self.renaming: int | None = None  # the term picked to rename, until written
        self.list = QListWidget(self)
        self.list.setObjectName(f"{name}List")
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"{name}Name")
        self.edit.setPlaceholderText(_("Nom du terme, puis Entrée pour l'ajouter"))
        self.error = error_label(self, f"{name}Error")
        self.add_button = QPushButton(_("Ajouter"), self)
        self.rename_button = QPushButton(_("Renommer"), self)
        self.delete_button = QPushButton(_("Supprimer"), self)
        for button, suffix in ((self.add_button, "Add"), (self.rename_button, "Rename"),
                               (self.delete_button, "Delete")):  # fmt: skip
            button.setObjectName(f"{name}{suffix}")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        writable = not db.read_only
        for widget in (self.edit, self.add_button, self.rename_button, self.delete_button):
            widget.setEnabled(writable)
        self.list.itemDoubleClicked.connect(lambda _i: self.pick())
        open_on_enter(self.list, self.pick)
        open_on_enter(self.edit, self.add)  # not the dialog's button
        self.edit.textEdited.connect(lambda _t: clear_error(self.error))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        self.list.clear()
        for term in self.calls["list"](self.db):
            text = term.name
            if term.uses:
                text += " " + ngettext("({n} usage)", "({n} usages)", term.uses).format(n=term.uses)
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, term.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, term.name)
            if term.id == select:
                self.list.setCurrentItem(item)

    def current(self) -> tuple[int, str] | None:
        item = self.list.currentItem()
        if item is None:
            return None
        return item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1)

    def pick(self) -> None:
        current = self.current()
        if current is not None:
            self.renaming = current[0]
            self.edit.setText(current[1])
            self.edit.setFocus()
            self.edit.selectAll()

    def _run(self, call: Callable[[], int | None]) -> None:
        clear_error(self.error)
        try:
            term_id = call()
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            self.edit.setFocus()
            return
        self.edit.clear()
        self.renaming = None
        self.reload(term_id)

    def add(self) -> None:
        self._run(lambda: self.calls["create"](self.db, self.edit.text()))

    def rename(self) -> None:
        current = self.current()
        if current is None:
            return

        def call() -> int:
            self.calls["rename"](self.db, current[0], self.edit.text())
            return current[0]

        self._run(call)

    def delete(self) -> None:
        current = self.current()
        if current is not None:
            self._run(lambda: self.calls["delete"](self.db, current[0]))

    def write_pending(self) -> bool:
        """Add (or rename) the term left in the field; True when nothing is left."""
        if not self.edit.text().strip():
            return True
        current = self.current()
        if self.renaming is not None and current is not None and current[0] == self.renaming:
            self.rename()
        else:
            self.add()
        return not self.edit.text().strip()


class VocabularyDialog(GuardedDialog):
    """A term typed (or picked to rename) and not yet added or renamed is an unsaved edit:
    « Fermer » or Esc then asks; « Enregistrer » adds or renames it."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Vocabulaires de la démarche"))
        self.resize(760, 480)
        db = context.db
        self.types = TermEditor(
            _("Types d'activité"),
            "types",
            db,
            {"list": planning.list_activity_types, "create": planning.create_activity_type,
             "rename": planning.rename_activity_type, "delete": planning.delete_activity_type},
        )  # fmt: skip
        self.themes = TermEditor(
            _("Thèmes des contributions"),
            "themes",
            db,
            {"list": planning.list_themes, "create": planning.create_theme,
             "rename": planning.rename_theme, "delete": planning.delete_theme},
        )  # fmt: skip
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Fermer"))
        buttons.rejected.connect(self.reject)
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.types)
        row.addWidget(self.themes)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)

    def save_changes(self) -> bool:
        if not all(editor.write_pending() for editor in (self.types, self.themes)):
            return False
        self.done(QDialog.DialogCode.Accepted)
        return True
