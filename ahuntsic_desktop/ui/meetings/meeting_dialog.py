"""Convene or edit a meeting: kind, title, date and times, place, chantier, format, status,
chair and secretary. The service validates; its message shows in red, nothing is saved."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import MeetingKind, MeetingStatus, ParticipationFormat
from ...domain.labels import choices, label
from ...i18n import _
from ...services.core.errors import ConflictError, ValidationError
from ...services.meetings import meetings, pick_lists, titles
from ...services.meetings.meetings import MeetingData
from ..context import Context
from ..errors import retrying
from ..registry.conflict_dialog import settle
from ..widgets.time_edit import TimeEdit
from ..widgets.unsaved import GuardedDialog
from .common import (
    PersonPicker,
    clear_error,
    date_edit,
    disable_save_if_read_only,
    error_label,
    fill_combo,
    select_data,
    set_date,
    show_field_error,
    to_date,
)


class MeetingDialogView(GuardedDialog):
    """Layout only: the fields of a meeting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(560)
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.title_edit.setPlaceholderText(_("p. ex. Comité de coordination de mai"))
        self.date = date_edit(self, name="date")
        self.start_time = TimeEdit(self)
        self.start_time.setObjectName("start_time")
        self.end_time = TimeEdit(self)
        self.end_time.setObjectName("end_time")
        self.start_time.setAccessibleName(_("Heure de début"))
        self.end_time.setAccessibleName(_("Heure de fin"))
        self.place = QLineEdit(self)
        self.place.setObjectName("place")
        self.chantier = QComboBox(self)
        self.chantier.setObjectName("chantier_id")
        self.chantier_label = QLabel(_("Chantier :"), self)
        self.participation_format = QComboBox(self)
        self.participation_format.setObjectName("participation_format")
        self.format_label = QLabel(_("Format de l'activité :"), self)
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        self.chair = PersonPicker(self)
        self.chair.setObjectName("chair_id")
        self.secretary = PersonPicker(self)
        self.secretary.setObjectName("secretary_id")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setFixedHeight(80)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )

        times = QHBoxLayout()
        times.addWidget(self.start_time)
        times.addWidget(QLabel(_("à"), self))
        times.addWidget(self.end_time)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(_("Type de rencontre :"), self.kind)
        form.addRow(_("Titre :"), self.title_edit)
        form.addRow(_("Date :"), self.date)
        form.addRow(_("Heure :"), times)
        form.addRow(_("Lieu :"), self.place)
        form.addRow(self.chantier_label, self.chantier)
        form.addRow(self.format_label, self.participation_format)
        form.addRow(_("Statut :"), self.status)
        form.addRow(_("Présidence :"), self.chair)
        form.addRow(_("Secrétariat :"), self.secretary)
        form.addRow(_("Notes :"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)


class MeetingDialog(MeetingDialogView):
    """Creates a meeting (with its standard agenda) or saves changes to one.

    After ``accept`` succeeds, ``meeting_id`` holds the meeting's id.
    """

    def __init__(
        self, context: Context, meeting_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id
        self._body: str | None = None
        self._kind_at_load: str | None = None
        self.version: int | None = None  # read with the meeting, sent back on save
        self.setWindowTitle(
            _("Nouvelle rencontre") if meeting_id is None else _("Modifier la rencontre")
        )
        self._fill()
        disable_save_if_read_only(self.buttons, self.db)
        self._connect()
        self._on_kind_changed()

    @property
    def db(self):
        return self.context.db

    def _fill(self) -> None:
        fill_combo(self.kind, choices(MeetingKind), MeetingKind.COORDINATION.value)
        fill_combo(self.status, choices(MeetingStatus), MeetingStatus.PLANNED.value)
        fill_combo(self.participation_format, choices(ParticipationFormat), empty=_("(à préciser)"))
        fill_combo(self.chantier, pick_lists.chantier_choices(self.db), empty=_("(aucun)"))
        day = self.context.today()
        people = pick_lists.person_choices(self.db, day)
        if self.meeting_id is None:
            set_date(self.date, day)
            self.start_time.set_value(dt.time(19, 0))
            self.end_time.set_value(dt.time(21, 0))
            self.chair.set_choices(people)
            self.secretary.set_choices(people)
            return
        self._show(meetings.get_meeting(self.db, self.meeting_id).data())

    def _show(self, detail: MeetingData) -> None:
        self.version = detail.version  # a save over a newer version is refused
        self._body, self._kind_at_load = detail.body, detail.kind
        people = pick_lists.person_choices(
            self.db, detail.date, include=(detail.chair_id, detail.secretary_id)
        )
        select_data(self.kind, detail.kind)
        self.title_edit.setText(detail.title)
        set_date(self.date, detail.date)
        self.start_time.set_value(detail.start_time)
        self.end_time.set_value(detail.end_time)
        self.place.setText(detail.place or "")
        select_data(self.chantier, detail.chantier_id)
        select_data(self.participation_format, detail.participation_format)
        select_data(self.status, detail.status)
        self.chair.set_choices(people, detail.chair_id)
        self.secretary.set_choices(people, detail.secretary_id)
        self.notes.setPlainText(detail.notes or "")

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        for signal in (
            self.kind.currentIndexChanged,
            self.date.dateChanged,
            self.chantier.currentIndexChanged,
            self.participation_format.currentIndexChanged,
        ):
            signal.connect(self._suggest_title)
        self._suggest_title()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- behaviour ------------------------------------------------------------------------
    def _on_kind_changed(self, _index: int = 0) -> None:
        kind = self.kind.currentData()
        participation = kind == MeetingKind.PARTICIPATION
        self.participation_format.setEnabled(participation)
        self.format_label.setEnabled(participation)
        if not participation:
            self.participation_format.setCurrentIndex(0)
        required = kind == MeetingKind.CHANTIER
        self.chantier_label.setText(_("Chantier (obligatoire) :") if required else _("Chantier :"))

    def suggested_title(self) -> str:
        chantier = self.chantier.currentData()
        return titles.suggested_title(
            self.kind.currentData(),
            to_date(self.date),
            chantier_name=self.chantier.currentText() if chantier is not None else None,
            participation_format=self.participation_format.currentData(),
        )

    def _suggest_title(self, *_args) -> None:
        """The title left blank is the suggested one: shown in grey, used on saving."""
        suggestion = self.suggested_title()
        self.title_edit.setPlaceholderText(suggestion)
        self.title_edit.setToolTip(
            _("Laissé vide, le titre sera « {title} ».").format(title=suggestion)
        )

    def _fields(self) -> dict[str, QWidget]:
        return {
            "kind": self.kind,
            "title": self.title_edit,
            "date": self.date,
            "start_time": self.start_time,
            "end_time": self.end_time,
            "place": self.place,
            "chantier_id": self.chantier,
            "participation_format": self.participation_format,
            "status": self.status,
            "chair_id": self.chair,
            "secretary_id": self.secretary,
            "notes": self.notes,
        }

    def _person(self, picker: PersonPicker, field: str) -> int | None:
        try:
            return picker.person_id()
        except ValueError:
            raise ValidationError(
                _("« {text} » ne correspond à personne : choisissez un nom dans la liste.").format(
                    text=picker.currentText().strip()
                ),
                field,
            ) from None

    def edited(self) -> MeetingData:
        kind = self.kind.currentData()
        return MeetingData(
            kind=kind,
            title=self.title_edit.text().strip() or self.suggested_title(),
            date=to_date(self.date),
            start_time=self.start_time.value(),
            end_time=self.end_time.value(),
            place=self.place.text(),
            chantier_id=self.chantier.currentData(),
            participation_format=self.participation_format.currentData(),
            body=self._body if kind == self._kind_at_load else None,
            status=self.status.currentData(),
            chair_id=self._person(self.chair, "chair_id"),
            secretary_id=self._person(self.secretary, "secretary_id"),
            notes=self.notes.toPlainText(),
            version=self.version,
        )

    @staticmethod
    def field_labels() -> dict[str, str]:
        return {
            "kind": _("Type"),
            "title": _("Titre"),
            "date": _("Date"),
            "start_time": _("Début"),
            "end_time": _("Fin"),
            "place": _("Lieu"),
            "status": _("Statut"),
            "notes": _("Notes"),
        }

    @staticmethod
    def _readable(data: MeetingData) -> MeetingData:
        """``data`` with its kind and status in words, for the conflict table."""
        return replace(
            data, kind=label(data.kind, MeetingKind), status=label(data.status, MeetingStatus)
        )

    def settle_conflict(self, mine: MeetingData) -> bool:
        """Someone saved this meeting since the form was filled: show both versions; True
        when the user keeps theirs (saved again, knowingly over the other)."""
        theirs = meetings.get_meeting(self.db, self.meeting_id).data()
        kept = settle(
            self,
            self._readable(mine),
            self._readable(theirs),
            self.field_labels(),
            lambda _shown: self._show(theirs),
        )
        if kept is None:
            return False
        self.version = kept
        return True

    def _save(self, data: MeetingData) -> bool:
        if self.meeting_id is None:
            self.meeting_id = meetings.create_meeting(self.db, data)
        else:
            meetings.update_meeting(self.db, self.meeting_id, data)
        return True

    def accept(self) -> None:
        try:
            data = self.edited()
            # An unreachable server: the form stays as typed, the save offered again.
            if retrying(self, lambda: self._save(data)) is None:
                return
        except ConflictError:
            if self.settle_conflict(data):
                self.accept()
            return
        except ValidationError as error:
            show_field_error(self.error, error, self._fields())
            return
        clear_error(self.error)
        super().accept()
