"""Windows open within the screen they are on, at most ``preferred`` big, and come back
where and as big as they were left (remembered in the user's preferences)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def available_size(widget: QWidget) -> QSize:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(1024, 600)


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """``preferred``, or the screen's available space when smaller (a 1024 x 600 laptop)."""
    space = available_size(widget)
    width = min(preferred.width(), space.width())
    height = min(preferred.height(), space.height() - 30)  # the title bar
    widget.resize(max(width, 320), max(height, 240))


class _Remember(QObject):
    def __init__(self, widget: QWidget, key: str) -> None:
        super().__init__(widget)
        self.key = key

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Close, QEvent.Type.Hide) and watched.isWindow():
            QSettings().setValue(self.key, watched.saveGeometry())
        return False


def place_window(widget: QWidget, key: str, preferred: QSize) -> None:
    """Restore the geometry saved under ``key`` (kept within the screen), else
    :func:`fit_to_screen`; the geometry is saved again when the window closes."""
    saved = QSettings().value(key)
    if not (isinstance(saved, QByteArray | bytes) and widget.restoreGeometry(QByteArray(saved))):
        fit_to_screen(widget, preferred)
    else:
        space = available_size(widget)
        if widget.width() > space.width() or widget.height() > space.height():
            fit_to_screen(widget, widget.size())
    widget.installEventFilter(_Remember(widget, key))


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a scroll area: on a small screen it scrolls instead of pushing the
    window past the screen's edge (it fills the area when there is room)."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(content)
    return area
