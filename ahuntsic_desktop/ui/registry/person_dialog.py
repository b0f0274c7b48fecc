"""Create or edit a person and the organisations they represent. The person's fields and
the representation changes are saved together; a refusal shows in red under the field at
fault (or under the representations) and nothing is saved.

While the name, email or phone is typed, similar existing persons are listed under the
name fields (:class:`~ahuntsic_desktop.ui.duplicate_hint.DuplicateHint`). The hint never
blocks saving (homonyms exist). Double-clicking a match asks whether to open that record
instead: on « yes » the dialog closes without saving, ``chosen_existing_id`` holds the id
and ``existing_chosen(id)`` is emitted for the caller to open that record."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Sector
from ...domain.labels import choices
from ...i18n import _
from ...services.core import validation as v
from ...services.core.errors import ConflictError, ValidationError
from ...services.registry import lists as registry_lists
from ...services.registry import persons
from ...services.registry.persons import PersonData
from ..context import Context
from ..duplicate_hint import DuplicateHint
from ..errors import retrying
from .common import (
    Form,
    FormDialog,
    fill_combo,
    normalise_on_leave,
    offer_existing_record,
    save_button,
    save_buttons,
)
from .conflict_dialog import KEEP_MINE, TAKE_THEIRS, ConflictDialog
from .representation_editor import RepresentationEditor

REPRESENTATION_FIELDS = {"organization_id", "role", "start_date", "end_date"}


class PersonDialogView(FormDialog):
    preferred_width = 940

    """Layout only: the person's fields on the left, their representations on the right."""

    def __init__(self, today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Form(self)
        f = self.form
        self.first_name = f.add(_("Prénom :"), QLineEdit(self), "first_name")
        self.last_name = f.add(_("Nom :"), QLineEdit(self), "last_name")
        self.email = f.add(_("Courriel :"), QLineEdit(self), "email")
        self.phone = f.add(_("Téléphone :"), QLineEdit(self), "phone")
        self.address = f.add(_("Adresse :"), QLineEdit(self), "address")
        self.postal_code = f.add(_("Code postal :"), QLineEdit(self), "postal_code")
        self.sector = f.add(_("Secteur :"), QComboBox(self), "sector")
        self.flags = QWidget(self)
        self.is_resident = QCheckBox(_("Résident·e du quartier"), self.flags)
        self.is_resident.setObjectName("is_resident")
        self.is_elected = QCheckBox(_("Élu·e"), self.flags)
        self.is_elected.setObjectName("is_elected")
        flags = QHBoxLayout(self.flags)
        flags.setContentsMargins(0, 0, 0, 0)
        flags.addWidget(self.is_resident)
        flags.addWidget(self.is_elected)
        flags.addStretch(1)
        f.addRow("", self.flags)
        self.notes = f.add(_("Notes :"), QPlainTextEdit(self), "notes")
        self.notes.setFixedHeight(70)
        self.email.setPlaceholderText(_("prenom.nom@exemple.org"))
        self.phone.setPlaceholderText(_("514 555-1234, poste 12"))
        self.postal_code.setPlaceholderText(_("H3L 2L9"))
        self.postal_code.setMaximumWidth(120)

        self.representations_box = QGroupBox(_("Organismes représentés"), self)
        self.representations = RepresentationEditor(today, self.representations_box)
        box = QVBoxLayout(self.representations_box)
        box.addWidget(self.representations)

        self.buttons = save_buttons(self)
        columns = QHBoxLayout()
        columns.addLayout(self.form, 1)
        columns.addWidget(self.representations_box, 1)
        layout = QVBoxLayout()
        layout.addLayout(columns, 1)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)


