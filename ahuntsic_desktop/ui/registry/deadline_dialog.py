"""Add a reporting deadline (reddition de comptes) to a funding agreement: what is owed
and by when."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.funding import agreements as funding
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


class DeadlineDialogView(FormDialog):
    preferred_width = 560

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Form(self)
        f = self.form
        self.agreement = f.add(_("Entente :"), QComboBox(self), "agreement_id")
        self.title_edit = f.add(_("Ce qui est dû :"), QLineEdit(self), "title")
        self.title_edit.setPlaceholderText(_("p. ex. Rapport d'étape et bilan financier"))
        self.due_date = f.add(_("Échéance :"), date_edit(self), "due_date")
        self.notes = f.add(_("Notes :"), QPlainTextEdit(self), "notes")
        self.notes.setFixedHeight(60)
        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(self.form)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)


class DeadlineDialog(DeadlineDialogView):
    def __init__(
        self, context: Context, agreement_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.deadline_id: int | None = None
        self.setWindowTitle(_("Nouvelle reddition de comptes"))
        agreements = funding.list_agreements(context.db, today=context.today())
        items = [
            (record_id, f"{row[0]} — {row[1]}")
            for record_id, row in zip(agreements.ids, agreements.rows, strict=True)
        ]
        fill_combo(self.agreement, items, agreement_id, empty="—")
        self.due_date.setDate(qdate(context.today()))
        self._connect()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not self.context.db.read_only)

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            agreement_id = self.agreement.currentData()
            if agreement_id is None:
                raise ValidationError(_("Choisissez l'entente de financement."), "agreement_id")
            self.deadline_id = funding.add_deadline(
                self.context.db,
                agreement_id,
                self.title_edit.text(),
                pydate(self.due_date.date()),
                self.notes.toPlainText(),
            )
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()
