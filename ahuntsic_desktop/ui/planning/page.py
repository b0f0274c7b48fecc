"""Démarche de planification: a démarche chosen in a combo, its figures, its activities,
and the fast entry of an activity's contributions; the summary printed as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_date, format_number
from ...services import planning
from ...services.core.errors import ValidationError
from ...services.core.listing import Table
from ..context import Context
from ..errors import show_error
from ..pages.base import Page
from ..plan.documents import PDF_FILTER, safe_name, save_file
from ..widgets.forms import fill_combo
from ..widgets.list_view import ListView
from .contribution_grid import ContributionGrid


class PlanningPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Démarche de planification")
        super().__init__(context, parent)
        self.process_combo = QComboBox(self)
        self.process_combo.setObjectName("processChoice")
        self.process_combo.setMinimumWidth(340)
        self.print_button = QPushButton(_("Résumé de la démarche (PDF)…"), self)
        self.print_button.setObjectName("printSummary")
        self.toolbar.addWidget(self.process_combo)
        self.toolbar.addWidget(self.print_button)
        self.figures = QLabel(self)
        self.figures.setObjectName("processFigures")
        self.figures.setWordWrap(True)
        self.layout_.addWidget(self.figures)
        self.tabs = QTabWidget(self)
        self.layout_.addWidget(self.tabs, 1)

        self.activities = ListView(self.tabs)
        self.tabs.addTab(self.activities, _("Activités"))

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
        self.tabs.addTab(entry, _("Saisie des contributions"))

        self.process_combo.currentIndexChanged.connect(lambda _i: self._show_process())
        self.activity_combo.currentIndexChanged.connect(lambda _i: self._show_contributions())
        self.activities.activated.connect(self.enter_contributions)
        self.grid.saved.connect(lambda _n: self._after_save())
        self.print_button.clicked.connect(self.print_summary)

    def process_id(self) -> int | None:
        return self.process_combo.currentData()

    def activity_id(self) -> int | None:
        return self.activity_combo.currentData()

    def refresh(self) -> None:
        lines = planning.list_processes(self.context.db)
        fill_combo(
            self.process_combo,
            [(p.id, p.title) for p in lines],
            self.process_id() or (lines[0].id if lines else None),
        )
        self._show_process()

    def _show_process(self) -> None:
        process_id = self.process_id()
        writable = process_id is not None and not self.context.db.read_only
        self.print_button.setEnabled(process_id is not None)
        self.grid.setEnabled(writable)
        if process_id is None:
            self.figures.setText(_("Aucune démarche de planification n'est enregistrée."))
            self.activities.set_table(Table(columns=[]))
            return
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
        table = planning.activities_table(self.context.db, process_id)
        self.activities.set_table(table)
        current = self.activity_id()
        fill_combo(
            self.activity_combo,
            [(i, f"{row[0].isoformat()} — {row[1]}") for i, row in zip(table.ids, table.rows,
                                                                         strict=True)],
            current if current in table.ids else None,
        )  # fmt: skip
        self._show_contributions()

    def _show_contributions(self) -> None:
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

    def enter_contributions(self, activity_id: int) -> None:
        """Double-clicking an activity opens its contributions' entry."""
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

    def print_summary(self) -> Path | None:
        process_id = self.process_id()
        if process_id is None:
            return None

        def write(path: Path) -> Path:
            from ...exports.pdf.demarche import write_summary

            return write_summary(self.context.db, process_id, path)

        name = safe_name(self.process_combo.currentText()) + ".pdf"
        return save_file(
            self, self.context, _("Résumé de la démarche (PDF)"), name, PDF_FILTER, write
        )
