"""The partner roles of an organisation: bailleur de fonds, partenaire institutionnel,
partenaire communautaire, each with the date it began."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...domain.enums import PartnerKind
from ...domain.labels import label
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.funding import partners
from ...services.funding.partners import RoleState
from ...services.registry import lists as registry_lists
from ...services.registry import organizations
from ..context import Context
from .common import Form, FormDialog, OptionalDate, RecordPicker, save_button, save_buttons


class PartnerDialogView(FormDialog):
    preferred_width = 520

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Form(self)
        self.organization = self.form.add(_("Organisme :"), RecordPicker(self), "organization_id")
        self.organization_name = QLabel(self)
        self.form.addRow(_("Organisme :"), self.organization_name)
        self.kinds: dict[str, tuple[QCheckBox, OptionalDate]] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(_("Depuis le"), self), 0, 1)
        for row, kind in enumerate(PartnerKind, start=1):
            check = QCheckBox(label(kind), self)
            check.setObjectName(f"kind_{kind.value}")
            since = OptionalDate(self)
            since.setObjectName(f"since_{kind.value}")
            grid.addWidget(check, row, 0)
            grid.addWidget(since, row, 1)
            self.kinds[kind.value] = (check, since)
        self.buttons = save_buttons(self)
        layout = QVBoxLayout()
        layout.addLayout(self.form)
        layout.addLayout(grid)
        layout.addWidget(self.form.general)
        layout.addWidget(self.buttons)
        self.set_layout(layout)


class PartnerDialog(PartnerDialogView):
    """Choose an organisation (``organization_id`` None) or edit the roles of one."""

    def __init__(
        self, context: Context, organization_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.organization_id = organization_id
        self.setWindowTitle(_("Rôles de partenaire"))
        self._notes: dict[str, str | None] = {}
        if organization_id is None:
            self.organization.set_choices(registry_lists.organization_choices(context.db))
            self.form.labelForField(self.organization_name).hide()
            self.organization_name.hide()
        else:
            self.form.labelForField(self.organization.parentWidget()).hide()
            self.organization.parentWidget().hide()
            data = organizations.get_organization(context.db, organization_id)
            self.organization_name.setText(f"<b>{data.name}</b>")
            for kind, state in partners.partner_roles_of(context.db, organization_id).items():
                check, since = self.kinds[kind]
                check.setChecked(True)
                since.set_value(state.since)
                self._notes[kind] = state.notes
        self._connect()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        save_button(self.buttons).setEnabled(not self.context.db.read_only)

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            organization_id = self.organization_id
            if organization_id is None:
                try:
                    organization_id = self.organization.record_id()
                except ValueError:
                    organization_id = None
                if organization_id is None:
                    raise ValidationError(
                        _("Choisissez l'organisme dans la liste."), "organization_id"
                    )
            roles = {
                kind: RoleState(kind, since.value(), self._notes.get(kind))
                for kind, (check, since) in self.kinds.items()
                if check.isChecked()
            }
            partners.save_partner_roles(self.context.db, organization_id, roles)
        except ValidationError as error:
            self.form.show_field_error(error)
            return
        self.organization_id = organization_id
        super().accept()
