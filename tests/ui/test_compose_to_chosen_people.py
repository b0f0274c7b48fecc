"""Writing to the people chosen in Membres › Personnes (a search, then Ctrl+A): the
compose dialog takes them as its recipients, names who is left out and why, and queues
one message for each person who may receive it (issue 20, recipients from a search)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ahuntsic_desktop.services import communications as com
from ahuntsic_desktop.services.communications import outbox

from ..dates import DEMO_TODAY
from .registry_helpers import (
    MEMBERS,
    click,
    open_page,
    window_fixture,  # noqa: F401 (the « window » fixture)
)
from .typing import type_into


def test_write_to_the_people_a_search_found(qtbot, window, demo_db):
    page = open_page(qtbot, window, MEMBERS)
    page.tabs.tabBar().setCurrentIndex(page.tabs.indexOf(page.persons))
    tab = page.persons
    type_into(qtbot, tab.list.search, "Tremblay")
    qtbot.keyClick(tab.list.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    chosen = tab.list.selected_ids()
    assert len(chosen) >= 2
    click(qtbot, tab.compose_button)
    compose = tab.compose_dialog
    qtbot.waitExposed(compose)
    assert compose.source.currentData() == "chosen"
    expected = com.preview(demo_db, [com.Candidate(i) for i in chosen], DEMO_TODAY)
    assert compose.receiving.count() == len(expected.recipients)
    assert compose.left_out.count() == len(expected.left_out)
    assert expected.left_out or expected.recipients
    before = {m.id for m in outbox.list_outbox(demo_db)}
    if expected.recipients:
        click(qtbot, compose.queue_button)
        queued = [m for m in outbox.list_outbox(demo_db) if m.id not in before]
        assert sorted(m.person_id for m in queued) == sorted(
            r.person_id for r in expected.recipients
        )
    compose.close()
    assert QApplication.activeModalWidget() is None
