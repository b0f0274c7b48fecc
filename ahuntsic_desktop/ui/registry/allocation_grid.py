"""The agreement dialog's small grid: the chantiers and projects the agreement funds, one
line each (chantier, project, amount); the service checks they fit in its amount."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_money
from ...services.core import Choice
from ...services.funding.allocations import AllocationLine


class AllocationRow:
    """The widgets of one line."""

    def __init__(self, grid: AllocationGrid, choices: Sequence[Choice]) -> None:
        self.chantier = QComboBox(grid)
        self.chantier.addItem(_("(aucun chantier)"), None)
        for choice in choices:
            self.chantier.addItem(choice.text, choice.value)
        self.chantier.setAccessibleName(_("Chantier"))
        self.project = QLineEdit(grid)
        self.project.setPlaceholderText(_("Projet (facultatif avec un chantier)"))
        self.project.setAccessibleName(_("Projet"))
        self.amount = QLineEdit(grid)
        self.amount.setMaximumWidth(130)
        self.amount.setAccessibleName(_("Montant"))
        self.remove = QPushButton(_("Retirer"), grid)
        self.widgets = (self.chantier, self.project, self.amount, self.remove)

    def line(self) -> AllocationLine:
        return AllocationLine(
            self.chantier.currentData(), self.project.text(), self.amount.text().strip()
        )


class AllocationGrid(QWidget):
    """Lines of (chantier, project, amount); ``lines()`` gives them to the service."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: list[Choice] = []
        self.rows: list[AllocationRow] = []
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, title in enumerate((_("Chantier"), _("Projet"), _("Montant"))):
            self.grid.addWidget(QLabel(title, self), 0, column)
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 2)
        self.add_button = QPushButton(_("Ajouter une ligne"), self)
        self.add_button.setObjectName("addAllocation")
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.grid)
        layout.addLayout(bottom)
        self.add_button.clicked.connect(lambda: self.add_row())

    def set_choices(self, choices: Sequence[Choice]) -> None:
        self.choices = list(choices)

    def add_row(self, line: AllocationLine | None = None) -> AllocationRow:
        row = AllocationRow(self, self.choices)
        if line is not None:
            row.chantier.setCurrentIndex(max(0, row.chantier.findData(line.chantier_id)))
            row.project.setText(line.project or "")
            row.amount.setText(format_money(int(line.amount_cents)))
        number = len(self.rows) + 1
        for column, widget in enumerate(row.widgets):
            self.grid.addWidget(widget, number, column)
        row.remove.clicked.connect(lambda: self.remove_row(row))
        row.chantier.currentIndexChanged.connect(self.edited)
        for edit in (row.project, row.amount):
            edit.textEdited.connect(self.edited)
        self.rows.append(row)
        self.edited.emit()
        return row

    def remove_row(self, row: AllocationRow) -> None:
        self.rows.remove(row)
        for widget in row.widgets:
            self.grid.removeWidget(widget)
            widget.deleteLater()
        for number, kept in enumerate(self.rows, start=1):  # no hole in the grid
            for column, widget in enumerate(kept.widgets):
                self.grid.addWidget(widget, number, column)
        self.edited.emit()

    def set_lines(self, lines: Sequence[AllocationLine]) -> None:
        for line in lines:
            self.add_row(line)

    def lines(self) -> tuple[AllocationLine, ...]:
        return tuple(row.line() for row in self.rows)
