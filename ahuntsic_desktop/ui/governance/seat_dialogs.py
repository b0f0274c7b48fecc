"""Dialogs of the seats page: a new seat, a mandate given to someone, a mandate ended."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget

from ...domain.enums import MandateOrigin, SeatCollege, SeatRole
from ...domain.labels import choices
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.governance import seats
from ...services.meetings import pick_lists
from ..context import Context
from ..registry.common import (
    Form,
    FormDialog,
    OptionalDate,
    RecordPicker,
    date_edit,
    fill_combo,
    pydate,
    save_button,
    save_buttons,
)


def follow_organization(picker, people, organization: QComboBox) -> None:
    """Show in ``organization`` the one the person chosen in ``picker`` represents today
    (« à titre personnel », the first line, when none)."""
    try:
        person_id = picker.record_id()
    except ValueError:
        return
    choice = next((p for p in people if p.id == person_id), None)
    if choice is not None:
        index = organization.findText(choice.organization) if choice.organization else 0
        organization.setCurrentIndex(max(0, index))


class SeatDialog(FormDialog):
    """A new seat on ``body``: its name, role and college."""

    def __init__(self, context: Context, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.body, self.seat_id = context, body, None
        self.setWindowTitle(_("Nouveau siège"))
        self.form = f = Form(self)
        self.label_edit = f.add(_("Siège :"), QLineEdit(self), "label")
        self.label_edit.setPlaceholderText(_("p. ex. Siège 12"))
        self.role = f.add(_("Rôle :"), QComboBox(self), "role")
        fill_combo(self.role, choices(SeatRole), SeatRole.MEMBER.value)
        self.college = f.add(_("Collège :"), QComboBox(self), "college")
        fill_combo(self.college, choices(SeatCollege), empty=_("Ouvert à tous les membres"))
        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(f)
        layout.addWidget(f.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not context.db.read_only)

    def accept(self) -> None:
        self.form.clear_errors()
        data = seats.SeatData(
            self.body, self.label_edit.text(), self.role.currentData(), self.college.currentData()
        )
        try:
            self.seat_id = seats.add_seat(self.context.db, data)
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()


class MandateDialog(FormDialog):
    """Give a seat to someone from one date to another: elected, co-opted or appointed."""

    preferred_width = 620

    def __init__(
        self, context: Context, body: str, seat_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.mandate_id = context, None
        self.setWindowTitle(_("Attribuer un siège"))
        today = context.today()
        self.form = f = Form(self)
        self.seat = f.add(_("Siège :"), QComboBox(self), "seat_id")
        rows = seats.list_seats(context.db, body, today)
        fill_combo(self.seat, [(r.seat_id, f"{r.label} — {r.role_label}") for r in rows], seat_id)
        self.person = f.add(_("Titulaire :"), RecordPicker(self), "person_id")
        self.people = pick_lists.person_choices(context.db, today)
        self.person.set_choices(self.people)
        self.organization = f.add(_("Pour l'organisme :"), QComboBox(self), "organization_id")
        fill_combo(
            self.organization,
            pick_lists.organization_choices(context.db),
            empty=_("À titre de résident·e"),
        )
        self.start = f.add(_("Début du mandat :"), date_edit(self, today), "start_date")
        self.end = f.add(_("Fin du mandat :"), OptionalDate(self), "end_date")
        self.origin = f.add(_("Obtenu :"), QComboBox(self), "origin")
        fill_combo(self.origin, choices(MandateOrigin), MandateOrigin.ELECTED.value)
        self.meeting = f.add(_("Élu·e à :"), QComboBox(self), "elected_at_meeting_id")
        fill_combo(
            self.meeting,
            [(c.value, c.text) for c in seats.meeting_choices(context.db)],
            empty="—",
        )
        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(f)
        layout.addWidget(f.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)
        self.person.currentTextChanged.connect(lambda _t: self._follow_person())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not context.db.read_only)

    def _follow_person(self) -> None:
        follow_organization(self.person, self.people, self.organization)

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            try:
                person_id = self.person.record_id()
            except ValueError:
                person_id = None
            if person_id is None:
                raise ValidationError(_("Choisissez la personne qui occupe le siège."), "person_id")
            if self.seat.currentData() is None:
                raise ValidationError(_("Choisissez le siège."), "seat_id")
            data = seats.MandateData(
                seat_id=self.seat.currentData(),
                person_id=person_id,
                start_date=pydate(self.start.date()),
                end_date=self.end.value(),
                organization_id=self.organization.currentData(),
                origin=self.origin.currentData(),
                elected_at_meeting_id=self.meeting.currentData(),
            )
            self.mandate_id = seats.add_mandate(self.context.db, data)
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()


class EndMandateDialog(FormDialog):
    """End a mandate early (a resignation): the last day the person holds the seat."""

    def __init__(self, context: Context, mandate_id: int, holder: str, parent=None) -> None:
        super().__init__(parent)
        self.context, self.mandate_id = context, mandate_id
        self.setWindowTitle(_("Terminer le mandat de {name}").format(name=holder))
        self.form = f = Form(self)
        self.end = f.add(
            _("Dernier jour du mandat :"), date_edit(self, context.today()), "end_date"
        )
        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(f)
        layout.addWidget(f.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            seats.end_mandate(self.context.db, self.mandate_id, pydate(self.end.date()))
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()
