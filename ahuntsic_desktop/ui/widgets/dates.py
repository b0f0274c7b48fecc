"""The one date editor of the window and the Qt <-> Python date conversions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QDateEdit, QWidget

from ... import i18n


def qt_locale() -> QLocale:
    return QLocale(i18n.current_locale())


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(
    parent: QWidget | None, value: dt.date | None = None, *, name: str | None = None
) -> QDateEdit:
    """A date with its calendar, written the locale's way (« 12 novembre 2026 »)."""
    edit = QDateEdit(parent)
    if name:
        edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setLocale(qt_locale())
    edit.setDisplayFormat(
        "d MMMM yyyy" if i18n.current_locale().startswith("fr") else "MMM d, yyyy"
    )
    if value is not None:
        edit.setDate(qdate(value))
    return edit


def to_date(edit: QDateEdit) -> dt.date:
    return pydate(edit.date())


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    if value is not None:
        edit.setDate(qdate(value))