class PersonDialog(PersonDialogView):
    """After a successful ``accept``, ``person_id`` holds the saved person. When the user
    chose to open a similar existing person instead, the dialog is rejected and
    ``chosen_existing_id`` holds that person's id (also emitted by ``existing_chosen``)."""

    existing_chosen = Signal(int)

    def __init__(
        self, context: Context, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context.today(), parent)
        self.context = context
        self.person_id = person_id
        self.chosen_existing_id: int | None = None
        self.hint = DuplicateHint(context.db, "person", self)
        self.form.insertRow(2, self.hint)  # under the first and last names
        self.setWindowTitle(
            _("Nouvelle personne") if person_id is None else _("Modifier la personne")
        )
        self._fill()
        self._connect()

    def _fill(self) -> None:
        db = self.context.db
        data = PersonData() if self.person_id is None else persons.get_person(db, self.person_id)
        self._show(data)
        self.representations.load(db, self.person_id, registry_lists.organization_choices(db))
        if data.archived:
            self.form.general.setText(
                _("Cette personne est archivée : restaurez-la depuis la liste.")
            )
            self.form.general.show()

    def _show(self, data: PersonData) -> None:
        self.version = data.version  # sent back on save: a save over a newer one is refused
        self.first_name.setText(data.first_name)
        self.last_name.setText(data.last_name)
        self.email.setText(data.email or "")
        self.phone.setText(data.phone or "")
        self.address.setText(data.address or "")
        self.postal_code.setText(data.postal_code or "")
        fill_combo(self.sector, choices(Sector), data.sector and str(data.sector), empty="—")
        self.is_resident.setChecked(data.is_resident)
        self.is_elected.setChecked(data.is_elected)
        self.notes.setPlainText(data.notes or "")

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        normalise_on_leave(self.form, self.email, "email", v.email)
        normalise_on_leave(self.form, self.phone, "phone", v.phone)
        normalise_on_leave(self.form, self.postal_code, "postal_code", v.postal_code)
        for edit, name in ((self.first_name, "first_name"), (self.last_name, "last_name")):
            edit.textEdited.connect(lambda _t, n=name: self.form.hide_error(n))
        for edit in (self.first_name, self.last_name, self.email, self.phone):
            edit.textChanged.connect(self.check_duplicates)
        self.hint.chosen.connect(self.open_existing)
        save_button(self.buttons).setEnabled(not self.context.db.read_only)

    def check_duplicates(self) -> None:
        """Ask the hint (after a pause in typing) for persons that look like this one."""
        self.hint.check_person(
            self.first_name.text(),
            self.last_name.text(),
            self.email.text(),
            self.phone.text(),
            exclude_id=self.person_id,
        )

    def open_existing(self, person_id: int) -> None:
        """Close without saving, once confirmed, so the caller opens ``person_id``."""
        offer_existing_record(self, person_id, editing=self.person_id is not None)

    def edited(self) -> PersonData:
        return PersonData(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            address=self.address.text(),
            postal_code=self.postal_code.text(),
            is_resident=self.is_resident.isChecked(),
            sector=self.sector.currentData(),
            is_elected=self.is_elected.isChecked(),
            notes=self.notes.toPlainText(),
            version=self.version,
        )

    @staticmethod
    def field_labels() -> dict[str, str]:
        return {
            "first_name": _("Prénom"),
            "last_name": _("Nom"),
            "email": _("Courriel"),
            "phone": _("Téléphone"),
            "address": _("Adresse"),
            "postal_code": _("Code postal"),
            "sector": _("Secteur"),
            "is_resident": _("Résident·e du quartier"),
            "is_elected": _("Élu·e"),
            "notes": _("Notes"),
        }

    def settle_conflict(self) -> bool:
        """Someone saved this person since the form was filled: show both versions; True
        when the user keeps theirs (save again, knowingly over the other version)."""
        theirs = persons.get_person(self.context.db, self.person_id)
        choice = ConflictDialog(self.edited(), theirs, self.field_labels(), self).exec()
        if choice == KEEP_MINE:
            self.version = theirs.version
            return True
        if choice == TAKE_THEIRS:
            self._show(theirs)
        return False

    def accept(self) -> None:
        self.form.clear_errors()
        self.representations.error.hide()
        try:
            saved = retrying(  # an unreachable server: the form stays as typed, offered again
                self,
                lambda: persons.save_person(
                    self.context.db, self.person_id, self.edited(), self.representations.changes()
                ),
            )
            if saved is None:
                return
            self.person_id = saved
        except ConflictError:
            if self.settle_conflict():
                self.accept()
            return
        except ValidationError as error:
            if error.field in REPRESENTATION_FIELDS:
                self.representations.error.setText(error.message)
                self.representations.error.show()
            else:
                self.form.show_field_error(error)
            return
        super().accept()
