"""What the privacy GUI tests share: the main window on the demo file, the user's hands,
and modal dialogs driven by handlers instead of blocking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QPushButton

from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY
from .typing import type_into  # noqa: F401 (used by the tests that import it from here)


@pytest.fixture(name="window")
def window_fixture(qtbot, demo_db):
    win = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture(name="dialogs")
def dialogs_fixture(monkeypatch, qtbot):
    """Each modal dialog runs the next handler (the user's hands) instead of blocking."""
    handlers: list = []

    real_exec = QDialog.exec
    errors: list[BaseException] = []

    def exec_(dialog):
        assert handlers, f"unexpected dialog {type(dialog).__name__}"
        handler = handlers.pop(0)

        def drive() -> None:
            try:
                qtbot.waitExposed(dialog)
                handler(dialog)
            except BaseException as error:  # re-raised after the dialog closed
                errors.append(error)
            if dialog.isVisible():
                dialog.reject()

        QTimer.singleShot(0, drive)
        result = real_exec(dialog)
        if errors:
            raise errors.pop()
        return result

    monkeypatch.setattr(QDialog, "exec", exec_)
    return handlers


def privacy_page(qtbot, window):
    nav = window.navigation
    titles = [nav.item(i).text() for i in range(nav.count())]
    row = titles.index("Vie privée")
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return window.current_page()


def click(qtbot, button) -> None:
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def save(qtbot, dialog) -> None:
    click(qtbot, dialog.findChild(QPushButton, "save"))


def click_cell(qtbot, view, row: int, column: int = 0, *, double: bool = False) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    center = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
