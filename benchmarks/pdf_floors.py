"""Floors for the PDF exports: a bare reportlab build of the same flowables.

Each floor reads the document's data outside the clock (the services' plain rows: frozen
dataclasses, no ORM object reaches reportlab), then, on the clock, builds the same
paragraphs and tables with the same cell texts, using reportlab's sample style sheet
(Helvetica, ``BodyText`` for cells and text, ``Heading2`` for sections, ``Heading4`` for
an organisation's name, ``Title`` for the title), and lays them out with
``SimpleDocTemplate`` on Letter paper: its default page template, no header, no footer,
no page-number pass, no watermark, no ``KeepTogether``, no font registration, no French
typography, none of ``ahuntsic_desktop.exports`` code. Text is escaped with
``xml.sax.saxutils.escape``. What the documents do on top of that (their fonts, styles,
headers and footers, "Page n de N", keeping an organisation whole on a page, French
spacing, fitting e-mail addresses) is what the ratio to this floor measures.

The minutes' floor is the exception: it uses the document's own fonts (DejaVu Sans,
registered on the clock as the document does), styles (body 10/14) and frame, because its
one paragraph of names spans many pages and reportlab's cost for a paragraph split over
pages grows with the square of their number: in Helvetica 10/12 it spanned 25 pages
against the document's 31, a cheaper layout than the document's, not the same flowables.

``benchmarks/measures.py`` calls these; nothing here asserts.
"""

from __future__ import annotations

import datetime as dt
import time
from xml.sax.saxutils import escape


def _sample():
    from reportlab.lib.styles import getSampleStyleSheet

    return getSampleStyleSheet()


def _build(out: str, story: list) -> int:
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import SimpleDocTemplate

    doc = SimpleDocTemplate(out, pagesize=letter)
    doc.build(story)
    return doc.page


def _table(rows: list[list[str]], widths: list[float], header: bool):
    """Paragraph cells, a grid line under each row, the header repeated on each page."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    cell = _sample()["BodyText"]
    table = Table(
        [[Paragraph(text, cell) for text in row] for row in rows],
        colWidths=widths,
        repeatRows=1 if header else 0,
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey),
            ]
        )
    )
    return table


def bottin_data(path: str, today: str):
    """The bottin's data as the export reads it: the directory service's rows and the
    CC's composition rows (plain dataclasses)."""
    from ahuntsic_desktop.services.governance import composition
    from ahuntsic_desktop.services.registry.directory import directory
    from ahuntsic_desktop.store import Database

    db = Database.open(path, backup=False)
    day = dt.date.fromisoformat(today)
    book = directory(db, day)
    seats = composition(db, "CC", day)
    db.close()
    return book, seats


