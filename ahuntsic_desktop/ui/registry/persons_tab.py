"""The persons list and its actions."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...i18n import _, ngettext
from ...services.core import BulkResult
from ...services.registry import contacts, person_list, persons
from ...services.registry import lists as registry_lists
from ..context import Context
from .person_dialog import PersonDialog
from .read_ahead import ReadAhead, ReadsAhead
from .record_tab import RecordTab
from .tab import some

# Columns whose export makes the file hold personal information (Law 25 marking).
PERSONAL_COLUMNS = {"email", "phone", "address", "postal_code"}


class PersonsTab(ReadsAhead, RecordTab):
    export_name = "personnes"
    kind = "person"
    object_suffix = "Person"

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, "persons", parent)
        self.export_title = _("Personnes")
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
        # Write to the people chosen (a search, a filter, Ctrl+A): consent is checked there.
        self.compose_button = self.button(_("Écrire un courriel…"), "composeToSelection", some)
        self.buttons.removeWidget(self.compose_button)
        self.buttons.insertWidget(self.buttons.indexOf(self.emails_button) + 1, self.compose_button)
        self.compose_button.clicked.connect(self.compose_to_selection)
        self.ahead = ReadAhead(self)
        self._connect()

    def compose_to_selection(self) -> None:
        from ..communications.compose_dialog import ComposeDialog

        self.compose_dialog = ComposeDialog(self.context, None, self, person_ids=self.selected())
        self.compose_dialog.show()

    def new_label(self) -> str:
        return _("Nouvelle personne…")

    def show_archived_label(self) -> str:
        return _("Afficher les archivées")

    def arguments(self) -> tuple:
        return (self.show_archived.isChecked(), self.context.today())

    def reader(self, arguments: tuple):
        db, (include_archived, today) = self.db, arguments
        return lambda: registry_lists.persons_table(
            db, include_archived=include_archived, today=today
        )

    first_order = "last_name"

    def first_reader(self, arguments: tuple):
        db, (include_archived, today), count = self.db, arguments, self.first_rows
        return lambda: registry_lists.persons_table(
            db, include_archived=include_archived, today=today, first=count
        )

    def size(self, arguments: tuple) -> int:
        return person_list.count_persons(self.db, include_archived=arguments[0])

    def make_dialog(self, record_id: int | None) -> PersonDialog:
        return PersonDialog(self.context, record_id, self)

    def saved_id(self, dialog: PersonDialog) -> int | None:
        return dialog.person_id

    def archive_question(self, count: int) -> str:
        return ngettext(
            "Archiver la personne sélectionnée ? Elle disparaîtra des listes, mais son "
            "histoire est gardée et vous pourrez la restaurer.",
            "Archiver les {n} personnes sélectionnées ? Elles disparaîtront des listes, mais "
            "leur histoire est gardée et vous pourrez les restaurer.",
            count,
        ).format(n=count)

    def delete_question(self, count: int) -> str:
        return ngettext(
            "Supprimer définitivement la personne sélectionnée ? Seule une personne "
            "mentionnée nulle part peut être supprimée ; sinon, archivez-la.",
            "Supprimer définitivement les {n} personnes sélectionnées ? Seules celles qui ne "
            "sont mentionnées nulle part peuvent être supprimées ; archivez les autres.",
            count,
        ).format(n=count)

    def archive_many(self, ids: list[int]) -> BulkResult:
        return persons.archive_persons(self.db, ids)

    def restore_many(self, ids: list[int]) -> BulkResult:
        return persons.restore_persons(self.db, ids)

    def delete_many(self, ids: list[int]) -> BulkResult:
        return persons.delete_persons(self.db, ids)

    def email_addresses(self, ids: list[int]):
        return contacts.email_addresses(self.db, person_ids=ids, today=self.context.today())

    def confidential_banner(self, columns):
        table = self.list.model.table
        shown = {table.columns[i].key for i in columns}
        if shown & PERSONAL_COLUMNS:
            from ...exports.privacy_marks import banner_for

            return banner_for(self.db)
        return None
