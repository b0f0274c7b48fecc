"""Réponse à une demande d'accès: everything the file holds about one person, readable,
marked confidential, with the person in charge of personal information."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table

from ...i18n import _, format_date, format_money, format_time
from ...services.privacy.access import RequestInfo
from ...services.privacy.dossier import PersonFile, Section
from ..privacy_marks import confidential_banner, pdf_banner, printable
from .access_journal import readable_journal
from .common import (
    BOX_FILL,
    RULE,
    DocumentSpec,
    build_pdf,
    data_table,
    date_words,
    esc,
    frame_width,
    header_row,
    heading,
    styles,
    table_style,
)

# widths of the columns whose kind says how long their values are
FIXED = {
    "date": 2.9 * cm,
    "datetime": 3.3 * cm,
    "bool": 1.8 * cm,
    "money": 2.3 * cm,
    "int": 1.6 * cm,
}


def changes_text(value: object) -> str:
    """A journal entry's changes, one field a line: « email : a → b »."""
    if not isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    lines = []
    for key, change in value.items():
        if isinstance(change, list) and len(change) == 2:
            old, new = ("—" if v is None else printable(v) for v in change)
            lines.append(f"{key} : {old} → {new}")
        else:
            lines.append(f"{key} : {'—' if change is None else printable(change)}")
    return "\n".join(lines)


def cell_text(value: object, kind: str) -> str:
    """A value as the report prints it: « 26 novembre 2026 », « 50,00 $ », « Oui »."""
    if value is None or value == "":
        return "—"
    if kind == "bool":
        return _("Oui") if value else _("Non")
    if kind == "json":
        return changes_text(value)
    if kind == "money" and isinstance(value, int):
        return format_money(value)
    if kind == "datetime" and isinstance(value, dt.datetime):
        return _("{date} à {time}").format(date=format_date(value), time=format_time(value.time()))
    if isinstance(value, dt.date):
        return format_date(value)
    return printable(value)


def _widths(section: Section, width: float) -> list[float]:
    """Typed columns get their fixed width. Text columns first get room for their longest
    word (so « Présent·e » never breaks), then share the rest by the length of their
    values (a sample), so long texts get room and short codes don't."""
    s = styles()
    fixed = [FIXED.get(c.kind) for c in section.columns]
    sample = section.rows[:60]
    floors, weights = {}, {}
    for i, column in enumerate(section.columns):
        if fixed[i] is not None:
            continue
        texts = [cell_text(row[i], column.kind) for row in sample]
        words = [w for text in texts for w in text.split()]
        widest = max((stringWidth(w, s.cell.fontName, s.cell.fontSize) for w in words), default=0)
        title = max(
            stringWidth(w, s.header_cell.fontName, s.header_cell.fontSize)
            for w in column.title.split() or [""]
        )
        floors[i] = min(4.5 * cm, max(widest, title) + 10)
        average = sum(len(t) for t in texts) / max(1, len(texts))
        weights[i] = min(60.0, max(1.0, average))
    room = width - sum(w for w in fixed if w)
    if sum(floors.values()) > room:  # too many wide words: shrink the floors alike
        shrink = room / sum(floors.values())
        floors = {i: w * shrink for i, w in floors.items()}
    free = room - sum(floors.values())
    total = sum(weights.values()) or 1.0
    return [
        fixed[i] if fixed[i] is not None else floors[i] + max(0.0, free) * weights[i] / total
        for i in range(len(section.columns))
    ]


RECORD_SECTIONS = {"merged"}  # whole records, laid out like the identity


def _section(section: Section, width: float) -> list:
    s = styles()
    story = heading(section.title)
    if not section.rows:
        story.append(Paragraph(esc(_("Aucun renseignement.")), s.muted))
        return story
    rows = [header_row([c.title for c in section.columns])]
    for values in section.rows:
        rows.append(
            [
                Paragraph(esc(cell_text(v, c.kind)), s.cell)
                for v, c in zip(values, section.columns, strict=True)
            ]
        )
    story.append(data_table(rows, _widths(section, width)))
    return story


def _identity(section: Section, width: float) -> list:
    """A record's fields one per line (the person's own, or those merged into it)."""
    s = styles()
    story = heading(section.title)
    if not section.rows:
        story.append(Paragraph(esc(_("Aucun renseignement.")), s.muted))
    for values in section.rows:
        rows = [
            [Paragraph(esc(c.title), s.cell_bold), Paragraph(esc(cell_text(v, c.kind)), s.cell)]
            for c, v in zip(section.columns, values, strict=True)
        ]
        story += [data_table(rows, [5 * cm, width - 5 * cm], header=False), Spacer(1, 6)]
    return story


def _intro(person_file: PersonFile, request: RequestInfo | None) -> list:
    s = styles()
    if request is not None:
        received = _("Demande reçue le {date} ; réponse due au plus tard le {due}.").format(
            date=date_words(request.received_on), due=date_words(request.due_on)
        )
    else:
        received = ""
    text = _(
        "Voici l'ensemble des renseignements personnels que {table} détient à votre sujet "
        "dans son fichier, à la date indiquée. Si un renseignement est inexact, incomplet ou "
        "équivoque, vous pouvez en demander la rectification ; vous pouvez aussi retirer un "
        "consentement ou demander l'effacement de vos renseignements, en vous adressant à la "
        "personne responsable de la protection des renseignements personnels."
    ).format(table=person_file.table_subject)
    story = [Paragraph(esc(text), s.body)]
    if received:
        story.append(Paragraph(esc(received), s.body))
    return story


def _officer_box(person_file: PersonFile, width: float) -> list:
    s = styles()
    lines = [
        f"<b>{esc(_('Personne responsable de la protection des renseignements personnels'))}</b>"
    ]
    lines.append(esc(person_file.officer_name.strip() or _("non désignée")))
    if person_file.officer_contact.strip():
        lines.append(esc(person_file.officer_contact.strip()))
    box = Table([[Paragraph("<br/>".join(lines), s.body)]], colWidths=[width], hAlign="LEFT")
    box.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return [Spacer(1, 14), box]


def write_access_report(
    path: Path | str, person_file: PersonFile, request: RequestInfo | None = None
) -> Path:
    """The readable answer to an access request, as a PDF at ``path``."""
    s = styles()
    width = frame_width(person_file.paper_size)
    banner = confidential_banner(person_file.officer_name, person_file.officer_contact)
    title = _("Renseignements personnels détenus")
    generated = _("Dossier n° {id} — produit le {date} à {time}").format(
        id=person_file.person_id,
        date=date_words(person_file.generated_at.date()),
        time=format_time(person_file.generated_at.time()),
    )
    story: list = [
        Paragraph(esc(title), s.title),
        Paragraph(esc(f"{person_file.full_name} · {generated}"), s.subtitle),
        *pdf_banner(banner, width),
        *_intro(person_file, request),
        *_identity(person_file.identity, width),
    ]
    for section in person_file.sections:
        if section.key == "audit":
            section = readable_journal(section, person_file)
        records = section.key in RECORD_SECTIONS
        story += _identity(section, width) if records else _section(section, width)
    story += _officer_box(person_file, width)
    spec = DocumentSpec(
        title=title,
        table_name=person_file.table_name,
        paper_size=person_file.paper_size,
        footer=f"{banner.title} · {person_file.full_name}",
        subject=_("Réponse à une demande d'accès"),
        confidential=banner,
    )
    return build_pdf(path, story, spec)
