"""A big list clicked before it was read shows its first rows at once, in the order of the
whole list, says so in its count, and shows the whole list when the background read ends,
keeping what the user typed. An export asked meanwhile writes the whole list. (The demo
file is small: the thresholds are lowered so that any list counts as big.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from ahuntsic_desktop.services.registry import lists, memberships, person_list
from ahuntsic_desktop.ui.registry.read_ahead import ReadsAhead

from ..dates import DEMO_TODAY
from .registry_helpers import MEMBERS, click, open_page, type_into, window_fixture  # noqa: F401

FIRST = 3


@pytest.fixture(autouse=True)
def small_thresholds(monkeypatch) -> None:
    monkeypatch.setattr(ReadsAhead, "read_ahead_above", 0)
    monkeypatch.setattr(ReadsAhead, "first_rows", FIRST)


def click_tab(qtbot, page, tab) -> None:
    bar = page.tabs.tabBar()
    center = bar.tabRect(page.tabs.indexOf(tab)).center()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=center)
    assert page.tabs.currentWidget() is tab


def whole(qtbot, tab) -> None:
    qtbot.waitUntil(lambda: tab.partial is None, timeout=60_000)


def test_the_memberships_then_the_persons_show_their_first_rows_then_the_whole(qtbot, window):
    page = open_page(qtbot, window, MEMBERS)  # the memberships tab first
    shown = page.memberships.list
    year = page.memberships.arguments()[0]
    expected = memberships.list_memberships(window.db, year, today=DEMO_TODAY)
    assert len(expected.rows) > FIRST
    assert page.memberships.partial is not None
    assert shown.model.table.rows == expected.rows[:FIRST]
    assert "3 premières lignes sur" in shown.count_label.text()
    click_tab(qtbot, page, page.persons)  # before the memberships were read whole
    persons = page.persons.list
    expected_persons = lists.persons_table(window.db, today=DEMO_TODAY)
    assert persons.model.table.ids == expected_persons.ids[:FIRST]
    assert persons.model.table.rows == expected_persons.rows[:FIRST]
    total = person_list.count_persons(window.db)
    assert f"sur {total}" in persons.count_label.text()
    whole(qtbot, page.persons)
    assert persons.model.table.ids == expected_persons.ids
    assert "premières" not in persons.count_label.text()
    whole(qtbot, page.memberships)
    assert shown.model.table.ids == expected.ids


def test_the_first_rows_of_persons_follow_the_french_order_of_the_whole(window):
    from ahuntsic_desktop.services.registry.persons import PersonData, save_person

    for first, last in (("Zoé", "Éthier"), ("Ana", "ebert"), ("Luc", "Œuvray"), ("Al", "Abé")):
        save_person(window.db, None, PersonData(first, last))
    whole_list = lists.persons_table(window.db, today=DEMO_TODAY)
    for count in (1, 5, 40):
        first_rows = lists.persons_table(window.db, today=DEMO_TODAY, first=count)
        assert first_rows.ids == whole_list.ids[:count]
        assert first_rows.rows == whole_list.rows[:count]


def test_a_search_typed_during_the_first_rows_applies_to_the_whole_list(qtbot, window):
    page = open_page(qtbot, window, MEMBERS)
    click_tab(qtbot, page, page.persons)
    persons = page.persons.list
    assert page.persons.partial is not None
    wanted = lists.persons_table(window.db, today=DEMO_TODAY).rows[-1][0]  # the last name
    type_into(qtbot, persons.search, wanted)
    whole(qtbot, page.persons)
    assert persons.search.text() == wanted
    found = [persons.proxy.index(r, 0).data() for r in range(persons.proxy.rowCount())]
    assert found and wanted in found
    assert set(found) == {wanted} or all(wanted.casefold() in str(f).casefold() for f in found)


def test_an_export_asked_during_the_first_rows_writes_the_whole_list(
    qtbot, window, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QFileDialog
    from python_calamine import CalamineWorkbook

    page = open_page(qtbot, window, MEMBERS)
    click_tab(qtbot, page, page.persons)
    tab = page.persons
    assert tab.partial is not None and tab.list.model.rowCount() == FIRST
    target = tmp_path / "personnes.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.statusBar().clearMessage()
    click(qtbot, tab.export_button)
    qtbot.waitUntil(lambda: "Liste exportée" in window.statusBar().currentMessage(), timeout=20_000)
    sheet = CalamineWorkbook.from_path(str(target)).get_sheet_by_index(0).to_python()
    expected = lists.persons_table(window.db, today=DEMO_TODAY)
    pairs = [(row[0], row[1]) for row in expected.rows]
    exported = [(row[0], row[1]) for row in sheet if len(row) > 1 and (row[0], row[1]) in pairs]
    assert tab.partial is None
    assert sorted(exported) == sorted(pairs)  # every person, each once


def test_a_list_remembered_sorted_on_another_column_is_read_whole(qtbot, window):
    QSettings().setValue("lists/persons/sort", '{"key": "email", "descending": false}')
    try:
        page = open_page(qtbot, window, MEMBERS)
        click_tab(qtbot, page, page.persons)
        assert page.persons.partial is None  # its first rows by name would be other persons
        assert page.persons.list.model.rowCount() == person_list.count_persons(window.db)
    finally:
        QSettings().remove("lists/persons/sort")
