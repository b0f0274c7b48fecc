"""Create or edit an instalment of a funding agreement: expected (date, amount) and, once
it arrives, received (date, amount, reference)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ...i18n import _, format_money
from ...services.core.errors import ValidationError
from ...services.funding import instalments as service
from ...services.funding.instalments import InstalmentData
from ..context import Context
from .common import Form, FormDialog, OptionalDate, RecordPicker, save_button, save_buttons
from .funding_confirm import save_confirmed


class InstalmentDialog(FormDialog):
    preferred_width = 560

    def __init__(
        self,
        context: Context,
        instalment_id: int | None = None,
        parent: QWidget | None = None,
        *,
        agreement_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.instalment_id = instalment_id
        self.setWindowTitle(_("Nouveau versement") if instalment_id is None else _("Versement"))
        self.form = f = Form(self)
        self.agreement = f.add(_("Entente :"), RecordPicker(self), "agreement_id")
        self.due_date = f.add(_("Date prévue :"), OptionalDate(self), "due_date")
        self.expected = f.add(_("Montant prévu :"), QLineEdit(self), "expected_cents")
        self.received_on = f.add(_("Reçu le :"), OptionalDate(self), "received_on")
        self.received = f.add(_("Montant reçu :"), QLineEdit(self), "received_cents")
        self.reference = f.add(_("Référence :"), QLineEdit(self), "reference")
        for edit in (self.expected, self.received):
            edit.setMaximumWidth(160)
        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(self.form)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)
        db = context.db
        self.agreement.set_choices(service.agreement_choices(db), agreement_id)
        if instalment_id is not None:
            self.agreement.set_id(service.agreement_of_instalment(db, instalment_id))
            self.agreement.setEnabled(False)
            data = service.get_instalment(db, instalment_id)
            self.due_date.set_value(data.due_date)
            self.expected.setText(format_money(int(data.expected_cents)))
            self.received_on.set_value(data.received_on)
            if data.received_cents is not None:
                self.received.setText(format_money(int(data.received_cents)))
            self.reference.setText(data.reference or "")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not db.read_only)

    def edited(self) -> tuple[int, InstalmentData]:
        try:
            agreement = self.agreement.record_id()
        except ValueError:
            raise ValidationError(_("Choisissez dans la liste."), "agreement_id") from None
        if agreement is None:
            raise ValidationError(_("Choisissez l'entente de financement."), "agreement_id")
        return agreement, InstalmentData(
            due_date=self.due_date.value(),
            expected_cents=self.expected.text(),
            received_on=self.received_on.value(),
            received_cents=self.received.text() or None,
            reference=self.reference.text(),
        )

    def accept(self) -> None:
        self.form.clear_errors()
        db = self.context.db

        def save(confirm: bool) -> None:
            agreement, data = self.edited()
            if self.instalment_id is None:
                self.instalment_id = service.add_instalment(db, agreement, data, confirm=confirm)
            else:
                service.update_instalment(db, self.instalment_id, data, confirm=confirm)

        try:
            if not save_confirmed(self, save):
                return
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()
