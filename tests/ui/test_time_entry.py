"""Typing a time or a duration (issue 14, item 3): « 0930 » gave « 19 h 11 », « 30 » in a
duration gave « 1030 min », Tab stayed inside the field."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ahuntsic_desktop.services.meetings import agenda, meetings
from ahuntsic_desktop.ui.meetings.agenda_item_dialog import AgendaItemDialog
from ahuntsic_desktop.ui.meetings.meeting_dialog import MeetingDialog
from ahuntsic_desktop.ui.widgets.time_edit import parse_minutes, parse_time

from .meeting_fixtures import make_context, make_meeting, seed_table
from .registry_helpers import show_dialog
from .typing import type_text


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("930", time(9, 30)),
        ("0930", time(9, 30)),
        ("9h30", time(9, 30)),
        ("9:30", time(9, 30)),
        ("9 h 30", time(9, 30)),
        ("21 h", time(21, 0)),
        ("21", time(21, 0)),
        ("11:30", time(11, 30)),
        ("19.45", time(19, 45)),
        ("7:30 pm", time(19, 30)),
        ("12 a.m.", time(0, 0)),
        ("", None),
    ],
)
def test_times_people_type(typed, meant):
    assert parse_time(typed) == meant


@pytest.mark.parametrize("typed", ["25 h", "9h75", "abc", "12345", "13 pm"])
def test_what_is_not_a_time(typed):
    with pytest.raises(ValueError):
        parse_time(typed)


@pytest.mark.parametrize(
    ("typed", "minutes"), [("30", 30), ("90", 90), ("1 h 30", 90), ("1h", 60), ("1:15", 75)]
)
def test_durations_people_type(typed, minutes):
    assert parse_minutes(typed) == minutes


@pytest.fixture
def context(db):
    seed_table(db)
    return make_context(db)


def test_meeting_times_typed_then_tab(qtbot, context):
    dialog = show_dialog(qtbot, MeetingDialog(context))
    assert dialog.start_time.text() == "19 h"
    type_text(qtbot, dialog.title_edit, "Comité de coordination de mai")
    dialog.start_time.setFocus()
    qtbot.waitUntil(lambda: dialog.start_time.selectedText() == "19 h")  # all selected
    type_text(qtbot, dialog.start_time, "0930")  # replaces the selection
    qtbot.keyClick(dialog.start_time, Qt.Key.Key_Tab)
    assert not dialog.start_time.hasFocus()  # Tab leaves the field
    assert dialog.start_time.text() == "9 h 30"
    qtbot.waitUntil(lambda: dialog.end_time.hasFocus())
    qtbot.waitUntil(lambda: dialog.end_time.selectedText() == "21 h")
    type_text(qtbot, dialog.end_time, "11:30")
    qtbot.keyClick(dialog.end_time, Qt.Key.Key_Tab)
    assert dialog.end_time.text() == "11 h 30"
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    detail = meetings.get_meeting(context.db, dialog.meeting_id)
    assert (detail.start_time, detail.end_time) == (time(9, 30), time(11, 30))


def test_a_time_that_is_not_one_is_said_and_nothing_saved(qtbot, context):
    dialog = show_dialog(qtbot, MeetingDialog(context))
    type_text(qtbot, dialog.title_edit, "Comité")
    dialog.start_time.setFocus()
    qtbot.waitUntil(lambda: dialog.start_time.selectedText() != "")
    type_text(qtbot, dialog.start_time, "9h75")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible()
    assert "n'est pas une heure" in dialog.error.text()
    assert len(meetings.list_meetings(context.db)) == 0


def test_thirty_in_a_duration_is_thirty(qtbot, context):
    meeting_id = make_meeting(context.db)
    dialog = show_dialog(qtbot, AgendaItemDialog(context.db, meeting_id, []))
    type_text(qtbot, dialog.title_edit, "Tour de table")
    dialog.minutes.setValue(10)
    dialog.minutes.setFocus()
    qtbot.waitUntil(lambda: dialog.minutes.lineEdit().selectedText() == "10")
    type_text(qtbot, dialog.minutes, "30")
    qtbot.keyClick(dialog.minutes, Qt.Key.Key_Tab)
    assert dialog.minutes.value() == 30
    dialog.minutes.setFocus()
    qtbot.waitUntil(lambda: dialog.minutes.lineEdit().selectedText() != "")
    type_text(qtbot, dialog.minutes, "1 h 30")
    qtbot.keyClick(dialog.minutes, Qt.Key.Key_Tab)
    assert dialog.minutes.value() == 90
    with qtbot.waitSignal(dialog.accepted):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    saved = [
        row for row in agenda.list_agenda(context.db, meeting_id) if row.title == "Tour de table"
    ]
    assert saved[0].planned_minutes == 90
