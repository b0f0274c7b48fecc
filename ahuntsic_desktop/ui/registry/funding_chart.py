"""A bar chart painted with QPainter (PySide6 here ships without QtCharts): per funder,
three bars side by side, requested, granted and received, with a legend."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...i18n import _, format_money, format_money_rounded

COLOURS = ("#9fb3c8", "#2680c2", "#3ebd93")  # requested, granted, received


@dataclass(frozen=True)
class Bars:
    label: str
    values: tuple[int, int, int]  # cents


class FundingChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fundingChart")
        self.bars: list[Bars] = []
        self.series = (_("Demandé"), _("Accordé"), _("Reçu"))
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_bars(self, bars: Sequence[Bars]) -> None:
        self.bars = list(bars)
        self.setAccessibleDescription(
            "; ".join(
                f"{b.label} : "
                + ", ".join(
                    f"{s} {format_money(v)}" for s, v in zip(self.series, b.values, strict=True)
                )
                for b in self.bars
            )
        )
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        width, height = self.width(), self.height()
        # legend on top
        x = 8.0
        for name, colour in zip(self.series, COLOURS, strict=True):
            painter.fillRect(QRectF(x, 6, 12, 12), QColor(colour))
            painter.drawText(QRectF(x + 16, 2, 200, line + 4), Qt.AlignmentFlag.AlignVCenter, name)
            x += 24 + metrics.horizontalAdvance(name)
        if not self.bars:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _("Aucune donnée."))
            return
        top, bottom = line + 16.0, height - 2.0 * line - 8
        plot_height = max(10.0, bottom - top)
        biggest = max(max(b.values) for b in self.bars) or 1
        group = (width - 16.0) / len(self.bars)
        bar = max(2.0, min(28.0, group * 0.8 / 3))
        for i, entry in enumerate(self.bars):
            left = 8 + i * group + (group - 3 * bar) / 2
            for k, value in enumerate(entry.values):
                h = plot_height * value / biggest
                painter.fillRect(QRectF(left + k * bar, bottom - h, bar - 1, h), QColor(COLOURS[k]))
            text = metrics.elidedText(entry.label, Qt.TextElideMode.ElideRight, int(group) - 4)
            figures = metrics.elidedText(  # the amounts, in the legend's order
                " · ".join(format_money_rounded(v) for v in entry.values),
                Qt.TextElideMode.ElideRight,
                int(group) - 4,
            )
            painter.drawText(
                QRectF(8 + i * group, bottom + 2, group, line * 2 + 2),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"{text}\n{figures}",
            )
        painter.drawLine(8, int(bottom), width - 8, int(bottom))
