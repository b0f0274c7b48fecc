"""Pages of the table's work: meetings and chantiers."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from ...domain.enums import MeetingKind
from ...domain.labels import choices
from ...i18n import _
from ...services import meetings, plan
from .base import Context, TabbedListPage


class MeetingsPage(TabbedListPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Rencontres")
        super().__init__(context, parent)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("meetingKind")
        self.kind_combo.addItem(_("Tous les types"), None)
        for value, text in choices(MeetingKind):
            self.kind_combo.addItem(text, value)
        self.toolbar.addWidget(self.kind_combo)
        self.upcoming = self.add_list(_("À venir"), lambda: self._load(True))
        self.past = self.add_list(_("Passées"), lambda: self._load(False))
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def _load(self, upcoming: bool):
        return meetings.list_meetings(
            self.context.db,
            kind=self.kind_combo.currentData(),
            upcoming=upcoming,
            today=self.context.today(),
        )


class ChantiersPage(TabbedListPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Chantiers")
        super().__init__(context, parent)
        self.tabs.tabBar().hide()
        self.chantiers = self.add_list(
            _("Chantiers"), lambda: plan.list_chantiers(self.context.db, today=self.context.today())
        )
