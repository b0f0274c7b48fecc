"""Small pieces the meeting editor's dialogs and tabs share: the red error line, combo
filling, accent-blind completion, a person picker, and Qt <-> Python date/time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QLocale, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from ... import i18n
from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.meetings.pick_lists import PersonChoice
from ...text import fold_for_search
from ..widgets.forms import ERROR_STYLE, error_label, fill_combo  # noqa: F401 (shared)

GOOD_STYLE = "color: #1b5e20; font-weight: 600;"


def show_error(label: QLabel, error: ValidationError, fields: dict[str, QWidget]) -> None:
    """Show ``error`` in ``label`` and put the cursor in the field at fault, if known."""
    label.setText(error.message)
    label.show()
    field = fields.get(error.field or "")
    if field is not None:
        field.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field, QLineEdit):
            field.selectAll()


def clear_error(label: QLabel) -> None:
    label.clear()
    label.hide()


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class FoldingCompleter(QCompleter):
    """Completion that ignores case and accents and matches anywhere in the text:
    « helene » finds « Hélène Tremblay »."""

    FOLDED_ROLE = Qt.ItemDataRole.UserRole + 10

    def __init__(self, texts: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = _FoldedModel(self)
        self.setModel(self.source)
        self.setCompletionRole(self.FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)
        self.set_texts(texts)

    def set_texts(self, texts: Sequence[str]) -> None:
        self.source.setStringList(list(texts))

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [fold_for_search(path)]

    def pathFromIndex(self, index) -> str:  # noqa: N802
        return index.data(Qt.ItemDataRole.DisplayRole) or ""


class _FoldedModel(QStringListModel):
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == FoldingCompleter.FOLDED_ROLE:
            return fold_for_search(super().data(index, Qt.ItemDataRole.DisplayRole) or "")
        return super().data(index, role)


def person_labels(choices: Sequence[PersonChoice]) -> dict[str, int]:
    """Label shown -> person id; homonyms of one organisation get their number."""
    labels: dict[str, int] = {}
    for choice in choices:
        text = choice.label
        if text in labels:
            text = _("{label} — n° {id}").format(label=text, id=choice.id)
        labels[text] = choice.id
    return labels


class PersonPicker(QComboBox):
    """An editable combo of persons: type a few letters of a name, pick from the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText(_("Tapez un nom…"))
        self.lineEdit().setClearButtonEnabled(True)
        self.completer_ = FoldingCompleter((), self)
        self.setCompleter(self.completer_)
        self._ids: dict[str, int] = {}

    def set_choices(self, choices: Sequence[PersonChoice], current: int | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        self._ids = person_labels(choices)
        self.addItem("", None)
        for text, person_id in self._ids.items():
            self.addItem(text, person_id)
        self.completer_.set_texts(list(self._ids))
        self.setCompleter(self.completer_)
        self.set_person(current)
        self.blockSignals(False)

    def set_person(self, person_id: int | None) -> None:
        index = self.findData(person_id) if person_id is not None else 0
        self.setCurrentIndex(max(0, index))
        if person_id is not None and index < 0:
            self.setEditText("")

    def person_id(self) -> int | None:
        """The chosen person, None when blank; ValueError when the text names nobody."""
        text = self.currentText().strip()
        if not text:
            return None
        if text in self._ids:
            return self._ids[text]
        matches = [
            pid
            for label, pid in self._ids.items()
            if fold_for_search(label).startswith(fold_for_search(text))
        ]
        if len(matches) == 1:
            return matches[0]
        raise ValueError(text)


# -- dates and times ----------------------------------------------------------------------


def qt_locale() -> QLocale:
    return QLocale(i18n.current_locale())


def date_edit(parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setLocale(qt_locale())
    edit.setDisplayFormat(
        "d MMMM yyyy" if i18n.current_locale().startswith("fr") else "MMM d, yyyy"
    )
    return edit


def to_date(edit: QDateEdit) -> dt.date:
    qdate = edit.date()
    return dt.date(qdate.year(), qdate.month(), qdate.day())


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    if value is not None:
        edit.setDate(QDate(value.year, value.month, value.day))


class MeetingTab(QWidget):
    """A tab of the meeting window: knows the meeting, reloads on ``refresh``, and says
    ``changed`` after it saved something (the other tabs and the lists then reload)."""

    changed = Signal()

    def __init__(self, context, meeting_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.meeting_id = meeting_id

    @property
    def db(self):
        return self.context.db

    @property
    def read_only(self) -> bool:
        return bool(self.db.read_only)

    def edit_widgets(self) -> list[QWidget]:
        """The buttons and fields that write; disabled when the file is read-only."""
        return []

    def apply_read_only(self) -> None:
        if self.read_only:
            for widget in self.edit_widgets():
                widget.setEnabled(False)

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass


def disable_save_if_read_only(buttons, db) -> None:
    """A dialog opened on a read-only file shows its data but cannot save."""
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    if save is not None and db.read_only:
        save.setEnabled(False)
        save.setToolTip(_("Fichier ouvert en lecture seule"))