def bottin(path: str, today: str, out: str) -> dict:
    """The bottin's flowables, bare: title, subtitle, the two privacy paragraphs and the
    count; per sector a heading, per member organisation a paragraph with its name, one
    with its address and contacts, and a table of its representatives (name, role,
    e-mail and phone or « coordonnées non publiées »: three Paragraph cells a row) or a
    paragraph saying there is none; the individual members' table (name, e-mail, phone,
    header row); the CC's composition table (six columns, header row)."""
    from reportlab.platypus import Paragraph

    book, seats = bottin_data(path, today)
    begin, cpu = time.perf_counter(), time.process_time()
    s = _sample()
    body, heading, width = s["BodyText"], s["Heading2"], 612 - 2 * 72
    story = [
        Paragraph(escape(f"Bottin des membres {book.year_label}"), s["Title"]),
        Paragraph(escape(f"à jour au {today}"), body),
        Paragraph("Confidentiel : renseignements personnels", body),
        Paragraph(escape("Ce bottin est réservé aux membres de la table."), body),
        Paragraph(escape(f"Responsable : {book.privacy_officer_name}"), body),
        Paragraph(f"{len(book.organizations)} organismes membres", body),
    ]
    for sector in book.sectors:
        story.append(Paragraph(escape(sector), heading))
        for entry in book.organizations:
            if entry.sector != sector:
                continue
            name = escape(entry.name) + (f" ({escape(entry.acronym)})" if entry.acronym else "")
            story.append(Paragraph(name, s["Heading4"]))
            contact = " · ".join(escape(p) for p in (entry.phone, entry.email, entry.website) if p)
            details = "<br/>".join(p for p in (escape(entry.address), contact) if p)
            if details:
                story.append(Paragraph(details, body))
            if not entry.representatives:
                story.append(Paragraph("Aucun·e représentant·e inscrit·e.", body))
                continue
            rows = [
                [
                    escape(p.name),
                    escape(p.role),
                    "<br/>".join(x for x in (escape(p.email), escape(p.phone)) if x)
                    if p.consented
                    else "coordonnées non publiées",
                ]
                for p in entry.representatives
            ]
            story.append(_table(rows, [width * 0.3, width * 0.16, width * 0.54], header=False))
    story.append(Paragraph("Membres à titre individuel", heading))
    rows = [["Nom", "Courriel", "Téléphone"]]
    rows += [
        [escape(p.name), escape(p.email) or "—", escape(p.phone) or "—"] for p in book.individuals
    ]
    story.append(_table(rows, [width * 0.36, width * 0.42, width * 0.22], header=True))
    if seats:
        story.append(Paragraph("Composition", heading))
        rows = [["Siège", "Rôle", "Collège", "Titulaire", "Organisme", "Fin du mandat"]]
        rows += [
            [
                escape(r.label),
                escape(r.role_label),
                escape(r.college_label),
                escape(r.holder),
                escape(r.organization),
                r.end_date.isoformat() if r.end_date else "—",
            ]
            for r in seats
        ]
        story.append(_table(rows, [width / 6] * 6, header=True))
    pages = _build(out, story)
    return {
        "seconds": time.perf_counter() - begin,
        "cpu": time.process_time() - cpu,
        "pages": pages,
    }


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(begin: tuple[float, float], pages: int) -> dict:
    return {
        "seconds": time.perf_counter() - begin[0],
        "cpu": time.process_time() - begin[1],
        "pages": pages,
    }


def _meeting_data(path: str, meeting: int, today: str):
    from ahuntsic_desktop.services.meetings import agenda, meetings
    from ahuntsic_desktop.services.meetings.documents import (
        attendance_sheet,
        meeting_follow_ups,
        meeting_resolutions,
    )
    from ahuntsic_desktop.store import Database

    db = Database.open(path, backup=False)
    data = (
        meetings.get_meeting(db, meeting),
        attendance_sheet(db, meeting),
        agenda.list_agenda(db, meeting),
        meeting_resolutions(db, meeting),
        meeting_follow_ups(db, meeting, today=dt.date.fromisoformat(today)),
    )
    db.close()
    return data


def sheet(path: str, meeting: str, today: str, out: str) -> dict:
    """The attendance sheet's flowables, bare: title, subtitle, date, count; the table of
    everyone on the list (header row, then name, organisation, category, « Oui »/« Non »
    as Paragraph cells and a 0.75 cm Spacer for the signature); a heading and the ten-row
    table for walk-ins (a Spacer, empty cells and « ☐ Oui ☐ Non »); the quorum box (a
    one-cell table of four paragraphs)."""
    from reportlab.platypus import Paragraph, Spacer, Table

    detail, lines, _items, _resolutions, _follow_ups = _meeting_data(path, int(meeting), today)
    begin = _clock()
    s = _sample()
    body, width = s["BodyText"], 612 - 2 * 72
    widths = [122, 90, 85, 37, width - 334]
    story = [
        Paragraph("Feuille de présence", s["Title"]),
        Paragraph(escape(detail.title), body),
        Paragraph(escape(detail.date.isoformat() + " · " + (detail.place or "")), body),
        Paragraph(f"{len(lines)} personnes inscrites", body),
    ]
    titles = ["Nom, prénom", "Organisme", "Catégorie", "Vote", "Signature"]
    rows = [titles]
    rows += [
        [
            escape(line.sort_name),
            escape(line.organization),
            escape(line.category),
            "Oui" if line.voting else "Non",
        ]
        for line in lines
    ]
    table = _table(rows, widths[:4] + [widths[4]], header=True)
    for row in table._cellvalues[1:]:
        row[4] = Spacer(1, 21.26)
    story.append(table)
    story.append(Paragraph("Personnes non inscrites", s["Heading2"]))
    walk_ins = [titles] + [["", "", "", "☐ Oui ☐ Non", ""] for _ in range(10)]
    story.append(_table(walk_ins, widths, header=True))
    quorum = [
        Paragraph(text, body)
        for text in (
            "<b>Quorum requis</b>",
            "Membres votants présents : ________",
            "Quorum atteint : ☐ Oui ☐ Non",
            "Vérifié par : ______________________________",
        )
    ]
    story.append(Table([[quorum]], colWidths=[312]))
    return _since(begin, _build(out, story))


