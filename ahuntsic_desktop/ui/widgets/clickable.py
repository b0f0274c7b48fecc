"""Things that lead somewhere when clicked or activated from the keyboard (Enter, Space):
the dashboard's cards and lines. They take the focus with Tab and show it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QWidget

ACTIVATING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
LINE_STYLE = (
    "QLabel#dashboardLink { border: 1px solid transparent; border-radius: 3px; padding: 1px; }"
    "QLabel#dashboardLink:hover { color: palette(link); text-decoration: underline; }"
    "QLabel#dashboardLink:focus { border: 1px solid palette(highlight); }"
)


class _Activatable:
    """Mouse release inside, Enter or Space: ``clicked``."""

    def _setup(self, tooltip: str) -> None:
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if tooltip:
            self.setToolTip(tooltip)
            self.setAccessibleDescription(tooltip)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in ACTIVATING_KEYS and not event.isAutoRepeat():
            self.clicked.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class LinkLabel(_Activatable, QLabel):
    """A line of text that leads somewhere."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None, tooltip: str = "") -> None:
        super().__init__(text, parent)
        self.setObjectName("dashboardLink")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(LINE_STYLE)
        self.setAccessibleName(text)
        self._setup(tooltip)


class LinkFrame(_Activatable, QFrame):
    """A card that leads somewhere."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None, tooltip: str = "") -> None:
        super().__init__(parent)
        self._setup(tooltip)
