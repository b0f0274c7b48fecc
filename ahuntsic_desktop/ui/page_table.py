"""The main window's pages in navigation order: a title for the list on the left and a
function that builds the page the first time it is shown.

Building every page at start-up (and importing every view and service they use) cost
about a second before the first paint; now only the dashboard is built then. Each
builder imports its page's module when called. A test checks that each title here is the
one its page shows.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from ..i18n import _
from .context import Context
from .pages.base import Page

Builder = Callable[[Context, QWidget], Page]


@dataclass(frozen=True)
class PageEntry:
    title: Callable[[], str]  # translated when the window is built
    build: Builder
    name: str  # the page's class name (a dashboard link names its page so)

    def make(self, context: Context, parent: QWidget) -> Page:
        """The page, built (its module imported). PySide6's import hook has read the source
        of each module imported since Qt (PYSIDE-2029) and linecache keeps those lines:
        10-20 MB once every page is built, let go here."""
        page = self.build(context, parent)
        linecache.clearcache()
        return page


def _dashboard(context: Context, parent: QWidget) -> Page:
    from .pages.dashboard import DashboardPage

    return DashboardPage(context, parent)


def _members(context: Context, parent: QWidget) -> Page:
    from .pages.registry import MembersPage

    return MembersPage(context, parent)


def _organizations(context: Context, parent: QWidget) -> Page:
    from .pages.registry import OrganizationsPage

    return OrganizationsPage(context, parent)


def _partners(context: Context, parent: QWidget) -> Page:
    from .pages.registry import PartnersPage

    return PartnersPage(context, parent)


def _meetings(context: Context, parent: QWidget) -> Page:
    from .pages.work import MeetingsPage

    return MeetingsPage(context, parent)


def _chantiers(context: Context, parent: QWidget) -> Page:
    from .pages.work import ChantiersPage

    return ChantiersPage(context, parent)


def _seats(context: Context, parent: QWidget) -> Page:
    from .governance.seats_page import SeatsPage

    return SeatsPage(context, parent)


def _settings(context: Context, parent: QWidget) -> Page:
    from .pages.settings_page import SettingsPage

    return SettingsPage(context, parent)


def _plan(context: Context, parent: QWidget) -> Page:
    from .pages.plan_page import PlanPage

    return PlanPage(context, parent)


def _planning(context: Context, parent: QWidget) -> Page:
    from .planning.page import PlanningPage

    return PlanningPage(context, parent)


def _bilan(context: Context, parent: QWidget) -> Page:
    from .evaluation.bilan_page import BilanPage

    return BilanPage(context, parent)


def _portrait(context: Context, parent: QWidget) -> Page:
    from .evaluation.portrait_page import PortraitPage

    return PortraitPage(context, parent)


def _exports(context: Context, parent: QWidget) -> Page:
    from .pages.exports_page import ExportsPage

    return ExportsPage(context, parent)


def _privacy(context: Context, parent: QWidget) -> Page:
    from .privacy.privacy_page import PrivacyPage

    return PrivacyPage(context, parent)


def _journal(context: Context, parent: QWidget) -> Page:
    from .pages.journal_page import JournalPage

    return JournalPage(context, parent)


PAGES = (
    PageEntry(lambda: _("Tableau de bord"), _dashboard, "DashboardPage"),
    PageEntry(lambda: _("Membres"), _members, "MembersPage"),
    PageEntry(lambda: _("Organismes"), _organizations, "OrganizationsPage"),
    PageEntry(lambda: _("Partenaires et financement"), _partners, "PartnersPage"),
    PageEntry(lambda: _("Rencontres"), _meetings, "MeetingsPage"),
    PageEntry(lambda: _("Chantiers"), _chantiers, "ChantiersPage"),
    PageEntry(lambda: _("Instances et sièges"), _seats, "SeatsPage"),
    PageEntry(lambda: _("Plan d'action"), _plan, "PlanPage"),
    PageEntry(lambda: _("Démarche de planification"), _planning, "PlanningPage"),
    PageEntry(lambda: _("Bilan du plan"), _bilan, "BilanPage"),
    PageEntry(lambda: _("Portrait"), _portrait, "PortraitPage"),
    PageEntry(lambda: _("Exports"), _exports, "ExportsPage"),
    PageEntry(lambda: _("Vie privée"), _privacy, "PrivacyPage"),
    PageEntry(lambda: _("Journal"), _journal, "JournalPage"),
    PageEntry(lambda: _("Paramètres"), _settings, "SettingsPage"),
)
DASHBOARD = 0


def row_of(name: str) -> int:
    """The navigation row of the page whose class is called ``name``."""
    return next(row for row, entry in enumerate(PAGES) if entry.name == name)


class Pages(Sequence):
    """The window's pages by navigation row, each built (by ``window.page``) the first
    time it is asked for; ``built`` holds those made so far (None for the others)."""

    def __init__(self, window) -> None:  # noqa: ANN001 (the MainWindow)
        self._window = window
        self.built: list[Page | None] = [None] * len(PAGES)

    def __len__(self) -> int:
        return len(self.built)

    def __getitem__(self, row):  # noqa: ANN001 (an index or a slice, as for a list)
        if isinstance(row, slice):
            return [self[i] for i in range(len(self))[row]]
        return self._window.page(row)


def stand_in(parent: QWidget) -> QWidget:
    """What the stack shows in a page's place until it is built."""
    label = QLabel(_("Chargement…"), parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label
