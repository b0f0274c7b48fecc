"""Keyboard and screen-reader defaults for every widget of the window, set in one place
as each widget is first shown:

- Tab leaves tables and text boxes (no Tab trapped between cells or typed into notes);
- every focusable control has a name a screen reader can say: its form label (made its
  buddy, so the label's « & » mnemonic reaches it), else the label just before it, its
  placeholder or tool tip, else the tab or page it fills;
- Ctrl+Tab / Ctrl+PgDown (and Ctrl+Shift+Tab / Ctrl+PgUp) go to the next (previous) tab
  of the tab widget the keyboard is in, wherever in it the keyboard is (a list, a search
  field: they would keep the keys), and the keyboard follows into the new tab."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from .forms import MUTED_COLOUR

DONE = "keyboardDefaults"


def label_text(label: QLabel) -> str:
    """« &Nom : » -> « Nom »."""
    return label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(" :\xa0")


def with_mnemonic(text: str) -> str:
    """« Nom : » -> « &Nom : »: Alt+N reaches the field (a text with « & » is kept)."""
    if "&" in text:
        return text
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + "&" + text[index:]
    return text


def _layout_of(widget: QWidget) -> tuple[QLayout | None, QWidget]:
    """The layout holding ``widget`` (or the holder it was wrapped in, as the forms do)."""
    for item in (widget, widget.parentWidget()):
        if item is None or item.parentWidget() is None:
            continue
        layout = item.parentWidget().layout()
        found = _find(layout, item) if layout is not None else None
        if found is not None:
            return found, item
        if item is widget and widget.parentWidget().layout() is not None:
            holder = widget.parentWidget()
            if holder.layout().count() <= 3:  # field, error line, maybe a button
                continue
        break
    return None, widget


def _find(layout: QLayout, widget: QWidget) -> QLayout | None:
    if layout.indexOf(widget) >= 0:
        return layout
    for index in range(layout.count()):
        child = layout.itemAt(index).layout()
        if child is not None:
            found = _find(child, widget)
            if found is not None:
                return found
    return None


def _label_before(layout: QLayout, item: QWidget) -> QLabel | None:
    if isinstance(layout, QFormLayout):
        label = layout.labelForField(item)
        return label if isinstance(label, QLabel) else None
    if isinstance(layout, QBoxLayout):
        index = layout.indexOf(item)
        if index > 0:
            previous = layout.itemAt(index - 1).widget()
            if isinstance(previous, QLabel) and previous.buddy() in (None, item):
                return previous
    return None


def _place_name(widget: QWidget) -> str:
    """The tab or page a list or panel fills."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            index = tabs.indexOf(child)
            if index >= 0 and tabs.tabText(index):
                return tabs.tabText(index).replace("&", "")
        title = getattr(parent, "title", None)
        if isinstance(title, str) and title:
            return title
        if parent.isWindow() and parent.windowTitle():
            return parent.windowTitle()
        child, parent = parent, parent.parentWidget()
    return ""


def name_of(widget: QWidget) -> str:
    """The name to announce for ``widget`` when it has none of its own ("" if none)."""
    owner = widget.parentWidget()
    if owner is not None and owner.focusProxy() is widget:  # a date with its clear button
        return owner.accessibleName() or name_of(owner)
    layout, item = _layout_of(widget)
    label = _label_before(layout, item) if layout is not None else None
    if label is not None and any(c.isalpha() for c in label_text(label)):
        label.setBuddy(widget)
        return label_text(label)
    editor = widget.lineEdit() if isinstance(widget, QComboBox) and widget.isEditable() else widget
    if isinstance(editor, QLineEdit | QPlainTextEdit | QTextEdit) and editor.placeholderText():
        return editor.placeholderText().rstrip("…. ")
    if widget.toolTip():
        return widget.toolTip()
    if isinstance(widget, QAbstractScrollArea | QTabWidget) or not _speaks_itself(widget):
        return _place_name(widget)
    return ""


def _speaks_itself(widget: QWidget) -> bool:
    """Buttons, check boxes and labels are announced by their text."""
    text = getattr(widget, "text", None)
    return callable(text) and isinstance(text(), str) and bool(text().strip())


def tab_step(event) -> int:
    """+1 for the next tab, -1 for the previous one, 0 for another key."""
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    key = event.key()
    if modifiers == ctrl and key in (Qt.Key.Key_Tab, Qt.Key.Key_PageDown):
        return 1
    if modifiers == ctrl and key == Qt.Key.Key_PageUp:
        return -1
    if modifiers in (ctrl | shift, ctrl) and key == Qt.Key.Key_Backtab:
        return -1
    return 0


def tabs_around(widget: QWidget | None) -> QTabWidget | None:
    """The innermost tab widget with a visible bar of several tabs holding ``widget``."""
    while widget is not None and not widget.isWindow():
        parent = widget.parentWidget()
        if isinstance(parent, QTabWidget) and parent.count() > 1 and parent.tabBar().isVisible():
            return parent
        widget = parent
    return None


def focus_first_in(page: QWidget) -> None:
    """Put the keyboard on the first control of ``page`` in Tab order."""
    widget = page.nextInFocusChain()
    for _ in range(500):
        if widget is page or widget is None:
            break
        if (
            page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = widget.nextInFocusChain()


def switch_tab(event) -> bool:
    """Ctrl+Tab and its kin in the tab widget around the keyboard; True when done."""
    step = tab_step(event)
    tabs = tabs_around(QApplication.focusWidget()) if step else None
    if tabs is None:
        return False
    tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())
    focus_first_in(tabs.currentWidget())
    return True


class KeyboardDefaults(QObject):
    """Applies :func:`apply_defaults` to each widget the first time it is shown (by then
    it is fully built and in its place); moves between tabs with Ctrl+Tab."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and watched is QApplication.focusWidget():
            return switch_tab(event)
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and not watched.property(DONE)
        ):
            watched.setProperty(DONE, True)
            apply_defaults(watched)
        return False


def apply_defaults(widget: QWidget) -> None:
    if isinstance(widget, QAbstractItemView):
        widget.setTabKeyNavigation(False)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setTabChangesFocus(True)
    if (
        widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not widget.accessibleName()
        and not isinstance(widget, QLabel)
    ):
        name = name_of(widget)
        if name:
            widget.setAccessibleName(name)


# Where the keyboard is must show: a 2-pixel blue border on the focused field or list.
FOCUS_STYLE = """
QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus, QPlainTextEdit:focus,
QTextEdit:focus, QAbstractItemView:focus { border: 2px solid #1a5fb4; }
"""


def install(app: QApplication | None = None) -> None:
    """Once per application: every widget shown from now on gets the defaults; the focus
    shows, and placeholders are dark enough to read (4.5:1 at least)."""
    app = app or QApplication.instance()
    if app is None or getattr(app, "_keyboard_defaults", None) is not None:
        return
    app._keyboard_defaults = KeyboardDefaults(app)
    app.installEventFilter(app._keyboard_defaults)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(MUTED_COLOUR))
    app.setPalette(palette)
    if FOCUS_STYLE not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + FOCUS_STYLE)
