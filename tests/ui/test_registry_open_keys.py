"""Keyboard users open a registry row (issue 14, item 11): besides Enter and a double
click, F2 and the context-menu key open the selected row on Membres, Organismes and
Partenaires."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .registry_helpers import (
    MEMBERS,
    ORGANIZATIONS,
    PARTNERS,
    click_row,
    open_page,
    window_fixture,  # noqa: F401 (the « window » fixture)
)

PAGES = [
    (MEMBERS, lambda page: page.memberships),
    (MEMBERS, lambda page: page.persons),
    (ORGANIZATIONS, lambda page: page.organizations_tab),
    (PARTNERS, lambda page: page.partners),
]


@pytest.mark.parametrize("key", [Qt.Key.Key_F2, Qt.Key.Key_Menu], ids=["F2", "Menu"])
@pytest.mark.parametrize("row,tab_of", PAGES, ids=["adhesions", "personnes", "organismes",
                                                   "partenaires"])  # fmt: skip
def test_key_opens_the_selected_row(qtbot, window, row, tab_of, key):
    page = open_page(qtbot, window, row)
    tab = tab_of(page)
    page.tabs.setCurrentWidget(tab)
    opened: list[int] = []
    tab.list.activated.connect(opened.append)
    record_id = click_row(qtbot, tab.list, 1)
    tab.list.view.setFocus()
    qtbot.keyClick(tab.list.view, key)
    assert opened == [record_id]


def test_menu_key_opens_the_organisation_form(qtbot, window):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    record_id = click_row(qtbot, tab.list, 2)
    qtbot.keyClick(tab.list.view, Qt.Key.Key_Menu)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.organization_id == record_id
