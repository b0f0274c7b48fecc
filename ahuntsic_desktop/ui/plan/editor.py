"""The plan editor: the numbered tree on the left, the selected node's panel on the right.

Keys on the tree: Insert adds (a pillar under the plan, a chantier under a pillar, an
orientation under a chantier, a means under an orientation, a sibling under a means), F2
renames, Ctrl+Up and Ctrl+Down reorder, Ctrl+Shift+M moves under another parent, Delete
deletes. Nodes can also be dragged onto their new parent.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _
from ...services.core.errors import ValidationError
from ...services.plan import editing as plan_editing
from ...services.plan import plans as plan_service
from ...services.plan.editing import CHILD_KINDS, NodeRef
from ..errors import show_error
from ..widgets.unsaved import confirm_leave
from .dialogs import MoveDialog
from .node_panel import NodePanel
from .progress_delegate import ProgressDelegate
from .tree_model import NODE_ROLE, PlanTreeModel

NEXT_KIND = {
    "plan": "pillar",
    "pillar": "chantier",
    "chantier": "orientation",
    "orientation": "means",
}
ADD_TEXTS = {
    "pillar": N_("Pilier"),
    "chantier": N_("Chantier"),
    "orientation": N_("Orientation"),
    "means": N_("Moyen"),
    "target": N_("Cible"),
}


class PlanEditorView(QWidget):
    """Layout only: toolbar, tree, side panel."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PlanTreeModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("planTree")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(3, ProgressDelegate(self.view))
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDropIndicatorShown(True)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()  # from the font: at 150 % the columns grow too
        for column, sample in ((1, "En cours"), (2, "Partiellement"), (3, "100 % ████")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        self.panel = NodePanel(context, self)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 360])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)


