"""The registry's lists: a :class:`ListView` with filters, archived rows in grey, the
keyboard (Entrée edits, Suppr archives, Ctrl+N creates) and per-list memory of column
widths, hidden columns and sort order (QSettings, keyed by the list's name)."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QWidget

from ...i18n import _, format_number
from ...services.core.listing import Table
from ..table_model import SearchProxy, TableModel
from ..widgets.forms import MUTED_COLOUR
from ..widgets.list_view import ListView

Predicate = Callable[[object], bool]
ARCHIVED_COLOUR = QColor(MUTED_COLOUR)


class RegistryModel(TableModel):
    """Rows whose ``archived`` column is true show in grey italics."""

    def set_table(self, table: Table) -> None:
        keys = [column.key for column in table.columns]
        self._archived = keys.index("archived") if "archived" in keys else None
        super().set_table(table)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        archived = getattr(self, "_archived", None)
        if (
            archived is not None
            and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole)
            and index.isValid()
            and self.table.rows[index.row()][archived]
        ):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(ARCHIVED_COLOUR)
            font = QFont()
            font.setItalic(True)
            return font
        return super().data(index, role)


class FilterProxy(SearchProxy):
    """The search, plus one predicate per filtered column (all must hold)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._filters: dict[int, Predicate] = {}

    def set_column_filter(self, column: int, predicate: Predicate | None) -> None:
        if predicate is None and column not in self._filters:
            return  # nothing changes: no pass over every row (each list reload asks this)
        if predicate is None:
            self._filters.pop(column, None)
        else:
            self._filters[column] = predicate
        self.refilter()

    def _matches(self) -> list[int] | None:
        rows = super()._matches()
        model = self.sourceModel()
        if not self._filters or not isinstance(model, TableModel):
            return rows
        table_rows = model.table.rows
        tests = list(self._filters.items())
        candidates = range(len(table_rows)) if rows is None else rows
        if len(tests) == 1:
            ((column, test),) = tests
            return [i for i in candidates if test(table_rows[i][column])]
        return [i for i in candidates if all(t(table_rows[i][c]) for c, t in tests)]


class ColumnFilter:
    """A combo box that keeps the rows whose column ``key`` matches the chosen option.

    Without explicit ``options`` it offers the column's distinct values (``contains``: the
    values split on « , », for lists such as partner roles)."""

    def __init__(
        self,
        owner: RegistryList,
        key: str,
        title: str,
        options: list[tuple[str, Predicate]] | None = None,
        *,
        contains: bool = False,
    ) -> None:
        self.owner, self.key, self.options, self.contains = owner, key, options, contains
        self.label = QLabel(title, owner)
        self.combo = QComboBox(owner)
        self.combo.setObjectName(f"filter_{key}")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.currentIndexChanged.connect(lambda _i: self.apply())

    def _values(self, table: Table) -> list[str]:
        values: set[str] = set()
        for value in set(table.values(self.key)):  # each distinct value once
            if self.contains:
                values.update(part.strip() for part in str(value or "").split(",") if part.strip())
            elif value not in (None, ""):
                values.add(str(value))
        return sorted(values, key=str.casefold)

    def reload(self, table: Table) -> None:
        current = self.combo.currentText() if self.combo.currentIndex() > 0 else None
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(_("Tous"), None)
        texts = [text for text, _test in self.options] if self.options else self._values(table)
        for text in texts:
            self.combo.addItem(text)
        index = self.combo.findText(current) if current else 0
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        self.apply()

    def choose(self, text: str | None) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findText(text)) if text else 0)

    def predicate(self) -> Predicate | None:
        if self.combo.currentIndex() <= 0:
            return None
        text = self.combo.currentText()
        if self.options:
            return dict(self.options)[text]
        if self.contains:
            return lambda value: text in [p.strip() for p in str(value or "").split(",")]
        return lambda value: str(value) == text

    def apply(self) -> None:
        table = self.owner.model.table
        if not any(column.key == self.key for column in table.columns):
            return
        self.owner.proxy.set_column_filter(table.column_index(self.key), self.predicate())
        self.owner._update_count()


