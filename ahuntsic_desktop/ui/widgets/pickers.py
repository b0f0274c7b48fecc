"""The one record picker of the window: an editable combo of records (persons,
organisations, funders...) where typing a few letters anywhere in a name, accents and
case ignored, finds it (« helene » finds « Hélène Tremblay (CLSC) »).

Homonyms never overwrite each other: two records showing the same text get their
distinguishing detail (the organisation, else the record's number) appended."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ...i18n import _
from ...text import fold_for_search

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 10


class _FoldedModel(QStringListModel):
    """Texts that also answer, under :data:`FOLDED_ROLE`, without accents or case."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == FOLDED_ROLE:
            return fold_for_search(super().data(index, Qt.ItemDataRole.DisplayRole) or "")
        return super().data(index, role)


class FoldingCompleter(QCompleter):
    """Completion that ignores case and accents and matches anywhere in the text."""

    FOLDED_ROLE = FOLDED_ROLE

    def __init__(self, texts: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = _FoldedModel(self)
        self.setModel(self.source)
        self.setCompletionRole(FOLDED_ROLE)
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


def distinct_labels(choices: Sequence) -> dict[str, int]:
    """Label shown -> record id, every label unique: a homonym gets its detail (``detail``
    or ``organization`` when the choice has one) and, if still alike, its number."""
    counts: dict[str, int] = {}
    for choice in choices:
        counts[choice.label] = counts.get(choice.label, 0) + 1
    labels: dict[str, int] = {}
    for choice in choices:
        text = choice.label
        detail = getattr(choice, "detail", "") or ""
        if counts[text] > 1 and detail and detail not in text:
            text = _("{label} — {detail}").format(label=text, detail=detail)
        if text in labels:
            text = _("{label} — n° {id}").format(label=text, id=choice.id)
        labels[text] = choice.id
    return labels


def matching_ids(labels: dict[str, int], text: str) -> list[int]:
    """The ids whose label holds ``text`` (accents and case ignored)."""
    folded = fold_for_search(text)
    return [rid for label, rid in labels.items() if folded in fold_for_search(label)]


class RecordPicker(QComboBox):
    """An editable list of records: type a few letters (anywhere in the name), pick.

    ``set_choices`` takes objects with ``id`` and ``label`` (and an optional ``detail``);
    ``record_id()`` is the chosen id, None when blank, ValueError when the text names
    no record or several."""

    def __init__(self, parent: QWidget | None = None, placeholder: str | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)  # long names must not widen the dialog
        self.lineEdit().setPlaceholderText(placeholder or _("Tapez quelques lettres…"))
        self.lineEdit().setClearButtonEnabled(True)
        self.completer_ = FoldingCompleter((), self)
        self.setCompleter(self.completer_)
        self._ids: dict[str, int] = {}

    def set_choices(self, choices: Sequence, current: int | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        self._ids = distinct_labels(choices)
        for text, record_id in self._ids.items():
            self.addItem(text, record_id)
        self.completer_.set_texts(list(self._ids))
        self.setCompleter(self.completer_)
        self.set_id(current)
        self.blockSignals(False)

    def set_id(self, record_id: int | None) -> None:
        index = self.findData(record_id) if record_id is not None else 0
        self.setCurrentIndex(max(0, index))
        if record_id is not None and index < 0:
            self.setEditText("")

    def record_id(self) -> int | None:
        text = self.currentText().strip()
        if not text:
            return None
        if text in self._ids:
            return self._ids[text]
        matches = matching_ids(self._ids, text)
        if len(matches) == 1:
            return matches[0]
        raise ValueError(text)

    # the names the meeting screens use
    set_person = set_id
    person_id = record_id


def PersonPicker(parent: QWidget | None = None) -> RecordPicker:  # noqa: N802 - a widget
    """The record picker, for persons."""
    return RecordPicker(parent, _("Tapez un nom…"))
