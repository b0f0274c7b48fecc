"""Draws the progress column of the plan tree as bars (plan, pillars, chantiers and
orientations), without a widget per row."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ...i18n import format_percent
from .tree_model import NODE_ROLE, PROGRESS_ROLE

TRACK = QColor("#e4e7eb")
FILL = QColor("#2f6f4f")
TEXT = QColor("#1f2933")


class ProgressDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        ref = index.data(NODE_ROLE)
        ratio = index.data(PROGRESS_ROLE)
        if ref is None or ref.kind in ("means", "target") or ratio is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None and option.state & QStyle.StateFlag.State_Selected:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter)
        rect = option.rect.adjusted(4, 5, -4, -5)
        text_width = 42
        bar = QRect(rect.left(), rect.top(), max(rect.width() - text_width, 10), rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(bar, 3, 3)
        if ratio > 0:
            filled = QRect(
                bar.left(), bar.top(), max(int(bar.width() * min(ratio, 1.0)), 3), bar.height()
            )
            painter.setBrush(FILL)
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(
            option.palette.highlightedText().color()
            if option.state & QStyle.StateFlag.State_Selected
            else TEXT
        )
        text_rect = QRect(bar.right() + 4, option.rect.top(), text_width - 4, option.rect.height())
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            format_percent(ratio),
        )
        painter.restore()
