"""Tableau de bord: what needs the coordinator's attention today."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ...i18n import _
from .base import Context, Page


def card(parent: QWidget, title: str, value: str, detail: str = "") -> QFrame:
    frame = QFrame(parent)
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    value_label = QLabel(value, frame)
    value_label.setObjectName("cardValue")
    title_label = QLabel(title, frame)
    title_label.setObjectName("cardTitle")
    title_label.setWordWrap(True)
    layout.addWidget(value_label)
    layout.addWidget(title_label)
    if detail:
        detail_label = QLabel(detail, frame)
        detail_label.setWordWrap(True)
        layout.addWidget(detail_label)
    layout.addStretch(1)
    return frame


class DashboardPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Tableau de bord")
        super().__init__(context, parent)
        self.grid = QGridLayout()
        self.layout_.addLayout(self.grid)
        self.layout_.addStretch(1)

    def refresh(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
