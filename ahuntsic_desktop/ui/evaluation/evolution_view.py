"""The evolution of a plan's orientations: a grid with one row per orientation and one
column per year, coloured by status; a status is set for the selected cells, or the grid is
filled from the journal."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import PlanStatus
from ...domain.labels import choices, label
from ...i18n import _, ngettext
from ...services import evaluation
from ...services.core.errors import ValidationError
from ...services.evaluation import EvolutionGrid
from ..errors import show_error

MARKS = {  # the same letters as the bilan-global PDF's year grid
    PlanStatus.TODO.value: "·",
    PlanStatus.IN_PROGRESS.value: "E",
    PlanStatus.DONE.value: "R",
    PlanStatus.ABANDONED.value: "A",
}
FIRST_YEAR_COLUMN = 2  # chantier, orientation, then one column per year
COLORS = {
    PlanStatus.TODO.value: "#d9dee4",
    PlanStatus.IN_PROGRESS.value: "#f6d58a",
    PlanStatus.DONE.value: "#9fd3b5",
    PlanStatus.ABANDONED.value: "#f2a7a0",
}


class EvolutionModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grid: EvolutionGrid | None = None

    def set_grid(self, grid: EvolutionGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.grid is None else len(self.grid.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self.grid is None:
            return 0
        return len(self.grid.years) + FIRST_YEAR_COLUMN

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or self.grid is None:
            return None
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section < FIRST_YEAR_COLUMN:
            return (_("Chantier"), _("Orientation"))[section]
        return str(self.grid.years[section - FIRST_YEAR_COLUMN])

    def status(self, row: int, column: int) -> str | None:
        if column < FIRST_YEAR_COLUMN:
            return None
        return self.grid.rows[row].statuses[column - FIRST_YEAR_COLUMN]

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.grid is None:
            return None
        row, column = index.row(), index.column()
        if column < FIRST_YEAR_COLUMN:
            if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return None
            current = self.grid.rows[row]
            if column == 1:
                return current.title
            first = row == 0 or self.grid.rows[row - 1].chantier != current.chantier
            return current.chantier if first or role == Qt.ItemDataRole.ToolTipRole else ""
        status = self.status(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and status:
            return QBrush(QColor(COLORS[status]))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and status:
            text = label(status, PlanStatus)
            return MARKS[status] if role == Qt.ItemDataRole.DisplayRole else text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None


class EvolutionView(QWidget):
    changed = Signal()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan_id: int | None = None
        self.model = EvolutionModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("evolution")
        self.view.setModel(self.model)
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        for value, text in choices(PlanStatus):
            self.status.addItem(text, value)
        self.apply_button = QPushButton(_("Appliquer aux cases choisies"), self)
        self.apply_button.clicked.connect(self.apply_status)
        self.fill_button = QPushButton(_("Remplir depuis le journal"), self)
        self.fill_button.setToolTip(
            _("Propose un statut par année d'après l'historique des moyens et des cibles ; "
              "les statuts saisis à la main sont gardés.")
        )  # fmt: skip
        self.fill_button.clicked.connect(self.fill_from_journal)
        self.summary = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Statut :"), self))
        bar.addWidget(self.status)
        bar.addWidget(self.apply_button)
        bar.addStretch(1)
        bar.addWidget(self.fill_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def set_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        self.refresh()

    def refresh(self) -> None:
        grid = evaluation.evolution_grid(self.context.db, self.plan_id) if self.plan_id else None
        self.model.set_grid(grid)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 230)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in range(FIRST_YEAR_COLUMN, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, 46)
        filled = sum(1 for row in grid.rows for s in row.statuses if s) if grid else 0
        self.summary.setText(
            ngettext("{n} statut annuel saisi", "{n} statuts annuels saisis", filled).format(
                n=filled
            )
        )

    def apply_status(self) -> None:
        cells = [
            i for i in self.view.selectionModel().selectedIndexes()
            if i.column() >= FIRST_YEAR_COLUMN
        ]  # fmt: skip
        if not cells:
            show_error(self, _("Choisissez d'abord une ou plusieurs années dans la grille."))
            return
        try:
            for index in cells:
                row = self.model.grid.rows[index.row()]
                year = self.model.grid.years[index.column() - FIRST_YEAR_COLUMN]
                evaluation.set_year_status(
                    self.context.db, row.orientation_id, year, self.status.currentData()
                )
        except ValidationError as error:
            show_error(self, error.message)
        self.refresh()
        self.changed.emit()

    def fill_from_journal(self) -> None:
        if self.plan_id is None:
            return
        count = evaluation.fill_from_journal(self.context.db, self.plan_id, self.context.today())
        self.refresh()
        self.changed.emit()
        QMessageBox.information(
            self,
            _("Remplir depuis le journal"),
            ngettext(
                "{n} statut annuel tiré du journal.", "{n} statuts annuels tirés du journal.",
                count,
            ).format(n=count)
            if count
            else _("Le journal ne propose aucun nouveau statut pour ce plan."),
        )  # fmt: skip
