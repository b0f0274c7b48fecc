"""Résolutions: the numbered decisions of the meeting; add, edit, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.meetings import resolutions
from ..widgets.list_view import ListView
from .common import GOOD_STYLE, MeetingTab, clear_error, error_label
from .resolution_dialog import ResolutionDialog

HIDDEN_COLUMNS = ("date", "body")
WIDTHS = {"number": 110, "title": 300, "moved_by": 170, "seconded_by": 170, "outcome": 160}
WIDTHS.update({"votes_for": 55, "votes_against": 60, "abstentions": 90})


class ResolutionsTabView(MeetingTab):
    """Layout only."""

    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self.add_button = QPushButton(_("Ajouter une résolution…"), self)
        self.edit_button = QPushButton(_("Modifier…"), self)
        self.delete_button = QPushButton(_("Supprimer"), self)
        self.list = ListView(self, placeholder=_("Rechercher une résolution…"))
        self.list.setObjectName("resolutions")
        self.info = QLabel(self)
        self.info.setStyleSheet(GOOD_STYLE)
        self.info.hide()
        self.error = error_label(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(self.list, 1)


class ResolutionsTab(ResolutionsTabView):
    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self.dialog: ResolutionDialog | None = None
        self._connect()

    def _connect(self) -> None:
        self.add_button.clicked.connect(lambda: self.open_dialog(None))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.list.activated.connect(self.open_dialog)
        delete = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete),
            self.list.view,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        delete.activated.connect(self.delete_selected)

    def edit_widgets(self) -> list[QWidget]:
        return [self.add_button, self.delete_button]

    def refresh(self) -> None:
        table = resolutions.list_resolutions(self.db, meeting_id=self.meeting_id)
        self.list.set_table(table, WIDTHS)
        for key in HIDDEN_COLUMNS:
            self.list.view.setColumnHidden(table.column_index(key), True)

    def numbers(self) -> list[str]:
        return list(self.list.model.table.values("number"))

    def open_dialog(self, resolution_id: int | None) -> None:
        self.dialog = ResolutionDialog(self.db, self.meeting_id, resolution_id, self)
        self.dialog.accepted.connect(self._on_saved)
        self.dialog.open()

    def _on_saved(self) -> None:
        self.info.setText(
            _("Résolution {number} enregistrée.").format(number=self.dialog.saved_number)
        )
        self.info.show()
        clear_error(self.error)
        self.refresh()
        self.changed.emit()

    def edit_selected(self) -> None:
        ids = self.list.selected_ids()
        if ids:
            self.open_dialog(ids[0])

    def delete_selected(self) -> None:
        ids = self.list.selected_ids()
        if not ids or self.read_only:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Supprimer la résolution"),
            _(
                "Supprimer la résolution choisie ? Son numéro ne sera pas redonné : la suivante "
                "aura le numéro d'après."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            resolutions.delete_resolution(self.db, ids[0])
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        self.info.hide()
        self.refresh()
        self.changed.emit()
