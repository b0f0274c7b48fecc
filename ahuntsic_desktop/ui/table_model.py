"""A read-only Qt table model over a service :class:`Table`, with sorting and accent-blind
search through a proxy. Cells are formatted lazily, so 100,000 rows stay smooth."""

from __future__ import annotations

import unicodedata
from datetime import date, time

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from ..i18n import _, format_date, format_money, format_number, format_percent, format_time
from ..services.listing import Table

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3


def fold(text: str) -> str:
    """Lower case without accents: "Montréal" and "montreal" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


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
        self._search_cache: list[str | None] = []

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self._table = table
        self._search_cache = [None] * len(table.rows)
        self.endResetModel()

    @property
    def table(self) -> Table:
        return self._table

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._table.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._table.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._table.columns[section].title
        return None

    def row_id(self, row: int) -> int | None:
        ids = self._table.ids
        return ids[row] if 0 <= row < len(ids) else None

    def search_text(self, row: int) -> str:
        cached = self._search_cache[row]
        if cached is None:
            cached = fold(
                " ".join(
                    format_cell(value, column.kind)
                    for value, column in zip(
                        self._table.rows[row], self._table.columns, strict=False
                    )
                    if column.kind == "text"
                )
            )
            self._search_cache[row] = cached
        return cached

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self._table.columns[index.column()]
        value = self._table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_cell(value, column.kind)
        if role == SORT_ROLE:
            if value is None:
                return ""
            if isinstance(value, date | time):
                return value.isoformat()
            if isinstance(value, bool):
                return int(value)
            if isinstance(value, str):
                return fold(value)
            return value
        if role == ID_ROLE:
            return self.row_id(index.row())
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in ("money", "int", "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SearchProxy(QSortFilterProxyModel):
    """Sorts on raw values and keeps rows whose text holds every word of the search."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_search(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self._words = fold(text).split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = fold(text).split()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        if not isinstance(model, TableModel):
            return True
        haystack = model.search_text(source_row)
        return all(word in haystack for word in self._words)
