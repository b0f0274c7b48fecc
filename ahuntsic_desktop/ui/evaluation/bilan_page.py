"""Bilan: the evaluation of an ending plan. A plan to choose, then its démarches intégrées,
projets phares, the evolution of its orientations, and the table's timeline."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ...services import evaluation
from ...services.core.errors import ValidationError
from ...services.plan import plans as plan
from ..context import Context
from ..errors import show_error
from ..pages.base import ListTab, TabbedListPage
from .coverage_view import CoverageView
from .dialogs import EventDialog, WorkDialog
from .evolution_view import EvolutionView
from .texts_view import ChantierEvaluationView, SectionsView


class _ListWithButtons(QWidget):
    """A list with « Ajouter », « Modifier » and « Supprimer » above it."""

    def __init__(self, loader, add, edit, delete, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = ListTab(loader, self)
        self.add_button = QPushButton(_("Ajouter…"), self)
        self.edit_button = QPushButton(_("Modifier…"), self)
        self.delete_button = QPushButton(_("Supprimer"), self)
        self.add_button.clicked.connect(lambda _checked=False: add())
        self.edit_button.clicked.connect(lambda _checked=False: self._with_selection(edit))
        self.delete_button.clicked.connect(lambda _checked=False: self._with_selection(delete))
        self.list.activated.connect(edit)
        bar = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.list, 1)

    def _with_selection(self, action) -> None:
        ids = self.list.selected_ids()
        if not ids:
            show_error(self, _("Choisissez d'abord une ligne de la liste."))
            return
        action(ids[0])

    def refresh(self) -> None:
        self.list.refresh()


class BilanPage(TabbedListPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Bilan du plan")
        super().__init__(context, parent)
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("bilanPlan")
        self.plan_combo.setMinimumWidth(300)
        self.toolbar.addWidget(self.plan_combo)
        self.works = {}
        for kind, title in ((evaluation.APPROACH, _("Démarches intégrées")),
                            (evaluation.PROJECT, _("Projets phares"))):  # fmt: skip
            tab = _ListWithButtons(
                lambda k=kind: evaluation.works_table(context.db, self.plan_id(), k),
                lambda k=kind: self.edit_work(k, None),
                lambda work_id, k=kind: self.edit_work(k, work_id),
                lambda work_id, k=kind: self.delete_work(k, work_id),
                self.tabs,
            )
            self.works[kind] = tab
            self.tabs.addTab(tab, title)
        self.evolution = EvolutionView(context, self.tabs)
        self.tabs.addTab(self.evolution, _("Évolution des orientations"))
        self.chantier_evaluation = ChantierEvaluationView(context, self.tabs)
        self.tabs.addTab(self.chantier_evaluation, _("Évaluation des chantiers"))
        self.sections = SectionsView(context, self.tabs)
        self.tabs.addTab(self.sections, _("Évaluation globale"))
        self.timeline = _ListWithButtons(
            lambda: evaluation.timeline_table(context.db),
            lambda: self.edit_event(None),
            self.edit_event,
            self.delete_event,
            self.tabs,
        )
        self.tabs.addTab(self.timeline, _("Ligne du temps"))
        self.coverage = CoverageView(context, self.tabs)
        self.tabs.addTab(self.coverage, _("Couverture du nouveau plan"))
        self.plan_combo.currentIndexChanged.connect(lambda _i: self.refresh(keep_plans=True))

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
            if index < 0:
                try:
                    index = self.plan_combo.findData(evaluation.evaluated_plan_id(self.context.db))
                except ValidationError:
                    index = 0
            self.plan_combo.setCurrentIndex(max(index, 0))
            self.plan_combo.blockSignals(False)
        for tab in (*self.works.values(), self.timeline):
            tab.refresh()
        self.evolution.set_plan(self.plan_id())
        self.chantier_evaluation.set_plan(self.plan_id())
        self.sections.set_plan(self.plan_id())
        if not keep_plans:
            self.coverage.refresh()

    def edit_work(self, kind: str, work_id: int | None) -> None:
        if self.plan_id() is None:
            show_error(self, _("Créez d'abord un plan d'action."))
            return
        if WorkDialog(self.context, self.plan_id(), kind, work_id, self).exec():
            self.works[kind].refresh()

    def delete_work(self, kind: str, work_id: int) -> None:
        if self._confirm(_("Supprimer cet élément et son évaluation ?")):
            evaluation.delete_work(self.context.db, kind, work_id)
            self.works[kind].refresh()

    def edit_event(self, event_id: int | None) -> None:
        if EventDialog(self.context, event_id, self).exec():
            self.timeline.refresh()

    def delete_event(self, event_id: int) -> None:
        if self._confirm(_("Supprimer cet événement de la ligne du temps ?")):
            evaluation.delete_event(self.context.db, event_id)
            self.timeline.refresh()

    def _confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, _("Supprimer"), question)
        return answer == QMessageBox.StandardButton.Yes
