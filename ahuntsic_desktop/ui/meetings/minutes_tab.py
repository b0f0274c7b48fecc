"""Procès-verbal: where the minutes stand, and recording their approval (by a later
meeting of the same body, or in writing on a date)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import MeetingStatus
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.meetings import agenda, followups, meetings, resolutions
from ...services.meetings import minutes as meeting_minutes
from .common import (
    GOOD_STYLE,
    MeetingTab,
    clear_error,
    date_edit,
    error_label,
    fill_combo,
    set_date,
    show_field_error,
    to_date,
)


class MinutesTabView(MeetingTab):
    """Layout only."""

    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self.state = QLabel(self)
        self.state.setObjectName("minutesState")
        self.state.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setObjectName("minutesSummary")
        self.summary.setWordWrap(True)
        self.where_hint = QLabel(
            _(
                "Le procès-verbal se compose du compte rendu de chaque point, écrit sous "
                "l'ordre du jour (onglet Ordre du jour, sous la liste des points), des "
                "présences, des résolutions et des suivis."
            ),
            self,
        )
        self.where_hint.setObjectName("minutesWhere")
        self.where_hint.setWordWrap(True)
        self.write_button = QPushButton(_("&Écrire les comptes rendus…"), self)
        self.write_button.setObjectName("writeMinutes")
        self.held_button = QPushButton(_("Marquer la rencontre comme tenue"), self)
        self.approving_meeting = QComboBox(self)
        self.approving_meeting.setObjectName("by_meeting_id")
        self.approved_on = date_edit(self, name="approved_on")
        self.approved_on.setMaximumWidth(220)
        self.approve_button = QPushButton(_("Approuver le procès-verbal"), self)
        self.withdraw_button = QPushButton(_("Retirer l'approbation"), self)
        self.error = error_label(self)
        box = QGroupBox(_("Approbation"), self)
        form = QFormLayout(box)
        form.addRow(_("Approuvé par la rencontre :"), self.approving_meeting)
        form.addRow(_("Date d'approbation :"), self.approved_on)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.summary)
        layout.addWidget(self.where_hint)
        write = QHBoxLayout()
        write.addWidget(self.write_button)
        write.addStretch(1)
        layout.addLayout(write)
        held = QHBoxLayout()
        held.addWidget(self.held_button)
        held.addStretch(1)
        layout.addLayout(held)
        layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addStretch(1)


class MinutesTab(MinutesTabView):
    """``write_requested``: the user wants to write the minutes (the window shows the
    agenda tab, the first item's minutes field focused)."""

    write_requested = Signal()

    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, meeting_id, parent)
        self._dates: dict[int, object] = {}
        self._connect()

    def _connect(self) -> None:
        self.held_button.clicked.connect(self.mark_held)
        self.write_button.clicked.connect(self.write_requested)
        self.approving_meeting.currentIndexChanged.connect(self._on_meeting_chosen)
        self.approve_button.clicked.connect(self.approve)
        self.withdraw_button.clicked.connect(self.withdraw)

    def refresh(self) -> None:
        state = meeting_minutes.minutes_state(self.db, self.meeting_id)
        detail = meetings.get_meeting(self.db, self.meeting_id)
        self.state.setText(state.message)
        self.state.setStyleSheet(
            (GOOD_STYLE if state.approved_on else "font-weight: 600;") + " font-size: 11pt;"
        )
        self.held_button.setVisible(detail.status == MeetingStatus.PLANNED)
        self.withdraw_button.setEnabled(state.approved_on is not None)
        self.approve_button.setEnabled(detail.status == MeetingStatus.HELD)
        self.approve_button.setText(
            _("Modifier l'approbation") if state.approved_on else _("Approuver le procès-verbal")
        )
        choices = meeting_minutes.approving_meeting_choices(self.db, self.meeting_id)
        self._dates = {meeting_id: day for meeting_id, _label, day in choices}
        fill_combo(
            self.approving_meeting,
            ((meeting_id, text) for meeting_id, text, _day in choices),
            state.approved_by_meeting_id,
            empty=_("(aucune : approbation par écrit ou hors rencontre)"),
        )
        set_date(self.approved_on, state.approved_on or self.context.today())
        if state.approved_on is None and choices:
            self.approving_meeting.setCurrentIndex(1)  # the next meeting of the same body
            self._on_meeting_chosen()
        self._show_summary()

    def _show_summary(self) -> None:
        items = agenda.list_agenda(self.db, self.meeting_id)
        written = sum(1 for item in items if item.minutes_text)
        decided = len(resolutions.list_resolutions(self.db, meeting_id=self.meeting_id))
        follow = len(
            followups.list_meeting_follow_ups(self.db, self.meeting_id, today=self.context.today())
        )
        self.summary.setText(
            _(
                "Comptes rendus rédigés : {written} point(s) sur {items} · "
                "résolutions : {decided} · suivis : {follow}"
            ).format(written=written, items=len(items), decided=decided, follow=follow)
        )

    def _on_meeting_chosen(self, _index: int = 0) -> None:
        day = self._dates.get(self.approving_meeting.currentData())
        if day is not None:
            set_date(self.approved_on, day)
        self.approved_on.setEnabled(day is None)

    def edit_widgets(self) -> list[QWidget]:
        return [self.held_button, self.approve_button, self.withdraw_button]

    def _run(self, function, *args) -> bool:
        if self.read_only:
            return False
        try:
            function(self.db, *args)
        except ValidationError as error:
            show_field_error(
                self.error,
                error,
                {"approved_on": self.approved_on, "by_meeting_id": self.approving_meeting},
            )
            return False
        clear_error(self.error)
        self.refresh()
        self.changed.emit()
        return True

    def mark_held(self) -> None:
        self._run(meetings.set_status, self.meeting_id, MeetingStatus.HELD.value)

    def approve(self) -> None:
        by = self.approving_meeting.currentData()
        self._run(meeting_minutes.approve_minutes, self.meeting_id, to_date(self.approved_on), by)

    def withdraw(self) -> None:
        self._run(meeting_minutes.withdraw_minutes_approval, self.meeting_id)