class PlanEditor(PlanEditorView):
    changed = Signal()  # something was written: plan lists may need a refresh

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.context = context
        self.plan_id: int | None = None
        self._reverting = False
        self._build_actions()
        self.model.rename = self._rename
        self.model.move = self._move_from_drop
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._on_current())
        self.panel.saved.connect(self._after_save)

    # -- actions ----------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, name: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.add_action = self._action(_("Ajouter"), self.add_next, Qt.Key.Key_Insert, "add")
        self.add_menu = QMenu(self)
        self.add_kind_actions = {
            kind: self.add_menu.addAction(_(text), lambda _c=False, k=kind: self.add(k))
            for kind, text in ADD_TEXTS.items()
        }
        self.rename_action = self._action(_("Renommer"), self.rename_current, None, "rename")
        self.up_action = self._action(_("Monter"), lambda: self.shift(-1), "Ctrl+Up", "up")
        self.down_action = self._action(_("Descendre"), lambda: self.shift(1), "Ctrl+Down", "down")
        self.move_action = self._action(
            _("Déplacer sous…"), self.move_under, "Ctrl+Shift+M", "move"
        )
        self.delete_action = self._action(
            _("Supprimer"), self.delete_current, QKeySequence.StandardKey.Delete, "delete"
        )
        button = QToolButton(self)
        button.setObjectName("addButton")
        button.setText(_("Ajouter"))
        button.setMenu(self.add_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(button)
        for action in (
            self.rename_action,
            self.up_action,
            self.down_action,
            self.move_action,
            self.delete_action,
        ):
            self.toolbar.addAction(action)
        for action in (self.add_action, *self.add_kind_actions.values()):
            action.setToolTip(_("Insér. : ajoute l'élément suivant sous la sélection"))
        self.up_action.setToolTip(_("Ctrl+Haut"))
        self.down_action.setToolTip(_("Ctrl+Bas"))
        self._update_actions()

    def _update_actions(self) -> None:
        ref = self.current_ref()
        has_plan = self.model.tree() is not None and not self.read_only
        for kind, action in self.add_kind_actions.items():
            action.setEnabled(
                has_plan and (kind not in ("means", "target") or self._parent_for(kind) is not None)
            )
        movable = ref is not None and ref.kind != "plan" and not self.read_only
        for action in (self.up_action, self.down_action, self.move_action):
            action.setEnabled(movable)
        self.rename_action.setEnabled(ref is not None and not self.read_only)
        self.delete_action.setEnabled(movable)

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.context.db, "read_only", False))

    # -- loading ----------------------------------------------------------------------------
    def set_plan(self, plan_id: int | None) -> None:
        first = plan_id != self.plan_id
        self.plan_id = plan_id
        self.reload(expand_default=first)

    def reload(self, select: NodeRef | None = None, *, expand_default: bool = False) -> None:
        keep = select or self.current_ref()
        expanded = set() if expand_default else self._expanded()
        tree = plan_service.plan_tree(self.context.db, self.plan_id) if self.plan_id else None
        self.model.read_only = self.read_only
        self.model.set_tree(tree)
        self.panel.set_read_only(self.read_only)
        if expand_default or not expanded:
            self.view.expandToDepth(2)
        else:
            for ref in expanded:
                self.view.setExpanded(self.model.index_of(ref), True)
        target = self.model.index_of(keep) if keep else None
        if target is None or not target.isValid():
            target = self.model.index(0, 0)
        if target.isValid():
            self.view.selectionModel().setCurrentIndex(
                target,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(target)
        self._on_current()

    def _expanded(self) -> set[NodeRef]:
        found, stack = set(), [self.model.index(0, 0)]
        while stack:
            index = stack.pop()
            if not index.isValid():
                continue
            if self.view.isExpanded(index):
                found.add(index.data(NODE_ROLE))
            stack.extend(self.model.index(r, 0, index) for r in range(self.model.rowCount(index)))
        return found

    def current_ref(self) -> NodeRef | None:
        index = self.view.currentIndex()
        return index.siblingAtColumn(0).data(NODE_ROLE) if index.isValid() else None

    def current_node(self):
        return self.model.node(self.view.currentIndex().siblingAtColumn(0))

    def _on_current(self) -> None:
        ref, shown = self.current_ref(), self.panel.ref
        if self._reverting:
            return  # back on the node whose edits the user kept: the panel still holds them
        if shown is not None and ref != shown and self.panel.is_dirty():
            if not confirm_leave(self, [self.panel]):
                self._select_later(shown)  # after the view's own handling of the click
                return
            if not self.panel.is_dirty():  # saved: the tree shows the new values
                QTimer.singleShot(0, lambda: self._after_save(ref))
        self.panel.show_node(ref, self.current_node())
        self._update_actions()

    def _select_later(self, ref: NodeRef) -> None:
        def back() -> None:
            index = self.model.index_of(ref)
            if not index.isValid():
                return
            self._reverting = True
            try:
                self.view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            finally:
                self._reverting = False
            self._update_actions()

        QTimer.singleShot(0, back)

    def unsaved_editors(self) -> list:
        """What the main window asks about before quitting or leaving the page."""
        return [self.panel]

    def _after_save(self, ref: NodeRef) -> None:
        self.reload(select=ref)
        self.changed.emit()

    # -- editing ----------------------------------------------------------------------------
    def _call(self, write, *args) -> bool:
        try:
            write(self.context.db, *args)
        except ValidationError as error:
            show_error(self, error.message)
            return False
        return True

    def _parent_for(self, kind: str) -> NodeRef | None:
        """The selected node or its nearest ancestor that may hold a ``kind``."""
        index = self.view.currentIndex().siblingAtColumn(0)
        while index.isValid():
            ref = index.data(NODE_ROLE)
            if kind in CHILD_KINDS[ref.kind]:
                return ref
            index = index.parent()
        root = self.model.index(0, 0).data(NODE_ROLE)
        return root if root and kind in CHILD_KINDS["plan"] else None

    def add_next(self) -> None:
        ref = self.current_ref() or (self.model.index(0, 0).data(NODE_ROLE))
        if ref is not None:
            self.add(NEXT_KIND.get(ref.kind, ref.kind))

    def add(self, kind: str) -> NodeRef | None:
        parent = self._parent_for(kind)
        if parent is None:
            show_error(self, _("Choisissez d'abord une orientation."))
            return None
        position = None
        current = self.current_ref()
        if current is not None and current.kind == kind and current != parent:
            position = self._position(current) + 1  # right after the selected sibling
        try:
            ref = plan_editing.add_node(self.context.db, kind, parent, position=position)
        except ValidationError as error:
            show_error(self, error.message)
            return None
        self.reload(select=ref)
        self.view.setExpanded(self.model.index_of(parent), True)
        self.view.edit(self.model.index_of(ref))
        self.changed.emit()
        return ref

    def rename_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index.siblingAtColumn(0))

    def _rename(self, ref: NodeRef, title: str) -> bool:
        if not self._call(plan_editing.rename, ref, title):
            return False
        QTimer.singleShot(0, lambda: self._after_save(ref))
        return True

    def _siblings(self, ref: NodeRef) -> tuple[NodeRef, list[NodeRef]]:
        parent = self.model.index_of(ref).parent()
        parent_ref = parent.data(NODE_ROLE)
        node = self.model.node(parent)
        return parent_ref, [NodeRef(c.kind, c.id) for c in node.children if c.kind == ref.kind]

    def _position(self, ref: NodeRef) -> int:
        return self._siblings(ref)[1].index(ref)

    def shift(self, step: int) -> None:
        """Move the selected node one place up (-1) or down (+1) among its kind."""
        ref = self.current_ref()
        if ref is None or ref.kind == "plan":
            return
        parent, siblings = self._siblings(ref)
        position = siblings.index(ref) + step
        if 0 <= position < len(siblings) and self._call(plan_editing.move, ref, parent, position):
            self.reload(select=ref)
            self.changed.emit()

    def move_under(self) -> MoveDialog | None:
        """« Déplacer sous… »: choose the new parent in a list; the node goes last there."""
        ref = self.current_ref()
        if ref is None or ref.kind == "plan":
            return None
        places = plan_editing.move_targets(self.context.db, ref)
        parent, _siblings = self._siblings(ref)
        dialog = MoveDialog(self.current_node().title, places, parent, self)
        dialog.choose(parent)
        dialog.accepted.connect(lambda: self._chosen_place(ref, parent, dialog.chosen()))
        dialog.open()
        return dialog

    def _chosen_place(self, ref: NodeRef, parent: NodeRef, chosen: NodeRef | None) -> None:
        if chosen is not None and chosen != parent:
            self.move_to(ref, chosen)

    def move_to(self, ref: NodeRef, parent: NodeRef, position: int | None = None) -> bool:
        if not self._call(plan_editing.move, ref, parent, position):
            return False
        self.reload(select=ref)
        self.view.setExpanded(self.model.index_of(parent), True)
        self.changed.emit()
        return True

    def _move_from_drop(self, ref: NodeRef, parent: NodeRef, position: int | None) -> bool:
        if not self._call(plan_editing.move, ref, parent, position):
            return False
        # The view is still handling the drop: rebuild the tree once it is done.
        QTimer.singleShot(0, lambda: self._after_drop(ref, parent))
        return True

    def _after_drop(self, ref: NodeRef, parent: NodeRef) -> None:
        self.reload(select=ref)
        self.view.setExpanded(self.model.index_of(parent), True)
        self.changed.emit()

    def delete_current(self) -> None:
        ref, node = self.current_ref(), self.current_node()
        if ref is None or ref.kind == "plan":
            return
        beneath = sum(1 for _n in node.walk()) - 1
        question = _("Supprimer « {title} » ?").format(title=node.title)
        if beneath:
            question += "\n" + _("Les {n} éléments qu'il contient seront aussi supprimés.").format(
                n=beneath
            )
        answer = QMessageBox.question(self, _("Supprimer"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        parent = self.model.index_of(ref).parent().data(NODE_ROLE)
        if self._call(plan_editing.delete, ref):
            self.reload(select=parent)
            self.changed.emit()
