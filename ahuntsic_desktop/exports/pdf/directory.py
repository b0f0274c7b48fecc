"""Bottin des membres: member organisations by sector with their representatives, and the
individual members who agreed to appear. Marked « Confidentiel : renseignements
personnels » on every page, with the privacy officer named from the settings; a person's
email and phone appear only with their consent to appear in the directory."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from ...i18n import N_, _, ngettext
from ...services.core import settings as settings_service
from ...services.registry.directory import Directory, DirectoryEntry, DirectoryPerson, directory
from ..catalog import ExportOptions, Progress
from ..privacy_marks import banner_for
from .common import (
    ALERT,
    ALERT_HEX,
    MUTED_HEX,
    RULE,
    DocumentSpec,
    build_pdf,
    data_table,
    date_words,
    esc,
    frame_width,
    header_row,
    styles,
)
from .composition import composition_story
from .lazy_story import LazyStory

CONFIDENTIAL = N_("Confidentiel : renseignements personnels")


def _banner(text: str, width: float) -> Table:
    s = styles()
    table = Table(
        [[Paragraph(f'<font color="{ALERT_HEX}"><b>{esc(text)}</b></font>', s.body)]],
        colWidths=[width],
    )
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, ALERT),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _privacy(book: Directory, width: float) -> list:
    s = styles()
    if book.privacy_officer_name.strip():
        officer = esc(book.privacy_officer_name.strip())
        if book.privacy_officer_contact.strip():
            officer += " — " + esc(book.privacy_officer_contact.strip())
    else:
        officer = esc(_("non désigné·e (à indiquer dans les paramètres de la table)"))
    lines = [
        esc(
            _(
                "Ce bottin est réservé aux membres de la table. Ne le diffusez pas et ne "
                "l'utilisez pas à d'autres fins. Les coordonnées personnelles n'y paraissent "
                "qu'avec le consentement des personnes concernées ; détruisez les copies "
                "périmées."
            )
        ),
        "<b>{}</b> {}".format(
            esc(_("Responsable de la protection des renseignements personnels :")), officer
        ),
    ]
    return [_banner(_(CONFIDENTIAL), width), Spacer(1, 6)] + [
        Paragraph(line, s.small) for line in lines
    ]


def email_markup(email: str | None, width: float) -> str:
    """An address never cut inside a word: whole when it fits the column, else broken after
    its « @ », else set smaller until it fits (reportlab would cut it anywhere)."""
    if not email:
        return ""
    cell = styles().cell
    room = width - 14  # the cell's paddings, and a margin

    def fits(text: str, size: float = cell.fontSize) -> bool:
        return stringWidth(text, cell.fontName, size) <= room

    if fits(email):
        return esc(email)
    local, at, domain = email.partition("@")
    if at and fits(local + at) and fits(domain):
        return f"{esc(local)}@<br/>{esc(domain)}"
    size = cell.fontSize
    while size > 5 and not fits(email, size):
        size -= 0.5
    return f'<font size="{size}">{esc(email)}</font>'


def _contact(person: DirectoryPerson, width: float) -> str:
    if not person.consented:
        return f'<font color="{MUTED_HEX}">{esc(_("coordonnées non publiées"))}</font>'
    parts = [email_markup(person.email, width), esc(person.phone)]
    return "<br/>".join(p for p in parts if p) or f'<font color="{MUTED_HEX}">—</font>'


def _organization(entry: DirectoryEntry, width: float) -> KeepTogether:
    s = styles()
    name = esc(entry.name) + (f" ({esc(entry.acronym)})" if entry.acronym else "")
    contact = " · ".join(esc(p) for p in (entry.phone, entry.email, entry.website) if p)
    details = "<br/>".join(p for p in (esc(entry.address), contact) if p)
    parts: list = [Paragraph(name, s.item)]
    if details:
        parts.append(Paragraph(details, s.small))
    if entry.representatives:
        rows = [
            [
                Paragraph(esc(person.name), s.cell),
                Paragraph(esc(person.role), s.cell),
                Paragraph(_contact(person, width * 0.54), s.cell),
            ]
            for person in entry.representatives
        ]
        table = Table(rows, colWidths=[width * 0.3, width * 0.16, width * 0.54], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        parts += [Spacer(1, 2), table]
    else:
        parts.append(Paragraph(esc(_("Aucun·e représentant·e inscrit·e.")), s.muted))
    return KeepTogether(parts)


def _individuals(people: list[DirectoryPerson], width: float) -> list:
    s = styles()
    story = [Paragraph(esc(_("Membres à titre individuel")), s.heading)]
    if not people:
        return story + [
            Paragraph(esc(_("Aucun membre individuel n'a consenti à paraître.")), s.muted)
        ]
    rows = [header_row([_("Nom"), _("Courriel"), _("Téléphone")])]
    for person in people:
        rows.append(
            [
                Paragraph(esc(person.name), s.cell),
                Paragraph(email_markup(person.email, width * 0.42) or "—", s.cell),
                Paragraph(esc(person.phone) or "—", s.cell),
            ]
        )
    story.append(data_table(rows, [width * 0.36, width * 0.42, width * 0.22]))
    return story


def write(db, path: Path | str, options: ExportOptions, progress: Progress | None = None) -> Path:
    table_settings = settings_service.load(db)
    width = frame_width(table_settings.paper_size)
    book = directory(db, options.day)
    if progress:
        progress(1, 3)
    s = styles()
    title = _("Bottin des membres {year}").format(year=book.year_label)
    count = len(book.organizations)
    story: list = [
        Paragraph(esc(title), s.title),
        Paragraph(
            esc(
                "{} — {}".format(
                    table_settings.table_name,
                    _("à jour au {date}").format(date=date_words(options.day)),
                )
            ),
            s.subtitle,
        ),
        *_privacy(book, width),
        Paragraph(
            esc(ngettext("{n} organisme membre", "{n} organismes membres", count).format(n=count)),
            s.muted,
        ),
    ]

    def rest():  # made as the layout reaches them: at x400, 15,511 organisations
        for sector in book.sectors:
            yield Paragraph(esc(sector), s.heading)
            for entry in book.organizations:
                if entry.sector == sector:
                    yield _organization(entry, width)
        yield Spacer(1, 0.4 * cm)
        yield from _individuals(book.individuals, width)
        yield from composition_story(db, "CC", options.day, width, named=True)

    if progress:
        progress(2, 3)
    spec = DocumentSpec(
        title=title,
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_(CONFIDENTIAL),
        confidential=banner_for(db),
    )
    result = build_pdf(path, LazyStory(story, rest()), spec)
    if progress:
        progress(3, 3)
    return result
