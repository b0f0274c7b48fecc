"""A person's messages (what was sent to them and when), shown on their privacy page."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from ...i18n import _
from ...services import communications as com
from ...store import Database
from .outbox_dialog import fill_messages, message_table


class MessagesBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Courriels envoyés"), parent)
        self.setObjectName("personMessages")
        self.table = message_table(self, "personMessagesTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def show_person(self, db: Database, person_id: int) -> None:
        lines = com.person_history(db, person_id)
        fill_messages(self.table, lines)
        rows = max(1, min(len(lines), 4))
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(height + self.table.verticalHeader().defaultSectionSize() * rows)
