"""The body of the Chantiers page: a plan to choose, its chantiers in a list beside the
selected chantier's page, and the participation matrix in a second tab."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSplitter, QWidget

from ...i18n import _
from ...services.core.listing import Table
from ...services.plan import plans as plan
from ..context import Context
from ..pages.base import ListTab, TabbedListPage
from .chantier_view import ChantierView
from .matrix_view import MatrixView


class ChantierBrowser(TabbedListPage):
    """Subclasses say how to list the chosen plan's chantiers (``load_chantiers``)."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Chantiers")
        super().__init__(context, parent)
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("chantierPlan")
        self.plan_combo.setMinimumWidth(300)
        self.toolbar.addWidget(self.plan_combo)
        self.chantiers = ListTab(self.load_chantiers, self)
        self.lists.append(self.chantiers)
        self.detail = ChantierView(context, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.chantiers)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([460, 640])
        self.tabs.addTab(splitter, _("Chantiers"))
        self.matrix = MatrixView(context, self)
        self.tabs.addTab(self.matrix, _("Matrice de participation"))
        self.plan_combo.currentIndexChanged.connect(lambda _i: self.refresh(keep_plans=True))
        self.chantiers.view.selectionModel().currentRowChanged.connect(
            lambda *_a: self._show_current()
        )
        self.detail.changed.connect(self._after_roster_change)

    def load_chantiers(self) -> Table:  # pragma: no cover - overridden
        raise NotImplementedError

    def plan_id(self) -> int | None:
        return self.plan_combo.currentData()

    def refresh(self, *, keep_plans: bool = False) -> None:
        if not keep_plans:
            selected = self.plan_combo.currentData()
            self.plan_combo.blockSignals(True)
            self.plan_combo.clear()
            for summary in plan.list_plans(self.context.db):
                self.plan_combo.addItem(summary.title, summary.id)
            index = self.plan_combo.findData(selected)
            self.plan_combo.setCurrentIndex(index if index >= 0 else 0)
            self.plan_combo.blockSignals(False)
        shown = self.detail.chantier_id
        super().refresh()
        self.matrix.set_plan(self.plan_id())
        view = self.chantiers.view
        view.setColumnHidden(0, True)  # the plan: chosen above
        header = view.horizontalHeader()
        if header.count() > 2 and header.visualIndex(2) != 1:
            header.moveSection(header.visualIndex(2), 1)  # the chantier's name first
        if self.chantiers.columns.auto:
            self.chantiers.columns.fit()  # within the list's width, beside the chantier
        self.select_chantier(shown)

    def select_chantier(self, chantier_id: int | None) -> None:
        """Select ``chantier_id`` in the list (the first one when it is not there)."""
        model, proxy = self.chantiers.model, self.chantiers.proxy
        row = next(
            (r for r in range(model.rowCount()) if model.row_id(r) == chantier_id),
            0 if model.rowCount() else None,
        )
        if row is None:
            self.detail.show_chantier(None)
            return
        index = proxy.mapFromSource(model.index(row, 2))  # the name, shown first
        self.chantiers.view.setCurrentIndex(index)
        self._show_current(force=True)

    def _show_current(self, *, force: bool = False) -> None:
        index = self.chantiers.view.currentIndex()
        chantier_id = None
        if index.isValid():
            chantier_id = self.chantiers.model.row_id(self.chantiers.proxy.mapToSource(index).row())
        if force or chantier_id != self.detail.chantier_id or chantier_id is None:
            self.detail.show_chantier(chantier_id)

    def _after_roster_change(self) -> None:
        shown = self.detail.chantier_id
        self.chantiers.refresh()
        self.matrix.refresh()
        self.select_chantier(shown)
