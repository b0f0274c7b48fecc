"""One record's history from the audit trail: a small widget any record dialog can embed.

history = RecordHistory(self)
layout.addWidget(history)
history.show_record(db, "person", person_id)
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import N_, _, format_date, format_time, ngettext
from ..services.core import journal
from ..store import Database

COLUMNS = (N_("Date"), N_("Par"), N_("Action"), N_("Détails"))


def moment(at: dt.datetime | None) -> str:
    """``26 nov. 2026, 14 h 05``."""
    if at is None:
        return ""
    return f"{format_date(at, 'medium')}, {format_time(at.time())}"


class RecordHistory(QWidget):
    """Who changed what in one record, newest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordHistory")
        self.rows: list[journal.JournalRow] = []
        self.count_label = QLabel(self)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((170, 110, 120)):
            self.table.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)

    def show_record(self, db: Database, entity: str, entity_id: int | None) -> None:
        self.rows = [] if entity_id is None else journal.record_history(db, entity, entity_id)
        self.table.setRowCount(len(self.rows))
        for row, entry in enumerate(self.rows):
            values = (
                moment(entry.at),
                entry.user,
                journal.action_label(entry.action),
                entry.summary,
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        count = len(self.rows)
        self.count_label.setText(
            ngettext("{n} entrée au journal", "{n} entrées au journal", count).format(n=count)
            if count
            else _("Aucune entrée au journal pour cette fiche.")
        )
