"""Ordre du jour: the items with their computed start times; add, edit, delete, reorder
(drag and drop, Ctrl+Up / Ctrl+Down) and the minutes of each item."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_time
from ...services.core.errors import ValidationError
from ...services.meetings import agenda, meetings, pick_lists
from ...services.meetings.agenda import AgendaItemData, AgendaItemRow
from ..widgets.forms import HINT_STYLE
from .agenda_item_dialog import AgendaItemDialog
from .agenda_model import AgendaModel
from .common import ERROR_STYLE, MeetingTab, clear_error, error_label


class AgendaTabView(MeetingTab):
    """Layout only."""

    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self.model = AgendaModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("agenda")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        for column, width in enumerate((40, 70, 380, 100, 180, 70)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.add_button = QPushButton(_("Ajouter un point…"), self)
        self.edit_button = QPushButton(_("Modifier…"), self)
        self.delete_button = QPushButton(_("Supprimer"), self)
        self.up_button = QPushButton(_("▲ Monter"), self)
        self.up_button.setToolTip(_("Ctrl+Haut"))
        self.down_button = QPushButton(_("▼ Descendre"), self)
        self.down_button.setToolTip(_("Ctrl+Bas"))
        self.total = QLabel(self)
        self.total.setObjectName("agendaTotal")
        self.hint = QLabel(
            _("Glissez un point pour le déplacer, ou Ctrl+↑ / Ctrl+↓ au clavier."), self
        )
        self.hint.setStyleSheet(HINT_STYLE)
        self.error = error_label(self)

        self.minutes_box = QGroupBox(_("Compte rendu du point"), self)
        self.minutes_edit = QPlainTextEdit(self.minutes_box)
        self.minutes_edit.setObjectName("minutes_text")
        self.minutes_edit.setPlaceholderText(
            _("Ce qui a été dit et décidé sur ce point (enregistré en quittant le champ).")
        )
        self.save_minutes_button = QPushButton(_("Enregistrer le compte rendu"), self.minutes_box)
        self.minutes_status = QLabel(self.minutes_box)
        box = QVBoxLayout(self.minutes_box)
        box.addWidget(self.minutes_edit, 1)
        row = QHBoxLayout()
        row.addWidget(self.minutes_status, 1)
        row.addWidget(self.save_minutes_button)
        box.addLayout(row)

        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.view, 1)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(self.error)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.minutes_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)


class AgendaTab(AgendaTabView):
    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self.dialog: AgendaItemDialog | None = None
        self._minutes_item_id: int | None = None
        self._connect()

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.delete_button.clicked.connect(self.delete_item)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(+1))
        self.view.doubleClicked.connect(lambda _index: self.edit_item())
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.model.move_requested.connect(self.move_item, Qt.ConnectionType.QueuedConnection)
        self.save_minutes_button.clicked.connect(self.save_minutes)
        self.minutes_edit.installEventFilter(self)
        self.view.installEventFilter(self)  # Ctrl+Up, Ctrl+Down, Delete

    # -- loading ------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        self.save_minutes()
        current = self.current_item()
        keep = select_id if select_id is not None else (current.id if current else None)
        self.model.set_items(agenda.list_agenda(self.db, self.meeting_id))
        self._show_total()
        row = self.model.row_of(keep) if keep is not None else -1
        self.select_row(row if row >= 0 else 0)
        self._load_minutes()

    def _show_total(self) -> None:
        """« Durée prévue : 1 h 55 — fin prévue à 20 h 55 », in red past the end time."""
        items = self.model.items
        planned = sum(item.planned_minutes or 0 for item in items)
        text = _("Durée prévue : {h} h {m:02d}").format(h=planned // 60, m=planned % 60)
        detail = meetings.get_meeting(self.db, self.meeting_id)
        late = False
        if detail.start_time is not None and items:
            start = datetime.combine(detail.date, detail.start_time)
            end = (start + timedelta(minutes=planned)).time()
            text += _(" — fin prévue à {time}").format(time=format_time(end))
            if detail.end_time is not None and end > detail.end_time:
                late = True
                text += _(" (après l'heure de fin, {time})").format(
                    time=format_time(detail.end_time)
                )
        self.total.setText(text)
        self.total.setStyleSheet(ERROR_STYLE if late else "")

    def current_item(self) -> AgendaItemRow | None:
        index = self.view.currentIndex()
        return self.model.item(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    # -- items --------------------------------------------------------------------------
    def _open_dialog(self, item: AgendaItemRow | None, position: int | None) -> None:
        people = pick_lists.person_choices(
            self.db, self.context.today(), include=(item.presenter_id if item else None,)
        )
        self.dialog = AgendaItemDialog(self.db, self.meeting_id, people, item, position, self)
        self.dialog.accepted.connect(self._on_dialog_saved)
        self.dialog.open()

    def _on_dialog_saved(self) -> None:
        self.refresh(select_id=self.dialog.item_id)
        self.changed.emit()

    def add_item(self) -> None:
        current = self.current_item()
        self._open_dialog(None, current.position + 1 if current else None)

    def edit_item(self) -> None:
        item = self.current_item()
        if item is not None and not self.read_only:
            self._open_dialog(item, None)

    def delete_item(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if item.minutes_text:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                _("Supprimer le point"),
                _("Le point « {title} » a un compte rendu. Le supprimer quand même ?").format(
                    title=item.title
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                self,
            )
            if box.exec() != QMessageBox.StandardButton.Yes:
                return
        row = self.view.currentIndex().row()
        self._minutes_item_id = None
        if self._run(agenda.delete_agenda_item, item.id):
            self.refresh()
            self.select_row(min(row, self.model.rowCount() - 1))

    def move_selected(self, step: int) -> None:
        item = self.current_item()
        if item is None:
            return
        target = item.position + step
        if 0 <= target < self.model.rowCount():
            self.move_item(item.id, target)

    def move_item(self, item_id: int, new_position: int) -> None:
        """Save a move (from the buttons, the keyboard or a drop) and show the new order."""
        self.save_minutes()
        if self._run(agenda.move_agenda_item, item_id, new_position):
            self.refresh(select_id=item_id)

    def edit_widgets(self) -> list[QWidget]:
        return [
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.save_minutes_button,
            self.minutes_edit,
        ]

    def _run(self, function, *args) -> bool:
        if self.read_only:
            return False
        try:
            function(self.db, *args)
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            return False
        clear_error(self.error)
        self.changed.emit()
        return True

    # -- minutes of the selected item -------------------------------------------------------
    def _on_current_changed(self, _current, _previous) -> None:
        self.save_minutes()
        self._load_minutes()

    def _load_minutes(self) -> None:
        item = self.current_item()
        self._minutes_item_id = item.id if item else None
        self.minutes_box.setTitle(
            _("Compte rendu du point {number} : {title}").format(
                number=item.number, title=item.title
            )
            if item
            else _("Compte rendu du point")
        )
        self.minutes_edit.blockSignals(True)
        self.minutes_edit.setPlainText(item.minutes_text or "" if item else "")
        self.minutes_edit.blockSignals(False)
        self.minutes_edit.document().setModified(False)
        self.minutes_edit.setEnabled(item is not None and not self.read_only)
        self.save_minutes_button.setEnabled(item is not None and not self.read_only)
        self.minutes_status.clear()

    def save_minutes(self) -> None:
        """Save the minutes text if it changed since it was shown."""
        if self._minutes_item_id is None or not self.minutes_edit.document().isModified():
            return
        row = self.model.row_of(self._minutes_item_id)
        item = self.model.item(row)
        if item is None:
            return
        text = self.minutes_edit.toPlainText().strip() or None
        data = AgendaItemData(item.title, item.kind, item.presenter_id, item.planned_minutes, text)
        if self._run(agenda.update_agenda_item, item.id, data):
            self.model.items[row] = replace(item, minutes_text=text)
            self.minutes_edit.document().setModified(False)
            self.minutes_status.setText(_("Compte rendu enregistré."))

    # -- no lost edits (see widgets.unsaved) -------------------------------------------------
    def unsaved_name(self) -> str:
        return self.minutes_box.title()

    def is_dirty(self) -> bool:
        return self._minutes_item_id is not None and self.minutes_edit.document().isModified()

    def save_changes(self) -> bool:
        self.save_minutes()
        return not self.is_dirty()

    def discard_changes(self) -> None:
        self._load_minutes()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.minutes_edit and event.type() == QEvent.Type.FocusOut:
            self.save_minutes()
        elif watched is self.view and event.type() == QEvent.Type.KeyPress:
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_selected(-1 if event.key() == Qt.Key.Key_Up else +1)
                return True
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete_item()
                return True
        return super().eventFilter(watched, event)
