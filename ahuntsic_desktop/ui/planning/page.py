"""Démarche de planification: a démarche chosen in a combo, created, changed or deleted
from the toolbar; its figures; its activities, the fast entry of their contributions, its
phases, its frame and its syntheses in tabs, each list opening its record with Enter or a
double-click; the contributions' workbook round trip; the summary printed as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_date, format_number, ngettext
from ...services import planning
from ...services.core.errors import ValidationError
from ...services.core.listing import Table
from ..context import Context
from ..errors import show_error
from ..pages.base import Page
from ..plan.documents import PDF_FILTER, save_file
from ..registry.common import status
from ..widgets.files import document_name
from ..widgets.flow_layout import FlowLayout
from ..widgets.forms import fill_combo
from ..widgets.list_view import ListView
from ..widgets.unsaved import confirm_leave
from .activity_dialog import ActivityDialog
from .common import ListPanel, confirm_delete, open_on_enter
from .contribution_dialog import ContributionDialog
from .contribution_grid import ContributionGrid
from .phase_dialog import PhaseDialog
from .process_dialogs import ProcessDialog, SectionDialog
from .roundtrip_dialog import choose_workbook, export_contributions, preview_workbook
from .synthesis_dialog import SynthesisDialog
from .vocabulary_dialog import VocabularyDialog


class PlanningPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Démarche de planification")
        super().__init__(context, parent)
        self.dialog: QDialog | None = None
        self.process_combo = QComboBox(self)
        self.process_combo.setObjectName("processChoice")
        self.process_combo.setMinimumWidth(240)
        self.print_button = QPushButton(_("Résumé de la démarche (PDF)…"), self)
        self.print_button.setObjectName("printSummary")
        self.toolbar.addWidget(self.process_combo)
        self.toolbar.addWidget(self.print_button)
        self.buttons: dict[str, QPushButton] = {}
        actions = FlowLayout()  # wraps on a narrow screen
        for name, text in (
            ("newProcess", _("Nouvelle démarche…")),
            ("editProcess", _("Modifier la démarche…")),
            ("deleteProcess", _("Supprimer la démarche")),
            ("vocabularies", _("Types et thèmes…")),
            ("exportContributions", _("Exporter les contributions…")),
            ("importContributions", _("Importer les contributions…")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            self.buttons[name] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.layout_.addLayout(actions)
        self.figures = QLabel(self)
        self.figures.setObjectName("processFigures")
        self.figures.setWordWrap(True)
        self.layout_.addWidget(self.figures)
        self.tabs = QTabWidget(self)
        self.layout_.addWidget(self.tabs, 1)

        self.activity_panel = ListPanel("activities", _("Nouvelle activité…"), self.tabs)
        self.activities: ListView = self.activity_panel.list
        self.enter_button = QPushButton(_("Saisir ses contributions"), self.activity_panel)
        self.enter_button.setObjectName("enterContributions")
        self.activity_panel.layout().itemAt(0).layout().insertWidget(3, self.enter_button)
        self.tabs.addTab(self.activity_panel, _("Activités"))
        self.tabs.addTab(self._entry_tab(), _("Saisie des contributions"))
        self.phase_panel = ListPanel("phases", _("Nouvelle phase…"), self.tabs)
        self.tabs.addTab(self.phase_panel, _("Phases"))
        self.section_panel = ListPanel("sections", _("Nouvelle section…"), self.tabs)
        self.tabs.addTab(self.section_panel, _("Cadre de travail"))
        self.synthesis_panel = ListPanel("syntheses", _("Nouvelle synthèse…"), self.tabs)
        self.tabs.addTab(self.synthesis_panel, _("Synthèses et éléments saillants"))
        self.panels = {
            "activities": (self.activity_panel, planning.activities_table, ActivityDialog,
                           planning.delete_activity, _("cette activité, ses participant·es et "
                                                       "ses contributions")),
            "phases": (self.phase_panel, planning.phases_table, PhaseDialog,
                       planning.delete_phase, _("cette phase")),
            "sections": (self.section_panel, planning.sections_table, SectionDialog,
                         planning.delete_section, _("cette section du cadre")),
            "syntheses": (self.synthesis_panel, planning.syntheses_table, SynthesisDialog,
                          planning.delete_synthesis, _("cette synthèse")),
        }  # fmt: skip
        self._connect()

    def _entry_tab(self) -> QWidget:
        entry = QWidget(self.tabs)
        self.activity_combo = QComboBox(entry)
        self.activity_combo.setObjectName("activityChoice")
        self.grid = ContributionGrid(self._save_rows, entry)
        self.contributions = ListView(entry)
        form = QFormLayout()
        form.addRow(_("Activité"), self.activity_combo)
        layout = QVBoxLayout(entry)
        layout.addLayout(form)
        layout.addWidget(QLabel(_("Nouvelles contributions : Tab pour la cellule suivante, "
                                  "Entrée pour la contribution suivante."), entry))  # fmt: skip
        layout.addWidget(self.grid, 2)
        layout.addWidget(QLabel(_("Contributions enregistrées"), entry))
        layout.addWidget(self.contributions, 3)
        return entry

    def _connect(self) -> None:
        self.process_combo.currentIndexChanged.connect(lambda _i: self._show_process())
        self.activity_combo.currentIndexChanged.connect(lambda _i: self._activity_chosen())
        self.grid.saved.connect(lambda _n: self._after_save())
        self.contributions.activated.connect(self.open_contribution)
        open_on_enter(self.contributions.view, self._open_current_contribution)
        self.print_button.clicked.connect(self.print_summary)
        self.enter_button.clicked.connect(self._enter_current)
        b = self.buttons
        b["newProcess"].clicked.connect(lambda: self.edit_process(None))
        b["editProcess"].clicked.connect(lambda: self.edit_process(self.process_id()))
        b["deleteProcess"].clicked.connect(self.delete_process)
        b["vocabularies"].clicked.connect(self.edit_vocabularies)
        b["exportContributions"].clicked.connect(self.export_contributions)
        b["importContributions"].clicked.connect(lambda: self.import_contributions())
        for kind, (panel, *_rest) in self.panels.items():
            panel.opened.connect(lambda record_id, kind=kind: self.open_record(kind, record_id))
            panel.add_requested.connect(lambda kind=kind: self.open_record(kind, None))
            panel.delete_requested.connect(
                lambda record_id, kind=kind: self.delete(kind, record_id)
            )

    def unsaved_editors(self) -> list:
        return [self.grid]

    def process_id(self) -> int | None:
        return self.process_combo.currentData()

    def activity_id(self) -> int | None:
        return self.activity_combo.currentData()

    def refresh(self, select: int | None = None) -> None:
        lines = planning.list_processes(self.context.db)
        fill_combo(
            self.process_combo,
            [(p.id, p.title) for p in lines],
            select or self.process_id() or (lines[0].id if lines else None),
        )
        self._show_process()

    def _show_process(self) -> None:
        process_id = self.process_id()
        writable = process_id is not None and not self.context.db.read_only
        self.print_button.setEnabled(process_id is not None)
        self.grid.setEnabled(writable)
        self.buttons["newProcess"].setEnabled(not self.context.db.read_only)
        for name in ("editProcess", "exportContributions"):
            self.buttons[name].setEnabled(process_id is not None)
        for name in ("deleteProcess", "importContributions"):
            self.buttons[name].setEnabled(writable)
        self.tabs.setEnabled(process_id is not None)
        if process_id is None:
            self.figures.setText(_("Aucune démarche de planification n'est enregistrée."))
            for panel, *_rest in self.panels.values():
                panel.set_table(Table(columns=[]), False)
            return
        self._show_figures(process_id)
        for panel, table, *_rest in self.panels.values():
            panel.set_table(table(self.context.db, process_id), writable)
        table = self.activities.model.table
        current = self.activity_id()
        fill_combo(
            self.activity_combo,
            [(i, f"{row[0].isoformat()} — {row[1]}") for i, row in zip(table.ids, table.rows,
                                                                         strict=True)],
            current if current in table.ids else None,
        )  # fmt: skip
        self._show_contributions()

    def _show_figures(self, process_id: int) -> None:
        summary = planning.process_summary(self.context.db, process_id)
        end = format_date(summary.end_date) if summary.end_date else _("en cours")
        self.figures.setText(
            _(
                "Du {start} au {end} — {activities} activités, {participants} participant·es "
                "distinct·es, {contributions} contributions."
            ).format(
                start=format_date(summary.start_date),
                end=end,
                activities=format_number(len(summary.activities)),
                participants=format_number(summary.participants),
                contributions=format_number(summary.contributions),
            )
        )

    def _activity_chosen(self) -> None:
        """Another activity: typed contributions belong to the one shown, so ask first
        (« Enregistrer » writes them to it), and stay on it when the user cancels."""
        chosen, shown = self.activity_id(), getattr(self, "_shown_activity", None)
        if chosen != shown and shown is not None and self.grid.is_dirty():
            combo = self.activity_combo
            with QSignalBlocker(combo):
                combo.setCurrentIndex(combo.findData(shown))
                if not confirm_leave(self, [self.grid]):
                    return
                combo.setCurrentIndex(combo.findData(chosen))
        self._show_contributions()

    def _show_contributions(self) -> None:
        self._shown_activity = self.activity_id()
        process_id, activity_id = self.process_id(), self.activity_id()
        self.grid.setEnabled(activity_id is not None and not self.context.db.read_only)
        if process_id is None or activity_id is None:
            self.contributions.set_table(Table(columns=[]))
            return
        self.contributions.set_table(
            planning.contributions_table(
                self.context.db, process_id, activity_id, self.context.today()
            )
        )

    # -- records ------------------------------------------------------------------------
    def _open(self, dialog: QDialog, on_saved) -> QDialog:
        """Show ``dialog`` window-modal (no nested event loop); reload after a save."""
        self.dialog = dialog

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted or getattr(dialog, "record_id", None):
                on_saved(dialog)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def edit_process(self, process_id: int | None) -> QDialog:
        dialog = ProcessDialog(self.context, process_id, self)
        return self._open(dialog, lambda d: self.refresh(select=d.record_id))

    def delete_process(self) -> None:
        process_id = self.process_id()
        if process_id is None or not confirm_delete(
            self, _("la démarche « {title} » avec ses phases, activités, contributions et "
                    "synthèses").format(title=self.process_combo.currentText())
        ):  # fmt: skip
            return
        self._run(planning.delete_process, process_id)
        self.process_combo.setCurrentIndex(-1)
        self.refresh()

    def open_record(self, kind: str, record_id: int | None) -> QDialog | None:
        process_id = self.process_id()
        if process_id is None:
            return None
        panel, _table, dialog_class, *_rest = self.panels[kind]
        dialog = dialog_class(self.context, process_id, record_id, self)

        def saved(d) -> None:
            self._show_process()
            if d.record_id is not None:
                panel.select_id(d.record_id)

        return self._open(dialog, saved)

    def delete(self, kind: str, record_id: int) -> None:
        *_first, delete, what = self.panels[kind]
        if confirm_delete(self, what) and self._run(delete, record_id):
            self._show_process()

    def _run(self, function, *args) -> bool:
        try:
            function(self.context.db, *args)
        except ValidationError as error:
            show_error(self, error.message)
            return False
        return True

    def edit_vocabularies(self) -> QDialog:
        dialog = VocabularyDialog(self.context, self)
        return self._open(dialog, lambda _d: None)

    # -- contributions ------------------------------------------------------------------
    def open_contribution(self, contribution_id: int) -> QDialog:
        dialog = ContributionDialog(self.context, contribution_id, self)
        return self._open(dialog, lambda _d: self._after_save())

    def _open_current_contribution(self) -> None:
        index = self.contributions.view.currentIndex()
        if index.isValid():
            record_id = self.contributions.model.row_id(
                self.contributions.proxy.mapToSource(index).row()
            )
            if record_id is not None:
                self.open_contribution(record_id)

    def _enter_current(self) -> None:
        record_id = self.activity_panel.current_id()
        if record_id is not None:
            self.enter_contributions(record_id)

    def enter_contributions(self, activity_id: int) -> None:
        """Opens the fast entry of an activity's contributions."""
        index = self.activity_combo.findData(activity_id)
        if index >= 0:
            self.activity_combo.setCurrentIndex(index)
        self.tabs.setCurrentIndex(1)
        self.grid.table.setFocus()

    def _save_rows(self, rows):
        activity_id = self.activity_id()
        if activity_id is None:
            return None
        try:
            return planning.add_contributions(
                self.context.db, activity_id, rows, self.context.today(), create_themes=True
            )
        except ValidationError as error:
            show_error(self, error.message)
            return None

    def _after_save(self) -> None:
        activity_id = self.activity_id()
        self._show_process()
        index = self.activity_combo.findData(activity_id)
        if index >= 0:
            self.activity_combo.setCurrentIndex(index)

    def export_contributions(self) -> Path | None:
        process_id = self.process_id()
        if process_id is None:
            return None
        return export_contributions(
            self, self.context, process_id, self.process_combo.currentText()
        )

    def import_contributions(self, path: Path | None = None) -> QDialog | None:
        path = path or choose_workbook(self, self.context)
        dialog = preview_workbook(self, self.context, path) if path else None
        if dialog is None:
            return None

        def applied(d) -> None:
            self._show_process()
            status(
                self,
                ngettext(
                    "{n} contribution mise à jour.", "{n} contributions mises à jour.", d.count
                ).format(n=d.count),
            )

        return self._open(dialog, applied)  # fmt: skip

    def print_summary(self) -> Path | None:
        process_id = self.process_id()
        if process_id is None:
            return None

        def write(path: Path) -> Path:
            from ...exports.pdf.demarche import write_summary

            return write_summary(self.context.db, process_id, path, self.context.today())

        name = document_name(
            [_("demarche"), self.process_combo.currentText(), self.context.today()], ".pdf"
        )
        return save_file(
            self, self.context, _("Résumé de la démarche (PDF)"), name, PDF_FILTER, write
        )
