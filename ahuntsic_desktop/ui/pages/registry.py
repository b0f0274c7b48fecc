"""Pages of the registry: members (memberships and persons), organisations, partners and
funders. Each tab is a :mod:`..registry` list with its buttons and dialogs."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from ...i18n import _
from ..context import Context
from ..registry.funding_tabs import AgreementsTab, DeadlinesTab, PartnersTab
from ..registry.memberships_tab import MembershipsTab
from ..registry.organizations_tab import OrganizationsTab
from ..registry.overview_tab import FundingOverviewTab
from ..registry.persons_tab import PersonsTab
from ..registry.pipeline_tabs import ApplicationsTab, InstalmentsTab
from ..registry.read_ahead import ReadsAhead
from ..registry.tab import RegistryTab
from .base import Destination, TabbedListPage

log = logging.getLogger(__name__)
READ_AHEAD_MS = 1_500  # after the page is built: the window has painted and settled


class RegistryPage(TabbedListPage):
    """Tabs of registry lists; saving in one reloads the window's pages."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.registry_tabs: list[RegistryTab] = []
        self._stale: list[RegistryTab] = []  # tabs to reload when next shown
        self._refreshed = False
        self.tabs.currentChanged.connect(self._tab_shown)
        # once the window has settled, big hidden lists start reading in the background
        QTimer.singleShot(READ_AHEAD_MS, self, self.read_ahead)

    def add_tab(self, tab: RegistryTab, title: str) -> RegistryTab:
        self.tabs.addTab(tab, title)
        self.registry_tabs.append(tab)
        self.lists.append(tab.list)
        tab.changed.connect(self._changed)
        return tab

    def refresh(self) -> None:
        """Reload the tab shown; the others when they are shown (at 100,000 persons, the
        hidden memberships tab alone took seconds)."""
        current = self.tabs.currentWidget()
        self._stale = [tab for tab in self.registry_tabs if tab is not current]
        self._refreshed = True
        if current in self.registry_tabs:
            current.refresh()
        # the hidden tabs' reads wait for the window to settle: a thread reading 100,000
        # rows takes the interpreter from the window's thread, which answers the user
        QTimer.singleShot(READ_AHEAD_MS, self, self.read_ahead)

    def read_ahead(self) -> None:
        """Tabs still to load start reading their list in the background when it is big
        (the persons at 100,000: see :mod:`..registry.read_ahead`)."""
        # once shown, the hidden tabs still to load (the tab shown is never stale); before,
        # every tab, the one the page opens on first
        waiting = self._stale if self._refreshed else self.registry_tabs
        for tab in [tab for tab in waiting if isinstance(tab, ReadsAhead)]:
            try:
                tab.read_ahead()
            except Exception:  # an optimisation only: the list reads when shown
                log.info("No read ahead for %s", type(tab).__name__, exc_info=True)

    def _tab_shown(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if tab in self._stale:
            self._stale.remove(tab)
            tab.refresh()

    def show_destination(self, destination: Destination) -> None:
        """The tab asked, its filters chosen (the others cleared), the record selected."""
        tab = getattr(self, destination.tab, None) if destination.tab else None
        if not isinstance(tab, RegistryTab):
            tab = self.registry_tabs[0]
        self.tabs.setCurrentWidget(tab)
        tab.whole_list()  # a record or a filter anywhere in the list, not in its first rows
        filters = dict(destination.filters)
        year = filters.pop("year", None)
        year_combo = getattr(tab, "year_combo", None)
        if year is not None and year_combo is not None:
            year_combo.setCurrentIndex(max(0, year_combo.findData(year)))
        for column_filter in tab.list.filters:
            column_filter.choose(filters.get(column_filter.key))
        tab.list.search.setText(filters.get("search", ""))
        if destination.record_id is not None:
            tab.list.select_ids([destination.record_id])
        tab.list.view.setFocus()

    def _changed(self) -> None:
        window = self.window()
        if hasattr(window, "refresh_all"):
            window.refresh_all()  # this page now, the others when next shown
        else:
            self.refresh()


class MembersPage(RegistryPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Membres")
        super().__init__(context, parent)
        self.memberships = self.add_tab(MembershipsTab(context, self.tabs), _("Adhésions"))
        self.persons = self.add_tab(PersonsTab(context, self.tabs), _("Personnes"))
        self.year_combo = self.memberships.year_combo


class OrganizationsPage(RegistryPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Organismes")
        super().__init__(context, parent)
        self.tabs.tabBar().hide()  # one list: no tab bar, and Tab must not look for it
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.organizations_tab = self.add_tab(OrganizationsTab(context, self.tabs), _("Organismes"))
        self.organizations = self.organizations_tab.list


class PartnersPage(RegistryPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Partenaires et financement")
        super().__init__(context, parent)
        self.partners = self.add_tab(PartnersTab(context, self.tabs), _("Partenaires"))
        self.applications = self.add_tab(ApplicationsTab(context, self.tabs), _("Demandes"))
        self.agreements = self.add_tab(
            AgreementsTab(context, self.tabs), _("Ententes de financement")
        )
        self.instalments = self.add_tab(InstalmentsTab(context, self.tabs), _("Versements"))
        self.deadlines = self.add_tab(DeadlinesTab(context, self.tabs), _("Redditions de comptes"))
        self.overview = FundingOverviewTab(context, self.tabs)
        self.tabs.addTab(self.overview, _("Vue d'ensemble"))
        self.agreements.instalment_button.clicked.connect(self._new_instalment)

    def refresh(self) -> None:
        super().refresh()
        self.overview.refresh()

    def _new_instalment(self) -> None:
        """« Nouveau versement… » on an agreement: the instalments tab, the agreement chosen."""
        agreement_id = self.agreements.list.current_id()
        if agreement_id is not None:
            self.tabs.setCurrentWidget(self.instalments)
            self.instalments.new(agreement_id)
