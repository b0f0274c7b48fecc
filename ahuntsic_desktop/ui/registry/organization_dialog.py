"""Create or edit an organisation; its current and past representatives are listed under
the form. The service validates on save: its French message shows in red under the field
at fault, which takes the focus, and nothing is saved.

While the name, email or phone is typed, similar existing organisations are listed under
the name (:class:`~ahuntsic_desktop.ui.duplicate_hint.DuplicateHint`); this never blocks
saving. Double-clicking a match asks whether to open that record instead: on « yes » the
dialog closes without saving, ``chosen_existing_id`` holds the id and
``existing_chosen(id)`` is emitted for the caller to open that record."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Sector
from ...domain.labels import choices
from ...i18n import _, ngettext
from ...services.core import validation as v
from ...services.core.errors import ConflictError, ValidationError
from ...services.registry import organizations
from ...services.registry.organizations import OrganizationData
from ..context import Context
from ..duplicate_hint import DuplicateHint
from ..errors import retrying
from ..table_model import TableModel
from .common import (
    Form,
    FormDialog,
    fill_combo,
    normalise_on_leave,
    offer_existing_record,
    save_button,
    save_buttons,
)
from .conflict_dialog import settle


class OrganizationDialogView(FormDialog):
    preferred_width = 620

    """Layout only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Form(self)
        f = self.form
        self.name = f.add(_("Nom :"), QLineEdit(self), "name")
        self.acronym = f.add(_("Sigle :"), QLineEdit(self), "acronym")
        self.sector = f.add(_("Secteur :"), QComboBox(self), "sector")
        self.email = f.add(_("Courriel :"), QLineEdit(self), "email")
        self.phone = f.add(_("Téléphone :"), QLineEdit(self), "phone")
        self.website = f.add(_("Site Web :"), QLineEdit(self), "website")
        self.address = f.add(_("Adresse :"), QLineEdit(self), "address")
        self.city = f.add(_("Ville :"), QLineEdit(self), "city")
        self.postal_code = f.add(_("Code postal :"), QLineEdit(self), "postal_code")
        self.notes = f.add(_("Notes :"), QPlainTextEdit(self), "notes")
        self.notes.setFixedHeight(70)
        self.name.setPlaceholderText(_("obligatoire"))
        self.email.setPlaceholderText(_("info@organisme.org"))
        self.phone.setPlaceholderText(_("514 555-1234"))
        self.website.setPlaceholderText(_("www.organisme.org"))
        self.postal_code.setPlaceholderText(_("H3L 2L9"))
        self.postal_code.setMaximumWidth(120)

        self.representatives_box = QGroupBox(_("Représentant·es"), self)
        self.representatives = QTableView(self.representatives_box)
        self.representatives.setObjectName("representatives")
        self.representatives_model = TableModel(parent=self)
        self.representatives.setModel(self.representatives_model)
        self.representatives.verticalHeader().setVisible(False)
        self.representatives.horizontalHeader().setStretchLastSection(True)
        self.representatives.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.representatives.setMinimumHeight(120)
        self.representatives_hint = QLabel(self.representatives_box)
        self.representatives_hint.setWordWrap(True)
        box = QVBoxLayout(self.representatives_box)
        box.addWidget(self.representatives)
        box.addWidget(self.representatives_hint)

        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(self.form)
        layout.addWidget(self.representatives_box, 1)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)