class RegistryList(ListView):
    """A list of the registry. ``name`` keys its remembered layout in QSettings."""

    new_requested = Signal()
    delete_requested = Signal()
    selection_changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.name = name
        self.model = RegistryModel(parent=self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view.setModel(self.proxy)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.filters: list[ColumnFilter] = []
        self.default_widths: dict[str, int] = {}  # column key -> width before any resizing
        self.filter_row = QHBoxLayout()
        self.filter_row.addStretch(1)
        self.layout().insertLayout(1, self.filter_row)
        self._restoring = False
        self._sort_restored = False
        self.partial_total: int | None = None  # rows of the whole list while it is read
        self._build_actions()
        self._connect()

    # -- building -----------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.edit_action = QAction(_("Modifier"), self.view)
        self.edit_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        self.edit_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.edit_action)
        self.delete_action = QAction(_("Archiver"), self.view)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.delete_action)
        self.new_action = QAction(_("Nouveau"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.new_action)
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def _connect(self) -> None:
        self.edit_action.triggered.connect(self._edit_current)
        self.delete_action.triggered.connect(self.delete_requested)
        self.new_action.triggered.connect(self.new_requested)
        header = self.view.horizontalHeader()
        header.sectionResized.connect(self._save_widths)
        header.sortIndicatorChanged.connect(self._save_sort)
        header.customContextMenuRequested.connect(self._column_menu)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_a: self.selection_changed.emit()
        )

    def add_filter(
        self, key: str, title: str, options=None, *, contains: bool = False
    ) -> ColumnFilter:
        column_filter = ColumnFilter(self, key, title, options, contains=contains)
        self.add_top_widget(column_filter.label)
        self.add_top_widget(column_filter.combo)
        self.filters.append(column_filter)
        return column_filter

    def add_top_widget(self, widget: QWidget) -> None:
        """Add ``widget`` to the row of filters, under the search field."""
        self.filter_row.insertWidget(self.filter_row.count() - 1, widget)

    # -- data ---------------------------------------------------------------------------
    def set_table(self, table: Table, widths: dict[str, int] | None = None) -> None:
        selected = set(self.selected_ids())
        self._restoring = True
        try:
            if widths:
                super().set_table(table, widths)
            else:
                super().set_table(table, self.default_widths, fixed=self._stored("widths", {}))
            hidden = set(self._stored("hidden", []))
            for index, column in enumerate(table.columns):
                self.view.setColumnHidden(index, column.key in hidden)
            if self.columns.auto:
                self.columns.fit()  # the shown columns share the width
            if not self._sort_restored:
                self._restore_sort(table)
        finally:
            self._restoring = False
        for column_filter in self.filters:
            column_filter.reload(table)
        if selected:
            self.select_ids(selected)
        self._update_count()

    def show_partial(self, total: int | None) -> None:
        """The list shows its first rows of ``total`` while the rest is read (None: the
        whole list); the count says so."""
        self.partial_total = total
        self._update_count()

    def _update_count(self) -> None:
        if self.partial_total is None:
            super()._update_count()
            return
        self.count_label.setText(
            _("{shown} premières lignes sur {total} — lecture de la suite…").format(
                shown=format_number(self.model.rowCount()), total=format_number(self.partial_total)
            )
        )

    def sort_column(self) -> tuple[str | None, bool]:
        """The key of the column the list is sorted on (None: as read) and whether it is
        descending; before its first rows, the order it will take from its memory."""
        if not self._sort_restored:
            sort = self._stored("sort", None) or {}
            return sort.get("key"), bool(sort.get("descending"))
        header = self.view.horizontalHeader()
        section, columns = header.sortIndicatorSection(), self.model.table.columns
        if not 0 <= section < len(columns):
            return None, False
        return columns[section].key, header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def select_ids(self, ids) -> None:
        """Select the rows of ``ids`` (those shown), the first one current and in view."""
        wanted = set(ids)
        selection = self.view.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        selection.clearSelection()
        first = None
        for row, record_id in enumerate(self.model.table.ids):
            if record_id in wanted:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    selection.select(index, flags)
                    if first is None or index.row() < first.row():
                        first = index
        if first is not None:
            selection.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(first)

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_id(self.proxy.mapToSource(index).row())

    def _edit_current(self) -> None:
        record_id = self.current_id()
        if record_id is not None:
            self.activated.emit(record_id)

    def shown_columns(self) -> list[int]:
        """Column indexes as shown: visual order, hidden ones left out."""
        header = self.view.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [i for i in logical if not header.isSectionHidden(i)]

    def shown_rows(self) -> list[int]:
        """Source row indexes as shown: filtered and in the current sort order."""
        return [
            self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            for row in range(self.proxy.rowCount())
        ]

    # -- memory -------------------------------------------------------------------------
    def _key(self, what: str) -> str:
        return f"lists/{self.name}/{what}"

    def _stored(self, what: str, default):
        raw = QSettings().value(self._key(what))
        try:
            return json.loads(raw) if raw else default
        except (TypeError, ValueError):
            return default

    def _store(self, what: str, value) -> None:
        QSettings().setValue(self._key(what), json.dumps(value))

    def _save_widths(self, index: int, _old: int, new: int) -> None:
        columns = self.model.table.columns
        if self._restoring or self.columns.busy or not 0 <= index < len(columns) or new <= 0:
            return
        widths = self._stored("widths", {})
        widths[columns[index].key] = new
        self._store("widths", widths)

    def _save_sort(self, index: int, order: Qt.SortOrder) -> None:
        columns = self.model.table.columns
        if self._restoring or not 0 <= index < len(columns):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self._store("sort", {"key": columns[index].key, "descending": descending})

    def _restore_sort(self, table: Table) -> None:
        if not table.columns:
            return
        self._sort_restored = True
        sort = self._stored("sort", None)
        keys = [column.key for column in table.columns]
        if sort and sort.get("key") in keys:
            order = (
                Qt.SortOrder.DescendingOrder
                if sort.get("descending")
                else Qt.SortOrder.AscendingOrder
            )
            self.view.sortByColumn(keys.index(sort["key"]), order)

    def _column_menu(self, position) -> None:
        menu = QMenu(self)
        for index, column in enumerate(self.model.table.columns):
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not self.view.isColumnHidden(index))
            action.toggled.connect(lambda shown, i=index: self.show_column(i, shown))
        menu.popup(self.view.horizontalHeader().mapToGlobal(position))

    def show_column(self, index: int, shown: bool) -> None:
        if not shown and len(self.shown_columns()) <= 1:
            return  # keep at least one column
        self.view.setColumnHidden(index, not shown)
        self._store(
            "hidden",
            [c.key for i, c in enumerate(self.model.table.columns) if self.view.isColumnHidden(i)],
        )
