"""The agenda as a Qt table model whose rows can be dragged to a new place.

The model does not write: a move (by drag and drop or :meth:`moveRows`) emits
``move_requested(item id, new position)``; the tab saves it through the agenda service and
reloads, so the computed start times follow.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QByteArray, QMimeData, QModelIndex, Qt, Signal

from ...i18n import _, format_time
from ...services.meetings.agenda import AgendaItemRow

MIME_TYPE = "application/x-ahuntsic-agenda-item"


class AgendaModel(QAbstractTableModel):
    move_requested = Signal(int, int)  # item id, new position (0-based)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[AgendaItemRow] = []
        self.headers = [
            _("N°"),
            _("Heure"),
            _("Point"),
            _("Type"),
            _("Présenté par"),
            _("Durée"),
        ]

    def set_items(self, items: list[AgendaItemRow]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> AgendaItemRow | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def row_of(self, item_id: int) -> int:
        return next((i for i, item in enumerate(self.items) if item.id == item_id), -1)

    # -- read ----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        item = self.item(index.row()) if index.isValid() else None
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            minutes = (
                _("{n} min").format(n=item.planned_minutes)
                if item.planned_minutes is not None
                else ""
            )
            return (
                str(item.number),
                format_time(item.start_time),
                item.title,
                item.kind_label,
                item.presenter_name,
                minutes,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and item.minutes_text:
            return item.minutes_text
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 1, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    # -- drag and drop ---------------------------------------------------------------------
    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        if rows:
            data.setData(MIME_TYPE, QByteArray(str(rows[0]).encode()))
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        """Move the dragged row before ``row`` (or before ``parent``'s row when dropped on
        an item; at the end when ``row`` is -1). Returns False: the view must not delete
        anything, the reload after saving shows the new order."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME_TYPE):
            return False
        source = int(bytes(data.data(MIME_TYPE)).decode() or -1)
        if parent.isValid():
            row = parent.row()
        if row < 0:
            row = len(self.items)
        self.moveRows(QModelIndex(), source, 1, QModelIndex(), row)
        return False

    def moveRows(self, source_parent, source_row, count, destination_parent, destination):  # noqa: N802
        """Qt's move: ``destination`` is the row the moved row goes before."""
        if source_parent.isValid() or destination_parent.isValid() or count != 1:
            return False
        if not 0 <= source_row < len(self.items) or not 0 <= destination <= len(self.items):
            return False
        new_position = destination - 1 if destination > source_row else destination
        if new_position == source_row:
            return False
        self.move_requested.emit(self.items[source_row].id, new_position)
        return True
