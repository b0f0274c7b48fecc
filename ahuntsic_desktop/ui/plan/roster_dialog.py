"""Who sits on a chantier: seat a person (for an organisation, with a role, from a date),
change a role, or record a departure. History is kept by the services."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import AssignmentRole
from ...domain.labels import choices
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.plan import chantiers
from ...text import fold_for_search
from ..meetings.common import (
    FoldingCompleter,
    clear_error,
    date_edit,
    error_label,
    fill_combo,
    set_date,
    show_field_error,
    to_date,
)
from ..widgets.unsaved import GuardedDialog


class _Dialog(GuardedDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def run(self, write) -> None:
        """Call ``write()``; close when it succeeds, show the error next to its field."""
        try:
            write()
        except ValidationError as error:
            show_field_error(self.error, error, self.fields)
            return
        clear_error(self.error)
        super().accept()


class JoinDialog(_Dialog):
    """Seat a person on the chantier."""

    def __init__(self, context, chantier_id: int, name: str, parent=None) -> None:
        super().__init__(_("Ajouter au chantier « {name} »").format(name=name), parent)
        self.context = context
        self.chantier_id = chantier_id
        self.assignment_id: int | None = None
        self.people = chantiers.person_choices(context.db, today=context.today())
        self.person = QComboBox(self)
        self.person.setObjectName("person_id")
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.lineEdit().setPlaceholderText(_("Tapez un nom…"))
        self.person.addItem("", None)
        seen = Counter(c.name for c in self.people)
        self.labels = []
        for choice in self.people:
            text = choice.name
            if seen[text] > 1:  # homonyms: say whom they represent, or their number
                where = choice.organizations[0][1] if choice.organizations else f"n° {choice.id}"
                text = f"{text} — {where}"
            self.labels.append((text, choice.id))
            self.person.addItem(text, choice.id)
        self.person.setCompleter(FoldingCompleter([t for t, _i in self.labels], self.person))
        self.organization = QComboBox(self)
        self.organization.setObjectName("organization_id")
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        fill_combo(self.role, choices(AssignmentRole), AssignmentRole.MEMBER.value)
        self.start_date = date_edit(self, name="start_date")
        set_date(self.start_date, context.today())
        self.form.addRow(_("Personne :"), self.person)
        self.form.addRow(_("Représente :"), self.organization)
        self.form.addRow(_("Rôle :"), self.role)
        self.form.addRow(_("Depuis le :"), self.start_date)
        self.fields = {
            "person_id": self.person,
            "organization_id": self.organization,
            "role": self.role,
            "start_date": self.start_date,
        }
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Ajouter"))
        self.person.currentIndexChanged.connect(lambda _i: self._fill_organizations())
        self._fill_organizations()

    def person_id(self) -> int | None:
        """The chosen person: the listed name typed or picked, or one unique match."""
        text = self.person.currentText().strip()
        if not text:
            return None
        index = self.person.findText(text)
        if index > 0:
            return self.person.itemData(index)
        folded = fold_for_search(text)
        matches = [i for name, i in self.labels if fold_for_search(name) == folded] or [
            i for name, i in self.labels if fold_for_search(name).startswith(folded)
        ]
        return matches[0] if len(matches) == 1 else None

    def _fill_organizations(self) -> None:
        person_id = self.person.currentData()
        choice = next((c for c in self.people if c.id == person_id), None)
        items = list(choice.organizations) if choice else []
        fill_combo(
            self.organization, items, items[0][0] if items else None, empty=_("À titre personnel")
        )

    def select_person(self, person_id: int, organization_id: int | None = None) -> None:
        self.person.setCurrentIndex(max(0, self.person.findData(person_id)))
        if organization_id is not None:
            self.organization.setCurrentIndex(max(0, self.organization.findData(organization_id)))

    def accept(self) -> None:
        def write() -> None:
            person_id = self.person_id()
            if person_id is None:
                raise ValidationError(_("Choisissez une personne de la liste."), "person_id")
            self.assignment_id = chantiers.join(
                self.context.db,
                self.chantier_id,
                person_id,
                self.role.currentData(),
                organization_id=self.organization.currentData(),
                start_date=to_date(self.start_date),
            )

        self.run(write)


class RoleDialog(_Dialog):
    """Change someone's role from a date, or (``leaving``) record their departure."""

    def __init__(
        self, context, entry: chantiers.RosterEntry, *, leaving: bool, parent=None
    ) -> None:
        title = _("Départ du chantier") if leaving else _("Changer le rôle")
        super().__init__(title, parent)
        self.context = context
        self.entry = entry
        self.leaving = leaving
        who = entry.person_name + (
            f" ({entry.organization_name})" if entry.organization_name else ""
        )
        self.form.addRow(_("Personne :"), QLabel(who, self))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(_("Enregistrer le départ") if leaving else _("Changer le rôle"))
        self.role = QComboBox(self)
        self.role.setObjectName("role")
        fill_combo(self.role, choices(AssignmentRole), entry.role)
        self.date = date_edit(self, name="end_date" if leaving else "start_date")
        set_date(self.date, context.today())
        if not leaving:
            self.form.addRow(_("Nouveau rôle :"), self.role)
        self.form.addRow(_("Dernier jour :") if leaving else _("À partir du :"), self.date)
        self.fields = {"role": self.role, "end_date": self.date, "start_date": self.date}

    def accept(self) -> None:
        db, day = self.context.db, to_date(self.date)
        if self.leaving:
            self.run(lambda: chantiers.leave(db, self.entry.assignment_id, day))
        else:
            self.run(
                lambda: chantiers.change_role(
                    db, self.entry.assignment_id, self.role.currentData(), day
                )
            )
