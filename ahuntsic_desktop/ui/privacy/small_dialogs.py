"""The small forms of the privacy screens: a consent given, a request received, a person
chosen. Each refusal of the service shows in red under the field at fault."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import ConsentPurpose
from ...domain.labels import choices
from ...domain.privacy import RequestKind
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.privacy import access, consents
from ...services.registry import lists as registry_lists
from ..context import Context
from ..registry.common import (
    Form,
    RecordPicker,
    date_edit,
    fill_combo,
    pydate,
    save_button,
    save_buttons,
)
from ..widgets.unsaved import GuardedDialog


class _FormDialog(GuardedDialog):
    """A form, its general error line and Save/Cancel; ``save`` does the work."""

    def __init__(self, context: Context, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = Form(self)
        self.buttons = save_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        save_button(self.buttons).setEnabled(not context.db.read_only)

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.save()
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        super().accept()


class GrantConsentDialog(_FormDialog):
    """« Consentement reçu »: purpose, date and source (form, email, meeting...)."""

    def __init__(
        self,
        context: Context,
        person_id: int,
        purpose: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, _("Consentement reçu"), parent)
        self.person_id = person_id
        self.purpose = self.form.add(_("Finalité :"), QComboBox(self), "purpose")
        fill_combo(self.purpose, choices(ConsentPurpose), purpose)
        self.granted_on = self.form.add(
            _("Donné le :"), date_edit(self, context.today()), "granted_on"
        )
        self.source = self.form.add(_("Source :"), QLineEdit(self), "source")
        self.source.setPlaceholderText(_("Formulaire d'adhésion, courriel du 3 mars…"))
        self.consent_id: int | None = None

    def save(self) -> None:
        self.consent_id = consents.grant_consent(
            self.context.db,
            self.person_id,
            self.purpose.currentData(),
            pydate(self.granted_on.date()),
            self.source.text(),
            today=self.context.today(),
        )


class WithdrawConsentDialog(_FormDialog):
    """The date a consent was withdrawn (today by default)."""

    def __init__(
        self, context: Context, consent_id: int, purpose_label: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, _("Retrait du consentement"), parent)
        self.consent_id = consent_id
        self.intro.setText(
            _("Le consentement « {purpose} » cesse de s'appliquer à compter de cette date.").format(
                purpose=purpose_label
            )
        )
        self.intro.show()
        self.withdrawn_on = self.form.add(
            _("Retiré le :"), date_edit(self, context.today()), "withdrawn_on"
        )
        save_button(self.buttons).setText(_("Retirer le consentement"))

    def save(self) -> None:
        consents.withdraw_consent(
            self.context.db, self.consent_id, pydate(self.withdrawn_on.date())
        )


class RequestDialog(_FormDialog):
    """A request received (access, rectification, erasure): due 30 days later."""

    def __init__(
        self, context: Context, person_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, _("Demande reçue"), parent)
        self.person = self.form.add(_("Personne :"), RecordPicker(self), "person_id")
        self.person.set_choices(
            registry_lists.person_choices(context.db, include_archived=True), person_id
        )
        self.person.setEnabled(person_id is None)
        self.kind = self.form.add(_("Demande :"), QComboBox(self), "kind")
        fill_combo(self.kind, [(k.value, access.kind_label(k.value)) for k in RequestKind])
        self.received_on = self.form.add(
            _("Reçue le :"), date_edit(self, context.today()), "received_on"
        )
        self.notes = self.form.add(_("Notes :"), QPlainTextEdit(self), "notes")
        self.notes.setFixedHeight(70)
        self.notes.setPlaceholderText(_("Comment la demande est arrivée, précisions…"))
        self.request_id: int | None = None

    def save(self) -> None:
        try:
            person_id = self.person.record_id()
        except ValueError:
            person_id = None
        if person_id is None:
            raise ValidationError(_("Choisissez la personne qui fait la demande."), "person_id")
        self.request_id = access.open_request(
            self.context.db,
            person_id,
            kind=self.kind.currentData(),
            received_on=pydate(self.received_on.date()),
            notes=self.notes.toPlainText(),
            today=self.context.today(),
        )


class PersonChooser(_FormDialog):
    """Pick a person (archived ones included) to open their privacy file."""

    guards_edits = False  # it chooses; closing it loses nothing

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, _("Dossier d'une personne"), parent)
        self.person = self.form.add(_("Personne :"), RecordPicker(self), "person_id")
        self.person.set_choices(registry_lists.person_choices(context.db, include_archived=True))
        save_button(self.buttons).setText(_("Ouvrir"))
        save_button(self.buttons).setEnabled(True)
        self.person_id: int | None = None

    def save(self) -> None:
        try:
            self.person_id = self.person.record_id()
        except ValueError:
            self.person_id = None
        if self.person_id is None:
            raise ValidationError(_("Choisissez une personne."), "person_id")
