"""Présences: fast sign-in. One click or one key (P, E, A) per person, walk-ins typed in
the « Ajouter une personne… » field, and the quorum recomputed after every change."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import AttendanceStatus, MeetingKind, Sector
from ...domain.labels import label
from ...i18n import _, ngettext
from ...services.core.errors import ValidationError
from ...services.meetings import attendance, meetings, pick_lists, quorum
from ..widgets.forms import HINT_STYLE
from .attendance_model import (
    ABSENT,
    EXCUSED,
    INVITED,
    NAME,
    ORGANIZATION,
    PRESENT,
    STATUS_COLUMNS,
    VOTING,
    AttendanceModel,
    OrganizationDelegate,
)
from .common import (
    ERROR_STYLE,
    GOOD_STYLE,
    FoldingCompleter,
    MeetingTab,
    clear_error,
    error_label,
    person_labels,
)

KEYS = {
    Qt.Key.Key_P: AttendanceStatus.PRESENT.value,
    Qt.Key.Key_E: AttendanceStatus.EXCUSED.value,
    Qt.Key.Key_A: AttendanceStatus.ABSENT.value,
}


class AttendanceTabView(MeetingTab):
    """Layout only."""

    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self.quick_add = QLineEdit(self)
        self.quick_add.setObjectName("person")
        self.quick_add.setPlaceholderText(_("Ajouter une personne… (tapez son nom, puis Entrée)"))
        self.quick_add.setClearButtonEnabled(True)
        self.completer = FoldingCompleter((), self.quick_add)
        self.quick_add.setCompleter(self.completer)
        self.invite_button = QPushButton(_("Convoquer les membres"), self)
        self.invite_button.setToolTip(
            _(
                "Ajoute comme invité·es les délégué·es des membres votants (ou les participant·es "
                "du chantier)."
            )
        )
        self.remove_button = QPushButton(_("Retirer de la liste"), self)
        self.error = error_label(self)
        self.info = QLabel(self)
        self.info.setObjectName("info")
        self.info.setStyleSheet(GOOD_STYLE)
        self.info.hide()
        self.quorum = QLabel(self)
        self.quorum.setObjectName("quorum")
        self.counts = QLabel(self)
        self.counts.setObjectName("counts")

        self.model = AttendanceModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("attendance")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        widths = {NAME: 210, PRESENT: 110, EXCUSED: 110, ABSENT: 110, ORGANIZATION: 300}
        widths.update({VOTING: 170, INVITED: 120})  # « Non (porté par …) »
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(ORGANIZATION, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(
            _(
                "Un clic dans une colonne de statut, ou P, E, A au clavier (puis la ligne suivante). "
                "Double-clic sur l'organisme pour le changer."
            ),
            self,
        )
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setWordWrap(True)

        self.participants = QGroupBox(_("Participant·es non nommé·es, par secteur"), self)
        self.sector_spins: dict[str, QSpinBox] = {}
        grid = QGridLayout(self.participants)
        for i, sector in enumerate(Sector):
            spin = QSpinBox(self.participants)
            spin.setObjectName(sector.value)
            spin.setRange(0, 100_000)
            spin.setKeyboardTracking(False)
            spin.setMaximumWidth(90)
            self.sector_spins[sector.value] = spin
            grid.addWidget(QLabel(label(sector) + _(" :"), self.participants), i // 4, (i % 4) * 2)
            grid.addWidget(spin, i // 4, (i % 4) * 2 + 1)
        grid.setColumnStretch(8, 1)
        self.participants_total = QLabel(self.participants)
        grid.addWidget(self.participants_total, 2, 0, 1, 8)

        top = QHBoxLayout()
        top.addWidget(self.quick_add, 1)
        top.addWidget(self.invite_button)
        top.addWidget(self.remove_button)
        status = QHBoxLayout()
        status.addWidget(self.quorum)
        status.addStretch(1)
        status.addWidget(self.counts)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.info)
        layout.addLayout(status)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.participants)


class AttendanceTab(AttendanceTabView):
    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self._people: dict[str, int] = {}
        self.delegate = OrganizationDelegate(
            lambda: pick_lists.organization_choices(self.db), self.view
        )
        self.view.setItemDelegateForColumn(ORGANIZATION, self.delegate)
        self._connect()

    def _connect(self) -> None:
        self.quick_add.returnPressed.connect(self.add_typed_person)
        self.quick_add.textEdited.connect(lambda _text: clear_error(self.error))
        self.invite_button.clicked.connect(self.invite)
        self.remove_button.clicked.connect(self.remove_selected)
        self.view.clicked.connect(self._on_clicked)
        self.model.organization_requested.connect(
            self._set_organization, Qt.ConnectionType.QueuedConnection
        )
        self.view.installEventFilter(self)  # the P, E, A keys
        for sector, spin in self.sector_spins.items():
            spin.valueChanged.connect(lambda value, sector=sector: self._save_count(sector, value))

    # -- loading ------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        """Reload everything: the list, the quorum, the names to complete, the counts."""
        detail = meetings.get_meeting(self.db, self.meeting_id)
        self.reload(select_id)
        self._load_people(detail)
        self._load_participants(detail)

    def reload(self, select_id: int | None = None) -> None:
        """Reload the list and the quorum, keeping the current row (or ``select_id``)."""
        current = self.model.row(self.view.currentIndex().row())
        keep = select_id if select_id is not None else (current.id if current else None)
        self.model.set_rows(attendance.list_attendance(self.db, self.meeting_id))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.select_row(row)
        self._show_quorum()

    def _load_people(self, detail) -> None:
        choices = pick_lists.person_choices(self.db, detail.date)
        self._people = person_labels(choices)
        self.completer.set_texts(list(self._people))

    def _load_participants(self, detail) -> None:
        activity = detail.kind == MeetingKind.PARTICIPATION
        self.participants.setVisible(activity)
        self.quorum.setVisible(not activity)  # activities decide nothing: no quorum
        self.invite_button.setVisible(not activity)
        self.view.setColumnHidden(VOTING, activity)
        if not activity:
            return
        counts = meetings.participant_counts(self.db, self.meeting_id)
        for sector, spin in self.sector_spins.items():
            spin.blockSignals(True)
            spin.setValue(counts.get(sector, 0))
            spin.blockSignals(False)
        self._show_participants_total(counts)

    def _show_participants_total(self, counts: dict[str, int]) -> None:
        total = sum(counts.values())
        self.participants_total.setText(
            ngettext("Total : {n} participant·e", "Total : {n} participant·es", total).format(
                n=total
            )
        )

    def _show_quorum(self) -> None:
        state = quorum.quorum(self.db, self.meeting_id)
        self.quorum.setText(state.message)
        self.quorum.setProperty("reached", state.reached)
        style = (GOOD_STYLE if state.reached else ERROR_STYLE) + " font-size: 11pt;"
        self.quorum.setStyleSheet(style)
        tally = {status.value: 0 for status in AttendanceStatus}
        for row in self.model.rows:
            tally[row.status] = tally.get(row.status, 0) + 1
        self.counts.setText(
            _(
                "Présent·es : {present} · Excusé·es : {excused} · Absent·es : {absent} · "
                "Sans réponse : {invited}"
            ).format(
                present=tally[AttendanceStatus.PRESENT],
                excused=tally[AttendanceStatus.EXCUSED],
                absent=tally[AttendanceStatus.ABSENT],
                invited=tally[AttendanceStatus.INVITED],
            )
        )

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            index = self.model.index(row, NAME)
            self.view.selectionModel().setCurrentIndex(index, flags)
            self.view.scrollTo(index)

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        return sorted(rows)

    # -- saving ---------------------------------------------------------------------------
    def edit_widgets(self) -> list[QWidget]:
        return [
            self.quick_add,
            self.invite_button,
            self.remove_button,
            *self.sector_spins.values(),
        ]

    def _run(self, function, *args):
        if self.read_only:
            return None
        try:
            result = function(self.db, *args)
        except ValidationError as error:
            self.info.hide()
            self.error.setText(error.message)
            self.error.show()
            return None
        clear_error(self.error)
        self.changed.emit()
        return result if result is not None else True

    def _bulk(self, result) -> None:
        """After one service call on many rows: the refusals, each named, under the list."""
        if result.refusals:
            self.error.setText("\n".join(result.messages))
            self.error.show()
        else:
            clear_error(self.error)
        if result.done:
            self.changed.emit()

    def _on_clicked(self, index) -> None:
        status = STATUS_COLUMNS.get(index.column())
        if status is not None:
            self.mark_rows([index.row()], status, advance=False)

    def mark_selected(self, status: str) -> None:
        """The P, E, A keys: mark the selected rows, then go to the next row."""
        self.mark_rows(self.selected_rows(), status, advance=True)

    def mark_rows(self, rows: list[int], status: str, *, advance: bool) -> None:
        lines = [line for line in (self.model.row(r) for r in rows) if line is not None]
        if not lines:
            return
        people = {line.person_id: line.organization_id for line in lines if line.status != status}
        if people and not self.read_only:
            self._bulk(attendance.set_statuses(self.db, self.meeting_id, people, status))
        following = self.model.row(rows[-1] + 1) if advance else None
        self.reload(select_id=(following or lines[-1]).id)

    def _set_organization(self, row: int, organization_id) -> None:
        line = self.model.row(row)
        if line is not None and self._run(
            attendance.set_attendance, self.meeting_id, line.person_id, line.status, organization_id
        ):
            self.reload(select_id=line.id)

    def add_typed_person(self) -> None:
        """Enter in « Ajouter une personne… »: a name from the list, or a new person."""
        text = self.quick_add.text().strip()
        if not text:
            return
        person_id = self._people.get(text)
        if person_id is not None:
            added = self._run(attendance.add_present_person, self.meeting_id, person_id)
        else:
            added = self._run(attendance.add_walk_in, self.meeting_id, text)
        if not added:
            self.quick_add.setFocus()
            self.quick_add.selectAll()
            return
        message = (
            _("{name} ajouté·e, présent·e (nouvelle personne).")
            if added.created_person
            else _("{name} ajouté·e, présent·e.")
        )
        self.info.setText(message.format(name=added.name))
        self.info.show()
        self.quick_add.clear()
        if added.created_person:
            self.refresh(select_id=added.attendance_id)
        else:
            self.reload(select_id=added.attendance_id)
        self.quick_add.setFocus()

    def invite(self) -> None:
        count = self._run(attendance.invite_members, self.meeting_id)
        if count is None:
            return
        self.info.setText(
            ngettext("{n} personne convoquée.", "{n} personnes convoquées.", count).format(n=count)
        )
        self.info.show()
        self.reload()

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        ids = [line.id for line in (self.model.row(r) for r in rows) if line is not None]
        if ids and not self.read_only:
            self._bulk(attendance.remove_attendances(self.db, ids))
        self.reload()
        self.select_row(min(rows[0], self.model.rowCount() - 1) if rows else 0)

    def _save_count(self, sector: str, value: int) -> None:
        if self._run(meetings.set_participant_count, self.meeting_id, sector, value):
            counts = {s: spin.value() for s, spin in self.sector_spins.items()}
            self._show_participants_total(counts)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """P, E or A in the list marks the selected people present, excused or absent."""
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and event.key() in KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.view.state() != self.view.State.EditingState
        ):
            self.mark_selected(KEYS[event.key()])
            return True
        return super().eventFilter(watched, event)
