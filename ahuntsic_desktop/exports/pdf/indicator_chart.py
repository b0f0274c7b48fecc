"""One portrait indicator compared across territories and years: grouped vertical bars
(one group per territory, one bar per year) with the value above each bar, and the same
figures as a small table. Used by the portrait and any document that shows an indicator."""

from __future__ import annotations

import textwrap
from decimal import Decimal

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table

from ...i18n import _, format_number
from ...services.portrait import Comparison
from .annual_charts import nice_scale
from .common import FONT, INK, MUTED, RULE, esc, header_row, styles
from .plan_parts import grid

# One colour per year, oldest lightest: the latest year reads first.
YEAR_COLORS = (
    colors.HexColor("#b7cde3"),
    colors.HexColor("#5b9bd5"),
    colors.HexColor("#1f4e79"),
    colors.HexColor("#0b2540"),
)


def value_text(value: Decimal | None, unit: str = "") -> str:
    """« 21,4 », « 1 762 949 », « 21,4 % » (the unit only when it is a percent)."""
    if value is None:
        return "—"
    exact = Decimal(value).normalize()
    digits = min(max(0, -exact.as_tuple().exponent), 4)
    text = format_number(exact, digits)
    return f"{text} %" if unit == "%" else text


def _year_colors(years: tuple[int, ...]) -> list:
    return list(YEAR_COLORS[-len(years) :]) if len(years) <= len(YEAR_COLORS) else [
        YEAR_COLORS[i % len(YEAR_COLORS)] for i in range(len(years))
    ]  # fmt: skip


def comparison_chart(table: Comparison, width: float, height: float = 4.4 * cm) -> Drawing:
    """Grouped bars: territories along the bottom, one bar per year, values above."""
    drawing = Drawing(width, height)
    legend_height, label_height = 0.55 * cm, 0.9 * cm
    chart = VerticalBarChart()
    chart.x, chart.y = 1.3 * cm, legend_height + label_height
    chart.width = width - chart.x - 0.2 * cm
    chart.height = height - chart.y - 0.5 * cm
    chart.data = [
        [float(table.value(t, year) or 0) for t in table.territories] for year in table.years
    ]
    top = max((max(row) for row in chart.data), default=0)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = nice_scale(top) if top > 4 else (
        max(top * 1.2, 1), max(top * 1.2, 1) / 4
    )  # fmt: skip
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = lambda v: value_text(Decimal(str(round(v, 2))))
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.25
    chart.categoryAxis.categoryNames = [
        "\n".join(textwrap.wrap(t, 22)[:2]) for t in table.territories
    ]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.leading = 9
    chart.categoryAxis.strokeColor = RULE
    chart.barSpacing = 1.5
    chart.groupSpacing = 10
    chart.barLabelFormat = lambda v: value_text(Decimal(str(v))) if v else ""
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.fillColor = INK
    chart.barLabels.nudge = 5
    for series, color in enumerate(_year_colors(table.years)):
        chart.bars[series].fillColor = color
        chart.bars[series].strokeColor = None
    drawing.add(chart)
    x = chart.x
    for year, color in zip(table.years, _year_colors(table.years), strict=True):
        drawing.add(Rect(x, 0.1 * cm, 8, 8, fillColor=color, strokeColor=None))
        drawing.add(String(x + 11, 0.1 * cm + 1, str(year), fontName=FONT, fontSize=7.5,
                           fillColor=INK))  # fmt: skip
        x += 11 + stringWidth(str(year), FONT, 7.5) + 14
    if table.unit and table.unit != "%":
        drawing.add(
            String(width - 0.2 * cm, 0.1 * cm + 1, _("en {unit}").format(unit=table.unit),
                   fontName=FONT, fontSize=7, fillColor=MUTED, textAnchor="end")
        )  # fmt: skip
    return drawing


def comparison_table(table: Comparison, width: float) -> Table:
    """The chart's figures: one row per territory, one column per year."""
    s = styles()
    first = width - 2.4 * cm * len(table.years)
    rows = [header_row([_("Territoire"), *map(str, table.years)],
                       centered=range(1, len(table.years) + 1))]  # fmt: skip
    for territory in table.territories:
        rows.append(
            [Paragraph(esc(territory), s.cell)]
            + [
                Paragraph(esc(value_text(table.value(territory, y), table.unit)), s.centered_cell)
                for y in table.years
            ]
        )
    return grid(rows, [first] + [2.4 * cm] * len(table.years))
