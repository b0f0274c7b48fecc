"""Bilan d'un plan évalué: how many targets and strategies (means) were achieved, overall,
by chantier (with a chart) and by orientation, then the detail of each target."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table

from ...i18n import _, format_number, format_percent, ngettext
from ...services.core import settings as settings_service
from ...services.plan import editing as plan_editing
from ...services.plan import plans as plan_service
from ...services.plan.nodes import target_details
from ...services.plan.plans import PlanNode
from ...store import Database
from .common import (
    BOLD,
    BOX_FILL,
    FONT,
    INK,
    RULE,
    DocumentSpec,
    build_pdf,
    date_words,
    esc,
    header_row,
    heading,
    styles,
    table_style,
)
from .plan_parts import (
    OUTCOME_COLORS,
    OUTCOMES,
    ProgressBar,
    Tally,
    content_width,
    grid,
    muted_cell,
    outcome,
    outcome_label,
)


def _achieved_text(kind: str, total: int, share: str, left_out: int) -> str:
    """« cibles atteintes (62 %) », and how many « sans objet » the count leaves out."""
    if kind == "target":
        text = ngettext("cible atteinte ({share})", "cibles atteintes ({share})", total)
    else:
        text = ngettext(
            "stratégie d'action atteinte ({share})",
            "stratégies d'action atteintes ({share})",
            total,
        )
    text = text.format(share=share)
    if left_out:
        text += " · " + ngettext(
            "{n} sans objet non comptée", "{n} sans objet non comptées", left_out
        ).format(n=left_out)
    return text


def _figures(tree: PlanNode, tally: Tally, width: float) -> Table:
    s = styles()
    orientations = sum(1 for n in tree.walk() if n.kind == "orientation")
    chantiers = sum(1 for n in tree.walk() if n.kind == "chantier")
    cells = []
    for kind in ("target", "means"):
        counted = tally.counted(kind)
        achieved = tally.achieved(kind)
        share = format_percent(tally.share(kind)) or "—"
        cells.append(
            (
                f"{format_number(achieved)} / {format_number(counted)}",
                _achieved_text(kind, counted, share, tally.total(kind) - counted),
            )
        )
    cells += [
        (format_number(orientations), ngettext("orientation", "orientations", orientations)),
        (format_number(chantiers), ngettext("chantier", "chantiers", chantiers)),
    ]
    row = [[Paragraph(f"<b>{esc(v)}</b>", s.title), Paragraph(esc(t), s.muted)] for v, t in cells]
    table = Table([row], colWidths=[width * 0.3, width * 0.3, width * 0.2, width * 0.2])
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _present(tally: Tally) -> list[str]:
    """The outcomes that occur in the plan (« atteinte » always)."""
    return [o for o in OUTCOMES if o == "atteinte" or tally.targets[o] or tally.means[o]]


def _totals(tally: Tally, width: float) -> Table:
    s = styles()
    shown = _present(tally)
    titles = ["", *(outcome_label(o, short=True) for o in shown), _("Total")]
    rows = [header_row(titles, centered=range(1, len(titles)))]
    for kind, counts in (("target", tally.targets), ("means", tally.means)):
        name = _("Cibles") if kind == "target" else _("Stratégies d'action")
        cells = [Paragraph(esc(name), s.cell_bold)]
        for key in shown:
            cells.append(Paragraph(format_number(counts[key]), s.centered_cell))
        cells.append(Paragraph(f"<b>{format_number(tally.total(kind))}</b>", s.centered_cell))
        rows.append(cells)
    first = 4.2 * cm
    rest = (width - first) / (len(shown) + 1)
    return grid(rows, [first] + [rest] * (len(shown) + 1))


def _legend(drawing: Drawing, keys: list[str], x: float, y: float) -> None:
    """Colour swatches and labels in one line, evenly spaced."""
    for key in keys:
        drawing.add(Rect(x, y, 8, 8, fillColor=OUTCOME_COLORS[key], strokeColor=None))
        text = outcome_label(key)
        drawing.add(String(x + 12, y + 1, text, fontName=FONT, fontSize=7.5, fillColor=INK))
        x += 12 + stringWidth(text, FONT, 7.5) + 18


def _wrap(text: str, width: int = 30) -> str:
    lines = textwrap.wrap(text, width)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _chart(groups: list[PlanNode], width: float) -> Drawing:
    """Two stacked bar charts side by side, targets then strategies, one bar per group."""
    names = [_wrap(f"{g.number}  {g.title}") for g in groups][::-1]
    tallies = [Tally.of(g) for g in groups][::-1]
    whole = Tally()
    for tally in tallies:
        whole.targets.update(tally.targets)
        whole.means.update(tally.means)
    shown = _present(whole)
    label_width, gap, legend_height, title_height = 5.2 * cm, 0.9 * cm, 1.2 * cm, 0.7 * cm
    bar_step = 0.85 * cm
    plot_height = bar_step * len(groups)
    height = plot_height + legend_height + title_height
    chart_width = (width - label_width - gap) / 2
    drawing = Drawing(width, height)
    for index, kind in enumerate(("target", "means")):
        chart = HorizontalBarChart()
        chart.x = label_width + index * (chart_width + gap)
        chart.y = legend_height
        chart.width, chart.height = chart_width, plot_height
        counts = [t.targets if kind == "target" else t.means for t in tallies]
        chart.data = [[c[key] for c in counts] for key in shown]
        chart.categoryAxis.style = "stacked"
        chart.categoryAxis.categoryNames = names
        chart.categoryAxis.labels.fontName = FONT
        chart.categoryAxis.labels.fontSize = 7.5
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
        chart.categoryAxis.labels.leading = 9
        chart.categoryAxis.labels.textAnchor = "end"
        chart.categoryAxis.visibleLabels = index == 0
        chart.categoryAxis.strokeColor = RULE
        chart.valueAxis.valueMin = 0
        chart.valueAxis.labels.fontName = FONT
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.labelTextFormat = lambda v: format_number(v) if v == int(v) else ""
        chart.valueAxis.strokeColor = RULE
        chart.valueAxis.gridStrokeColor = RULE
        chart.valueAxis.gridStrokeWidth = 0.25
        chart.valueAxis.visibleGrid = True
        chart.barSpacing = 2
        chart.groupSpacing = bar_step * 0.35
        for series, key in enumerate(shown):
            chart.bars[series].fillColor = OUTCOME_COLORS[key]
            chart.bars[series].strokeColor = None
        drawing.add(chart)
        title = _("Cibles") if kind == "target" else _("Stratégies d'action")
        drawing.add(
            String(
                chart.x + chart_width / 2,
                legend_height + plot_height + 0.35 * cm,
                title,
                fontName=BOLD,
                fontSize=9,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    _legend(drawing, shown, label_width, 0.15 * cm)
    return drawing


def _by_group(groups: list[PlanNode], width: float, *, with_number: bool) -> Table:
    """One line per chantier (or orientation): achieved over total, and a bar."""
    s = styles()
    bar, counts = 3.8 * cm, 3.0 * cm
    titles = [_("Cibles atteintes"), _("Stratégies atteintes"), _("Part atteinte")]
    rows = [header_row([_("N°"), _("Orientation") if with_number else _("Chantier"), *titles],
                       centered=[2, 3])]  # fmt: skip
    for group in groups:
        tally = Tally.of(group)
        achieved = tally.achieved("target") + tally.achieved("means")
        counted = sum(
            tally.total(k) - (tally.targets if k == "target" else tally.means)["sans_objet"]
            for k in ("target", "means")
        )
        rows.append(
            [
                Paragraph(esc(group.number), s.cell_bold),
                Paragraph(esc(group.title), s.cell_bold if not with_number else s.cell),
                Paragraph(
                    f"{tally.achieved('target')} / {tally.counted('target')}", s.centered_cell
                ),
                Paragraph(f"{tally.achieved('means')} / {tally.counted('means')}", s.centered_cell),
                ProgressBar(achieved / counted if counted else None, bar - 8),
            ]
        )
    number = 1.3 * cm
    return grid(rows, [number, width - number - 2 * counts - bar, counts, counts, bar])


def _amount(value, unit: str | None) -> str:
    """« 12 organismes », the unit on its own line when it would not fit beside."""
    if value is None:
        return "—"
    number = esc(format_number(value))
    if not unit:
        return number
    return (
        f"{number} {esc(unit)}"
        if len(unit) <= 6
        else f'{number}<br/><font size="7.5">{esc(unit)}</font>'
    )


def _targets(orientations: list[PlanNode], details: dict, width: float) -> Table:
    """Each target under its orientation: indicator, aimed and reached values, evaluation."""
    s = styles()
    rows = [header_row([_("N°"), _("Cible et indicateur"), _("Visé"), _("Atteint"),
                        _("Évaluation")], centered=[2, 3])]  # fmt: skip
    extra = []
    for orientation in orientations:
        targets = [n for n in orientation.children if n.kind == "target"]
        if not targets:
            continue
        extra += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), BOX_FILL),
            # never the orientation's header alone at the foot of a page
            ("NOSPLIT", (0, len(rows)), (-1, len(rows) + 1)),
        ]
        title = f"{esc(orientation.number)}  {esc(orientation.title)}"
        rows.append([Paragraph(title, s.cell_bold), "", "", "", ""])
        for leaf in targets:
            detail = details.get(leaf.id)
            text = f"<b>{esc(leaf.title)}</b>"
            if detail and detail.indicator:
                text += f"<br/>{esc(detail.indicator)}"
            if detail and detail.comment:
                text += f'<br/><font size="7.5"><i>{esc(detail.comment)}</i></font>'
            unit = detail.unit if detail else None
            rows.append(
                [
                    Paragraph(esc(leaf.number), s.cell),
                    Paragraph(text, s.cell),
                    Paragraph(_amount(detail and detail.target_value, unit), s.centered_cell),
                    Paragraph(_amount(detail and detail.actual_value, unit), s.centered_cell),
                    Paragraph(esc(outcome_label(outcome(leaf))), s.cell),
                ]
            )
    number, value, state = 1.5 * cm, 2.3 * cm, 3.2 * cm
    widths = [number, width - number - 2 * value - state, value, value, state]
    return grid(rows, widths, zebra=False, extra=extra)


def write_plan_bilan(
    db: Database, plan_id: int, path: Path | str, *, today: dt.date | None = None
) -> Path:
    """Write the bilan of an (evaluated) plan to ``path``; returns the path."""
    today = today or dt.date.today()
    table_settings = settings_service.load(db)
    tree = plan_service.plan_tree(db, plan_id)
    info = plan_editing.node_detail(db, plan_editing.NodeRef("plan", plan_id))
    width = content_width(table_settings.paper_size)
    s = styles()
    tally = Tally.of(tree)
    chantiers = [n for n in tree.walk() if n.kind == "chantier"]
    groups = chantiers or [n for n in tree.children if n.kind == "pillar"]
    orientations = [n for n in tree.walk() if n.kind == "orientation"]
    story: list = [
        Paragraph(esc(_("Bilan du plan d'action")), s.muted),
        Paragraph(esc(tree.title), s.title),
        Paragraph(
            esc(
                _("De {start} à {end} — bilan au {date}").format(
                    start=info.start_year, end=info.end_year, date=date_words(today)
                )
            ),
            s.subtitle,
        ),
        _figures(tree, tally, width),
        Spacer(1, 0.2 * cm),
    ]
    story += heading(_("Résultats d'ensemble"))
    story.append(_totals(tally, width))
    story.append(
        Paragraph(
            esc(
                _(
                    "Une cible ou une stratégie compte comme atteinte quand elle est évaluée "
                    "« atteinte » ou, sans évaluation, réalisée. Les parts et les « x / y » de "
                    "ce bilan se comptent sur les cibles et stratégies évaluées : celles "
                    "devenues sans objet ne comptent ni au numérateur ni au dénominateur."
                )
            ),
            muted_cell(),
        )
    )
    if groups:
        story += heading(_("Par chantier") if chantiers else _("Par pilier"))
        story.append(_chart(groups, width))
        story.append(Spacer(1, 0.2 * cm))
        story.append(_by_group(groups, width, with_number=False))
    if orientations:
        story += heading(_("Par orientation"))
        story.append(_by_group(orientations, width, with_number=True))
    if tally.total("target"):
        story += heading(_("Détail des cibles"))
        story.append(_targets(orientations, target_details(db, plan_id), width))
    spec = DocumentSpec(
        title=_("Bilan — {title}").format(title=tree.title),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("Bilan au {date}").format(date=date_words(today)),
    )
    return build_pdf(path, story, spec)
