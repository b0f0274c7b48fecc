"""The action plan as a tree: pillars, chantiers, orientations, means and targets."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QProgressBar, QTreeWidget, QTreeWidgetItem, QWidget

from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import label
from ...i18n import _, format_percent
from ...services import plan
from .base import Context, Page


class PlanPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Plan d'action")
        super().__init__(context, parent)
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("planChoice")
        self.plan_combo.setMinimumWidth(320)
        self.toolbar.addWidget(self.plan_combo)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([_("Élément"), _("Statut"), _("Évaluation"), _("Avancement")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().resizeSection(0, 560)
        self.tree.header().resizeSection(1, 110)
        self.tree.header().resizeSection(2, 170)
        self.layout_.addWidget(self.tree, 1)
        self.plan_combo.currentIndexChanged.connect(lambda _i: self._show_plan())

    def refresh(self) -> None:
        selected = self.plan_combo.currentData()
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for summary in plan.list_plans(self.context.db):
            self.plan_combo.addItem(summary.title, summary.id)
        index = self.plan_combo.findData(selected)
        self.plan_combo.setCurrentIndex(index if index >= 0 else 0)
        self.plan_combo.blockSignals(False)
        self._show_plan()

    def _show_plan(self) -> None:
        self.tree.clear()
        plan_id = self.plan_combo.currentData()
        if plan_id is None:
            return
        root = plan.plan_tree(self.context.db, plan_id)
        self._add_children(self.tree.invisibleRootItem(), root)
        self.tree.expandToDepth(1)

    def _add_children(self, parent_item: QTreeWidgetItem, node) -> None:
        for child in node.children:
            text = f"{child.number}  {child.title}" if child.number else child.title
            item = QTreeWidgetItem(
                [
                    text,
                    label(child.status, PlanStatus) if child.status else "",
                    label(child.evaluation, Evaluation) if child.evaluation else "",
                    format_percent(child.progress) if child.progress is not None else "",
                ]
            )
            item.setToolTip(0, child.title)
            parent_item.addChild(item)
            if child.progress is not None and child.kind in ("pillar", "chantier", "orientation"):
                bar = QProgressBar()
                bar.setRange(0, 100)
                bar.setValue(round(child.progress * 100))
                bar.setFormat(format_percent(child.progress))
                bar.setMaximumHeight(16)
                self.tree.setItemWidget(item, 3, bar)
            self._add_children(item, child)
