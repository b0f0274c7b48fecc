"""The checked rows as a table: row number, problems, then the mapped columns of the file,
the cells at fault tinted red. Cells are made when painted: 10,000 rows stay smooth."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ...i18n import _
from ...services.importing import ImportPreview
from ...services.importing.readers import cell_text

PROBLEM = QColor("#f8d7da")
ROW_PROBLEM = QColor("#fdecea")
READY = QColor("#1e7b34")
FAULT = QColor("#9b1c1c")


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self.columns: list[tuple[int, str, str]] = []  # (file column, field key, title)
        self.troubles: dict[int, str] = {}  # file column -> why it is flagged

    def set_preview(self, preview: ImportPreview | None, troubles: dict | None = None) -> None:
        """``troubles``: the file columns whose values are mostly refused, and why."""
        self.beginResetModel()
        self.preview = preview
        self.troubles = dict(troubles or {})
        self.columns = []
        if preview is not None:
            self.columns = [
                (index, key, preview.headers[index])
                for index, key in enumerate(preview.mapping)
                if key is not None
            ]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self.preview is None:
            return 0
        return len(self.preview.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.preview is None else 2 + len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        trouble = self.troubles.get(self.columns[section - 2][0]) if section >= 2 else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return trouble
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return _("Ligne")
        if section == 1:
            return _("Problèmes")
        title = self.columns[section - 2][2]
        return "⚠ " + title if trouble else title

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.preview is None:
            return None
        row = self.preview.rows[index.row()]
        column = index.column()
        if column == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
                return row.number
            if role == Qt.ItemDataRole.BackgroundRole and not row.ok:
                return QBrush(ROW_PROBLEM)
            return None
        if column == 1:
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(p.message for p in row.problems) if row.problems else _("Prête")
            if role == Qt.ItemDataRole.ToolTipRole and row.problems:
                return "\n".join(p.message for p in row.problems)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(FAULT if row.problems else READY)
            return None
        file_column, key, _title = self.columns[column - 2]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = self.preview.cells.get(row.number, ())
            return cell_text(cells[file_column]) if file_column < len(cells) else None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            faults = [p.message for p in row.problems if p.field == key]
            if faults:
                return (
                    QBrush(PROBLEM) if role == Qt.ItemDataRole.BackgroundRole else "\n".join(faults)
                )
        return None


class ErrorsOnly(QSortFilterProxyModel):
    """Shows every row, or only the rows to fix."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.errors_only = False

    def set_errors_only(self, value: bool) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            self.errors_only = value
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.errors_only = value
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802
        if not self.errors_only:
            return True
        model = self.sourceModel()
        return not model.preview.rows[source_row].ok
