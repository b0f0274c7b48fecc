"""A read-only Qt table model over a service :class:`Table`, with sorting and accent-blind
search through a proxy. Cells are formatted lazily, so 100,000 rows stay smooth."""

from __future__ import annotations

from datetime import date, time
from operator import itemgetter

from PySide6.QtCore import (
    QAbstractProxyModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ..i18n import _, format_date, format_money, format_number, format_percent, format_time
from ..services.core.listing import Table
from ..text import fold_for_search

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3


def sort_key(value: object):
    """A key that orders values the French way: accents and case ignored."""
    if value is None:
        return ""
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return fold_for_search(value)
    return value


def format_cell(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind == "money":
        return format_money(int(value))
    if kind == "date" and isinstance(value, date):
        return format_date(value, "medium")
    if kind == "time" and isinstance(value, time):
        return format_time(value)
    if kind == "bool":
        return _("Oui") if value else _("Non")
    if kind == "percent":
        return format_percent(float(value))
    if kind == "int":
        return format_number(value)
    return str(value)


class TableModel(QAbstractTableModel):
    def __init__(self, table: Table | None = None, parent=None) -> None:
        super().__init__(parent)
        self._table = table or Table(columns=[])
        self._search_texts: list[str] | None = None
        self._sort_keys: dict[int, list] = {}
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self._table = table
        folded = table.folded
        self._search_texts = folded if folded is not None and len(folded) == len(table) else None
        table.folded = None  # the model keeps its own (it reorders them with the rows)
        self._sort_keys = {}
        if self._sorted is not None:
            self._apply_sort(*self._sorted)
        self.endResetModel()

    # Sorting and searching work on whole Python lists: one key per row computed once,
    # instead of a call back into Python for every comparison (16 s at 100,000 rows).
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._table.columns) or (column, order) == self._sorted:
            return  # already in that order (the view asks twice: indicator, then sort)
        self.layoutAboutToBeChanged.emit()
        permutation = self._apply_sort(column, order)
        self._sorted = (column, order)
        old = self.persistentIndexList()  # the selection and current row follow their rows
        if old:
            where = sorted(range(len(permutation)), key=permutation.__getitem__)  # old -> new
            new = [
                self.index(where[i.row()], i.column()) if i.row() < len(where) else i for i in old
            ]
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Put the rows in the column's order; returns the permutation (new row -> old)."""
        keys = self._column_keys(column)
        permutation = sorted(
            range(len(keys)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        table = self._table
        table.rows = list(map(table.rows.__getitem__, permutation))  # map: no Python loop
        if len(table.ids) == len(permutation):
            table.ids = list(map(table.ids.__getitem__, permutation))
        if self._search_texts is not None:
            self._search_texts = list(map(self._search_texts.__getitem__, permutation))
        self._sort_keys = {
            c: list(map(k.__getitem__, permutation)) for c, k in self._sort_keys.items()
        }
        return permutation

    def _column_keys(self, column: int) -> list:
        keys = self._sort_keys.get(column)
        if keys is None:
            values = list(map(itemgetter(column), self._table.rows))
            try:  # each distinct value keyed once: names, statuses and dates repeat
                distinct = set(values)
            except TypeError:  # a value that cannot be hashed
                keys = [(value is None, sort_key(value)) for value in values]
            else:
                if None in distinct:  # blanks last
                    known = {value: (value is None, sort_key(value)) for value in distinct}
                else:  # plain keys compare faster than pairs
                    known = {value: sort_key(value) for value in distinct}
                keys = list(map(known.__getitem__, values))
            self._sort_keys[column] = keys
        return keys

    def search_texts(self) -> list[str]:
        """Every row's searchable text, folded, computed once per table (or given with it,
        when the table was read ahead in the background)."""
        if self._search_texts is None:
            self._search_texts = self._table.search_texts()
        return self._search_texts

    @property
    def table(self) -> Table:
        return self._table

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._table.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,  # the whole title when the column is narrow
        ):
            return self._table.columns[section].title
        return None

    def row_id(self, row: int) -> int | None:
        ids = self._table.ids
        return ids[row] if 0 <= row < len(ids) else None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self._table.columns[index.column()]
        value = self._table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_cell(value, column.kind)
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == "text" and value:
            return str(value)  # the whole text when the column is too narrow for it
        if role == SORT_ROLE:
            return sort_key(value)
        if role == ID_ROLE:
            return self.row_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("money", "int", "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SearchProxy(QAbstractProxyModel):
    """Keeps rows whose text holds every word of the search; sorting is the source's.

    The proxy keeps the list of the source rows it shows, made in one list comprehension
    over the source's folded texts (no call back into Python per row, as
    ``QSortFilterProxyModel.filterAcceptsRow`` makes). A change of search is a layout
    change: the selection and current row stay on their records when still shown."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._rows: list[int] | None = None  # source rows shown, in order; None: all
        self._positions: dict[int, int] | None = None
        self._saved: list = []

    def setSourceModel(self, model) -> None:  # noqa: N802
        self.beginResetModel()
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self._source_about_to_reset)
        model.modelReset.connect(self._source_reset)
        model.layoutAboutToBeChanged.connect(self._about_to_change)
        model.layoutChanged.connect(self._changed)
        model.dataChanged.connect(self._source_data_changed)
        self._rows, self._positions = self._matches(), None
        self.endResetModel()

    # -- the rows shown ------------------------------------------------------------------
    def _matches(self) -> list[int] | None:
        """The source rows to show (None: all of them); subclasses add their filters."""
        model = self.sourceModel()
        if not self._words or not isinstance(model, TableModel):
            return None
        texts = model.search_texts()
        if len(self._words) == 1:
            word = self._words[0]
            return [i for i, text in enumerate(texts) if word in text]
        words = self._words
        return [i for i, text in enumerate(texts) if all(w in text for w in words)]

    def refilter(self) -> None:
        """Recompute the rows shown (a filter changed), keeping selected records."""
        self._about_to_change()
        self._changed()

    def _about_to_change(self, *_args) -> None:
        self.layoutAboutToBeChanged.emit()
        self._saved = [
            (index, QPersistentModelIndex(self.mapToSource(index)))
            for index in self.persistentIndexList()
        ]

    def _changed(self, *_args) -> None:
        self._rows, self._positions = self._matches(), None
        old, new = [], []
        for index, source in self._saved:
            row = self._proxy_row(source.row()) if source.isValid() else None
            old.append(index)
            new.append(QModelIndex() if row is None else self.index(row, source.column()))
        self._saved = []
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _source_about_to_reset(self) -> None:
        self.beginResetModel()

    def _source_reset(self) -> None:
        self._rows, self._positions = self._matches(), None
        self.endResetModel()

    def _source_data_changed(self, *_args) -> None:
        if self.rowCount() and self.columnCount():
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _proxy_row(self, source_row: int) -> int | None:
        if self._rows is None:
            return source_row
        if self._positions is None:
            self._positions = {row: position for position, row in enumerate(self._rows)}
        return self._positions.get(source_row)

    # -- searching and sorting -----------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if model is not None:
            model.sort(column, order)

    def set_search(self, text: str) -> None:
        words = fold_for_search(text).split()
        if words != self._words:
            self._words = words
            self.refilter()

    # -- QAbstractProxyModel -------------------------------------------------------------
    def mapToSource(self, index: QModelIndex) -> QModelIndex:  # noqa: N802
        model = self.sourceModel()
        if model is None or not index.isValid():
            return QModelIndex()
        row = index.row() if self._rows is None else self._rows[index.row()]
        return model.index(row, index.column())

    def mapFromSource(self, index: QModelIndex) -> QModelIndex:  # noqa: N802
        if not index.isValid():
            return QModelIndex()
        row = self._proxy_row(index.row())
        return QModelIndex() if row is None else self.index(row, index.column())

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (
            0 <= row < self.rowCount() and 0 <= column < self.columnCount()
        ):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: QModelIndex | None = None):
        if index is None:
            return super().parent()  # the QObject's parent
        return QModelIndex()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        model = self.sourceModel()
        if parent.isValid() or model is None:
            return 0
        return model.rowCount() if self._rows is None else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        model = self.sourceModel()
        return 0 if parent.isValid() or model is None else model.columnCount()

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self.rowCount() > 0

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        model = self.sourceModel()
        if model is None:
            return None
        if orientation == Qt.Orientation.Vertical and self._rows is not None:
            if not 0 <= section < len(self._rows):
                return None
            section = self._rows[section]
        return model.headerData(section, orientation, role)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        return self.sourceModel().data(self.mapToSource(index), role) if index.isValid() else None
