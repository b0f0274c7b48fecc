"""The plan as a Qt tree model: the plan, its pillars, chantiers, orientations, means and
targets, numbered, with status, evaluation and progress; renaming in place and moving by
drag and drop go through callbacks the editor gives (the model itself never writes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import label
from ...i18n import _, format_percent
from ...services.plan.editing import CHILD_KINDS, NodeRef, kind_label
from ...services.plan.plans import PlanNode
from ..widgets.forms import MUTED_COLOUR

MIME_TYPE = "application/x-ahuntsic-plan-node"
NODE_ROLE = Qt.ItemDataRole.UserRole + 1
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("title", "status", "evaluation", "progress")
MUTED = QColor(MUTED_COLOUR)


class _Item:
    __slots__ = ("children", "node", "parent", "row")

    def __init__(self, node: PlanNode, parent: _Item | None, row: int) -> None:
        self.node = node
        self.parent = parent
        self.row = row
        self.children = [_Item(child, self, i) for i, child in enumerate(node.children)]

    @property
    def ref(self) -> NodeRef:
        return NodeRef(self.node.kind, self.node.id)


class PlanTreeModel(QAbstractItemModel):
    """One top row, the plan; beneath it the numbered tree of :func:`plan_tree`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._root: _Item | None = None
        self._index: dict[NodeRef, _Item] = {}
        # Set by the editor: rename(ref, title) and move(ref, new_parent, position) return
        # True when the service accepted the change.
        self.rename: Callable[[NodeRef, str], bool] | None = None
        self.move: Callable[[NodeRef, NodeRef, int | None], bool] | None = None
        self.read_only = False  # a file opened read-only: no renaming, no dragging

    # -- content ----------------------------------------------------------------------------
    def set_tree(self, tree: PlanNode | None) -> None:
        self.beginResetModel()
        self._root = _Item(tree, None, 0) if tree is not None else None
        self._index = {}
        if self._root is not None:
            stack = [self._root]
            while stack:
                item = stack.pop()
                self._index[item.ref] = item
                stack.extend(item.children)
        self.endResetModel()

    def tree(self) -> PlanNode | None:
        return self._root.node if self._root else None

    def index_of(self, ref: NodeRef, column: int = 0) -> QModelIndex:
        item = self._index.get(NodeRef(*ref))
        if item is None:
            return QModelIndex()
        return self.createIndex(item.row, column, item)

    def node(self, index: QModelIndex) -> PlanNode | None:
        item = self._item(index)
        return item.node if item else None

    def _item(self, index: QModelIndex) -> _Item | None:
        return index.internalPointer() if index.isValid() else None

    # -- structure --------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        parent_item = self._item(parent)
        if parent_item is None:
            return self.createIndex(row, column, self._root) if self._root else QModelIndex()
        return self.createIndex(row, column, parent_item.children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        item = self._item(index)
        if item is None or item.parent is None:
            return QModelIndex()
        return self.createIndex(item.parent.row, 0, item.parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.column() > 0:
            return 0
        item = self._item(parent)
        if item is None:
            return 1 if self._root else 0
        return len(item.children)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Élément"), _("Statut"), _("Évaluation"), _("Avancement"))[section]
        return None

    # -- cells ------------------------------------------------------------------------------
    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        item = self._item(index)
        if item is None:
            return None
        node, column = item.node, COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return f"{node.number}  {node.title}" if node.number else node.title
            if column == "status":
                return label(node.status, PlanStatus) if node.status else ""
            if column == "evaluation":
                return label(node.evaluation, Evaluation) if node.evaluation else ""
            if node.kind in ("means", "target") or node.progress is None:
                return ""  # a leaf's state is its status
            return format_percent(node.progress)
        if role == Qt.ItemDataRole.EditRole and column == "title":
            return node.title
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return f"{kind_label(node.kind)} {node.number} — {node.title}".replace("  ", " ")
        if role == NODE_ROLE:
            return item.ref
        if role == PROGRESS_ROLE:
            return node.progress
        if role == Qt.ItemDataRole.FontRole and node.kind in ("plan", "pillar", "chantier"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (
            node.status == PlanStatus.ABANDONED or node.evaluation == Evaluation.NOT_APPLICABLE
        ):
            return QBrush(MUTED)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        item = self._item(index)
        if item is None:
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
            if item.node.kind != "plan":
                flags |= Qt.ItemFlag.ItemIsDragEnabled
            if CHILD_KINDS[item.node.kind]:
                flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def setData(self, index: QModelIndex, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        item = self._item(index)
        if item is None or role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        text = str(value or "").strip()
        if text == item.node.title or self.rename is None:
            return False
        return bool(self.rename(item.ref, text))

    # -- drag and drop ----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        items = [self._item(i) for i in indexes if i.isValid() and i.column() == 0]
        if items and items[0] is not None:
            ref = items[0].ref
            data.setData(MIME_TYPE, QByteArray(f"{ref.kind}:{ref.id}".encode()))
        return data

    def dragged(self, data: QMimeData) -> NodeRef | None:
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        kind, _sep, ident = bytes(data.data(MIME_TYPE).data()).decode().partition(":")
        ref = NodeRef(kind, int(ident)) if ident.isdigit() else None
        return ref if ref in self._index else None

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        ref = self.dragged(data)
        target = self._item(parent)
        if ref is None or target is None or ref.kind not in CHILD_KINDS[target.node.kind]:
            return False
        ancestor = target
        while ancestor is not None:  # never into itself or beneath itself
            if ancestor.ref == ref:
                return False
            ancestor = ancestor.parent
        return True

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not self.canDropMimeData(data, action, row, column, parent) or self.move is None:
            return False
        ref, target = self.dragged(data), self._item(parent)
        return bool(self.move(ref, target.ref, self.position_for(ref, target.ref, row)))

    def position_for(self, ref: NodeRef, parent: NodeRef, row: int) -> int | None:
        """The place among ``ref``'s kind under ``parent`` of a drop before ``row``."""
        if row < 0:
            return None
        children = self._index[parent].children
        before = [c for c in children[:row] if c.node.kind == ref.kind and c.ref != ref]
        return len(before)
