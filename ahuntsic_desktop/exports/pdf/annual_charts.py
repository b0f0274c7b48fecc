"""Charts of the annual report, drawn with reportlab.graphics in the documents' fonts and
colours: horizontal bars (members by sector, participation, plan progress) and stacked
monthly columns (attendance by month)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from ...i18n import format_number
from .common import FONT, INK, MUTED, RULE

PRIMARY = colors.HexColor("#1f4e79")
SECONDARY = colors.HexColor("#5b9bd5")
ACCENT = colors.HexColor("#ed9b40")
GRID = colors.HexColor("#e4e7eb")
LABEL_SIZE = 8


def nice_scale(value: float) -> tuple[float, float]:
    """A round axis maximum a little above ``value`` and its step (four or five steps):
    32 gives (40, 10), 101 gives (125, 25), 229 gives (250, 50)."""
    if value <= 0:
        return 4, 1
    magnitude = 1
    while magnitude * 10 < value:
        magnitude *= 10
    for step in (magnitude / 10 * f for f in (1, 2, 2.5, 5, 10, 20, 25, 50)):
        if step >= 1 and step * 5 >= value * 1.05:  # counts: whole steps
            top = step * -(-value * 1.05 // step)
            return top, step
    return magnitude * 10, magnitude * 2


def _empty(width: float, height: float, message: str) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(
        String(
            width / 2,
            height / 2,
            message,
            fontName=FONT,
            fontSize=9,
            fillColor=MUTED,
            textAnchor="middle",
        )
    )
    return drawing


def hbar(
    labels: Sequence[str],
    values: Sequence[float],
    width: float,
    *,
    percent: bool = False,
    color=PRIMARY,
    empty: str = "",
    label_width: float = 150,
) -> Drawing:
    """One horizontal bar per label, its value written at the bar's end."""
    if not labels or not any(values):
        return _empty(width, 40, empty)
    bar_height = 15
    height = len(labels) * bar_height + 24
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 14
    chart.width, chart.height = width - label_width - 40, height - 20
    # reportlab draws the first category at the bottom: reverse to read top-down.
    chart.data = [list(reversed([float(v or 0) for v in values]))]
    chart.categoryAxis.categoryNames = list(reversed(labels))
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.strokeColor = RULE
    chart.categoryAxis.tickLeft = 0
    top, step = (1.0, 0.25) if percent else nice_scale(max(values))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = LABEL_SIZE - 1
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.visibleGrid = True
    if percent:
        chart.valueAxis.labelTextFormat = lambda v: f"{round(v * 100)} %"
    else:
        chart.valueAxis.labelTextFormat = lambda v: format_number(v)
    chart.bars[0].fillColor = color
    chart.bars[0].strokeColor = None
    chart.barWidth = 9
    chart.groupSpacing = 5
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = (lambda v: f"{round(v * 100)} %") if percent else format_number
    drawing.add(chart)
    return drawing


def stacked_months(
    months: Sequence[str],
    series: Sequence[Sequence[int]],
    names: Sequence[str],
    width: float,
    *,
    under: Sequence[str] = (),
    empty: str = "",
) -> Drawing:
    """Columns per month, stacked by series (e.g. presences and anonymous participants);
    ``under`` adds a second line below each month (e.g. the number of meetings)."""
    if not months or not any(any(s) for s in series):
        return _empty(width, 40, empty)
    height = 170
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 42
    chart.width, chart.height = width - 44, height - 70
    chart.data = [[float(v) for v in s] for s in series]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [
        f"{m}\n{u}" if under else m for m, u in zip(months, under or months, strict=False)
    ]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = LABEL_SIZE - 0.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    chart.categoryAxis.strokeColor = RULE
    totals = [sum(column) for column in zip(*series, strict=True)]
    top, step = nice_scale(max(totals))
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, top
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = LABEL_SIZE - 1
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.labelTextFormat = lambda v: format_number(v)
    palette = [PRIMARY, ACCENT, SECONDARY]
    for i in range(len(series)):
        chart.bars[i].fillColor = palette[i % len(palette)]
        chart.bars[i].strokeColor = None
    chart.barWidth = 10
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 40, height - 6
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 150
    legend.fontName, legend.fontSize = FONT, LABEL_SIZE
    legend.boxAnchor = "nw"
    legend.dxTextSpace = 4
    legend.colorNamePairs = [(palette[i % len(palette)], name) for i, name in enumerate(names)]
    drawing.add(legend)
    return drawing
