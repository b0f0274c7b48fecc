"""The organisations list and its actions."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from ...i18n import _, ngettext
from ...services import contacts, organizations, registry_lists
from ..pages.base import Context
from .organization_dialog import OrganizationDialog
from .tab import RegistryTab, one, some, two


class OrganizationsTab(RegistryTab):
    export_name = "organismes"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "organizations", parent)
        self.export_title = _("Organismes")
        self.new_button = self.button(_("Nouvel organisme…"), "newOrganization")
        self.edit_button = self.button(_("Modifier…"), "editOrganization", one)
        self.archive_button = self.button(_("Archiver"), "archiveOrganization", some)
        self.restore_button = self.button(_("Restaurer"), "restoreOrganization", some)
        self.delete_button = self.button(_("Supprimer…"), "deleteOrganization", some)
        self.merge_button = self.button(_("Fusionner…"), "mergeOrganizations", two)
        self.emails_button = self.button(
            _("Copier les courriels"), "copyEmails", some, writes=False
        )
        self.export_button = self.button(_("Exporter la liste…"), "exportList", writes=False)
        self.end_buttons()
        self.show_archived = QCheckBox(_("Afficher les archivés"), self)
        self.show_archived.setObjectName("showArchived")
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

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new)
        self.list.new_requested.connect(self.new)
        self.edit_button.clicked.connect(lambda: self.edit(self.list.current_id()))
        self.list.activated.connect(self.edit)
        self.archive_button.clicked.connect(self.archive)
        self.list.delete_requested.connect(self.archive)
        self.restore_button.clicked.connect(
            lambda: self.restore_selection(lambda i: organizations.restore_organization(self.db, i))
        )
        self.delete_button.clicked.connect(self.delete)
        self.merge_button.clicked.connect(lambda: self.merge_selection("organization"))
        self.emails_button.clicked.connect(self.copy_selected_emails)
        self.export_button.clicked.connect(self.export_list)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.list.selection_changed.connect(self.update_buttons)

    def load(self):
        return registry_lists.organizations_table(
            self.db, include_archived=self.show_archived.isChecked(), today=self.context.today()
        )

    def refresh(self) -> None:
        self.restore_button.setVisible(self.show_archived.isChecked())
        super().refresh()

    def new(self) -> None:
        if not self.db.read_only:
            dialog = OrganizationDialog(self.context, None, self)
            dialog.existing_chosen.connect(self.edit)  # "open the existing record instead"
            self.open_dialog(dialog, lambda: self.list.select_ids([dialog.organization_id]))

    def edit(self, organization_id: int | None) -> None:
        if organization_id is not None:
            dialog = OrganizationDialog(self.context, organization_id, self)
            dialog.existing_chosen.connect(self.edit)
            self.open_dialog(dialog)

    def archive(self) -> None:
        count = len(self.selected())
        question = ngettext(
            "Archiver l'organisme sélectionné ? Il disparaîtra des listes, mais son histoire "
            "est gardée et vous pourrez le restaurer.",
            "Archiver les {n} organismes sélectionnés ? Ils disparaîtront des listes, mais "
            "leur histoire est gardée et vous pourrez les restaurer.",
            count,
        ).format(n=count)
        self.archive_selection(lambda i: organizations.archive_organization(self.db, i), question)

    def delete(self) -> None:
        count = len(self.selected())
        question = ngettext(
            "Supprimer définitivement l'organisme sélectionné ? Seul un organisme mentionné "
            "nulle part peut être supprimé ; sinon, archivez-le.",
            "Supprimer définitivement les {n} organismes sélectionnés ? Seuls ceux qui ne "
            "sont mentionnés nulle part peuvent être supprimés ; archivez les autres.",
            count,
        ).format(n=count)
        self.delete_selection(lambda i: organizations.delete_organization(self.db, i), question)

    def copy_selected_emails(self) -> None:
        self.copy_emails(
            contacts.email_addresses(
                self.db, organization_ids=self.selected(), today=self.context.today()
            )
        )
