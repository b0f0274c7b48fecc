"""The election dialog of an assembly: the seats open, the election's chair and secretary,
candidacies proposed and seconded by present voting members, acclamation or ballot with
counts; "Proclamer les résultats" writes the mandates and the minutes' resolution at once."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import ElectionMethod
from ...domain.labels import choices
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.governance import elections, seats
from ...services.meetings import attendance, meetings, pick_lists
from ..context import Context
from ..registry.common import Form, FormDialog, RecordPicker, fill_combo, save_buttons
from ..widgets.geometry import scrolling
from .seat_dialogs import follow_organization

N_SEAT, N_NAME, N_ORG, N_MOVER, N_SECONDER, N_VOTES = range(6)  # the candidacies' columns
ID_ROLE = Qt.ItemDataRole.UserRole


class ElectionDialogView(FormDialog):
    preferred_width = 900

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = f = Form(self)
        self.body = f.add(_("Instance :"), QComboBox(self), "body")
        self.open_seats = QLabel(self)
        self.open_seats.setObjectName("openSeats")
        self.open_seats.setWordWrap(True)
        f.addRow(_("Sièges à pourvoir :"), self.open_seats)
        self.chair = f.add(_("Présidence d'élection :"), QComboBox(self), "chair_id")
        self.secretary = f.add(_("Secrétariat d'élection :"), QComboBox(self), "secretary_id")
        self.method = f.add(_("Mode :"), QComboBox(self), "method")
        self.voters = f.add(_("Bulletins déposés :"), QSpinBox(self), "voters")
        self.voters.setRange(0, 100_000)
        self.years = f.add(_("Durée des mandats (ans) :"), QSpinBox(self), "mandate_years")
        self.years.setRange(1, 5)
        self.years.setValue(2)
        self.mover = f.add(_("Résultats proposés par :"), QComboBox(self), "moved_by_id")
        self.seconder = f.add(_("Appuyés par :"), QComboBox(self), "seconded_by_id")

        box = QGroupBox(_("Candidatures"), self)
        self.seat = QComboBox(box)
        self.seat.setObjectName("candidateSeat")
        self.candidate = RecordPicker(box)
        self.candidate.setObjectName("candidate")
        self.organization = QComboBox(box)
        self.organization.setObjectName("candidateOrganization")
        self.proposer = QComboBox(box)
        self.proposer.setObjectName("proposer")
        self.seconder_c = QComboBox(box)
        self.seconder_c.setObjectName("candidacySeconder")
        self.add_button = QPushButton(_("Ajouter la candidature"), box)
        self.remove_button = QPushButton(_("Retirer"), box)
        self.table = QTableWidget(0, 6, box)
        self.table.setObjectName("candidacies")
        self.table.setHorizontalHeaderLabels(
            [_("Siège"), _("Candidat·e"), _("Organisme"), _("Proposée par"), _("Appuyée par"),
             _("Voix")]
        )  # fmt: skip
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(N_VOTES, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(N_VOTES, 110)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        entry = Form(box)
        entry.addRow(_("Siège :"), self.seat)
        entry.addRow(_("Candidat·e :"), self.candidate)
        entry.addRow(_("Pour l'organisme :"), self.organization)
        entry.addRow(_("Proposée par :"), self.proposer)
        entry.addRow(_("Appuyée par :"), self.seconder_c)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.remove_button)
        row.addWidget(self.add_button)
        inner = QVBoxLayout(box)
        inner.addLayout(entry)
        inner.addLayout(row)
        inner.addWidget(self.table)
        self.buttons = save_buttons(self, _("Proclamer les résultats"))
        content = QWidget(self)  # scrolls on a small screen; the buttons stay in sight
        fields = QVBoxLayout(content)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addLayout(f)
        fields.addWidget(box, 1)
        fields.addWidget(f.general)
        layout = QVBoxLayout()
        layout.addWidget(scrolling(content, self), 1)
        layout.addWidget(self.buttons)
        self.set_layout(layout)
        self.content = content

    def sizeHint(self) -> QSize:  # noqa: N802
        """Tall enough for all of it when the screen allows (a scroll area alone asks for
        about 24 lines), within the screen when it does not."""
        hint = super().sizeHint()
        wanted = self.content.sizeHint().height() + self.buttons.sizeHint().height() + 40
        screen = self.screen()
        room = screen.availableGeometry().height() - 60 if screen is not None else wanted
        return QSize(hint.width(), max(hint.height(), min(wanted, room)))


class ElectionDialog(ElectionDialogView):
    """An election at the assembly ``meeting_id``; ``result`` is set once proclaimed."""

    def __init__(self, context: Context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.meeting_id = context, meeting_id
        self.result: elections.ElectionResult | None = None
        self.setWindowTitle(_("Élection"))
        detail = meetings.get_meeting(context.db, meeting_id)
        lines = attendance.list_attendance(context.db, meeting_id)
        present = [(r.person_id, r.person_name) for r in lines if r.status == "present"]
        voters = [(r.person_id, r.person_name) for r in lines if r.status == "present" and r.voting]
        fill_combo(self.chair, present, empty="—")
        fill_combo(self.secretary, present, empty="—")
        for combo in (self.mover, self.seconder, self.proposer, self.seconder_c):
            fill_combo(combo, voters, empty="—")
        fill_combo(self.method, choices(ElectionMethod), ElectionMethod.ACCLAMATION.value)
        fill_combo(self.body, [(c.value, c.text) for c in seats.body_choices(context.db)], "CC")
        self.people = pick_lists.person_choices(context.db, detail.date)
        self.candidate.set_choices(self.people)
        fill_combo(
            self.organization,
            pick_lists.organization_choices(context.db),
            empty=_("À titre de résident·e"),
        )
        self.body.currentIndexChanged.connect(lambda _i: self._show_open_seats())
        self.method.currentIndexChanged.connect(lambda _i: self._follow_method())
        self.candidate.currentTextChanged.connect(lambda _t: self._follow_candidate())
        self.add_button.clicked.connect(self.add_candidacy)
        self.remove_button.clicked.connect(self.remove_candidacy)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._show_open_seats()
        self._follow_method()

    def _show_open_seats(self) -> None:
        self.seats = elections.open_seats(self.context.db, self.meeting_id, self.body.currentData())
        items = [
            (s.seat_id, " — ".join(filter(None, (s.label, s.college_label)))) for s in self.seats
        ]
        fill_combo(self.seat, items)
        text = "\n".join(
            f"{s.label} ({', '.join(filter(None, (s.role_label, s.college_label)))}) : {s.reason}"
            for s in self.seats
        )
        self.open_seats.setText(text or _("Aucun siège à pourvoir à cette date."))
        self.table.setRowCount(0)

    def _follow_method(self) -> None:
        ballot = self.method.currentData() == ElectionMethod.BALLOT.value
        self.voters.setEnabled(ballot)
        self.table.setColumnHidden(N_VOTES, not ballot)

    def _follow_candidate(self) -> None:
        follow_organization(self.candidate, self.people, self.organization)

    def add_candidacy(self) -> None:
        self.form.clear_errors()
        try:
            person_id = self.candidate.record_id()
        except ValueError:
            person_id = None
        if person_id is None or self.seat.currentData() is None:
            self.form.field_error(None, _("Choisissez le siège et la personne candidate."))
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = next((p.name for p in self.people if p.id == person_id), "")
        cells = [
            (self.seat.currentText(), self.seat.currentData()),
            (name, person_id),
            (self.organization.currentText(), self.organization.currentData()),
            (self.proposer.currentText(), self.proposer.currentData()),
            (self.seconder_c.currentText(), self.seconder_c.currentData()),
        ]
        for column, (text, data) in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(ID_ROLE, data)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, column, item)
        votes = QSpinBox(self.table)
        votes.setRange(0, 100_000)
        votes.setObjectName(f"votes{row}")
        self.table.setCellWidget(row, N_VOTES, votes)
        self.candidate.set_id(None)

    def remove_candidacy(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def votes(self, row: int) -> QSpinBox:
        return self.table.cellWidget(row, N_VOTES)

    def candidacies(self) -> tuple[elections.CandidacyData, ...]:
        result = []
        for row in range(self.table.rowCount()):

            def data(column: int, r=row):
                return self.table.item(r, column).data(ID_ROLE)

            result.append(
                elections.CandidacyData(
                    seat_id=data(N_SEAT),
                    person_id=data(N_NAME),
                    proposed_by_id=data(N_MOVER),
                    seconded_by_id=data(N_SECONDER),
                    organization_id=data(N_ORG),
                    votes=self.votes(row).value(),
                )
            )
        return tuple(result)

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            data = elections.ElectionData(
                meeting_id=self.meeting_id,
                body=self.body.currentData(),
                chair_id=self.chair.currentData(),
                secretary_id=self.secretary.currentData(),
                method=self.method.currentData(),
                candidacies=self.candidacies(),
                moved_by_id=self.mover.currentData(),
                seconded_by_id=self.seconder.currentData(),
                voters=self.voters.value(),
                mandate_years=self.years.value(),
            )
            self.result = elections.hold_election(self.context.db, data)
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()
