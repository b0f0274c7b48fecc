"""« Modèles de courriel »: the templates in French and English, with the fields they may
use ({prenom}, {date_reunion}...), edited and checked before saving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import communications as com
from ...services.communications import templates
from ...services.core.errors import ValidationError
from ..context import Context
from ..widgets import unsaved
from ..widgets.forms import error_label, fill_combo
from ..widgets.messages import show_field_error
from ..widgets.unsaved import Choice, GuardedDialog


class TemplatesDialog(GuardedDialog):
    """Templates listed on the left, the one chosen edited on the right; leaving an edited
    template (another in the list, a new one, closing) asks first."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.editing: int | None = None
        self.setWindowTitle(_("Modèles de courriel"))
        self.resize(820, 520)
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.new_button = QPushButton(_("&Nouveau modèle"), self)
        self.new_button.setObjectName("newTemplate")
        self.delete_button = QPushButton(_("&Supprimer"), self)
        self.delete_button.setObjectName("deleteTemplate")
        self.name = QLineEdit(self)
        self.name.setObjectName("templateName")
        self.language = QComboBox(self)
        self.language.setObjectName("templateLanguage")
        fill_combo(self.language, [("fr", _("Français")), ("en", _("Anglais"))])
        self.subject = QLineEdit(self)
        self.subject.setObjectName("templateSubject")
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("templateBody")
        fields = ", ".join(f"{{{k}}} : {_(text)}" for k, text in templates.FIELDS.items())
        help_text = QLabel(_("Champs possibles — {fields}").format(fields=fields), self)
        help_text.setWordWrap(True)
        self.error = error_label(self)
        self.save_button = QPushButton(_("&Enregistrer le modèle"), self)
        self.save_button.setObjectName("saveTemplate")
        form = QFormLayout()
        form.addRow(_("N&om :"), self.name)
        form.addRow(_("&Langue :"), self.language)
        form.addRow(_("O&bjet :"), self.subject)
        form.addRow(_("&Texte :"), self.body)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        left.addWidget(self.delete_button)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addWidget(help_text)
        right.addWidget(self.error)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 2)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Fermer"))
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.list.currentItemChanged.connect(self._another_chosen)
        self.new_button.clicked.connect(lambda: self._leave_current() and self.new_template())
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        read_only = context.db.read_only
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setEnabled(not read_only)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for line in templates.list_templates(self.context.db):
            item = QListWidgetItem(line.label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            if line.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_current()

    def unsaved_state(self) -> tuple:
        return (
            self.name.text(),
            self.language.currentData(),
            self.subject.text(),
            self.body.toPlainText(),
        )

    def save_changes(self) -> bool:
        self.save()
        if self.error.isVisible():
            return False
        QDialog.accept(self)
        return True

    def _leave_current(self) -> bool:
        """True when the template on the right may be left: untouched, saved or discarded."""
        if not self.is_dirty():
            return True
        choice = unsaved.ask_to_save(self, [self.name.text() or self.unsaved_name()])
        if choice is Choice.SAVE:
            self.save()
            return not self.error.isVisible()
        return choice is Choice.DISCARD

    def _another_chosen(self, current, previous) -> None:
        if not self.is_dirty():
            self._show_current()
            return
        target = None if current is None else current.data(Qt.ItemDataRole.UserRole)
        choice = unsaved.ask_to_save(self, [self.name.text() or self.unsaved_name()])
        if choice is Choice.DISCARD:
            self._show_current()
            return
        if choice is Choice.SAVE:
            self.save()
            if not self.error.isVisible():
                self.refresh(target)  # saved: on to the template chosen
                return
        self.list.blockSignals(True)  # cancelled or refused: the edited one stays chosen
        self.list.setCurrentItem(previous)
        self.list.blockSignals(False)

    def _show_current(self, *_args) -> None:
        item = self.list.currentItem()
        if item is None:
            self.new_template()
            return
        line = templates.get_template(self.context.db, item.data(Qt.ItemDataRole.UserRole))
        self.editing = line.id
        self.name.setText(line.name)
        fill_combo(self.language, [("fr", _("Français")), ("en", _("Anglais"))], line.language)
        self.subject.setText(line.subject)
        self.body.setPlainText(line.body)
        self.error.hide()
        self.mark_clean()

    def new_template(self) -> None:
        self.editing = None
        self.list.clearSelection()
        for edit in (self.name, self.subject):
            edit.clear()
        self.body.clear()
        self.name.setFocus()
        self.mark_clean()

    def save(self) -> None:
        data = com.TemplateData(
            self.name.text(),
            self.language.currentData(),
            self.subject.text(),
            self.body.toPlainText(),
        )
        fields = {"name": self.name, "subject": self.subject, "body": self.body}
        try:
            saved = templates.save_template(self.context.db, data, self.editing)
        except ValidationError as error:
            show_field_error(self.error, error, fields)
            return
        self.refresh(saved)

    def delete(self) -> None:
        if self.editing is not None:
            templates.delete_template(self.context.db, self.editing)
        self.refresh()
