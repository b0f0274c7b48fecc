"""The participation matrix: organisations (or persons) by chantier with the roles they
hold; the chantiers without a porteur·euse stand out in red."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services.plan.chantier_matrix import Matrix, participation_matrix

MISSING_FILL = QColor("#fdecea")
MISSING_TEXT = QColor("#b00020")
LEAD_FILL = QColor("#e3f1e8")


class MatrixModel(QAbstractTableModel):
    """Column 0: the organisation or person; then one column per chantier."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.matrix: Matrix | None = None

    def set_matrix(self, matrix: Matrix | None) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.columns) + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if self.matrix is None or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return _("Personne") if self.matrix.by == "person" else _("Organisme")
            return None
        column = self.matrix.columns[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            lines = textwrap.wrap(column.name, 16)
            if len(lines) > 2:
                lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), 16, placeholder="…")]
            name = "\n".join(lines)
            return f"{column.number}\n{name}" if column.has_lead else f"⚠ {column.number}\n{name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"{column.number}  {column.name}"
            return text if column.has_lead else text + "\n" + _("Aucun·e porteur·euse")
        if role == Qt.ItemDataRole.ForegroundRole and not column.has_lead:
            return QBrush(MISSING_TEXT)
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.matrix is None:
            return None
        row, column = index.row(), index.column()
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.matrix.rows[row].name
            return None
        chantier = self.matrix.columns[column - 1]
        roles = self.matrix.rows[row].roles[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.matrix.cell_text(row, column - 1)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.matrix.rows[row].name} — {chantier.name}"
        if role == Qt.ItemDataRole.BackgroundRole:
            if not chantier.has_lead:
                return QBrush(MISSING_FILL)
            if any(r in ("porteur", "co_porteur") for r in roles):
                return QBrush(LEAD_FILL)
        if role == Qt.ItemDataRole.FontRole and any(r in ("porteur", "co_porteur") for r in roles):
            font = QFont()
            font.setBold(True)
            return font
        return None


class MatrixView(QWidget):
    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.plan_id: int | None = None
        self.by = QComboBox(self)
        self.by.setObjectName("matrixBy")
        self.by.addItem(_("Par organisme"), "organization")
        self.by.addItem(_("Par personne"), "person")
        self.missing = QLabel(self)
        self.missing.setObjectName("missingLeads")
        self.missing.setWordWrap(True)
        self.model = MatrixModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("matrix")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setWordWrap(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Afficher :"), self))
        top.addWidget(self.by)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.missing)
        layout.addWidget(self.view, 1)
        self.by.currentIndexChanged.connect(lambda _i: self.refresh())

    def set_plan(self, plan_id: int | None) -> None:
        self.plan_id = plan_id
        self.refresh()

    def refresh(self) -> None:
        matrix = None
        if self.plan_id is not None:
            matrix = participation_matrix(
                self.context.db, self.plan_id, by=self.by.currentData(), today=self.context.today()
            )
        self.model.set_matrix(matrix)
        self.view.setColumnWidth(0, 300)
        for column in range(1, self.model.columnCount()):
            self.view.setColumnWidth(column, 132)
        lacking = [c for c in matrix.columns if not c.has_lead] if matrix else []
        if lacking:
            names = ", ".join(f"{c.number} {c.name}" for c in lacking)
            self.missing.setText(
                ngettext(
                    "⚠ {n} chantier sans porteur·euse : {names}",
                    "⚠ {n} chantiers sans porteur·euse : {names}",
                    len(lacking),
                ).format(n=len(lacking), names=names)
            )
            self.missing.setStyleSheet("color: #b00020; font-weight: 600;")
        else:
            self.missing.setText(_("Tous les chantiers ont un·e porteur·euse."))
            self.missing.setStyleSheet("")
