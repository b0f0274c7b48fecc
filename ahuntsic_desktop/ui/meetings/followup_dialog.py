"""Add a follow-up decided at the meeting: what, who (a person or an organisation), by
when, its status and the resolution it comes from."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import FollowUpStatus
from ...domain.labels import choices
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.meetings import followups, meetings, pick_lists, resolutions
from ...services.meetings.followups import FollowUpData
from ..widgets.unsaved import GuardedDialog
from .common import (
    PersonPicker,
    date_edit,
    disable_save_if_read_only,
    error_label,
    fill_combo,
    set_date,
    show_field_error,
    to_date,
)


class FollowUpDialogView(GuardedDialog):
    """Layout only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(520)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("description")
        self.description.setPlaceholderText(_("Ce qui doit être fait"))
        self.description.setFixedHeight(80)
        self.owner_person = PersonPicker(self)
        self.owner_person.setObjectName("owner_person_id")
        self.owner_organization = QComboBox(self)
        self.owner_organization.setObjectName("owner_organization_id")
        self.has_due_date = QCheckBox(_("Échéance :"), self)
        self.due_date = date_edit(self, name="due_date")
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        self.resolution = QComboBox(self)
        self.resolution.setObjectName("resolution_id")
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        due = QHBoxLayout()
        due.addWidget(self.has_due_date)
        due.addWidget(self.due_date, 1)
        form = QFormLayout()
        form.addRow(_("Suivi :"), self.description)
        form.addRow(_("Responsable (personne) :"), self.owner_person)
        form.addRow(_("ou organisme :"), self.owner_organization)
        form.addRow(due)
        form.addRow(_("Statut :"), self.status)
        form.addRow(_("Découle de la résolution :"), self.resolution)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)


class FollowUpDialog(FollowUpDialogView):
    """After a successful ``accept``, ``follow_up_id`` holds the new follow-up's id."""

    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.meeting_id = context, meeting_id
        self.follow_up_id: int | None = None
        self.setWindowTitle(_("Nouveau suivi"))
        db = context.db
        today = context.today()
        self.owner_person.set_choices(pick_lists.person_choices(db, today))
        fill_combo(self.owner_organization, pick_lists.organization_choices(db), empty=_("(aucun)"))
        fill_combo(self.status, choices(FollowUpStatus), FollowUpStatus.OPEN.value)
        table = resolutions.list_resolutions(db, meeting_id=meeting_id)
        titles = zip(table.values("number"), table.values("title"), strict=True)
        fill_combo(
            self.resolution,
            zip(
                table.ids,
                (_("{number} — {title}").format(number=n, title=t) for n, t in titles),
                strict=True,
            ),
            empty=_("(aucune)"),
        )
        meeting_date = meetings.get_meeting(db, meeting_id).date
        set_date(self.due_date, followups.default_due_date(meeting_date, today))
        self.due_date.setEnabled(False)
        disable_save_if_read_only(self.buttons, context.db)
        self._connect()

    def _connect(self) -> None:
        self.has_due_date.toggled.connect(self.due_date.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        fields = {
            "description": self.description,
            "owner_person_id": self.owner_person,
            "owner_organization_id": self.owner_organization,
            "due_date": self.due_date,
            "status": self.status,
            "resolution_id": self.resolution,
        }
        try:
            try:
                person = self.owner_person.person_id()
            except ValueError:
                raise ValidationError(
                    _("Choisissez la personne responsable dans la liste (ou laissez vide)."),
                    "owner_person_id",
                ) from None
            data = FollowUpData(
                description=self.description.toPlainText(),
                due_date=to_date(self.due_date) if self.has_due_date.isChecked() else None,
                owner_person_id=person,
                owner_organization_id=self.owner_organization.currentData(),
                meeting_id=self.meeting_id,
                resolution_id=self.resolution.currentData(),
                status=self.status.currentData(),
            )
            self.follow_up_id = followups.add_follow_up(
                self.context.db, data, today=self.context.today()
            )
        except ValidationError as error:
            show_field_error(self.error, error, fields)
            return
        super().accept()