def _minutes_data(path: str, meeting: int, today: str):
    """The minutes' data as the document reads it, and the table's paper size."""
    from ahuntsic_desktop.services.core import settings
    from ahuntsic_desktop.services.meetings import quorum
    from ahuntsic_desktop.services.meetings.documents import meeting_people
    from ahuntsic_desktop.store import Database

    data = _meeting_data(path, meeting, today)
    db = Database.open(path, backup=False)
    extra = (
        quorum.quorum(db, meeting).message,
        meeting_people(db, meeting),
        settings.load(db).paper_size,
    )
    db.close()
    return (*data, *extra)


def _document_styles() -> dict:
    """The minutes' fonts and styles, as ``exports/pdf/common.py`` defines them (the
    same values written out here): DejaVu Sans registered from ``resources/fonts``, body
    10/14, headings 12/16 and 10.5/14 bold, title 17/21 bold, cells 9/11.5."""
    from pathlib import Path

    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = Path(__file__).resolve().parent.parent / "resources" / "fonts"
    names = ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique")
    for name in names:
        pdfmetrics.registerFont(TTFont(name, str(fonts / f"{name}.ttf")))
    pdfmetrics.registerFontFamily(
        names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
    )
    ink, muted = colors.HexColor("#1f2933"), colors.HexColor("#52606d")
    body = ParagraphStyle(
        "body", fontName=names[0], fontSize=10, leading=14, textColor=ink, spaceAfter=6
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=9, leading=11.5, spaceAfter=0)
    return {
        "body": body,
        "cell": cell,
        "header": ParagraphStyle("header_cell", parent=cell, fontName=names[1], fontSize=8.5),
        "muted": ParagraphStyle("muted", parent=body, fontSize=9, leading=12, textColor=muted),
        "title": ParagraphStyle(
            "title", parent=body, fontName=names[1], fontSize=17, leading=21, spaceAfter=4
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=11, leading=15, textColor=muted, spaceAfter=12
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontName=names[1],
            fontSize=12,
            leading=16,
            spaceBefore=12,
            spaceAfter=6,
        ),
        "item": ParagraphStyle(
            "item",
            parent=body,
            fontName=names[1],
            fontSize=10.5,
            leading=14,
            spaceBefore=10,
            spaceAfter=4,
        ),
    }


