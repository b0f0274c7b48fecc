"""Typing into widgets like a person, safely offscreen.

QTest's ``keyClicks`` only knows ASCII keys: a non-ASCII character (« é », « ’ ») makes Qt
assert and abort the whole pytest process. So ASCII goes through ``keyClicks`` and every
other character is sent as a key press and release carrying its text, as an input method
does. Every GUI test types through here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` at the cursor of ``widget``, key by key."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot, edit, text: str) -> None:
    """Focus ``edit``, empty it and type ``text``."""
    edit.setFocus()
    edit.clear()
    type_text(qtbot, edit, text)
