"""What every page of the main window shares: a title, a context, a refresh."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ...services.core.listing import Table
from ..context import Context
from ..widgets.flow_layout import FlowLayout
from ..widgets.list_view import ListView


@dataclass(frozen=True)
class Destination:
    """Where a click on the dashboard leads: a page (its class name), one of its tabs (an
    attribute name), filters to choose there (filter key -> text shown in its combo), and
    a record to select or open."""

    page: str
    tab: str | None = None
    filters: dict = field(default_factory=dict)
    record_id: int | None = None


class Page(QWidget):
    """A page of the main window; ``refresh`` reloads it from the open file."""

    title = ""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.layout_ = QVBoxLayout(self)
        self.heading = QLabel(self.title, self)
        self.heading.setObjectName("pageTitle")
        self.toolbar = FlowLayout()  # the title, then the page's buttons; wraps if narrow
        self.toolbar.addWidget(self.heading)
        self.toolbar.addStretch(1)
        self.layout_.addLayout(self.toolbar)

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass

    def unsaved_editors(self) -> list:
        """The page's editors that may hold unsaved edits (see ``widgets.unsaved``)."""
        return []

    def show_destination(self, destination: Destination) -> None:
        """Show what ``destination`` asks (a tab, filters, a record); the page is shown."""


class ListTab(ListView):
    """A list fed by one service query."""

    def __init__(self, loader: Callable[[], Table], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loader = loader

    def refresh(self) -> None:
        self.set_table(self.loader())


class TabbedListPage(Page):
    """A page made of lists in tabs, e.g. partners, agreements and deadlines."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.tabs = QTabWidget(self)
        self.layout_.addWidget(self.tabs, 1)
        self.lists: list[ListTab] = []

    def add_list(self, title: str, loader: Callable[[], Table]) -> ListTab:
        tab = ListTab(loader, self.tabs)
        self.tabs.addTab(tab, title)
        self.lists.append(tab)
        return tab

    def refresh(self) -> None:
        for tab in self.lists:
            tab.refresh()
