"""The person dialog's representations: the organisations the person speaks for (délégué·e,
substitut, employé·e) with their dates. Changes wait in the dialog and are saved with the
person, in one unit of work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import RepresentationRole
from ...domain.labels import choices, label
from ...i18n import _, format_date
from ...services.core.errors import ValidationError
from ...services.registry import persons
from ...services.registry.lists import Choice
from ...services.registry.persons import (
    RepresentationChanges,
    RepresentationDraft,
    check_draft,
)
from .common import OptionalDate, RecordPicker, error_label, fill_combo


@dataclass
class _Row:
    organization: str
    role: str  # stored code
    start: dt.date | None
    end: dt.date | None
    saved_id: int | None = None  # None: a draft
    draft: RepresentationDraft | None = None


class RepresentationEditorView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("representations")
        self.table.setHorizontalHeaderLabels(
            [_("Organisme"), _("Rôle"), _("Depuis le"), _("Jusqu'au"), _("État")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(110)
        self.organization = RecordPicker(self, _("Organisme représenté…"))
        self.organization.setObjectName("organization_id")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        self.start = OptionalDate(self)
        self.start.setObjectName("start_date")
        self.end = OptionalDate(self)
        self.end.setObjectName("end_date")
        self.add_button = QPushButton(_("Ajouter"), self)
        self.add_button.setObjectName("addRepresentation")
        self.end_button = QPushButton(_("Terminer aujourd'hui"), self)
        self.end_button.setObjectName("endRepresentation")
        self.remove_button = QPushButton(_("Retirer"), self)
        self.remove_button.setObjectName("removeRepresentation")
        self.error = error_label(self, "representation_error")

        grid = QGridLayout()
        grid.addWidget(QLabel(_("Organisme :"), self), 0, 0)
        grid.addWidget(self.organization, 0, 1, 1, 3)
        grid.addWidget(QLabel(_("Rôle :"), self), 1, 0)
        grid.addWidget(self.role, 1, 1)
        grid.addWidget(QLabel(_("Depuis le :"), self), 1, 2)
        grid.addWidget(self.start, 1, 3)
        grid.addWidget(QLabel(_("Jusqu'au :"), self), 2, 2)
        grid.addWidget(self.end, 2, 3)
        grid.addWidget(self.add_button, 2, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        buttons = QGridLayout()
        buttons.addWidget(self.end_button, 0, 0)
        buttons.addWidget(self.remove_button, 0, 1)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addLayout(grid)
        layout.addWidget(self.error)


class RepresentationEditor(RepresentationEditorView):
    edited = Signal()

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.rows: list[_Row] = []
        self.ended: dict[int, dt.date] = {}
        self.removed: list[int] = []
        self._names: dict[int, str] = {}
        fill_combo(self.role, choices(RepresentationRole), RepresentationRole.DELEGATE.value)
        self._connect()
        self._update_buttons()

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_draft)
        self.end_button.clicked.connect(self.end_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)

    def load(self, db, person_id: int | None, organizations: list[Choice]) -> None:
        self._names = {choice.id: choice.label for choice in organizations}
        self.organization.set_choices(organizations)
        self.rows = []
        if person_id is not None:
            table = persons.list_person_representations(db, person_id, today=self.today)
            for record_id, row in zip(table.ids, table.rows, strict=True):
                code = next((r.value for r in RepresentationRole if label(r) == row[1]), row[1])
                self.rows.append(_Row(row[0], code, row[2], row[3], saved_id=record_id))
        self._show()

    # -- actions ------------------------------------------------------------------------
    def add_draft(self) -> None:
        self.error.hide()
        try:
            organization_id = self.organization.record_id()
        except ValueError:
            self._error(_("Choisissez un organisme de la liste."))
            return
        if organization_id is None:
            self._error(_("Choisissez l'organisme représenté."))
            return
        draft = RepresentationDraft(
            organization_id, self.role.currentData(), self.start.value(), self.end.value()
        )
        try:
            check_draft(draft)
        except ValidationError as error:
            self._error(error.message)
            return
        self.rows.append(
            _Row(
                self._names.get(organization_id, ""),
                draft.role,
                draft.start_date,
                draft.end_date,
                draft=draft,
            )
        )
        self.organization.set_id(None)
        self.start.set_value(None)
        self.end.set_value(None)
        self._show()
        self.edited.emit()

    def end_selected(self) -> None:
        row = self._selected()
        if row is None or row.end is not None:
            return
        if row.start is not None and row.start > self.today:
            self._error(_("Cette représentation n'a pas encore commencé : retirez-la plutôt."))
            return
        row.end = self.today
        if row.saved_id is not None:
            self.ended[row.saved_id] = self.today
        elif row.draft is not None:
            row.draft = RepresentationDraft(row.draft.organization_id, row.role, row.start, row.end)
        self._show()
        self.edited.emit()

    def remove_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        self.rows.remove(row)
        if row.saved_id is not None:
            self.removed.append(row.saved_id)
            self.ended.pop(row.saved_id, None)
        self._show()
        self.edited.emit()

    def changes(self) -> RepresentationChanges:
        drafts = tuple(row.draft for row in self.rows if row.draft is not None)
        return RepresentationChanges(drafts, dict(self.ended), tuple(self.removed))

    def unsaved_value(self) -> str:
        """What the person dialog's « no lost edits » compares (``widgets.unsaved``)."""
        return repr(self.changes())

    # -- showing ------------------------------------------------------------------------
    def _error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _selected(self) -> _Row | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def _state(self, row: _Row) -> str:
        if row.draft is not None:
            return _("À enregistrer")
        if row.saved_id in self.ended:
            return _("Se termine (à enregistrer)")
        current = persons.is_current(row.start, row.end, self.today)
        return _("En poste") if current else _("Terminée")

    def _show(self) -> None:
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            values = (
                row.organization,
                label(row.role, RepresentationRole),
                format_date(row.start, "medium") if row.start else "—",
                format_date(row.end, "medium") if row.end else "—",
                self._state(row),
            )
            for column, text in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(text))
        for column in range(1, 5):
            self.table.resizeColumnToContents(column)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self._selected()
        self.end_button.setEnabled(row is not None and row.end is None)
        self.remove_button.setEnabled(row is not None)
