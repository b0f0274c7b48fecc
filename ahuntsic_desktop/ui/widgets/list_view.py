"""A searchable, sortable list: a search field, a count and a table view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_number, ngettext
from ...services.core.listing import Table
from ..table_model import SearchProxy, TableModel
from .column_widths import ColumnFitter


class ListView(QWidget):
    """Shows a :class:`Table` with instant accent-blind search and a live count."""

    activated = Signal(int)  # a row double-clicked, Enter, F2, the menu key, « Ouvrir »

    def __init__(self, parent: QWidget | None = None, *, placeholder: str | None = None) -> None:
        super().__init__(parent)
        self.model = TableModel(parent=self)
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(placeholder or _("Rechercher…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.count_label = QLabel(self)
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.columns = ColumnFitter(self.view)
        self.view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self._sized_for: tuple = ((), False)  # the columns sized, and whether rows were there
        self.view.activated.connect(self._on_double_click)  # double click, Enter
        self.view.setAccessibleName(placeholder or _("Liste"))
        QShortcut(QKeySequence(Qt.Key.Key_F2), self.view, self.open_current)
        # the context-menu key opens the row too (the lists have no context menu): the
        # keyboard's « right click » on a row
        menu_key = QShortcut(QKeySequence(Qt.Key.Key_Menu), self.view, self.open_current)
        menu_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        # shown once something listens to « activated »: the list then opens its rows
        self.open_button = QPushButton(_("&Ouvrir"), self)
        self.open_button.setObjectName("openRow")
        self.open_button.hide()
        self.open_button.clicked.connect(self.open_current)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_table(
        self,
        table: Table,
        widths: dict[str, int] | None = None,
        *,
        fixed: dict[str, int] | None = None,
    ) -> None:
        """Show ``table``. Its columns are sized to their content (or to ``widths``) within
        the list's width when first filled; ``fixed`` widths (the user's) are kept as is."""
        self.model.set_table(table)
        keys = tuple(column.key for column in table.columns)
        sized_keys, had_rows = self._sized_for
        has_rows = self.model.rowCount() > 0
        if widths or fixed or keys != sized_keys or (has_rows and not had_rows):
            self._size_columns(keys, widths or {}, fixed or {})
            self._sized_for = (keys, has_rows)
        self._update_count()

    def _size_columns(self, keys, widths: dict[str, int], fixed: dict[str, int]) -> None:
        wanted = [
            fixed.get(key) or widths.get(key) or self.columns.content_width(index)
            for index, key in enumerate(keys)
        ]
        self.columns.set_widths(wanted, {i for i, key in enumerate(keys) if key in fixed})

    def _on_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        text = ngettext("{n} élément", "{n} éléments", total).format(n=format_number(total))
        if shown != total:
            text = _("{shown} sur {total}").format(shown=format_number(shown), total=text)
        self.count_label.setText(text)

    def selected_ids(self) -> list[int]:
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return [rid for rid in (self.model.row_id(r) for r in sorted(rows)) if rid is not None]

    def connectNotify(self, signal) -> None:  # noqa: N802
        if signal.name() == b"activated":
            self.open_button.show()
        super().connectNotify(signal)

    def open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._on_double_click(index)

    def _on_double_click(self, index) -> None:
        record_id = self.model.row_id(self.proxy.mapToSource(index).row())
        if record_id is not None:
            self.activated.emit(record_id)


Loader = Callable[[], Table]
