"""A big persons list is read ahead in the background while its tab is hidden: the click on
the tab then shows it without reading it again, unless something was written since, and a
window closed during the read ends cleanly. (The demo file is small: the threshold is
lowered to read ahead at any size.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ahuntsic_desktop.services.registry import lists, person_list
from ahuntsic_desktop.services.registry.persons import PersonData, save_person
from ahuntsic_desktop.ui.registry.read_ahead import ReadsAhead

from ..dates import DEMO_TODAY
from .registry_helpers import MEMBERS, open_page, window_fixture  # noqa: F401 (fixture)


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Every read of the persons list, by the thread that made it."""
    from PySide6.QtCore import QThread

    made: list[str] = []
    real = lists.persons_table

    def counted(*args, **kwargs):
        made.append("window" if QThread.currentThread().objectName() == "main" else "ahead")
        return real(*args, **kwargs)

    QThread.currentThread().setObjectName("main")
    monkeypatch.setattr(lists, "persons_table", counted)
    monkeypatch.setattr(ReadsAhead, "read_ahead_above", 0)
    return made


def click_tab(qtbot, page, tab) -> None:
    bar = page.tabs.tabBar()
    center = bar.tabRect(page.tabs.indexOf(tab)).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=center)
    assert page.tabs.currentWidget() is tab


def read_done(qtbot, tab) -> None:
    """The read ahead starts once the window has settled (a moment after the page is
    shown), then ends."""
    qtbot.waitUntil(lambda: tab.ahead.task is not None, timeout=10_000)
    qtbot.waitUntil(tab.ahead.task.isFinished, timeout=60_000)


def test_the_hidden_persons_tab_is_read_ahead_and_shown_from_it(qtbot, window, reads):
    page = open_page(qtbot, window, MEMBERS)  # the memberships tab is shown
    assert page.tabs.currentWidget() is page.memberships
    read_done(qtbot, page.persons)
    assert reads == ["ahead"]
    click_tab(qtbot, page, page.persons)
    assert reads == ["ahead"]  # shown from what was read ahead, not read again
    shown = page.persons.list.model.table
    read_now = lists.persons_table(window.db, today=DEMO_TODAY)  # what a read gives now
    assert sorted(zip(shown.ids, shown.rows, strict=True)) == sorted(
        zip(read_now.ids, read_now.rows, strict=True)
    )
    assert len(shown.rows) == person_list.count_persons(window.db) > 0


def test_a_write_since_the_read_makes_the_tab_read_again(qtbot, window, reads):
    page = open_page(qtbot, window, MEMBERS)
    read_done(qtbot, page.persons)
    added = save_person(window.db, None, PersonData("Ludivine", "Zyskowicz"))
    click_tab(qtbot, page, page.persons)
    # the read ahead was stale: the first rows are read at once, the whole list again
    qtbot.waitUntil(lambda: page.persons.partial is None, timeout=60_000)
    assert reads == ["ahead", "window", "ahead"]
    assert added in page.persons.list.model.table.ids


def test_closing_the_window_during_a_read_ahead_ends_cleanly(qtbot, window, reads):
    page = open_page(qtbot, window, MEMBERS)
    qtbot.waitUntil(lambda: page.persons.ahead.task is not None, timeout=10_000)
    task = page.persons.ahead.task
    window.close()  # waits for the read before closing the file
    assert task.isFinished()
