"""The portrait's parts beyond its indicators: issues and diagnostics with what supports
them, residents' stories (only those with a recorded consent, under their pseudonym), maps
and pictures with their captions, and the community milieu (figures from the registry and
its text sections)."""

from __future__ import annotations

import datetime as dt
import io

from reportlab.lib.units import cm
from reportlab.platypus import Image, KeepTogether, PageBreak, Paragraph, Spacer

from ...domain.labels import label
from ...domain.portrait_parts import IssueKind
from ...i18n import _, format_number
from ...services import portrait
from .common import data_table, esc, header_row, heading, paragraphs, styles
from .plan_parts import muted_cell

MAX_IMAGE_HEIGHT = 11 * cm


def issues_part(db, width: float) -> list:
    s = styles()
    rows = portrait.list_issues(db)
    # A part of its own: its heading never sits alone under the last chart.
    story: list = [PageBreak(), *heading(_("Enjeux et diagnostics"))]
    if not rows:
        return story + [Paragraph(esc(_("Aucun enjeu ni diagnostic n'est encore noté.")), s.body)]
    for issue in rows:
        what = label(issue.kind, IssueKind)
        details = " · ".join(x for x in (what, issue.theme, issue.population) if x)
        parts = [
            Paragraph(esc(issue.title), s.item),
            Paragraph(esc(details), s.muted),
            *paragraphs(issue.text, s.body),
        ]
        if issue.indicators:
            parts.append(Paragraph(esc(_("Ce que disent les indicateurs :")), s.small))
            parts += [Paragraph("• " + esc(t), s.small) for t in issue.indicators]
        if issue.contributions:
            parts.append(Paragraph(esc(_("Ce qu'en dit le milieu :")), s.small))
            parts += [Paragraph("• « " + esc(t) + " »", s.small) for t in issue.contributions]
        story.append(KeepTogether(parts))
    return story


def stories_part(db, today: dt.date) -> list:
    """Only the stories whose residents consent to their publication, under a pseudonym."""
    s = styles()
    rows = portrait.printable_stories(db, today)
    story: list = heading(_("Histoires de résident·es"))
    if not rows:
        return story + [Paragraph(esc(_("Aucune histoire publiable pour l'instant.")), s.body)]
    story.append(
        Paragraph(
            esc(_("Publiées avec le consentement des personnes, sous un pseudonyme.")), s.muted
        )
    )
    for row in rows:
        title = row.pseudonym + (f" — {row.theme}" if row.theme else "")
        story.append(KeepTogether([Paragraph(esc(title), s.item), *paragraphs(row.text, s.body)]))
    return story


def _image(data: bytes, width: float, pixels: tuple[int, int]) -> Image:
    w, h = pixels
    scale = min(width / w, MAX_IMAGE_HEIGHT / h)
    return Image(io.BytesIO(data), width=w * scale, height=h * scale, hAlign="LEFT")


def images_part(db, width: float) -> list:
    s = styles()
    rows = portrait.list_images(db)
    if not rows:
        return []
    story: list = heading(_("Cartes et images"))
    for number, row in enumerate(rows, start=1):
        caption = _("Figure {n} — {caption}").format(n=number, caption=row.caption)
        parts = [
            _image(portrait.image_data(db, row.id), width, (row.width, row.height)),
            Spacer(1, 0.1 * cm),
            Paragraph(esc(caption), s.small),
        ]
        if row.source:
            parts.append(
                Paragraph(esc(_("Source : {source}").format(source=row.source)), muted_cell())
            )
        parts.append(Spacer(1, 0.3 * cm))
        story.append(KeepTogether(parts))
    return story


def _counts_table(title: str, rows, width: float):
    body = [[Paragraph(esc(name), styles().cell), Paragraph(format_number(n), styles().cell)]
            for name, n in rows]  # fmt: skip
    return data_table([header_row([title, _("Nombre")], [1]), *body], [width * 0.75, width * 0.25])


def milieu_part(db, today: dt.date, width: float) -> list:
    s = styles()
    milieu = portrait.community_milieu(db, today)
    story: list = [PageBreak(), *heading(_("Portrait du milieu communautaire"))]
    story.append(
        Paragraph(
            esc(_("{n} organismes actifs au registre, par secteur :").format(
                n=format_number(milieu.organizations))),
            s.body,
        )
    )  # fmt: skip
    if milieu.organizations_by_sector:
        story.append(_counts_table(_("Secteur"), milieu.organizations_by_sector, width))
    if milieu.partner_roles:
        story += [Spacer(1, 0.3 * cm), _counts_table(_("Rôle de partenaire"),
                                                     milieu.partner_roles, width)]  # fmt: skip
    if milieu.chantiers:
        story += [
            Spacer(1, 0.3 * cm),
            _counts_table(_("Chantier (personnes qui y participent)"), milieu.chantiers, width),
        ]
    for section in milieu.sections:
        if section.text:
            story += heading(section.title, item=True)
            story += paragraphs(section.text, s.body)
    return story
