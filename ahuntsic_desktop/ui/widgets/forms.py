"""Small helpers every form shares: the red error line and combo boxes of (value, text)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

ERROR_STYLE = "color: #b00020; font-weight: 600;"
# Secondary text (hints, archived rows, muted cells) at 6:1 or more on white and on the
# alternate row colour: WCAG 2.1 AA asks 4.5:1 for text.
MUTED_COLOUR = "#52606d"
HINT_STYLE = f"color: {MUTED_COLOUR};"


def error_label(parent: QWidget, name: str = "error") -> QLabel:
    """A red line that says what is wrong; hidden until needed, its place kept so the
    fields and buttons around it never move when it appears."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    keep = label.sizePolicy()
    keep.setRetainSizeWhenHidden(True)  # its line stays reserved: showing it moves nothing
    label.setSizePolicy(keep)
    label.hide()
    return label


def fill_combo(
    combo: QComboBox,
    items: Iterable[tuple[object, str]],
    current: object = None,
    *,
    empty: str | None = None,
) -> None:
    """Replace the items of ``combo`` by (value, text) pairs and select ``current``."""
    combo.blockSignals(True)
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for value, text in items:
        combo.addItem(text, value)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)
