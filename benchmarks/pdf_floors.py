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


def minutes(path: str, meeting: str, today: str, out: str) -> dict:
    """The minutes' flowables, bare: title, subtitle, sentence; a heading and one paragraph
    per attendance status (every name with its organisation, joined by « · »); per agenda
    item a heading, a paragraph per block of its minutes, and per resolution a one-column
    table (title, a row per block of text, the outcome); the follow-ups table (header row,
    four Paragraph cells a row); the approval sentence and the two-column signatures
    table."""
    from reportlab.platypus import Paragraph, Spacer, Table

    detail, lines, items, resolutions, follow_ups = _meeting_data(path, int(meeting), today)
    begin = _clock()
    s = _sample()
    body, heading, width = s["BodyText"], s["Heading2"], 612 - 2 * 72
    story = [
        Paragraph("Procès-verbal", s["Title"]),
        Paragraph(escape(detail.title), body),
        Paragraph(escape(f"Procès-verbal de la rencontre « {detail.title} »"), body),
        Paragraph("Présences", heading),
    ]
    for status in ("present", "excuse", "absent"):
        group = [line for line in lines if line.status == status]
        if group:
            names = " · ".join(
                escape(f"{line.first_name} {line.last_name}")
                + (f" ({escape(line.organization)})" if line.organization else "")
                for line in group
            )
            story.append(Paragraph(f"<b>{status} ({len(group)}) :</b> {names}", body))
    by_item: dict = {}
    for resolution in resolutions:
        by_item.setdefault(resolution.agenda_item_id, []).append(resolution)

    def blocks(text: str | None) -> list[str]:
        return [escape(b.strip()) for b in (text or "").split("\n\n") if b.strip()]

    for item in items:
        story.append(Paragraph(escape(f"{item.number}. {item.title}"), s["Heading3"]))
        story += [Paragraph(block, body) for block in blocks(item.minutes_text)]
        for resolution in by_item.get(item.id, []):
            rows = [[Paragraph(f"<b>{escape(resolution.title)}</b>", body)]]
            rows += [[Paragraph(block, body)] for block in blocks(resolution.text)]
            rows.append([Paragraph(f"<i>{escape(resolution.outcome_label)}</i>", body)])
            story.append(Table(rows, colWidths=[width]))
    if follow_ups:
        story.append(Paragraph("Suivis", heading))
        rows = [["Suivi", "Responsable", "Échéance", "Statut"]]
        rows += [
            [
                escape(f.description),
                escape(f.owner),
                f.due_date.isoformat() if f.due_date else "",
                escape(f.status_label),
            ]
            for f in follow_ups
        ]
        story.append(_table(rows, [0.6 * (width - 156), 0.4 * (width - 156), 94, 62], True))
    story.append(Paragraph("<i>Projet de procès-verbal.</i>", body))
    cells = [
        [Spacer(1, 34), Paragraph("_" * 30, body), Paragraph(role, body)]
        for role in ("Présidence", "Secrétariat")
    ]
    story.append(Table([cells], colWidths=[width / 2, width / 2]))
    return _since(begin, _build(out, story))