def minutes(path: str, meeting: str, today: str, out: str) -> dict:
    """The minutes' flowables, bare, in the document's own fonts, styles, page size and
    margins (a 31-page document at x40 spans 31 pages here too; with the sample sheet's
    Helvetica 10/12 it spanned 25, and a paragraph split over more pages costs more: see
    ``exports/pdf/split_lines.py``): title, subtitle, sentence; a heading and one
    paragraph per attendance status (« Présences (n) : » then every name with its
    organisation and « * » when without a vote, joined by « · »), the note on « * », the
    quorum sentence, chair and secretary; per agenda item a heading, a paragraph per
    block of its minutes, and per resolution a one-column table (title, a row per block of
    text, the outcome); the follow-ups table (header row, four Paragraph cells a row); the
    approval sentence and the two-column signatures table. No header, footer, page
    numbers, watermark, ``KeepTogether``, ``CondPageBreak`` or French typography, and none
    of ``ahuntsic_desktop.exports`` code."""
    from reportlab.lib.pagesizes import A4, letter
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    data = _minutes_data(path, int(meeting), today)
    detail, lines, items, resolutions, follow_ups, quorum, people, paper = data
    begin = _clock()
    s = _document_styles()
    body, size = s["body"], A4 if paper == "a4" else letter
    width = size[0] - 4 * cm
    story = [
        Paragraph("Procès-verbal", s["title"]),
        Paragraph(escape(detail.title), s["subtitle"]),
        Paragraph(escape(f"Procès-verbal de la rencontre « {detail.title} »"), body),
        Paragraph("Présences", s["heading"]),
    ]
    groups = (("present", "Présences"), ("excuse", "Absences motivées"), ("absent", "Absences"))
    for status, title in groups:
        group = [line for line in lines if line.status == status]
        if group:
            names = " · ".join(
                escape(" ".join(p for p in (line.first_name, line.last_name) if p))
                + (f" ({escape(line.organization)})" if line.organization else "")
                + ("*" if status == "present" and not line.voting else "")
                for line in group
            )
            story.append(Paragraph(f"<b>{title} ({len(group)}) :</b> {names}", body))
            if status == "present" and any(not line.voting for line in group):
                story.append(Paragraph("* sans droit de vote", s["muted"]))
    story.append(Paragraph(escape(quorum + "."), body))
    story.append(
        Paragraph(escape(f"Présidence : {people.chair} · Secrétariat : {people.secretary}"), body)
    )
    story.append(Paragraph("Déroulement de la rencontre", s["heading"]))
    by_item: dict = {}
    for resolution in resolutions:
        by_item.setdefault(resolution.agenda_item_id, []).append(resolution)

    def blocks(text: str | None) -> list[str]:
        return [escape(b.strip()) for b in (text or "").split("\n\n") if b.strip()]

    for item in items:
        story.append(Paragraph(escape(f"{item.number}. {item.title}"), s["item"]))
        story += [Paragraph(block, body) for block in blocks(item.minutes_text)]
        for resolution in by_item.get(item.id, []):
            title = f"Résolution {resolution.number} — {resolution.title}"
            rows = [[Paragraph(f"<b>{escape(title)}</b>", body)]]
            rows += [[Paragraph(block, body)] for block in blocks(resolution.text)]
            rows.append([Paragraph(f"<i>{escape(resolution.outcome_label)}</i>", body)])
            story.append(Table(rows, colWidths=[width]))
            story.append(Spacer(1, 0.25 * cm))
    if follow_ups:
        story.append(Paragraph("Suivis", s["heading"]))
        rows = [[Paragraph(t, s["header"]) for t in ("Suivi", "Responsable", "Échéance", "Statut")]]
        rows += [
            [
                Paragraph(escape(f.description), s["cell"]),
                Paragraph(escape(f.owner), s["cell"]),
                Paragraph(f.due_date.isoformat() if f.due_date else "", s["cell"]),
                Paragraph(escape(f.status_label), s["cell"]),
            ]
            for f in follow_ups
        ]
        fixed = 5.5 * cm
        widths = [0.6 * (width - fixed), 0.4 * (width - fixed), 3.3 * cm, 2.2 * cm]
        story.append(Table(rows, colWidths=widths, repeatRows=1))
    story.append(Spacer(1, 0.4 * cm))
    story.append(Paragraph("<i>Projet de procès-verbal.</i>", body))
    cells = [
        [
            Spacer(1, 1.2 * cm),
            Paragraph("_" * 30, body),
            Paragraph(f"<b>{escape(name)}</b>", body),
            Paragraph(role, s["muted"]),
            Paragraph("Date : ____________________", s["muted"]),
        ]
        for role, name in (("Présidence", people.chair), ("Secrétariat", people.secretary))
    ]
    story.append(Table([cells], colWidths=[width / 2, width / 2]))
    doc = SimpleDocTemplate(
        out,
        pagesize=size,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2.4 * cm,
        bottomMargin=2 * cm,
        initialFontName="DejaVuSans",
    )
    doc.build(story)
    return _since(begin, doc.page)
