"""Times and durations as people type them.

A time: « 930 », « 0930 », « 9h30 », « 9:30 », « 9 h 30 », « 21 h », « 21 » (and, in
English, « 9:30 pm »); shown back the Québec way (« 9 h 30 »). A duration in minutes:
« 30 » is 30, « 1 h 30 », « 1h », « 1:30 » and « 90 » too. Tab leaves the field like any
other, and the whole text is selected when the field takes the focus, so what is typed
replaces it.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QTimer
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from ... import i18n
from ...i18n import _
from ...services.core.errors import ValidationError

_CLOCK = re.compile(r"^(\d{1,2})\s*(?:h|:|\.)\s*(\d{1,2})?\s*(?:min)?$")
_SUFFIX = re.compile(r"\s*([ap])\.?\s*m\.?$")
BLANK = ("", "—", "-")


def parse_time(text: str) -> dt.time | None:
    """The time ``text`` means (None when blank); ValueError when it means none."""
    cleaned = text.strip().lower().replace("\u202f", " ").replace("\xa0", " ")
    if cleaned in BLANK:
        return None
    afternoon = None
    suffix = _SUFFIX.search(cleaned)
    if suffix:
        afternoon = suffix.group(1) == "p"
        cleaned = cleaned[: suffix.start()].strip()
    match = _CLOCK.match(cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
    elif cleaned.isdigit() and len(cleaned) in (3, 4):
        hour, minute = int(cleaned[:-2]), int(cleaned[-2:])
    elif cleaned.isdigit() and len(cleaned) <= 2:
        hour, minute = int(cleaned), 0
    else:
        raise ValueError(text)
    if afternoon is not None:
        if not 1 <= hour <= 12:
            raise ValueError(text)
        hour = hour % 12 + (12 if afternoon else 0)
    if hour == 24 and minute == 0:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(text)
    return dt.time(hour, minute)


def parse_minutes(text: str) -> int:
    """The minutes ``text`` means: « 30 » is 30, « 1 h 30 » and « 1:30 » are 90."""
    cleaned = text.strip().lower().removesuffix("min").strip()
    if not cleaned:
        return 0
    if cleaned.isdigit():
        return int(cleaned)
    match = _CLOCK.match(cleaned)
    if not match:
        raise ValueError(text)
    return int(match.group(1)) * 60 + int(match.group(2) or 0)


def _select_all_soon(widget) -> None:
    """After the click that gave the focus has placed the cursor: select everything."""
    QTimer.singleShot(0, widget, widget.selectAll)


class TimeEdit(QLineEdit):
    """A time that may stay blank. ``value()`` raises :class:`ValidationError` (on this
    field's object name) when the text is not a time; the dialog shows it as any other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(_("p. ex. 19 h 30"))
        self.setToolTip(_("Tapez l'heure comme il vous plaît : 930, 9h30, 9:30, 21 h"))
        self.setMaximumWidth(110)
        self.editingFinished.connect(self._tidy)

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        _select_all_soon(self)

    def _tidy(self) -> None:
        try:
            value = parse_time(self.text())
        except ValueError:
            self.setStyleSheet("border: 1px solid #b00020;")
            return
        self.setStyleSheet("")
        self.set_value(value)

    def value(self) -> dt.time | None:
        try:
            return parse_time(self.text())
        except ValueError:
            raise ValidationError(
                _("« {text} » n'est pas une heure : tapez par exemple 9 h 30, 930 ou 21 h.").format(
                    text=self.text().strip()
                ),
                self.objectName() or None,
            ) from None

    def set_value(self, value: dt.time | None) -> None:
        self.setText(i18n.format_time(value) if value is not None else "")


class DurationEdit(QSpinBox):
    """Minutes: arrows step by 5; typing replaces the whole value (« 30 » is 30 min)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 24 * 60)
        self.setSingleStep(5)
        self.setSuffix(_(" min"))
        self.setToolTip(_("En minutes : 30, 90, ou 1 h 30"))

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        _select_all_soon(self)

    def _bare(self, text: str) -> str:
        return text.strip().removesuffix(self.suffix().strip()).strip()

    def validate(self, text: str, pos: int):
        bare = self._bare(text)
        try:
            minutes = parse_minutes(bare)
        except ValueError:
            allowed = re.fullmatch(r"[\d\s:h.min]*", bare.lower()) is not None
            state = QValidator.State.Intermediate if allowed else QValidator.State.Invalid
            return state, text, pos
        if minutes > self.maximum():
            return QValidator.State.Invalid, text, pos
        return QValidator.State.Acceptable, text, pos

    def valueFromText(self, text: str) -> int:  # noqa: N802
        try:
            return parse_minutes(self._bare(text))
        except ValueError:
            return self.value()

    def textFromValue(self, value: int) -> str:  # noqa: N802
        return str(value)
