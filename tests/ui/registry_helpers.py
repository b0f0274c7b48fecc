"""What the registry GUI tests share: the main window on the demo file, and a user's
hands (click a page, a row, a button; type; answer a confirmation)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY
from .typing import type_into  # noqa: F401 (used by the tests that import it from here)

MEMBERS, ORGANIZATIONS, PARTNERS = 1, 2, 3


@pytest.fixture(name="window")
def window_fixture(qtbot, demo_db):
    """The main window on a fresh copy of the demo file."""
    win = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def open_page(qtbot, window, row: int):
    nav = window.navigation
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == row
    return window.current_page()


def click(qtbot, button) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_row(qtbot, registry_list, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> int:
    """Click the row shown at ``row``; returns its record id."""
    view = registry_list.view
    index = view.model().index(row, 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    return registry_list.model.row_id(registry_list.proxy.mapToSource(index).row())


def double_click_row(qtbot, registry_list, row: int) -> None:
    view = registry_list.view
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def find_row(registry_list, text: str, column: int = 0) -> int:
    proxy = registry_list.proxy
    for row in range(proxy.rowCount()):
        if proxy.index(row, column).data() == text:
            return row
    raise AssertionError(f"{text!r} not in the list")


def answer_yes(monkeypatch) -> list[str]:
    """Confirmations are answered « yes »; their texts are recorded."""
    asked: list[str] = []

    def exec_(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def header_click(qtbot, view, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + 10
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def save(qtbot, dialog) -> None:
    click(qtbot, dialog.findChild(type(dialog.buttons.buttons()[0]), "save"))


def show_dialog(qtbot, dialog):
    """``dialog`` shown, exposed and active, as when the user opened it."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def open_person_with_a_representation(qtbot, window, persons_list):
    """Double-click the first person who represents an organisation; the dialog, and the
    row of a representation « En poste » in it."""
    column = persons_list.model.table.column_index("organizations")
    row = next(
        r
        for r in range(persons_list.proxy.rowCount())
        if persons_list.proxy.index(r, column).data()
    )
    double_click_row(qtbot, persons_list, row)
    dialog = window.current_page().persons.dialog
    table = dialog.representations.table
    current = next(r for r in range(table.rowCount()) if table.item(r, 4).text() == "En poste")
    return dialog, current
