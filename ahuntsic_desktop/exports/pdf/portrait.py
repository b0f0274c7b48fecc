"""Portrait de quartier: each theme's indicators, each compared across territories and
years in a bar chart and a table of its figures, with its sources; then the issues and
diagnostics, the maps and pictures, the residents' stories (consented only) and the
community milieu (:mod:`.portrait_parts`)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from ...i18n import _, ngettext
from ...services import portrait
from ...services.core import settings as settings_service
from ..catalog import ExportOptions, Progress
from .common import DocumentSpec, build_pdf, date_words, esc, heading, styles
from .indicator_chart import comparison_chart, comparison_table
from .plan_parts import content_width, muted_cell
from .portrait_parts import images_part, issues_part, milieu_part, stories_part


def write(db, path: Path | str, options: ExportOptions, progress: Progress | None = None) -> Path:
    table_settings = settings_service.load(db)
    width = content_width(table_settings.paper_size)
    tables = portrait.comparisons(db)
    s = styles()
    themes = list(dict.fromkeys(t.theme for t in tables))
    story: list = [
        Paragraph(esc(_("Portrait de quartier")), s.title),
        Paragraph(
            esc(_("Les indicateurs du quartier — au {date}").format(date=date_words(options.day))),
            s.subtitle,
        ),
        Paragraph(
            esc(
                ngettext(
                    "{n} indicateur comparé entre territoires et années",
                    "{n} indicateurs comparés entre territoires et années",
                    len(tables),
                ).format(n=len(tables))
                + " · "
                + ngettext("{n} thème", "{n} thèmes", len(themes)).format(n=len(themes))
            ),
            s.muted,
        ),
    ]
    if not tables:
        story.append(
            Paragraph(
                esc(_("Aucun indicateur : saisissez-en ou importez un profil du recensement.")),
                s.body,
            )
        )
    for number, theme in enumerate(themes, start=1):
        story += heading(theme)
        for table in (t for t in tables if t.theme == theme):
            parts = [
                Paragraph(esc(table.title), s.item),
                comparison_chart(table, width),
                Spacer(1, 0.15 * cm),
                comparison_table(table, width),
            ]
            if table.sources:
                parts.append(Spacer(1, 0.1 * cm))
                parts.append(
                    Paragraph(
                        esc(_("Source : {sources}").format(sources=" ; ".join(table.sources))),
                        muted_cell(),
                    )
                )
            story.append(KeepTogether(parts))
        if progress:
            progress(number, len(themes) + 1)
    story += issues_part(db, width)
    story += images_part(db, width)
    story += stories_part(db, options.day)
    story += milieu_part(db, options.day, width)
    spec = DocumentSpec(
        title=_("Portrait de quartier"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("Portrait au {date}").format(date=date_words(options.day)),
    )
    result = build_pdf(path, story, spec)
    if progress:
        progress(len(themes) + 1, len(themes) + 1)
    return result
