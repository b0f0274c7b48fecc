"""The funding pipeline's lists: applications (with « Accepter », which creates the
agreement) and instalments (expected, received, late)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...i18n import _, ngettext
from ...services.funding import applications as applications_service
from ...services.funding import instalments as instalments_service
from ..context import Context
from .application_dialog import AcceptDialog, ApplicationDialog
from .common import status
from .instalment_dialog import InstalmentDialog
from .tab import RegistryTab, one, some


class ApplicationsTab(RegistryTab):
    export_name = "demandes-de-financement"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "applications", parent)
        self.export_title = _("Demandes de financement")
        self.new_button = self.button(_("Nouvelle demande…"), "newApplication")
        self.edit_button = self.button(_("Modifier…"), "editApplication", one)
        self.accept_button = self.button(_("Accepter…"), "acceptApplication", one)
        self.delete_button = self.button(_("Supprimer…"), "deleteApplication", some)
        self.export_button = self.button(_("Exporter la liste…"), "exportList", writes=False)
        self.end_buttons()
        self.list.add_filter("status", _("Statut :"))
        self.list.add_filter("funder", _("Bailleur :"))
        self._connect()

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new)
        self.list.new_requested.connect(self.new)
        self.edit_button.clicked.connect(lambda: self.edit(self.list.current_id()))
        self.list.activated.connect(self.edit)
        self.accept_button.clicked.connect(self.accept_selected)
        self.delete_button.clicked.connect(self.delete)
        self.list.delete_requested.connect(self.delete)
        self.export_button.clicked.connect(self.export_list)
        self.list.selection_changed.connect(self.update_buttons)

    def load(self):
        return applications_service.list_applications(self.db)

    def new(self) -> None:
        if not self.db.read_only:
            self.open_dialog(ApplicationDialog(self.context, None, self))

    def edit(self, application_id: int | None) -> None:
        if application_id is not None:
            self.open_dialog(ApplicationDialog(self.context, application_id, self))

    def accept_selected(self) -> None:
        application_id = self.list.current_id()
        if application_id is None or self.db.read_only:
            return
        dialog = AcceptDialog(self.context, application_id, self)

        def saved() -> None:
            status(self, _("Demande acceptée : l'entente de financement est créée."))

        self.open_dialog(dialog, saved)

    def delete(self) -> None:
        count = len(self.selected())
        question = ngettext(
            "Supprimer la demande sélectionnée ? L'entente qui en est issue reste.",
            "Supprimer les {n} demandes sélectionnées ? Les ententes qui en sont issues restent.",
            count,
        ).format(n=count)
        self.delete_selection(
            lambda i: applications_service.delete_application(self.db, i), question
        )


class InstalmentsTab(RegistryTab):
    export_name = "versements"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "instalments", parent)
        self.export_title = _("Versements")
        self.new_button = self.button(_("Nouveau versement…"), "newInstalment")
        self.edit_button = self.button(_("Modifier ou recevoir…"), "editInstalment", one)
        self.delete_button = self.button(_("Supprimer…"), "deleteInstalment", some)
        self.export_button = self.button(_("Exporter la liste…"), "exportList", writes=False)
        self.end_buttons()
        self.list.add_filter("state", _("État :"))
        self.list.add_filter("funder", _("Bailleur :"))
        self._connect()

    def _connect(self) -> None:
        self.new_button.clicked.connect(lambda: self.new(None))
        self.list.new_requested.connect(lambda: self.new(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.list.current_id()))
        self.list.activated.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.list.delete_requested.connect(self.delete)
        self.export_button.clicked.connect(self.export_list)
        self.list.selection_changed.connect(self.update_buttons)

    def load(self):
        return instalments_service.list_instalments(self.db, self.context.today())

    def new(self, agreement_id: int | None) -> None:
        if not self.db.read_only:
            self.open_dialog(InstalmentDialog(self.context, None, self, agreement_id=agreement_id))

    def edit(self, instalment_id: int | None) -> None:
        if instalment_id is not None:
            self.open_dialog(InstalmentDialog(self.context, instalment_id, self))

    def delete(self) -> None:
        count = len(self.selected())
        question = ngettext(
            "Supprimer le versement sélectionné ?",
            "Supprimer les {n} versements sélectionnés ?",
            count,
        ).format(n=count)
        self.delete_selection(lambda i: instalments_service.delete_instalment(self.db, i), question)
