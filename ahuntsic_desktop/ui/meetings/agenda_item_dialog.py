"""Add or edit one agenda item: title, type, presenter, planned minutes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import AgendaItemKind
from ...domain.labels import choices
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.meetings import agenda
from ...services.meetings.agenda import AgendaItemData, AgendaItemRow
from ...services.meetings.pick_lists import PersonChoice
from ...store import Database
from ..widgets.time_edit import DurationEdit
from ..widgets.unsaved import GuardedDialog
from .common import (
    PersonPicker,
    disable_save_if_read_only,
    error_label,
    fill_combo,
    show_field_error,
)


class AgendaItemDialogView(GuardedDialog):
    """Layout only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        self.presenter = PersonPicker(self)
        self.presenter.setObjectName("presenter_id")
        self.minutes = DurationEdit(self)
        self.minutes.setObjectName("planned_minutes")
        self.minutes.setMaximumWidth(120)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout()
        form.addRow(_("Titre du point :"), self.title_edit)
        form.addRow(_("Type :"), self.kind)
        form.addRow(_("Présenté par :"), self.presenter)
        form.addRow(_("Durée prévue :"), self.minutes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)


class AgendaItemDialog(AgendaItemDialogView):
    """Saves through the agenda service; a new item goes at ``position`` (None: the end)."""

    def __init__(
        self,
        db: Database,
        meeting_id: int,
        people: list[PersonChoice],
        item: AgendaItemRow | None = None,
        position: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.meeting_id, self.item, self.position = db, meeting_id, item, position
        self.item_id = item.id if item else None
        self.setWindowTitle(_("Nouveau point") if item is None else _("Modifier le point"))
        fill_combo(self.kind, choices(AgendaItemKind), item.kind if item else None)
        self.presenter.set_choices(people, item.presenter_id if item else None)
        if item is not None:
            self.title_edit.setText(item.title)
            self.minutes.setValue(item.planned_minutes or 0)
        else:
            self.minutes.setValue(10)
        disable_save_if_read_only(self.buttons, db)
        self._connect()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        fields = {
            "title": self.title_edit,
            "kind": self.kind,
            "presenter_id": self.presenter,
            "planned_minutes": self.minutes,
        }
        try:
            try:
                presenter = self.presenter.person_id()
            except ValueError:
                raise ValidationError(
                    _("Choisissez la personne qui présente dans la liste (ou laissez vide)."),
                    "presenter_id",
                ) from None
            data = AgendaItemData(
                title=self.title_edit.text(),
                kind=self.kind.currentData(),
                presenter_id=presenter,
                planned_minutes=self.minutes.value(),
                minutes_text=self.item.minutes_text if self.item else None,
            )
            if self.item_id is None:
                self.item_id = agenda.add_agenda_item(self.db, self.meeting_id, data, self.position)
            else:
                agenda.update_agenda_item(self.db, self.item_id, data)
        except ValidationError as error:
            show_field_error(self.error, error, fields)
            return
        super().accept()
