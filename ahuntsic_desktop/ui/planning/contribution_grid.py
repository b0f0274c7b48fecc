"""A grid to transcribe an activity's sticky notes from the keyboard: type, Tab to the next
cell, Enter for the next contribution. « Enregistrer » writes them all or none; a refused
row turns red and says why."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services.planning import ContributionData, FastEntryResult
from ..widgets.forms import error_label

COLUMNS = ("text", "kind", "themes", "population", "votes")
REFUSED = QColor("#fde8e8")


class _EnterDelegate(QStyledItemDelegate):
    """Enter in a cell being edited commits it and asks for the next row."""

    enter_pressed = Signal()

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and event.key() in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.enter_pressed.emit()
            return True
        return super().eventFilter(editor, event)


class _Table(QTableWidget):
    enter_pressed = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            self.enter_pressed.emit()
            return
        super().keyPressEvent(event)


class ContributionGrid(QWidget):
    """``save`` is given the rows and returns the service's :class:`FastEntryResult`."""

    saved = Signal(int)  # how many contributions were written

    def __init__(
        self, save: Callable[[list[ContributionData]], FastEntryResult], parent=None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.table = _Table(0, len(COLUMNS), self)
        self.table.setObjectName("contributionGrid")
        self.table.setHorizontalHeaderLabels(
            [_("Contribution"), _("Nature"), _("Thèmes (séparés par ;)"), _("Population"),
             _("Votes")]
        )  # fmt: skip
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 220), (3, 140), (4, 70)):
            header.resizeSection(column, width)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        delegate = _EnterDelegate(self.table)
        self.table.setItemDelegate(delegate)
        delegate.enter_pressed.connect(self.next_row)
        self.table.enter_pressed.connect(self.next_row)
        self.save_button = QPushButton(_("Enregistrer les contributions"), self)
        self.save_button.setObjectName("saveContributions")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel(self)
        self.message.setObjectName("gridMessage")
        self.error = error_label(self, "gridError")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.clear()

    def clear(self) -> None:
        self.table.setRowCount(0)
        self._add_row()
        self.table.setCurrentCell(0, 0)

    def _add_row(self) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(len(COLUMNS)):
            self.table.setItem(row, column, QTableWidgetItem(""))
        self.table.item(row, 1).setText(_("idée"))
        return row

    def next_row(self) -> None:
        """The next contribution: a new row when on the last one, its first cell edited."""
        row = self.table.currentRow()
        if row >= self.table.rowCount() - 1:
            row = self._add_row() - 1
        self.table.setCurrentCell(row + 1, 0)
        self.table.editItem(self.table.item(row + 1, 0))

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def rows(self) -> list[ContributionData]:
        found = []
        for row in range(self.table.rowCount()):
            text, kind, themes, population, votes = (self.cell(row, c) for c in range(len(COLUMNS)))
            found.append(
                ContributionData(
                    text=text,
                    kind=kind or "idee",
                    themes=tuple(t.strip() for t in re.split(r"[;,]", themes) if t.strip()),
                    population=population or None,
                    votes=votes or 0,
                )
            )
        return found

    # -- an editor of « no lost edits » (widgets.unsaved) -------------------------------
    def unsaved_name(self) -> str:
        return _("Nouvelles contributions")

    def commit_edit(self) -> None:
        """Put the text of the cell being typed into the grid (as leaving the cell does)."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        for editor in self.table.viewport().findChildren(QLineEdit):
            if editor.isVisible():
                self.table.commitData(editor)
                self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def is_dirty(self) -> bool:
        """Something typed that is not saved (the default « idée » alone is nothing)."""
        self.commit_edit()
        return any(
            self.cell(row, column)
            for row in range(self.table.rowCount())
            for column in range(len(COLUMNS))
            if column != 1
        )

    def save_changes(self) -> bool:
        result = self.save()
        return result is not None and not result.errors

    def discard_changes(self) -> None:
        self.clear()

    def save(self) -> FastEntryResult | None:
        self.commit_edit()
        self.table.setCurrentCell(self.table.currentRow(), self.table.currentColumn())
        result = self._save(self.rows())
        if result is None:
            return None
        for row in range(self.table.rowCount()):
            for column in range(len(COLUMNS)):
                item = self.table.item(row, column)
                item.setBackground(QBrush())
                item.setToolTip("")
        if result.errors:
            lines = []
            for error in result.errors:
                for column in range(len(COLUMNS)):
                    item = self.table.item(error.index, column)
                    item.setBackground(REFUSED)
                    item.setToolTip(error.message)
                lines.append(
                    _("Ligne {row} : {message}").format(row=error.index + 1, message=error.message)
                )
            self.error.setText(_("Rien n'a été enregistré.") + "\n" + "\n".join(lines))
            self.error.show()
            self.message.clear()
            return result
        self.error.hide()
        count = len(result.ids)
        self.message.setText(
            ngettext(
                "{n} contribution enregistrée.", "{n} contributions enregistrées.", count
            ).format(n=count)
        )
        self.clear()
        self.saved.emit(count)
        return result
