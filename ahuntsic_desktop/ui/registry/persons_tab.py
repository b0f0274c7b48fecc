"""The persons list and its actions."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from ...i18n import _, ngettext
from ...services import contacts, persons, registry_lists
from ..pages.base import Context
from .person_dialog import PersonDialog
from .tab import RegistryTab, one, some, two


class PersonsTab(RegistryTab):
    export_name = "personnes"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "persons", parent)
        self.export_title = _("Personnes")
        self.new_button = self.button(_("Nouvelle personne…"), "newPerson")
        self.edit_button = self.button(_("Modifier…"), "editPerson", one)
        self.archive_button = self.button(_("Archiver"), "archivePerson", some)
        self.restore_button = self.button(_("Restaurer"), "restorePerson", some)
        self.delete_button = self.button(_("Supprimer…"), "deletePerson", some)
        self.merge_button = self.button(_("Fusionner…"), "mergePersons", two)
        self.emails_button = self.button(
            _("Copier les courriels"), "copyEmails", some, writes=False
        )
        self.export_button = self.button(_("Exporter la liste…"), "exportList", writes=False)
        self.end_buttons()
        self.show_archived = QCheckBox(_("Afficher les archivées"), self)
        self.show_archived.setObjectName("showArchived")
        self.list.default_widths = {
            "last_name": 130,
            "first_name": 110,
            "organizations": 220,
            "email": 220,
            "phone": 105,
            "resident": 80,
            "membership": 100,
            "category": 120,
            "sector": 150,
        }
        self.list.add_filter("membership", _("Adhésion :"))
        self.list.add_filter("category", _("Catégorie :"))
        self.list.add_filter("sector", _("Secteur :"))
        self.list.add_top_widget(self.show_archived)
        self.list.search.setPlaceholderText(
            _("Rechercher une personne (nom, organisme, courriel…)")
        )
        self._connect()

    def _connect(self) -> None:
        self.new_button.clicked.connect(self.new)
        self.list.new_requested.connect(self.new)
        self.edit_button.clicked.connect(lambda: self.edit(self.list.current_id()))
        self.list.activated.connect(self.edit)
        self.archive_button.clicked.connect(self.archive)
        self.list.delete_requested.connect(self.archive)
        self.restore_button.clicked.connect(
            lambda: self.restore_selection(lambda i: persons.restore_person(self.db, i))
        )
        self.delete_button.clicked.connect(self.delete)
        self.merge_button.clicked.connect(lambda: self.merge_selection("person"))
        self.emails_button.clicked.connect(self.copy_selected_emails)
        self.export_button.clicked.connect(self.export_list)
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.list.selection_changed.connect(self.update_buttons)

    def load(self):
        return registry_lists.persons_table(
            self.db, include_archived=self.show_archived.isChecked(), today=self.context.today()
        )

    def refresh(self) -> None:
        self.restore_button.setVisible(self.show_archived.isChecked())
        super().refresh()

    def new(self) -> None:
        if not self.db.read_only:
            dialog = PersonDialog(self.context, None, self)
            dialog.existing_chosen.connect(self.edit)  # "open the existing record instead"
            self.open_dialog(dialog, lambda: self.list.select_ids([dialog.person_id]))

    def edit(self, person_id: int | None) -> None:
        if person_id is not None:
            dialog = PersonDialog(self.context, person_id, self)
            dialog.existing_chosen.connect(self.edit)
            self.open_dialog(dialog)

    def archive(self) -> None:
        count = len(self.selected())
        question = ngettext(
            "Archiver la personne sélectionnée ? Elle disparaîtra des listes, mais son "
            "histoire est gardée et vous pourrez la restaurer.",
            "Archiver les {n} personnes sélectionnées ? Elles disparaîtront des listes, mais "
            "leur histoire est gardée et vous pourrez les restaurer.",
            count,
        ).format(n=count)
        self.archive_selection(lambda i: persons.archive_person(self.db, i), question)

    def delete(self) -> None:
        count = len(self.selected())
        question = ngettext(
            "Supprimer définitivement la personne sélectionnée ? Seule une personne "
            "mentionnée nulle part peut être supprimée ; sinon, archivez-la.",
            "Supprimer définitivement les {n} personnes sélectionnées ? Seules celles qui ne "
            "sont mentionnées nulle part peuvent être supprimées ; archivez les autres.",
            count,
        ).format(n=count)
        self.delete_selection(lambda i: persons.delete_person(self.db, i), question)

    def copy_selected_emails(self) -> None:
        self.copy_emails(
            contacts.email_addresses(
                self.db, person_ids=self.selected(), today=self.context.today()
            )
        )
