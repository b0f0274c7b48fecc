"""Keyboard between tabs (issue 14 item 11): Tab reaches the Organismes list (its tab bar is
hidden); on every page made of tabs,
Ctrl+Tab / Ctrl+PgDown go to the next tab and Ctrl+Shift+Tab / Ctrl+PgUp to the previous
one, from wherever the keyboard is inside the page; the keyboard lands in the new tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from .registry_helpers import MEMBERS, ORGANIZATIONS, window_fixture  # noqa: F401 (the « window » fixture)

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def focused():
    return QApplication.focusWidget()


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused() or QApplication.activeWindow(), k, modifier)


def into_page(qtbot, window, row: int) -> QTabWidget:
    """Choose the page from the navigation with the keyboard, then Tab into it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.navigation.setFocus()
    window.navigation.setCurrentRow(row)
    page = window.current_page()
    tabs = next(t for t in page.findChildren(QTabWidget) if t.isVisibleTo(page))  # outermost
    for _ in range(40):
        key(qtbot, Qt.Key.Key_Tab)
        if tabs.currentWidget().isAncestorOf(focused()):
            return tabs
    raise AssertionError(f"Tab never reached the tab's content; focus on {focused()!r}")


def test_tab_from_the_navigation_reaches_the_organismes_list(qtbot, window):
    """Organismes is one list in a tab widget whose bar is hidden: Tab used to stay on
    the navigation, looking for the hidden bar."""
    into_page(qtbot, window, ORGANIZATIONS)
    assert focused() is not window.navigation and focused().isVisible()
    page = window.current_page()
    assert page.isAncestorOf(focused())


def test_ctrl_tab_and_ctrl_pgdown_move_between_the_member_tabs(qtbot, window):
    tabs = into_page(qtbot, window, MEMBERS)
    assert tabs.count() >= 2 and tabs.currentIndex() == 0
    key(qtbot, Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == 1
    assert tabs.currentWidget().isAncestorOf(focused())  # the keyboard followed
    key(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentIndex() == 0
    key(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert tabs.currentIndex() == 1 and tabs.currentWidget().isAncestorOf(focused())
    key(qtbot, Qt.Key.Key_PageUp, CTRL)
    assert tabs.currentIndex() == 0


def _tabbed_rows(window) -> list[int]:
    rows = []
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        page = window.current_page()
        if any(t.isVisibleTo(page) and t.count() > 1 for t in page.findChildren(QTabWidget)):
            rows.append(row)
    window.navigation.setCurrentRow(0)
    return rows


def test_every_page_with_tabs_answers_ctrl_pgdown(qtbot, window):
    rows = _tabbed_rows(window)
    assert MEMBERS in rows and len(rows) >= 8
    stuck = []
    for row in rows:
        tabs = into_page(qtbot, window, row)
        start = tabs.currentIndex()
        key(qtbot, Qt.Key.Key_PageDown, CTRL)
        if tabs.currentIndex() != (start + 1) % tabs.count():
            stuck.append(window.current_page().title)
        tabs.setCurrentIndex(0)
    assert stuck == []


def test_ctrl_tab_in_a_dialog_with_tabs(qtbot, window):
    from ahuntsic_desktop.ui.settings_dialog import SettingsDialog

    from .registry_helpers import show_dialog

    dialog = show_dialog(qtbot, SettingsDialog(window.db, window))
    tabs = dialog.findChild(QTabWidget)
    qtbot.waitUntil(lambda: focused() is not None and dialog.isAncestorOf(focused()))
    key(qtbot, Qt.Key.Key_Tab)
    assert tabs.currentWidget().isAncestorOf(focused())
    key(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert tabs.currentIndex() == 1 and tabs.currentWidget().isAncestorOf(focused())
    key(qtbot, Qt.Key.Key_Backtab, CTRL | SHIFT)
    assert tabs.currentIndex() == 0
    dialog.close()
