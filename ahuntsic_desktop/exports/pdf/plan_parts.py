"""Pieces shared by the plan documents (fiche chantier, plan d'action, bilan): a progress
bar that flows in tables, status texts, and tallies of means and targets by outcome."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Paragraph

from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import label
from ...i18n import _, format_percent
from ...services.plan.plans import PlanNode
from .common import (
    BOLD,
    FONT,
    INK,
    MUTED,
    MUTED_HEX,
    RULE,
    data_table,
    esc,
    frame_width,
    header_row,
    styles,
)

BAR_FILL = colors.HexColor("#2f6f4f")
BAR_TRACK = colors.HexColor("#e4e7eb")
# Outcomes of a means or target in a bilan, in the order they are shown.
OUTCOMES = ("atteinte", "partielle", "non_atteinte", "sans_objet", "non_evaluee")
OUTCOME_COLORS = {
    "atteinte": colors.HexColor("#2f6f4f"),
    "partielle": colors.HexColor("#e3a008"),
    "non_atteinte": colors.HexColor("#b42318"),
    "sans_objet": colors.HexColor("#9aa5b1"),
    "non_evaluee": colors.HexColor("#d9dee4"),
}


def grid(rows: list[list], widths, **options):
    """:func:`common.data_table` whose rows never split across pages: a row that does not
    fit moves whole to the next page, under the repeated header."""
    table = data_table(rows, widths, **options)
    table.splitInRow = 0
    return table


FRAME_PADDING = 6  # reportlab's Frame keeps 6 pt free on each side


def content_width(paper_size: str) -> float:
    """The width a full-width table may take inside the page frame."""
    return frame_width(paper_size) - 2 * FRAME_PADDING


@cache
def muted_cell() -> ParagraphStyle:
    """Small grey text in a table cell."""
    return ParagraphStyle(
        "plan_muted_cell", parent=styles().cell, fontSize=7.5, leading=9.5, textColor=MUTED
    )


def outcome_label(outcome: str, *, short: bool = False) -> str:
    if outcome == "non_evaluee":
        return _("Non évaluée")
    if short and outcome == "partielle":
        return _("Partielle")
    return label(outcome, Evaluation)


def outcome(node: PlanNode) -> str:
    """How a means or target ended: its evaluation, or else what its status says."""
    if node.evaluation in OUTCOMES:
        return node.evaluation
    if node.status == PlanStatus.DONE:
        return "atteinte"
    if node.status == PlanStatus.ABANDONED:
        return "non_atteinte"
    return "non_evaluee"


@dataclass
class Tally:
    """Means and targets beneath a node, counted by outcome."""

    means: Counter = field(default_factory=Counter)
    targets: Counter = field(default_factory=Counter)

    @classmethod
    def of(cls, node: PlanNode) -> Tally:
        tally = cls()
        for leaf in node.walk():
            if leaf.kind == "means":
                tally.means[outcome(leaf)] += 1
            elif leaf.kind == "target":
                tally.targets[outcome(leaf)] += 1
        return tally

    def total(self, kind: str) -> int:
        return sum((self.means if kind == "means" else self.targets).values())

    def achieved(self, kind: str) -> int:
        return (self.means if kind == "means" else self.targets)["atteinte"]

    def counted(self, kind: str) -> int:
        """Those a share is counted on: all but the « sans objet »."""
        return self.total(kind) - (self.means if kind == "means" else self.targets)["sans_objet"]

    def share(self, kind: str) -> float | None:
        """Achieved over those that count (all but « sans objet »)."""
        counts = self.means if kind == "means" else self.targets
        counted = sum(counts.values()) - counts["sans_objet"]
        return counts["atteinte"] / counted if counted else None


def leaf_state(node: PlanNode) -> str:
    """« Réalisé », « En cours · Partiellement atteinte »... for a means or a target."""
    parts = []
    if node.status and (node.status != PlanStatus.TODO or not node.evaluation):
        parts.append(label(node.status, PlanStatus))
    if node.evaluation:
        parts.append(label(node.evaluation, Evaluation))
    return " · ".join(parts)


def counted_text(node: PlanNode) -> str:
    """« 3 réalisés sur 5 » style summary of the leaves counted in a node's progress."""
    if not node.counted:
        return _("rien à mesurer")
    done = node.done
    shown = f"{done:g}".replace(".", ",")
    return _("{done} sur {counted}").format(done=shown, counted=node.counted)


class ProgressBar(Flowable):
    """A horizontal bar filled to ``ratio`` with the percentage written after it."""

    def __init__(self, ratio: float | None, width: float, height: float = 7, label_width=30):
        super().__init__()
        self.ratio = ratio
        self.width = width
        self.height = height + 2
        self.bar_height = height
        self.label_width = label_width

    def wrap(self, available_width, _available_height):
        self.width = min(self.width, available_width)
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        bar_width = max(self.width - self.label_width, 10)
        y = 1
        canvas.saveState()
        canvas.setFillColor(BAR_TRACK)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.3)
        canvas.roundRect(0, y, bar_width, self.bar_height, 2, stroke=1, fill=1)
        if self.ratio:
            canvas.setFillColor(BAR_FILL)
            filled = max(bar_width * min(self.ratio, 1.0), 2)
            canvas.roundRect(0, y, filled, self.bar_height, 2, stroke=0, fill=1)
        canvas.setFont(BOLD if self.ratio is not None else FONT, 7.5)
        canvas.setFillColor(INK if self.ratio is not None else MUTED)
        text = format_percent(self.ratio) if self.ratio is not None else "—"
        canvas.drawRightString(self.width, y + 0.5, text)
        canvas.restoreState()


def orientation_table(orientations: list[PlanNode] | tuple, width: float, *, means=True):
    """N° | orientation (with its means and targets, small) | progress bar."""
    s = styles()
    number, bar = 1.5 * cm, 4.2 * cm
    rows = [header_row([_("N°"), _("Orientation et moyens") if means else _("Orientation"),
                        _("Avancement")])]  # fmt: skip
    for orientation in orientations:
        lines = [f"<b>{esc(orientation.title)}</b>"]
        for leaf in orientation.children if means else ():
            kind = f"{esc(_('Cible'))} : " if leaf.kind == "target" else ""
            state = leaf_state(leaf)
            if state:
                state = f' — <font color="{MUTED_HEX}">{esc(state)}</font>'
            lines.append(
                f'<font size="8">{esc(leaf.number)}  {kind}{esc(leaf.title)}{state}</font>'
            )
        rows.append(
            [
                Paragraph(esc(orientation.number), s.cell_bold),
                Paragraph("<br/>".join(lines), s.cell),
                [
                    ProgressBar(orientation.progress, bar - 8),
                    Paragraph(esc(counted_text(orientation)), muted_cell()),
                ],
            ]
        )
    return grid(rows, [number, width - number - bar, bar])
