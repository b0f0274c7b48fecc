"""Record or edit a resolution: title, text, moved and seconded by present voting members,
outcome and votes. The number (e.g. CC-2026-014) is given by the service on saving."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import AttendanceStatus, ResolutionOutcome
from ...domain.labels import choices
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.meetings import agenda, attendance, resolutions
from ...services.meetings.resolutions import ResolutionData
from ...store import Database
from ..widgets.unsaved import GuardedDialog
from .common import disable_save_if_read_only, error_label, fill_combo, show_field_error


def _why_no_vote(line) -> str:
    """Why a person on the list cannot move or second: not present, or present without a
    vote (one vote per member organisation: someone else may carry it)."""
    if line.status != AttendanceStatus.PRESENT:
        return line.status_label
    if line.vote_carried_by:
        return _("vote porté par {name}").format(name=line.vote_carried_by)
    return _("sans droit de vote")


class ResolutionDialogView(GuardedDialog):
    """Layout only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.number = QLabel(self)
        self.number.setObjectName("number")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("text")
        self.text.setPlaceholderText(_("Attendu que… Il est résolu que…"))
        self.text.setFixedHeight(110)
        self.agenda_item = QComboBox(self)
        self.agenda_item.setObjectName("agenda_item_id")
        self.moved_by = QComboBox(self)
        self.moved_by.setObjectName("moved_by_id")
        self.seconded_by = QComboBox(self)
        self.seconded_by.setObjectName("seconded_by_id")
        self.everyone = QCheckBox(
            _("Lister aussi les personnes non présentes ou sans droit de vote")
        )
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcome")
        self.votes_for = QSpinBox(self)
        self.votes_for.setObjectName("votes_for")
        self.votes_against = QSpinBox(self)
        self.votes_against.setObjectName("votes_against")
        self.abstentions = QSpinBox(self)
        self.abstentions.setObjectName("abstentions")
        for spin in (self.votes_for, self.votes_against, self.abstentions):
            spin.setRange(0, 10_000)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        votes = QHBoxLayout()
        votes.addWidget(QLabel(_("Pour"), self))
        votes.addWidget(self.votes_for)
        votes.addWidget(QLabel(_("Contre"), self))
        votes.addWidget(self.votes_against)
        votes.addWidget(QLabel(_("Abstentions"), self))
        votes.addWidget(self.abstentions)
        votes.addStretch(1)
        form = QFormLayout()
        form.addRow(_("Numéro :"), self.number)
        form.addRow(_("Titre :"), self.title_edit)
        form.addRow(_("Texte :"), self.text)
        form.addRow(_("Point de l'ordre du jour :"), self.agenda_item)
        form.addRow(_("Proposé par :"), self.moved_by)
        form.addRow(_("Appuyé par :"), self.seconded_by)
        form.addRow("", self.everyone)
        form.addRow(_("Décision :"), self.outcome)
        form.addRow(_("Votes :"), votes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)


class ResolutionDialog(ResolutionDialogView):
    """After a successful ``accept``, ``number`` holds the resolution's number."""

    def __init__(
        self,
        db: Database,
        meeting_id: int,
        resolution_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.meeting_id, self.resolution_id = db, meeting_id, resolution_id
        self.saved_number: str | None = None
        self.lines = attendance.list_attendance(db, meeting_id)
        self.setWindowTitle(
            _("Nouvelle résolution") if resolution_id is None else _("Modifier la résolution")
        )
        fill_combo(self.outcome, choices(ResolutionOutcome), ResolutionOutcome.ADOPTED.value)
        fill_combo(
            self.agenda_item,
            (
                (item.id, f"{item.number}. {item.title}")
                for item in agenda.list_agenda(db, meeting_id)
            ),
            empty=_("(aucun)"),
        )
        data = ResolutionData(title="")
        if resolution_id is None:
            self.number.setText(_("(donné à l'enregistrement)"))
        else:
            number, data = resolutions.get_resolution(db, resolution_id)
            self.number.setText(number)
            self.title_edit.setText(data.title)
            self.text.setPlainText(data.text or "")
            fill_combo(self.outcome, choices(ResolutionOutcome), data.outcome)
            self.agenda_item.setCurrentIndex(max(0, self.agenda_item.findData(data.agenda_item_id)))
            self.votes_for.setValue(data.votes_for)
            self.votes_against.setValue(data.votes_against)
            self.abstentions.setValue(data.abstentions)
        self._means_id = data.means_id
        self._fill_people(data.moved_by_id, data.seconded_by_id)
        disable_save_if_read_only(self.buttons, db)
        self._connect()

    def _connect(self) -> None:
        self.everyone.toggled.connect(
            lambda _checked: self._fill_people(
                self.moved_by.currentData(), self.seconded_by.currentData()
            )
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _fill_people(self, moved: int | None, seconded: int | None) -> None:
        """Present voting members only, unless « Lister aussi… » is checked."""
        everyone = self.everyone.isChecked()
        people = []
        for line in self.lines:
            present_voter = line.status == AttendanceStatus.PRESENT and line.voting
            if present_voter or everyone or line.person_id in (moved, seconded):
                text = line.person_name
                if line.organization_name:
                    text += f" ({line.organization_name})"
                if not present_voter:
                    text += " — " + _why_no_vote(line)
                people.append((line.person_id, text))
        empty = _("(choisir)")
        fill_combo(self.moved_by, people, moved, empty=empty)
        fill_combo(self.seconded_by, people, seconded, empty=empty)

    def edited(self) -> ResolutionData:
        return ResolutionData(
            title=self.title_edit.text(),
            moved_by_id=self.moved_by.currentData(),
            seconded_by_id=self.seconded_by.currentData(),
            text=self.text.toPlainText(),
            outcome=self.outcome.currentData(),
            votes_for=self.votes_for.value(),
            votes_against=self.votes_against.value(),
            abstentions=self.abstentions.value(),
            agenda_item_id=self.agenda_item.currentData(),
            means_id=self._means_id,
        )

    def accept(self) -> None:
        fields = {
            "title": self.title_edit,
            "text": self.text,
            "moved_by_id": self.moved_by,
            "seconded_by_id": self.seconded_by,
            "outcome": self.outcome,
            "votes_for": self.votes_for,
            "votes_against": self.votes_against,
            "abstentions": self.abstentions,
            "agenda_item_id": self.agenda_item,
        }
        try:
            if self.resolution_id is None:
                self.saved_number = resolutions.add_resolution(
                    self.db, self.meeting_id, self.edited()
                )
            else:
                resolutions.update_resolution(self.db, self.resolution_id, self.edited())
                self.saved_number = self.number.text()
        except ValidationError as error:
            show_field_error(self.error, error, fields)
            return
        super().accept()
