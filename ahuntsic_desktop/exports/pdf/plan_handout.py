"""Plan d'action: the handout given at an assembly — the vision, an overview of the pillars,
then each pillar's chantiers and orientations with their means and progress."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table

from ...i18n import _, format_percent
from ...services.core import settings as settings_service
from ...services.plan import editing as plan_editing
from ...services.plan import plans as plan_service
from ...services.plan.plans import PlanNode
from ...store import Database
from .common import (
    BOX_FILL,
    RULE,
    DocumentSpec,
    build_pdf,
    date_words,
    esc,
    header_row,
    heading,
    paragraphs,
    styles,
    table_style,
)
from .plan_parts import (
    ProgressBar,
    content_width,
    counted_text,
    grid,
    muted_cell,
    orientation_table,
)


def _box(title: str, text: str, width: float) -> Table:
    s = styles()
    content = [Paragraph(f"<b>{esc(title)}</b>", s.body), *paragraphs(text, s.body)]
    box = Table([[content]], colWidths=[width], hAlign="LEFT")
    box.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def _overview(tree: PlanNode, width: float) -> Table:
    """One line per pillar (and per first-level chantier or orientation)."""
    s = styles()
    bar = 4.2 * cm
    counts = 2.4 * cm
    rows = [
        header_row(
            [_("N°"), _("Pilier"), _("Chantiers"), _("Orientations"), _("Avancement")],
            centered=[2, 3],
        )
    ]
    for node in [*tree.children, tree]:
        chantiers = sum(1 for n in node.walk() if n.kind == "chantier")
        orientations = sum(1 for n in node.walk() if n.kind == "orientation")
        whole = node is tree
        name = _("Ensemble du plan") if whole else node.title
        if not whole and node.kind != "pillar":
            name = f"{name} ({plan_editing.kind_label(node.kind).lower()})"
        style = s.cell_bold if whole or node.kind == "pillar" else s.cell
        rows.append(
            [
                Paragraph(esc(node.number), s.cell_bold),
                Paragraph(esc(name), style),
                Paragraph(str(chantiers), s.centered_cell),
                Paragraph(str(orientations), s.centered_cell),
                [
                    ProgressBar(node.progress, bar - 8),
                    Paragraph(esc(counted_text(node)), muted_cell()),
                ],
            ]
        )
    number = 1.2 * cm
    widths = [number, width - number - 2 * counts - bar, counts, counts, bar]
    return grid(rows, widths, extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE)])


def _chantier_heading(node: PlanNode, width: float) -> Table:
    s = styles()
    bar = 4.2 * cm
    title = Paragraph(f"{esc(node.number)}  {esc(node.title)}", s.item)
    table = Table([[title, ProgressBar(node.progress, bar - 8)]], colWidths=[width - bar, bar])
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _chantier(node: PlanNode, texts: dict, width: float) -> list:
    """The chantier's title and progress, its mandate, then its orientations."""
    s = styles()
    story: list = [CondPageBreak(4.5 * cm), _chantier_heading(node, width)]
    mandate = texts.get(("chantier", node.id))
    if mandate:
        story.append(Paragraph(esc(mandate), s.muted))
    if node.children:
        story.append(orientation_table(node.children, width))
    else:
        story.append(Paragraph(esc(_("Orientations à venir.")), s.muted))
    return story


def _section(node: PlanNode, texts: dict, width: float) -> list:
    """A pillar (or a first-level chantier or orientation) and everything beneath it."""
    s = styles()
    if node.kind == "chantier":
        return _chantier(node, texts, width)
    if node.kind == "orientation":
        return [orientation_table([node], width)]
    story = heading(f"{node.number}  {node.title}")
    description = texts.get(("pillar", node.id))
    if description:
        story.append(Paragraph(esc(description), s.muted))
    own = [child for child in node.children if child.kind == "orientation"]
    for child in node.children:
        if child.kind == "chantier":
            story += _chantier(child, texts, width)
    if own:
        story.append(Paragraph(esc(_("Orientations du pilier")), s.item))
        story.append(orientation_table(own, width))
    if not node.children:
        story.append(Paragraph(esc(_("Chantiers à venir.")), s.muted))
    return story


def write_plan_handout(
    db: Database, plan_id: int, path: Path | str, *, today: dt.date | None = None
) -> Path:
    """Write the plan's handout to ``path`` as of ``today``; returns the path."""
    today = today or dt.date.today()
    table_settings = settings_service.load(db)
    tree = plan_service.plan_tree(db, plan_id)
    info = plan_editing.node_detail(db, plan_editing.NodeRef("plan", plan_id))
    texts = {tuple(ref): text for ref, text in plan_editing.descriptions(db, plan_id).items()}
    width = content_width(table_settings.paper_size)
    s = styles()
    years = f"{info.start_year}-{info.end_year}"
    story: list = [
        Paragraph(esc(tree.title), s.title),
        Paragraph(
            esc(
                _("De {start} à {end} — état au {date}").format(
                    start=info.start_year, end=info.end_year, date=date_words(today)
                )
            ),
            s.subtitle,
        ),
    ]
    if info.description:
        story += [_box(_("Vision"), info.description, width), Spacer(1, 0.3 * cm)]
    story += heading(_("Vue d'ensemble"))
    story.append(_overview(tree, width))
    story.append(
        Paragraph(
            esc(
                _(
                    "L'avancement compte les moyens et les cibles : réalisé ou atteinte = 1, "
                    "partiellement atteinte = ½ ; ceux abandonnés ou sans objet ne comptent pas."
                )
            ),
            muted_cell(),
        )
    )
    first_level = [n for n in tree.children if n.kind != "pillar"]
    for pillar in (n for n in tree.children if n.kind == "pillar"):
        story += _section(pillar, texts, width)
    if first_level:
        story += heading(_("Hors pilier"))
        for node in first_level:
            story += _section(node, texts, width)
    spec = DocumentSpec(
        title=_("Plan d'action {years}").format(years=years),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("{title} — avancement global {progress}").format(
            title=tree.title, progress=format_percent(tree.progress) or "—"
        ),
    )
    return build_pdf(path, story, spec)
