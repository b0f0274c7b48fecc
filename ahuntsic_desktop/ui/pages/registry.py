"""Pages of the registry: members (memberships and persons), organisations, partners."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from ...i18n import _
from ...services import funding, memberships, organizations, persons
from ...services import settings as settings_service
from .base import Context, TabbedListPage


class MembersPage(TabbedListPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Membres")
        super().__init__(context, parent)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("membershipYear")
        self.toolbar.addWidget(QLabel(_("Année d'adhésion :"), self))
        self.toolbar.addWidget(self.year_combo)
        self.memberships = self.add_list(_("Adhésions"), self._load_memberships)
        self.persons = self.add_list(_("Personnes"), lambda: persons.list_persons(self.context.db))
        self.year_combo.currentIndexChanged.connect(lambda _i: self.memberships.refresh())

    def _load_memberships(self):
        year = self.year_combo.currentData()
        return memberships.list_memberships(self.context.db, year)

    def refresh(self) -> None:
        table_settings = settings_service.load(self.context.db)
        current = table_settings.membership_year_of(self.context.today())
        selected = self.year_combo.currentData() or current
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in range(current + 1, current - 6, -1):
            self.year_combo.addItem(table_settings.membership_year_label(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(selected)))
        self.year_combo.blockSignals(False)
        super().refresh()


class OrganizationsPage(TabbedListPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Organismes")
        super().__init__(context, parent)
        self.tabs.tabBar().hide()
        self.organizations = self.add_list(
            _("Organismes"), lambda: organizations.list_organizations(self.context.db)
        )


class PartnersPage(TabbedListPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Partenaires et financement")
        super().__init__(context, parent)
        self.add_list(_("Partenaires"), lambda: funding.list_partners(self.context.db))
        self.add_list(
            _("Ententes de financement"), lambda: funding.list_agreements(self.context.db)
        )
        self.add_list(
            _("Redditions de comptes"),
            lambda: funding.list_deadlines(self.context.db, self.context.today()),
        )
