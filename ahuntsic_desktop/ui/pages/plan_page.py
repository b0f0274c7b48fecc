"""Plan d'action: several plans side by side (a combo), each edited as a numbered tree with a
side panel; new plans, import from the template, and the printed documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QMenu, QPushButton, QToolButton, QWidget

from ...i18n import _
from ...services.plan import plans as plan
from ..context import Context
from ..plan.dialogs import NewPlanDialog
from ..plan.documents import PDF_FILTER, XLSX_FILTER, save_file
from ..plan.editor import PlanEditor
from ..plan.import_dialog import ImportPlanDialog
from ..widgets.files import ask_open_path, document_name, xlsx_filter
from ..widgets.unsaved import confirm_leave
from .base import Destination, Page


class PlanPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Plan d'action")
        super().__init__(context, parent)
        self.plan_combo = QComboBox(self)
        self.plan_combo.setObjectName("planChoice")
        self.plan_combo.setMinimumWidth(320)
        self.new_button = QPushButton(_("Nouveau plan…"), self)
        self.new_button.setObjectName("newPlan")
        self.import_button = QPushButton(_("Importer un plan…"), self)
        self.import_button.setObjectName("importPlan")
        self.template_button = QPushButton(_("Télécharger le modèle…"), self)
        self.template_button.setObjectName("downloadTemplate")
        self.print_button = QToolButton(self)
        self.print_button.setObjectName("printPlan")
        self.print_button.setText(_("Imprimer"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.print_button)
        self.handout_action = menu.addAction(_("Plan d'action pour l'assemblée (PDF)…"))
        self.bilan_action = menu.addAction(_("Bilan du plan (PDF)…"))
        self.print_button.setMenu(menu)
        for widget in (
            self.plan_combo,
            self.new_button,
            self.import_button,
            self.template_button,
            self.print_button,
        ):
            self.toolbar.addWidget(widget)
        self.editor = PlanEditor(context, self)
        self.layout_.addWidget(self.editor, 1)
        self.plan_combo.currentIndexChanged.connect(lambda _i: self._show_plan())
        self.new_button.clicked.connect(self.new_plan)
        self.import_button.clicked.connect(self.import_plan)
        self.template_button.clicked.connect(self.download_template)
        self.handout_action.triggered.connect(self.print_handout)
        self.bilan_action.triggered.connect(self.print_bilan)
        self.editor.changed.connect(self._refresh_titles)

    def refresh(self, select: int | None = None) -> None:
        selected = select if select is not None else self.plan_combo.currentData()
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for summary in plan.list_plans(self.context.db):
            self.plan_combo.addItem(f"{summary.title}", summary.id)
        index = self.plan_combo.findData(selected)
        self.plan_combo.setCurrentIndex(index if index >= 0 else 0)
        self.plan_combo.blockSignals(False)
        self._show_plan()

    def _refresh_titles(self) -> None:
        """A plan renamed in the editor: update the combo without reloading the tree."""
        for summary in plan.list_plans(self.context.db):
            index = self.plan_combo.findData(summary.id)
            if index >= 0:
                self.plan_combo.setItemText(index, summary.title)

    def _show_plan(self) -> None:
        plan_id = self.plan_combo.currentData()
        if plan_id != self.editor.plan_id and not confirm_leave(self, self.unsaved_editors()):
            self.plan_combo.blockSignals(True)  # stay on the plan whose edits were kept
            self.plan_combo.setCurrentIndex(self.plan_combo.findData(self.editor.plan_id))
            self.plan_combo.blockSignals(False)
            return
        self.editor.set_plan(plan_id)
        self.print_button.setEnabled(plan_id is not None)
        writable = not self.context.db.read_only
        for widget in (self.new_button, self.import_button):
            widget.setEnabled(writable)

    def unsaved_editors(self) -> list:
        return self.editor.unsaved_editors()

    def show_destination(self, destination: Destination) -> None:
        index = self.plan_combo.findData(destination.record_id)
        if index >= 0:
            self.plan_combo.setCurrentIndex(index)
        self.editor.view.setFocus()

    def current_plan_id(self) -> int | None:
        return self.plan_combo.currentData()

    # -- plans ------------------------------------------------------------------------------
    def new_plan(self) -> NewPlanDialog:
        dialog = NewPlanDialog(self.context, self)
        dialog.accepted.connect(lambda: self.refresh(select=dialog.plan_id))
        dialog.open()
        return dialog

    def import_plan(self) -> None:
        path = ask_open_path(self, _("Importer un plan d'action"), xlsx_filter())
        if path is not None:
            self.open_import(path)

    def open_import(self, path: Path) -> ImportPlanDialog:
        dialog = ImportPlanDialog(self.context, path, self)
        dialog.finished.connect(lambda _r: self._after_import(dialog))
        dialog.open()
        return dialog

    def _after_import(self, dialog: ImportPlanDialog) -> None:
        if dialog.plan_id is not None:
            self.refresh(select=dialog.plan_id)

    def download_template(self) -> Path | None:
        def write(path: Path) -> Path:
            from ...exports.xlsx.plan_template import write_plan_template

            return write_plan_template(path)

        return save_file(
            self, self.context, _("Enregistrer le modèle"), _("modele-plan-d-action.xlsx"),
            XLSX_FILTER, write,
        )  # fmt: skip

    # -- documents --------------------------------------------------------------------------
    def print_handout(self) -> Path | None:
        plan_id = self.current_plan_id()
        if plan_id is None:
            return None

        def write(path: Path) -> Path:
            from ...exports.pdf.plan_handout import write_plan_handout

            return write_plan_handout(self.context.db, plan_id, path, today=self.context.today())

        name = document_name(
            [_("plan-d-action"), self.plan_combo.currentText(), self.context.today()], ".pdf"
        )
        return save_file(self, self.context, _("Plan d'action (PDF)"), name, PDF_FILTER, write)

    def print_bilan(self) -> Path | None:
        plan_id = self.current_plan_id()
        if plan_id is None:
            return None

        def write(path: Path) -> Path:
            from ...exports.pdf.plan_bilan import write_plan_bilan

            return write_plan_bilan(self.context.db, plan_id, path, today=self.context.today())

        name = document_name(
            [_("bilan"), self.plan_combo.currentText(), self.context.today()], ".pdf"
        )
        return save_file(self, self.context, _("Bilan du plan (PDF)"), name, PDF_FILTER, write)
