"""Create or edit a funding application (funder, programme, project, amounts, period,
status and its dates), and « Accepter »: the funder's yes becomes the agreement."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from ...domain.grants import ApplicationStatus
from ...i18n import _, format_money
from ...services.core.errors import ValidationError
from ...services.funding import applications as service
from ...services.funding.applications import ApplicationData
from ...services.registry import lists as registry_lists
from ..context import Context
from .common import Form, FormDialog, OptionalDate, RecordPicker, save_button, save_buttons
from .documents_field import DocumentsField
from .funding_confirm import save_confirmed


def _money(cents: int | None) -> str:
    return "" if cents is None else format_money(int(cents))


class ApplicationDialogView(FormDialog):
    preferred_width = 620

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = f = Form(self)
        self.funder = f.add(_("Bailleur de fonds :"), RecordPicker(self), "funder_id")
        self.programme = f.add(_("Programme :"), QLineEdit(self), "programme")
        self.project = f.add(_("Projet :"), QLineEdit(self), "project")
        self.requested = f.add(_("Montant demandé :"), QLineEdit(self), "amount_requested")
        self.period_start = f.add(_("Début de la période :"), OptionalDate(self), "period_start")
        self.period_end = f.add(_("Fin de la période :"), OptionalDate(self), "period_end")
        self.deadline = f.add(_("Date limite de dépôt :"), OptionalDate(self), "deadline")
        self.status = f.add(_("Statut :"), QComboBox(self), "status")
        for code in ApplicationStatus:
            self.status.addItem(service.status_label(code), code.value)
        self.submitted_on = f.add(_("Déposée le :"), OptionalDate(self), "submitted_on")
        self.decided_on = f.add(_("Décision le :"), OptionalDate(self), "decided_on")
        self.granted = f.add(_("Montant accordé :"), QLineEdit(self), "amount_granted")
        self.conditions = f.add(_("Conditions :"), QPlainTextEdit(self), "conditions")
        self.conditions.setFixedHeight(70)
        self.contact = f.add(
            _("Personne-ressource :"), RecordPicker(self, _("facultatif")), "contact_person_id"
        )
        self.documents = f.add(_("Documents :"), DocumentsField(self), "documents")
        self.notes = f.add(_("Notes :"), QPlainTextEdit(self), "notes")
        self.notes.setFixedHeight(50)
        for edit in (self.requested, self.granted):
            edit.setMaximumWidth(160)
        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(self.form)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)


class ApplicationDialog(ApplicationDialogView):
    def __init__(
        self, context: Context, application_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.application_id = application_id
        self.setWindowTitle(
            _("Nouvelle demande de financement")
            if application_id is None
            else _("Modifier la demande")
        )
        db = context.db
        data = None if application_id is None else service.get_application(db, application_id)
        self.data = data
        self.funder.set_choices(
            registry_lists.organization_choices(db, include_archived=data is not None),
            data.funder_id if data else None,
        )
        self.contact.set_choices(
            registry_lists.person_choices(db, include_archived=data is not None),
            data.contact_person_id if data else None,
        )
        if data is not None:
            self._show(data)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not db.read_only)

    def _show(self, data: ApplicationData) -> None:
        self.programme.setText(data.programme)
        self.project.setText(data.project or "")
        self.requested.setText(_money(data.amount_requested_cents))
        self.granted.setText(_money(data.amount_granted_cents))
        for edit, value in (
            (self.period_start, data.period_start),
            (self.period_end, data.period_end),
            (self.deadline, data.deadline),
            (self.submitted_on, data.submitted_on),
            (self.decided_on, data.decided_on),
        ):
            edit.set_value(value)
        self.status.setCurrentIndex(self.status.findData(str(data.status)))
        self.conditions.setPlainText(data.conditions or "")
        self.notes.setPlainText(data.notes or "")
        self.documents.set_paths(data.documents or ())

    def edited(self) -> ApplicationData:
        try:
            funder = self.funder.record_id()
        except ValueError:
            raise ValidationError(_("Choisissez dans la liste."), "funder_id") from None
        if funder is None:
            raise ValidationError(_("Choisissez le bailleur de fonds."), "funder_id")
        try:
            contact = self.contact.record_id()
        except ValueError:
            raise ValidationError(_("Choisissez dans la liste."), "contact_person_id") from None
        return ApplicationData(
            funder_id=funder,
            programme=self.programme.text(),
            amount_requested_cents=self.requested.text(),
            status=self.status.currentData(),
            chantier_id=self.data.chantier_id if self.data else None,
            project=self.project.text(),
            period_start=self.period_start.value(),
            period_end=self.period_end.value(),
            deadline=self.deadline.value(),
            submitted_on=self.submitted_on.value(),
            decided_on=self.decided_on.value(),
            amount_granted_cents=self.granted.text() or None,
            conditions=self.conditions.toPlainText(),
            notes=self.notes.toPlainText(),
            contact_person_id=contact,
            documents=self.documents.value(),
        )

    def accept(self) -> None:
        self.form.clear_errors()
        db = self.context.db

        def save(confirm: bool) -> None:
            data = self.edited()
            if self.application_id is None:
                self.application_id = service.create_application(db, data, confirm=confirm)
            else:
                service.update_application(db, self.application_id, data, confirm=confirm)

        try:
            if not save_confirmed(self, save):
                return
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()


class AcceptDialog(FormDialog):
    """« Accepter » : the decision's date, the amount granted (the request by default) and
    the conditions; saving creates the agreement."""

    preferred_width = 520

    def __init__(self, context: Context, application_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.application_id = application_id
        self.agreement_id: int | None = None
        self.setWindowTitle(_("Accepter la demande"))
        data = service.get_application(context.db, application_id)
        self.form = f = Form(self)
        self.decided_on = f.add(_("Décision le :"), OptionalDate(self), "decided_on")
        self.decided_on.set_value(context.today())
        self.granted = f.add(_("Montant accordé :"), QLineEdit(self), "amount_granted")
        self.granted.setText(_money(data.amount_requested_cents))
        self.granted.setMaximumWidth(160)
        self.conditions = f.add(_("Conditions :"), QPlainTextEdit(self), "conditions")
        self.conditions.setPlainText(data.conditions or "")
        self.conditions.setFixedHeight(70)
        self.buttons = save_buttons(self, _("Accepter et créer l'entente"))
        layout = QVBoxLayout()
        layout.addLayout(self.form)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not context.db.read_only)

    def accept(self) -> None:
        self.form.clear_errors()

        def save(confirm: bool) -> None:
            self.agreement_id = service.accept_application(
                self.context.db,
                self.application_id,
                decided_on=self.decided_on.value(),
                granted_cents=self.granted.text() or None,
                conditions=self.conditions.toPlainText(),
                confirm=confirm,
            )

        try:
            if not save_confirmed(self, save):
                return
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()
