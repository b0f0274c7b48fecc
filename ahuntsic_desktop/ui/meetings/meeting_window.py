"""One meeting in its own window: a header saying what, when and where, and tabs for the
agenda, the attendance, the resolutions, the follow-ups and the minutes' approval."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...exports.mail_attachments import CONVOCATION
from ...i18n import _, format_date, format_time
from ...services.governance import elections
from ...services.meetings import meetings
from ..communications.compose_dialog import ComposeDialog
from ..context import Context
from ..governance.election_dialog import ElectionDialog
from ..widgets.geometry import place_window
from .agenda_tab import AgendaTab
from .attendance_tab import AttendanceTab
from .common import MeetingTab
from .documents import MeetingDocuments, print_button
from .followups_tab import FollowUpsTab
from .meeting_dialog import MeetingDialog
from .minutes_tab import MinutesTab
from .resolutions_tab import ResolutionsTab


class MeetingWindowView(QWidget):
    """Layout only."""

    def __init__(self, context: Context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        place_window(self, "window/meeting", QSize(1100, 720))
        self.heading = QLabel(self)
        self.heading.setObjectName("pageTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("meetingSubtitle")
        self.subtitle.setWordWrap(True)
        self.edit_button = QPushButton(_("Modifier la rencontre…"), self)
        self.election_button = QPushButton(_("Élections…"), self)  # assemblies only
        self.election_button.setObjectName("electionButton")
        self.send_button = QPushButton(_("Envoyer la convocation…"), self)
        self.send_button.setObjectName("sendConvocation")
        self.documents = MeetingDocuments(self, context, meeting_id)
        self.print_button = print_button(self.documents, self)
        self.print_button.setMinimumHeight(self.edit_button.sizeHint().height())
        self.agenda = AgendaTab(context, meeting_id, self)
        self.attendance = AttendanceTab(context, meeting_id, self)
        self.resolutions = ResolutionsTab(context, meeting_id, self)
        self.follow_ups = FollowUpsTab(context, meeting_id, self)
        self.minutes = MinutesTab(context, meeting_id, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.agenda, _("&Ordre du jour"))
        self.tabs.addTab(self.attendance, _("&Présences"))
        self.tabs.addTab(self.resolutions, _("&Résolutions"))
        self.tabs.addTab(self.follow_ups, _("&Suivis"))
        self.tabs.addTab(self.minutes, _("Procès-&verbal"))
        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton(
            _("Fermer"), QDialogButtonBox.ButtonRole.RejectRole
        )
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.election_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)


class MeetingWindow(MeetingWindowView):
    """Everything about one meeting. ``changed`` tells the meeting lists to reload."""

    changed = Signal()

    def __init__(self, context: Context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self.context = context
        self.meeting_id = meeting_id
        self.dialog: MeetingDialog | None = None
        self._connect()
        self.refresh()

    def _connect(self) -> None:
        self.edit_button.clicked.connect(self.edit_meeting)
        self.election_button.clicked.connect(self.hold_election)
        self.send_button.clicked.connect(self.send_convocation)
        self.buttons.rejected.connect(self.close)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        for tab in self.all_tabs():
            tab.changed.connect(self._on_tab_saved)
        self.minutes.write_requested.connect(self.write_minutes)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)

    def send_convocation(self) -> None:
        """The compose dialog on this meeting, its notice attached (issue 20)."""
        self.compose = ComposeDialog(self.context, self.meeting_id, self, attachment=CONVOCATION)
        self.compose.show()

    def all_tabs(self) -> list[MeetingTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def refresh(self) -> None:
        self._show_header()
        for tab in self.all_tabs():
            tab.refresh()
            tab.apply_read_only()
        self.edit_button.setText(
            _("Voir la rencontre…") if self.context.db.read_only else _("Modifier la rencontre…")
        )

    def _show_header(self) -> None:
        detail = meetings.get_meeting(self.context.db, self.meeting_id)
        self.setWindowTitle(_("{title} — Rencontre").format(title=detail.title))
        self.election_button.setVisible(detail.kind in elections.ELECTING_KINDS)
        self.election_button.setEnabled(not self.context.db.read_only)
        self.heading.setText(detail.title)
        when = format_date(detail.date)
        if detail.start_time:
            when += ", " + format_time(detail.start_time)
            if detail.end_time:
                when += _(" à ") + format_time(detail.end_time)
        parts = [detail.kind_label, when]
        if detail.chantier_name:
            parts.append(detail.chantier_name)
        if detail.place:
            parts.append(detail.place)
        parts.append(detail.status_label)
        self.subtitle.setText(" · ".join(parts))

    def _on_tab_saved(self) -> None:
        self._show_header()
        self.changed.emit()

    def _on_tab_changed(self, index: int) -> None:
        """A tab reloads when shown: another tab or window may have changed its data."""
        self._show_header()
        self.tabs.widget(index).refresh()
        self.tabs.widget(index).apply_read_only()

    def write_minutes(self) -> None:
        """The minutes are written under the agenda: go there, in the selected item's field."""
        self.tabs.setCurrentWidget(self.agenda)
        if self.agenda.current_item() is None and self.agenda.model.rowCount():
            self.agenda.select_row(0)
        self.agenda.minutes_edit.setFocus()

    def unsaved_editors(self) -> list:
        """The minutes being typed under the agenda (the main window asks before quitting)."""
        return [self.agenda]

    def closeEvent(self, event) -> None:  # noqa: N802
        self.agenda.save_minutes()  # saved on leaving the field; closing the window leaves it
        super().closeEvent(event)

    def edit_meeting(self) -> None:
        self.dialog = MeetingDialog(self.context, self.meeting_id, self)
        self.dialog.accepted.connect(self._on_meeting_saved)
        self.dialog.open()

    def hold_election(self) -> None:
        """Open the election dialog; once the results are proclaimed, the resolutions and
        the minutes show them."""
        self.election = ElectionDialog(self.context, self.meeting_id, self)
        self.election.accepted.connect(self._on_meeting_saved)
        self.election.open()

    def _on_meeting_saved(self) -> None:
        self.refresh()
        self.changed.emit()
