"""What the organisations and persons lists share: the same buttons and actions on
records of one kind, each subclass naming its dialog, services and wording."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QDialog, QWidget

from ...i18n import _
from ..context import Context
from .tab import RegistryTab, one, some, two


class RecordTab(RegistryTab):
    """A list of organisations or persons with new, edit, archive, restore, delete, merge,
    copy emails and export. Subclasses fill in the class attributes and the hooks."""

    kind = ""  # "organization" or "person", as the merge and duplicate services say
    object_suffix = ""  # Qt object names: newOrganization, editPerson...

    def __init__(self, context: Context, list_name: str, parent: QWidget | None = None) -> None:
        super().__init__(context, list_name, parent)
        suffix = self.object_suffix
        self.new_button = self.button(self.new_label(), f"new{suffix}")
        self.edit_button = self.button(_("Modifier…"), f"edit{suffix}", one)
        self.archive_button = self.button(_("Archiver"), f"archive{suffix}", some)
        self.restore_button = self.button(_("Restaurer"), f"restore{suffix}", some)
        self.delete_button = self.button(_("Supprimer…"), f"delete{suffix}", some)
        self.merge_button = self.button(_("Fusionner…"), f"merge{suffix}s", two)
        self.emails_button = self.button(
            _("Copier les courriels"), "copyEmails", some, writes=False
        )
        self.export_button = self.button(_("Exporter la liste…"), "exportList", writes=False)
        self.end_buttons()
        self.show_archived = QCheckBox(self.show_archived_label(), self)
        self.show_archived.setObjectName("showArchived")

    # -- what a subclass says -----------------------------------------------------------
    def new_label(self) -> str:
        raise NotImplementedError

    def show_archived_label(self) -> str:
        raise NotImplementedError

    def make_dialog(self, record_id: int | None) -> QDialog:
        raise NotImplementedError

    def saved_id(self, dialog: QDialog) -> int | None:
        raise NotImplementedError

    def archive_question(self, count: int) -> str:
        raise NotImplementedError

    def delete_question(self, count: int) -> str:
        raise NotImplementedError

    def archive_many(self, ids: list[int]):
        raise NotImplementedError

    def restore_many(self, ids: list[int]):
        raise NotImplementedError

    def delete_many(self, ids: list[int]):
        raise NotImplementedError

    def email_addresses(self, ids: list[int]):
        raise NotImplementedError

    # -- shared behaviour ---------------------------------------------------------------
    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new)
        self.list.new_requested.connect(self.new)
        self.edit_button.clicked.connect(lambda: self.edit(self.list.current_id()))
        self.list.activated.connect(self.edit)
        self.archive_button.clicked.connect(self.archive)
        self.list.delete_requested.connect(self.archive)
        self.restore_button.clicked.connect(lambda: self.restore_selection(self.restore_many))
        self.delete_button.clicked.connect(self.delete)
        self.merge_button.clicked.connect(lambda: self.merge_selection(self.kind))
        self.emails_button.clicked.connect(self.copy_selected_emails)
        self.export_button.clicked.connect(self.export_list)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.list.selection_changed.connect(self.update_buttons)

    def refresh(self) -> None:
        self.restore_button.setVisible(self.show_archived.isChecked())
        super().refresh()

    def _open(self, dialog: QDialog, on_saved: Callable[[], None] | None = None) -> None:
        dialog.existing_chosen.connect(self.edit)  # "open the existing record instead"
        self.open_dialog(dialog, on_saved)

    def new(self) -> None:
        if not self.db.read_only:
            dialog = self.make_dialog(None)
            self._open(dialog, lambda: self.list.select_ids([self.saved_id(dialog)]))

    def edit(self, record_id: int | None) -> None:
        if record_id is not None:
            self._open(self.make_dialog(record_id))

    def archive(self) -> None:
        self.archive_selection(self.archive_many, self.archive_question(len(self.selected())))

    def delete(self) -> None:
        self.delete_selection(self.delete_many, self.delete_question(len(self.selected())))

    def copy_selected_emails(self) -> None:
        self.copy_emails(self.email_addresses(self.selected()))