class OrganizationDialog(OrganizationDialogView):
    """After a successful ``accept``, ``organization_id`` holds the saved organisation.
    When the user chose to open a similar existing organisation instead, the dialog is
    rejected and ``chosen_existing_id`` holds its id (also emitted by ``existing_chosen``)."""

    existing_chosen = Signal(int)

    def __init__(
        self, context: Context, organization_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.organization_id = organization_id
        self.chosen_existing_id: int | None = None
        self.version: int | None = None  # read with the record, sent back on save
        self.hint = DuplicateHint(context.db, "organization", self)
        self.form.insertRow(1, self.hint)  # under the name
        self.setWindowTitle(
            _("Nouvel organisme") if organization_id is None else _("Modifier l'organisme")
        )
        self._fill()
        self._connect()

    def _fill(self) -> None:
        data = OrganizationData(name="")
        if self.organization_id is not None:
            data = organizations.get_organization(self.context.db, self.organization_id)
        self._show(data)
        self._fill_representatives()

    def _show(self, data: OrganizationData) -> None:
        self.version = data.version  # a save over a newer version is refused
        self.name.setText(data.name)
        self.acronym.setText(data.acronym or "")
        fill_combo(self.sector, choices(Sector), str(data.sector))
        self.email.setText(data.email or "")
        self.phone.setText(data.phone or "")
        self.website.setText(data.website or "")
        self.address.setText(data.address or "")
        self.city.setText(data.city or "")
        self.postal_code.setText(data.postal_code or "")
        self.notes.setPlainText(data.notes or "")
        if data.archived:
            self.form.general.setText(
                _("Cet organisme est archivé : restaurez-le depuis la liste.")
            )
            self.form.general.show()

    def _fill_representatives(self) -> None:
        if self.organization_id is None:
            self.representatives.hide()
            self.representatives_hint.setText(
                _(
                    "Enregistrez l'organisme, puis ajoutez ses représentant·es depuis la fiche de chaque personne."
                )
            )
            return
        table = organizations.list_representatives(
            self.context.db, self.organization_id, today=self.context.today()
        )
        self.representatives_model.set_table(table)
        widths = {"person": 170, "role": 90, "start_date": 100, "end_date": 100, "current": 70}
        for index, column in enumerate(table.columns):
            self.representatives.setColumnWidth(index, widths.get(column.key, 160))
        current = sum(1 for flag in table.values("current") if flag)
        self.representatives_hint.setText(
            ngettext(
                "{n} représentant·e en poste, {past} par le passé.",
                "{n} représentant·es en poste, {past} par le passé.",
                current,
            ).format(n=current, past=len(table) - current)
            + " "
            + _("Les représentations se modifient dans la fiche de la personne.")
        )

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        normalise_on_leave(self.form, self.email, "email", v.email)
        normalise_on_leave(self.form, self.phone, "phone", v.phone)
        normalise_on_leave(self.form, self.website, "website", v.website)
        normalise_on_leave(self.form, self.postal_code, "postal_code", v.postal_code)
        self.name.textEdited.connect(lambda _t: self.form.hide_error("name"))
        for edit in (self.name, self.email, self.phone):
            edit.textChanged.connect(self.check_duplicates)
        self.hint.chosen.connect(self.open_existing)
        save_button(self.buttons).setEnabled(not self.context.db.read_only)

    def check_duplicates(self) -> None:
        """Ask the hint (after a pause in typing) for organisations that look like this one."""
        self.hint.check_organization(
            self.name.text(),
            self.email.text(),
            self.phone.text(),
            exclude_id=self.organization_id,
        )

    def open_existing(self, organization_id: int) -> None:
        """Close without saving, once confirmed, so the caller opens ``organization_id``."""
        offer_existing_record(self, organization_id, editing=self.organization_id is not None)

    def edited(self) -> OrganizationData:
        return OrganizationData(
            name=self.name.text(),
            sector=self.sector.currentData(),
            acronym=self.acronym.text(),
            email=self.email.text(),
            phone=self.phone.text(),
            website=self.website.text(),
            address=self.address.text(),
            city=self.city.text(),
            postal_code=self.postal_code.text(),
            notes=self.notes.toPlainText(),
            version=self.version,
        )

    @staticmethod
    def field_labels() -> dict[str, str]:
        return {
            "name": _("Nom"),
            "acronym": _("Sigle"),
            "sector": _("Secteur"),
            "email": _("Courriel"),
            "phone": _("Téléphone"),
            "website": _("Site Web"),
            "address": _("Adresse"),
            "city": _("Ville"),
            "postal_code": _("Code postal"),
            "notes": _("Notes"),
        }

    def settle_conflict(self) -> bool:
        """Someone saved this organisation since the form was filled: show both versions;
        True when the user keeps theirs (saved again, knowingly over the other)."""
        theirs = organizations.get_organization(self.context.db, self.organization_id)
        kept = settle(self, self.edited(), theirs, self.field_labels(), self._show)
        if kept is None:
            return False
        self.version = kept
        return True

    def _save(self) -> bool:
        if self.organization_id is None:
            self.organization_id = organizations.create_organization(self.context.db, self.edited())
        else:
            organizations.update_organization(self.context.db, self.organization_id, self.edited())
        return True

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            # An unreachable server: the form stays as typed, the save offered again.
            if retrying(self, self._save) is None:
                return
        except ConflictError:
            if self.settle_conflict():
                self.accept()
            return
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()
