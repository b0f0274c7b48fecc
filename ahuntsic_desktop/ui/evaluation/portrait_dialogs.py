"""Dialogs of the Portrait page: an issue or diagnostic with what supports it, a resident's
story, and a map or picture to add. Errors show under the form, the cursor in the field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.labels import choices
from ...domain.portrait_parts import IssueKind
from ...i18n import _
from ...services import portrait
from ...services.core.errors import ValidationError
from ...services.plan.chantiers import person_choices
from ..meetings.common import clear_error, error_label, select_data, show_field_error
from ..widgets.files import ask_open_path
from ..widgets.unsaved import GuardedDialog


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def checklist(parent: QWidget, name: str, items, chosen) -> QListWidget:
    box = QListWidget(parent)
    box.setObjectName(name)
    box.setFixedHeight(120)
    for item_id, text in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, item_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        checked = Qt.CheckState.Checked if item_id in chosen else Qt.CheckState.Unchecked
        item.setCheckState(checked)
        box.addItem(item)
    return box


def checked_ids(box: QListWidget) -> list[int]:
    items = (box.item(i) for i in range(box.count()))
    return [
        i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked
    ]


class IssueDialog(GuardedDialog):
    def __init__(self, context, issue_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.issue_id = context, issue_id
        self.setWindowTitle(_("Enjeu ou diagnostic"))
        self.setMinimumWidth(620)
        db = context.db
        current = next((i for i in portrait.list_issues(db) if i.id == issue_id), None)
        self.title = QLineEdit(current.title if current else "", self)
        self.title.setObjectName("title")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for value, text in choices(IssueKind):
            self.kind.addItem(text, value)
        select_data(self.kind, current.kind if current else IssueKind.ISSUE.value)
        self.theme = QLineEdit(current.theme if current else "", self)
        self.theme.setObjectName("theme")
        self.population = QLineEdit(current.population if current else "", self)
        self.population.setObjectName("population")
        self.text = QPlainTextEdit((current.text or "") if current else "", self)
        self.text.setObjectName("text")
        self.text.setFixedHeight(80)
        self.indicators = checklist(self, "indicators", portrait.indicator_choices(db),
                                    set(current.indicator_ids if current else ()))  # fmt: skip
        self.contributions = checklist(self, "contributions", portrait.contribution_choices(db),
                                       set(current.contribution_ids if current else ()))  # fmt: skip
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(_("Titre :"), self.title)
        form.addRow(_("Nature :"), self.kind)
        form.addRow(_("Thème :"), self.theme)
        form.addRow(_("Population concernée :"), self.population)
        form.addRow(_("Description :"), self.text)
        form.addRow(_("Indicateurs qui l'appuient :"), self.indicators)
        form.addRow(_("Contributions qui l'appuient :"), self.contributions)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, _("Enregistrer")))
        self.fields = {"title": self.title, "kind": self.kind, "theme": self.theme,
                       "population": self.population, "text": self.text,
                       "indicators": self.indicators, "contributions": self.contributions}  # fmt: skip

    def accept(self) -> None:
        form = portrait.IssueForm(self.title.text(), self.kind.currentData(),
                                  self.text.toPlainText(), self.theme.text(),
                                  self.population.text())  # fmt: skip
        try:
            self.issue_id = portrait.save_issue(self.context.db, form, self.issue_id)
            portrait.set_supports(
                self.context.db, self.issue_id,
                indicator_ids=checked_ids(self.indicators),
                contribution_ids=checked_ids(self.contributions),
            )  # fmt: skip
        except ValidationError as error:
            show_field_error(self.error, error, self.fields)
            return
        clear_error(self.error)
        super().accept()


class StoryDialog(GuardedDialog):
    """A story, its pseudonym and the resident it comes from (for the consent)."""

    def __init__(self, context, story_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.story_id = context, story_id
        self.setWindowTitle(_("Histoire de résident·e"))
        self.setMinimumWidth(560)
        today = context.today()
        current = next(
            (s for s in portrait.list_stories(context.db, today) if s.id == story_id), None
        )
        self.pseudonym = QLineEdit(current.pseudonym if current else "", self)
        self.pseudonym.setObjectName("pseudonym")
        self.theme = QLineEdit(current.theme if current else "", self)
        self.theme.setObjectName("theme")
        self.person = QComboBox(self)
        self.person.setObjectName("person")
        self.person.addItem(_("Personne non liée (ne sera pas publiée)"), None)
        for choice in person_choices(context.db, today=today):
            self.person.addItem(choice.name, choice.id)
        select_data(self.person, current.person_id if current else None)
        self.text = QPlainTextEdit(current.text if current else "", self)
        self.text.setObjectName("text")
        self.text.setMinimumHeight(120)
        self.error = error_label(self)
        form = QFormLayout()
        form.addRow(_("Pseudonyme :"), self.pseudonym)
        form.addRow(_("Thème :"), self.theme)
        form.addRow(_("Résident·e :"), self.person)
        form.addRow(_("Histoire :"), self.text)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, _("Enregistrer")))
        self.fields = {"pseudonym": self.pseudonym, "theme": self.theme,
                       "person": self.person, "text": self.text}  # fmt: skip

    def accept(self) -> None:
        form = portrait.StoryForm(self.pseudonym.text(), self.text.toPlainText(),
                                  self.theme.text(), self.person.currentData())  # fmt: skip
        try:
            self.story_id = portrait.save_story(self.context.db, form, self.story_id)
        except ValidationError as error:
            show_field_error(self.error, error, self.fields)
            return
        clear_error(self.error)
        super().accept()


class ImageDialog(GuardedDialog):
    """A PNG or JPEG file, its caption, theme and source."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.image_id = context, None
        self.setWindowTitle(_("Ajouter une carte ou une image"))
        self.setMinimumWidth(560)
        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        browse = QPushButton(_("Parcourir…"), self)
        browse.clicked.connect(self.browse)
        self.caption = QLineEdit(self)
        self.caption.setObjectName("caption")
        self.theme = QLineEdit(self)
        self.theme.setObjectName("theme")
        self.source = QLineEdit(self)
        self.source.setObjectName("source")
        self.error = error_label(self)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(_("Fichier (PNG ou JPEG, 5 Mo au plus) :"), row)
        form.addRow(_("Légende :"), self.caption)
        form.addRow(_("Thème :"), self.theme)
        form.addRow(_("Source :"), self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, _("Ajouter")))
        self.fields = {"file": self.path, "caption": self.caption, "theme": self.theme,
                       "source": self.source}  # fmt: skip

    def browse(self) -> None:
        path = ask_open_path(self, self.windowTitle(), _("Images (*.png *.jpg *.jpeg)"))
        if path is not None:
            self.path.setText(str(path))

    def accept(self) -> None:
        form = portrait.ImageForm(self.caption.text(), self.theme.text(), self.source.text())
        path = self.path.text().strip()
        try:
            if not path:
                raise ValidationError(_("Choisissez le fichier de l'image."), "file")
            self.image_id = portrait.add_image_file(self.context.db, form, Path(path))
        except ValidationError as error:
            show_field_error(self.error, error, self.fields)
            return
        clear_error(self.error)
        super().accept()
