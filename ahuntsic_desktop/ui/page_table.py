"""The main window's pages in navigation order: a title for the list on the left and a
function that builds the page the first time it is shown.

Building every page at start-up (and importing every view and service they use) cost
about a second before the first paint; now only the dashboard is built then. Each
builder imports its page's module when called. A test checks that each title here is the
one its page shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ..i18n import _
from .context import Context
from .pages.base import Page

Builder = Callable[[Context, QWidget], Page]


@dataclass(frozen=True)
class PageEntry:
    title: Callable[[], str]  # translated when the window is built
    build: Builder


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
    PageEntry(lambda: _("Tableau de bord"), _dashboard),
    PageEntry(lambda: _("Membres"), _members),
    PageEntry(lambda: _("Organismes"), _organizations),
    PageEntry(lambda: _("Partenaires et financement"), _partners),
    PageEntry(lambda: _("Rencontres"), _meetings),
    PageEntry(lambda: _("Chantiers"), _chantiers),
    PageEntry(lambda: _("Plan d'action"), _plan),
    PageEntry(lambda: _("Démarche de planification"), _planning),
    PageEntry(lambda: _("Bilan du plan"), _bilan),
    PageEntry(lambda: _("Portrait"), _portrait),
    PageEntry(lambda: _("Exports"), _exports),
    PageEntry(lambda: _("Vie privée"), _privacy),
    PageEntry(lambda: _("Journal"), _journal),
)
DASHBOARD = 0
