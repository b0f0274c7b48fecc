"""The organisations list and its actions."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...i18n import _, ngettext
from ...services.core import BulkResult
from ...services.registry import contacts, organizations
from ...services.registry import lists as registry_lists
from ..context import Context
from .organization_dialog import OrganizationDialog
from .record_tab import RecordTab


class OrganizationsTab(RecordTab):
    export_name = "organismes"
    kind = "organization"
    object_suffix = "Organization"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "organizations", parent)
        self.export_title = _("Organismes")
        self.list.default_widths = {
            "name": 280,
            "acronym": 90,
            "sector": 150,
            "email": 220,
            "phone": 105,
            "membership": 100,
            "category": 120,
            "partner": 160,
        }
        self.list.add_filter("sector", _("Secteur :"))
        self.list.add_filter("membership", _("Adhésion :"))
        self.list.add_filter("category", _("Catégorie :"))
        self.list.add_filter("partner", _("Partenariat :"), contains=True)
        self.list.add_top_widget(self.show_archived)
        self.list.search.setPlaceholderText(_("Rechercher un organisme (nom, sigle, courriel…)"))
        self._connect()

    def new_label(self) -> str:
        return _("Nouvel organisme…")

    def show_archived_label(self) -> str:
        return _("Afficher les archivés")

    def load(self):
        return registry_lists.organizations_table(
            self.db, include_archived=self.show_archived.isChecked(), today=self.context.today()
        )

    def make_dialog(self, record_id: int | None) -> OrganizationDialog:
        return OrganizationDialog(self.context, record_id, self)

    def saved_id(self, dialog: OrganizationDialog) -> int | None:
        return dialog.organization_id

    def archive_question(self, count: int) -> str:
        return ngettext(
            "Archiver l'organisme sélectionné ? Il disparaîtra des listes, mais son histoire "
            "est gardée et vous pourrez le restaurer.",
            "Archiver les {n} organismes sélectionnés ? Ils disparaîtront des listes, mais "
            "leur histoire est gardée et vous pourrez les restaurer.",
            count,
        ).format(n=count)

    def delete_question(self, count: int) -> str:
        return ngettext(
            "Supprimer définitivement l'organisme sélectionné ? Seul un organisme mentionné "
            "nulle part peut être supprimé ; sinon, archivez-le.",
            "Supprimer définitivement les {n} organismes sélectionnés ? Seuls ceux qui ne "
            "sont mentionnés nulle part peuvent être supprimés ; archivez les autres.",
            count,
        ).format(n=count)

    def archive_many(self, ids: list[int]) -> BulkResult:
        return organizations.archive_organizations(self.db, ids)

    def restore_many(self, ids: list[int]) -> BulkResult:
        return organizations.restore_organizations(self.db, ids)

    def delete_many(self, ids: list[int]) -> BulkResult:
        return organizations.delete_organizations(self.db, ids)

    def email_addresses(self, ids: list[int]):
        return contacts.email_addresses(self.db, organization_ids=ids, today=self.context.today())
