"""Walking the widget tree as a screen reader does: the focusable controls shown and the
name each would be announced by."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractScrollArea, QScrollBar, QWidget


def spoken_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface is not None else "") or ""


def focusable_controls(root: QWidget) -> list[QWidget]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        tab_focus = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if not tab_focus or not widget.isVisibleTo(root):
            continue
        if not widget.isEnabled() or isinstance(widget, QScrollBar):
            continue
        if widget.focusProxy() is not None:  # announced through the widget it passes to
            continue
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            continue
        # the line edit inside an editable combo or a spin box speaks for its parent
        if parent is not None and getattr(parent, "lineEdit", None) and widget is parent.lineEdit():
            continue
        found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    return [
        f"{type(w).__name__}#{w.objectName()} in {type(w.parentWidget()).__name__}"
        for w in focusable_controls(root)
        if not spoken_name(w).strip()
    ]
