"""Ligne du temps: the table's history, one milestone per line in date order, grouped by
decade, each with its category's colour, printable on its own."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph

from ...domain.enums import TimelineCategory
from ...domain.labels import label
from ...i18n import _, ngettext
from ...services import evaluation
from ...services.core import settings as settings_service
from ..catalog import ExportOptions, Progress
from .common import BOX_FILL, DocumentSpec, build_pdf, date_words, esc, header_row, styles
from .plan_parts import content_width, grid

CATEGORY_COLORS = {
    TimelineCategory.FOUNDATION.value: colors.HexColor("#7b2d26"),
    TimelineCategory.PLAN.value: colors.HexColor("#1f4e79"),
    TimelineCategory.PROJECT.value: colors.HexColor("#2f6f4f"),
    TimelineCategory.ASSEMBLY.value: colors.HexColor("#b7791f"),
    TimelineCategory.PROCESS.value: colors.HexColor("#6b46c1"),
    TimelineCategory.OTHER.value: colors.HexColor("#52606d"),
}


def _events_table(events, width: float):
    s = styles()
    when, category, marker = 3.4 * cm, 2.6 * cm, 0.25 * cm
    rows = [["", *header_row([_("Date"), _("Catégorie"), _("Événement")])]]
    extra: list[tuple] = [
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 0),
    ]
    decade = None
    for event in events:
        if event.year // 10 != decade:
            decade = event.year // 10
            index = len(rows)
            extra += [
                ("SPAN", (0, index), (-1, index)),
                ("BACKGROUND", (0, index), (-1, index), BOX_FILL),
                ("LEFTPADDING", (0, index), (0, index), 4),
                ("NOSPLIT", (0, index), (-1, index + 1)),  # never a decade alone at a foot
            ]
            title = _("Années {decade}").format(decade=decade * 10)
            rows.append([Paragraph(f"<b>{esc(title)}</b>", s.cell), "", "", ""])
        index = len(rows)
        color = CATEGORY_COLORS.get(event.category, CATEGORY_COLORS["autre"])
        extra.append(("BACKGROUND", (0, index), (0, index), color))
        text = f"<b>{esc(event.title)}</b>"
        if event.description:
            text += f"<br/>{esc(event.description)}"
        rows.append(
            [
                "",
                Paragraph(esc(event.when), s.cell_bold),
                Paragraph(esc(label(event.category, TimelineCategory)), s.cell),
                Paragraph(text, s.cell),
            ]
        )
    widths = [marker, when, category, width - marker - when - category]
    return grid(rows, widths, zebra=False, extra=extra)


def write(db, path: Path | str, options: ExportOptions, progress: Progress | None = None) -> Path:
    table_settings = settings_service.load(db)
    width = content_width(table_settings.paper_size)
    events = evaluation.timeline_events(db)
    s = styles()
    story: list = [Paragraph(esc(_("Ligne du temps")), s.title)]
    if events:
        span = _("De {first} à {last}").format(first=events[0].year, last=events[-1].year)
        count = ngettext("{n} événement", "{n} événements", len(events)).format(n=len(events))
        story.append(Paragraph(esc(f"{span} — {count}"), s.subtitle))
        story.append(_events_table(events, width))
    else:
        story.append(
            Paragraph(esc(_("Aucun événement dans la ligne du temps pour l'instant.")), s.body)
        )
    if progress:
        progress(1, 1)
    spec = DocumentSpec(
        title=_("Ligne du temps"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("Ligne du temps au {date}").format(date=date_words(options.day)),
    )
    return build_pdf(path, story, spec)
