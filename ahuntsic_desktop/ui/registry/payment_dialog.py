"""« Enregistrer un paiement »: the small dialog opened from the memberships list, filled in
with today's date, the last payment method used and the membership's dues."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.enums import PaymentMethod
from ...domain.labels import choices
from ...i18n import _, format_date, format_money
from ...services.core.errors import ValidationError
from ...services.registry import memberships
from ..context import Context
from .common import (
    Form,
    FormDialog,
    date_edit,
    fill_combo,
    pydate,
    qdate,
    save_button,
    save_buttons,
)

LAST_METHOD_KEY = "registry/lastPaymentMethod"


class PaymentDialogView(FormDialog):
    preferred_width = 440

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.already_paid = QLabel(self)
        self.already_paid.setObjectName("alreadyPaid")
        self.already_paid.setWordWrap(True)
        self.already_paid.setStyleSheet(
            "background: #e8f5e9; color: #1b5e20; border: 1px solid #a5d6a7;"
            " border-radius: 4px; padding: 6px;"
        )
        self.already_paid.hide()
        self.form = Form(self)
        self.paid_on = self.form.add(_("Payée le :"), date_edit(self), "paid_on")
        self.payment_method = self.form.add(
            _("Mode de paiement :"), QComboBox(self), "payment_method"
        )
        self.amount = self.form.add(_("Montant :"), QLineEdit(self), "amount")
        self.amount.setMaximumWidth(140)
        self.receipt_number = self.form.add(
            _("Numéro de reçu :"), QLineEdit(self), "receipt_number"
        )
        self.receipt_number.setPlaceholderText(_("le suivant, automatiquement"))
        self.buttons = save_buttons(self, _("Enregistrer le paiement"))
        layout = QVBoxLayout()
        layout.addWidget(self.summary)
        layout.addWidget(self.already_paid)
        layout.addLayout(self.form)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)


class PaymentDialog(PaymentDialogView):
    """After a successful ``accept``, ``receipt`` holds the receipt number given."""

    def __init__(self, context: Context, membership_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.membership_id = membership_id
        self.receipt: str | None = None
        detail = memberships.get_membership(context.db, membership_id)
        self.setWindowTitle(_("Enregistrer un paiement"))
        self.summary.setText(
            _("<b>{member}</b> — adhésion {year}").format(
                member=detail.member_name, year=detail.year_label
            )
        )
        paid_on = detail.data.paid_on
        self.paid_on.setDate(qdate(paid_on or context.today()))
        last = QSettings().value(LAST_METHOD_KEY) or PaymentMethod.CHEQUE.value
        fill_combo(self.payment_method, choices(PaymentMethod), detail.data.payment_method or last)
        self.amount.setText(format_money(int(detail.data.dues_cents or 0)))
        self.receipt_number.setText(detail.data.receipt_number or "")
        if paid_on:  # say so rather than offer to pay again
            self.setWindowTitle(_("Paiement déjà enregistré"))
            receipt = detail.data.receipt_number
            self.already_paid.setText(
                (
                    _("Cette adhésion est déjà payée : le {date}, reçu n° {receipt}.")
                    if receipt
                    else _("Cette adhésion est déjà payée : le {date}.")
                ).format(date=format_date(paid_on), receipt=receipt)
                + " "
                + _("Enregistrer corrige ce paiement ; il n'en ajoute pas un second.")
            )
            self.already_paid.show()
            save_button(self.buttons).setText(_("Corriger le paiement"))
        self._connect()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.amount.textEdited.connect(lambda _t: self.form.hide_error("amount"))
        save_button(self.buttons).setEnabled(not self.context.db.read_only)

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.receipt = memberships.pay_membership(
                self.context.db,
                self.membership_id,
                pydate(self.paid_on.date()),
                self.payment_method.currentData(),
                self.amount.text(),
                self.receipt_number.text(),
            )
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        QSettings().setValue(LAST_METHOD_KEY, self.payment_method.currentData())
        super().accept()
