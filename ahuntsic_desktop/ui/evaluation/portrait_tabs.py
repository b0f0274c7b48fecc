"""The Portrait page's tabs beyond the indicators: issues with what supports them,
residents' stories, maps and pictures with a preview, and the community milieu (figures
from the registry, and its text sections to write)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import portrait
from ...services.core.errors import ValidationError
from ..errors import show_error
from ..meetings.common import clear_error, error_label
from ..pages.base import ListTab
from .portrait_dialogs import ImageDialog, IssueDialog, StoryDialog

PREVIEW_SIZE = 360


class ListWithButtons(QWidget):
    """A list with « Ajouter », « Modifier » and « Supprimer » above it, and an optional
    detail pane beside it that follows the selected row."""

    def __init__(self, loader, add, edit, delete, parent=None, *, detail=None) -> None:
        super().__init__(parent)
        self.list = ListTab(loader, self)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, text, action in (("add", _("Ajouter…"), lambda: add()),
                                  ("edit", _("Modifier…"), lambda: self._with_selection(edit)),
                                  ("delete", _("Supprimer"),
                                   lambda: self._with_selection(delete))):  # fmt: skip
            if key == "edit" and edit is None:
                continue
            button = QPushButton(text, self)
            button.setObjectName(f"{key}Button")
            button.clicked.connect(lambda _checked=False, a=action: a())
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        if edit is not None:
            self.list.activated.connect(edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        if detail is None:
            layout.addWidget(self.list, 1)
        else:
            split = QSplitter(self)
            split.addWidget(self.list)
            split.addWidget(detail)
            split.setStretchFactor(0, 3)
            split.setStretchFactor(1, 2)
            layout.addWidget(split, 1)

    def _with_selection(self, action) -> None:
        ids = self.list.selected_ids()
        if not ids:
            show_error(self, _("Choisissez d'abord une ligne de la liste."))
            return
        action(ids[0])

    def refresh(self) -> None:
        self.list.refresh()


def _confirm(parent: QWidget, question: str) -> bool:
    return QMessageBox.question(parent, _("Supprimer"), question) == QMessageBox.StandardButton.Yes


def _detail_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class IssuesTab(ListWithButtons):
    def __init__(self, context, parent=None) -> None:
        self.context = context
        self.supports = _detail_label(None, "issueSupports")
        super().__init__(lambda: portrait.issues_table(context.db), lambda: self.edit(None),
                         self.edit, self.delete, parent, detail=self.supports)  # fmt: skip
        self.list.view.selectionModel().selectionChanged.connect(lambda *_a: self.show_supports())

    def edit(self, issue_id: int | None) -> None:
        if IssueDialog(self.context, issue_id, self).exec():
            self.refresh()

    def delete(self, issue_id: int) -> None:
        if _confirm(self, _("Supprimer cet enjeu et ses liens ?")):
            portrait.delete_issue(self.context.db, issue_id)
            self.refresh()

    def show_supports(self) -> None:
        ids = self.list.selected_ids()
        issue = next((i for i in portrait.list_issues(self.context.db) if ids and i.id == ids[0]),
                     None)  # fmt: skip
        if issue is None:
            self.supports.setText(_("Choisissez un enjeu pour voir ce qui l'appuie."))
            return
        lines = [issue.title, ""]
        lines.append(_("Indicateurs :") if issue.indicators else _("Aucun indicateur lié."))
        lines += [f"• {t}" for t in issue.indicators]
        lines.append(
            _("Contributions :") if issue.contributions else _("Aucune contribution liée.")
        )
        lines += [f"• « {t} »" for t in issue.contributions]
        self.supports.setText("\n".join(lines))

    def refresh(self) -> None:
        super().refresh()
        self.show_supports()


class StoriesTab(ListWithButtons):
    def __init__(self, context, parent=None) -> None:
        self.context = context
        super().__init__(
            lambda: portrait.stories_table(context.db, context.today()),
            lambda: self.edit(None), self.edit, self.delete, parent,
        )  # fmt: skip

    def edit(self, story_id: int | None) -> None:
        if StoryDialog(self.context, story_id, self).exec():
            self.refresh()

    def delete(self, story_id: int) -> None:
        if _confirm(self, _("Supprimer cette histoire ?")):
            portrait.delete_story(self.context.db, story_id)
            self.refresh()


class ImagesTab(ListWithButtons):
    def __init__(self, context, parent=None) -> None:
        self.context = context
        pane = QWidget()
        self.preview = QLabel(pane)
        self.preview.setObjectName("imagePreview")
        self.preview.setMinimumSize(200, 150)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = _detail_label(pane, "imageCaption")
        column = QVBoxLayout(pane)
        column.addWidget(self.preview, 1)
        column.addWidget(self.caption)
        super().__init__(lambda: portrait.images_table(context.db), self.add, None, self.delete,
                         parent, detail=pane)  # fmt: skip
        self.list.view.selectionModel().selectionChanged.connect(lambda *_a: self.show_preview())

    def add(self) -> None:
        if ImageDialog(self.context, self).exec():
            self.refresh()

    def delete(self, image_id: int) -> None:
        if _confirm(self, _("Supprimer cette image du fichier de données ?")):
            portrait.delete_image(self.context.db, image_id)
            self.refresh()

    def show_preview(self) -> None:
        ids = self.list.selected_ids()
        row = next((r for r in portrait.list_images(self.context.db) if ids and r.id == ids[0]),
                   None)  # fmt: skip
        if row is None:
            self.preview.clear()
            self.caption.setText(_("Choisissez une image pour la voir."))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(portrait.image_data(self.context.db, row.id))
        self.preview.setPixmap(pixmap.scaled(
            PREVIEW_SIZE, PREVIEW_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))  # fmt: skip
        source = _("Source : {source}").format(source=row.source) if row.source else ""
        self.caption.setText("\n".join(x for x in (row.caption, source) if x))

    def refresh(self) -> None:
        super().refresh()
        self.show_preview()


class MilieuTab(QScrollArea):
    """Figures from the registry, then one text box per section, saved together."""

    def __init__(self, context, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWidgetResizable(True)
        body = QWidget(self)
        self.figures = _detail_label(body, "milieuFigures")
        self.editors: dict[str, QPlainTextEdit] = {}
        self.error = error_label(body)
        self.save_button = QPushButton(_("Enregistrer les textes"), body)
        self.save_button.setObjectName("saveMilieu")
        self.save_button.clicked.connect(lambda _checked=False: self.save())
        self.saved = _detail_label(body, "milieuSaved")
        self.form = QFormLayout()
        layout = QVBoxLayout(body)
        layout.addWidget(self.figures)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.saved, 1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setWidget(body)

    def refresh(self) -> None:
        milieu = portrait.community_milieu(self.context.db, self.context.today())
        lines = [_("{n} organismes actifs au registre").format(n=milieu.organizations)]
        lines += [f"  {name} : {n}" for name, n in milieu.organizations_by_sector]
        if milieu.partner_roles:
            lines.append(_("Rôles de partenaire :"))
            lines += [f"  {name} : {n}" for name, n in milieu.partner_roles]
        if milieu.chantiers:
            lines.append(_("Personnes participant aux chantiers :"))
            lines += [f"  {name} : {n}" for name, n in milieu.chantiers]
        self.figures.setText("\n".join(lines))
        for section in milieu.sections:
            editor = self.editors.get(section.key)
            if editor is None:
                editor = QPlainTextEdit(self.widget())
                editor.setObjectName(f"section_{section.key}")
                editor.setFixedHeight(90)
                self.editors[section.key] = editor
                self.form.addRow(section.title + " :", editor)
            editor.setPlainText(section.text)
        self.saved.clear()

    def save(self) -> None:
        try:
            for key, editor in self.editors.items():
                portrait.save_section(self.context.db, key, editor.toPlainText())
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            self.editors[key].setFocus()
            return
        clear_error(self.error)
        self.saved.setText(_("Textes enregistrés."))
