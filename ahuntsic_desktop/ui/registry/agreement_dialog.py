"""Create or edit a funding agreement: funder, programme, amount, period, conditions and the
funder's contact person."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...i18n import _, format_money
from ...services.core.errors import ValidationError
from ...services.funding import agreements as funding
from ...services.funding.agreements import AgreementData
from ...services.funding.allocations import chantier_choices
from ...services.registry import lists as registry_lists
from ..context import Context
from .allocation_grid import AllocationGrid
from .common import (
    Form,
    FormDialog,
    OptionalDate,
    RecordPicker,
    date_edit,
    pydate,
    qdate,
    save_button,
    save_buttons,
)


class AgreementDialogView(FormDialog):
    preferred_width = 600

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Form(self)
        f = self.form
        self.funder = f.add(_("Bailleur de fonds :"), RecordPicker(self), "funder_id")
        self.programme = f.add(_("Programme :"), QLineEdit(self), "programme")
        self.amount = f.add(_("Montant :"), QLineEdit(self), "amount")
        self.amount.setMaximumWidth(160)
        self.start_date = f.add(_("Début :"), date_edit(self), "start_date")
        self.end_date = f.add(_("Fin :"), OptionalDate(self), "end_date")
        self.conditions = f.add(_("Conditions :"), QPlainTextEdit(self), "conditions")
        self.conditions.setFixedHeight(80)
        self.contact = f.add(
            _("Personne-ressource :"), RecordPicker(self, _("facultatif")), "contact_person_id"
        )
        self.notes = f.add(_("Notes :"), QPlainTextEdit(self), "notes")
        self.notes.setFixedHeight(60)
        self.allocations = f.add(_("Répartition :"), AllocationGrid(self), "allocations")
        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(self.form)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)


class AgreementDialog(AgreementDialogView):
    def __init__(
        self,
        context: Context,
        agreement_id: int | None = None,
        parent: QWidget | None = None,
        *,
        funder_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.agreement_id = agreement_id
        self.setWindowTitle(
            _("Nouvelle entente de financement")
            if agreement_id is None
            else _("Modifier l'entente")
        )
        db = context.db
        data = None if agreement_id is None else funding.get_agreement(db, agreement_id)
        self.funder.set_choices(
            registry_lists.organization_choices(db, include_archived=data is not None),
            data.funder_id if data else funder_id,
        )
        self.contact.set_choices(
            registry_lists.person_choices(db, include_archived=data is not None),
            data.contact_person_id if data else None,
        )
        self.allocations.set_choices(chantier_choices(db))
        if data is not None:
            self.allocations.set_lines(data.allocations or ())
            self.programme.setText(data.programme)
            self.amount.setText(format_money(int(data.amount_cents)))
            self.start_date.setDate(qdate(data.start_date))
            self.end_date.set_value(data.end_date)
            self.conditions.setPlainText(data.conditions or "")
            self.notes.setPlainText(data.notes or "")
        else:
            self.start_date.setDate(qdate(context.today()))
        self._connect()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not self.context.db.read_only)

    def _picked(self, picker: RecordPicker, field: str, required: bool) -> int | None:
        try:
            record_id = picker.record_id()
        except ValueError:
            raise ValidationError(_("Choisissez dans la liste."), field) from None
        if record_id is None and required:
            raise ValidationError(_("Choisissez le bailleur de fonds."), field)
        return record_id

    def edited(self) -> AgreementData:
        return AgreementData(
            funder_id=self._picked(self.funder, "funder_id", True),
            programme=self.programme.text(),
            amount_cents=self.amount.text(),
            start_date=pydate(self.start_date.date()),
            end_date=self.end_date.value(),
            conditions=self.conditions.toPlainText(),
            contact_person_id=self._picked(self.contact, "contact_person_id", False),
            notes=self.notes.toPlainText(),
            allocations=self.allocations.lines(),
        )

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            data = self.edited()
            if self.agreement_id is None:
                self.agreement_id = funding.create_agreement(self.context.db, data)
            else:
                funding.update_agreement(self.context.db, self.agreement_id, data)
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()
