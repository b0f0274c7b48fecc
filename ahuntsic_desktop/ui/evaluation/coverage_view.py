"""Couverture: how the new plan answers the démarche. The issues with no answer yet and the
orientations resting on nothing, and, for the chosen orientation, the issues it answers
(checked to link, unchecked to unlink)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import portrait
from ...services.core.errors import ValidationError
from ...services.plan import plans as plan
from ..widgets.list_view import ListView

ROLE = Qt.ItemDataRole.UserRole


class CoverageView(QWidget):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("coveragePlan")
        self.plan_combo.setMinimumWidth(280)
        self.summary = QLabel(self)
        self.summary.setObjectName("coverageSummary")
        self.summary.setWordWrap(True)
        self.orientations = ListView(self)
        self.orientations.setObjectName("coverageOrientations")
        self.issues = ListView(self)
        self.issues.setObjectName("coverageIssues")
        self.links = QListWidget(self)
        self.links.setObjectName("coverageLinks")
        self.links_title = QLabel(_("Choisissez une orientation pour lier les enjeux."), self)
        self.links_title.setWordWrap(True)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.links_title)
        side_layout.addWidget(self.links, 1)
        top = QSplitter(self)
        top.addWidget(self.orientations)
        top.addWidget(side)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Plan :"), self))
        bar.addWidget(self.plan_combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(top, 3)
        layout.addWidget(QLabel(_("Enjeux et diagnostics du portrait :"), self))
        layout.addWidget(self.issues, 2)
        self.plan_combo.currentIndexChanged.connect(lambda _i: self.show_plan())
        self.orientations.view.selectionModel().selectionChanged.connect(
            lambda *_a: self.show_links()
        )
        self.links.itemChanged.connect(self.toggle)

    def plan_id(self) -> int | None:
        return self.plan_combo.currentData()

    def refresh(self) -> None:
        selected = self.plan_combo.currentData()
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for summary in plan.list_plans(self.context.db):
            self.plan_combo.addItem(summary.title, summary.id)
        if selected is None:
            try:
                selected = portrait.coverage_plan(self.context.db, None, self.context.today())
            except ValidationError:
                selected = None
        self.plan_combo.setCurrentIndex(max(self.plan_combo.findData(selected), 0))
        self.plan_combo.blockSignals(False)
        self.show_plan()

    def show_plan(self) -> None:
        if self.plan_id() is None:
            self.summary.setText(_("Créez d'abord un plan d'action."))
            return
        cover = portrait.coverage(self.context.db, self.plan_id())
        self.summary.setText(
            _("{unanswered} enjeux sur {issues} sans réponse ; {nothing} orientations sur "
              "{orientations} ne reposent sur rien.").format(
                unanswered=len(cover.unanswered_issues), issues=len(cover.issues),
                nothing=len(cover.orientations_on_nothing),
                orientations=len(cover.orientations))
        )  # fmt: skip
        self.orientations.set_table(portrait.coverage_orientations_table(cover))
        self.issues.set_table(portrait.coverage_issues_table(cover))
        self.show_links()

    def show_links(self) -> None:
        ids = self.orientations.selected_ids()
        self.links.blockSignals(True)
        self.links.clear()
        if ids:
            linked = portrait.answers.answers_of(self.context.db, "orientation", ids[0])
            for issue in portrait.list_issues(self.context.db):
                item = QListWidgetItem(issue.title)
                item.setData(ROLE, issue.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = issue.id in linked["issue"]
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                self.links.addItem(item)
            self.links_title.setText(_("Enjeux auxquels répond l'orientation choisie :"))
        self.links.blockSignals(False)

    def toggle(self, item: QListWidgetItem) -> None:
        ids = self.orientations.selected_ids()
        if not ids:
            return
        linked = item.checkState() == Qt.CheckState.Checked
        portrait.set_answer(self.context.db, "orientation", ids[0], "issue", item.data(ROLE),
                            linked)  # fmt: skip
        selected = ids[0]
        self.show_plan()
        self._select_orientation(selected)

    def _select_orientation(self, orientation_id: int) -> None:
        model = self.orientations.model
        for row in range(model.rowCount()):
            if model.row_id(row) == orientation_id:
                index = self.orientations.proxy.mapFromSource(model.index(row, 0))
                self.orientations.view.selectRow(index.row())
                return
