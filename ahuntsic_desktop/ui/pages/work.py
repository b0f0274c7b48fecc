"""Pages of the table's work: meetings and chantiers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from ...domain.enums import MeetingKind
from ...domain.labels import choices
from ...i18n import _
from ...services.meetings import meetings
from ...services.plan import plans as plan
from ..context import Context
from ..meetings import MeetingDialog, MeetingWindow
from ..meetings.follow_ups_list import FollowUpsList
from ..plan.chantiers_page import ChantierBrowser
from .base import Destination, TabbedListPage


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
        self.new_button = QPushButton(_("Nouvelle rencontre…"), self)
        self.new_button.setObjectName("newMeeting")
        self.toolbar.addWidget(self.new_button)
        self.upcoming = self.add_list(_("À &venir"), lambda: self._load(True))
        self.past = self.add_list(_("&Passées"), lambda: self._load(False))
        self.follow_ups = FollowUpsList(context, self.tabs)
        self.tabs.addTab(self.follow_ups, _("Suivis"))
        self.lists.append(self.follow_ups)
        self.dialog: MeetingDialog | None = None  # the one being filled, if any
        self.windows: dict[int, MeetingWindow] = {}  # open MeetingWindows by meeting id
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_meeting)
        for meeting_list in (self.upcoming, self.past):
            meeting_list.activated.connect(self.open_meeting)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    def show_destination(self, destination: Destination) -> None:
        """Follow-ups filtered by status, or a meeting list of every kind (the meeting
        itself opened when named)."""
        if destination.tab == "follow_ups":
            self.tabs.setCurrentWidget(self.follow_ups)
            status = destination.filters.get("status", "open")
            self.follow_ups.show_filtered(status, destination.record_id)
            return
        self.kind_combo.setCurrentIndex(0)  # every kind
        self.tabs.setCurrentWidget(self.upcoming if destination.tab == "upcoming" else self.past)
        if destination.record_id is not None:
            self.open_meeting(destination.record_id)

    def _on_tab_changed(self, _index: int) -> None:
        """The meeting type filter is for the meeting lists, not for the follow-ups."""
        self.kind_combo.setVisible(self.tabs.currentWidget() is not self.follow_ups)

    def _load(self, upcoming: bool):
        return meetings.list_meetings(
            self.context.db,
            kind=self.kind_combo.currentData(),
            upcoming=upcoming,
            today=self.context.today(),
        )

    def refresh(self) -> None:
        self.new_button.setEnabled(not self.context.db.read_only)
        super().refresh()

    def new_meeting(self) -> None:
        self.dialog = MeetingDialog(self.context, parent=self)
        self.dialog.accepted.connect(lambda: self._on_created(self.dialog.meeting_id))
        self.dialog.open()

    def _on_created(self, meeting_id: int) -> None:
        self.refresh()
        self.open_meeting(meeting_id)

    def open_meeting(self, meeting_id: int) -> MeetingWindow:
        """Show the meeting's window (one per meeting), raised if already open."""
        window = self.windows.get(meeting_id)
        if window is None:
            window = MeetingWindow(self.context, meeting_id, self)
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            window.changed.connect(self.refresh)
            window.destroyed.connect(lambda _obj=None, m=meeting_id: self.windows.pop(m, None))
            self.windows[meeting_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window


class ChantiersPage(ChantierBrowser):
    """Chantiers of a plan: the list, the selected chantier's page, the participation matrix
    (see :mod:`..plan.chantiers_page`)."""

    def load_chantiers(self):
        return plan.list_chantiers(self.context.db, self.plan_id(), today=self.context.today())
