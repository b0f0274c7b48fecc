"""Reçu de cotisation: one page per paid membership, with the amount in figures
(« 50,00 $ ») and in words (« cinquante dollars »)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from ...i18n import _, format_money
from ...services.registry.receipts import ReceiptData, receipt_data
from ...store import Database
from .common import BOX_FILL, RULE, DocumentSpec, build_pdf, date_words, esc, frame_width, styles


def _styles() -> dict[str, ParagraphStyle]:
    s = styles()
    return {
        "number": ParagraphStyle("number", parent=s.subtitle, alignment=TA_RIGHT, spaceAfter=0),
        "amount": ParagraphStyle("amount", parent=s.title, fontSize=22, leading=26, spaceAfter=2),
        "label": ParagraphStyle("label", parent=s.muted, fontSize=8.5, leading=11, spaceAfter=1),
    }


def _box(rows: list[list], width: float) -> Table:
    table = Table(rows, colWidths=[width * 0.32, width * 0.68], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), BOX_FILL),
                ("LINEBELOW", (0, 0), (-1, -2), 0.4, colors.white),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return table


def _table_address(data: ReceiptData) -> list:
    """The table's own address under its name, when the settings give one."""
    if not data.table_address.strip():
        return []
    return [Paragraph(esc(data.table_address.strip()), styles().muted), Spacer(1, 0.2 * cm)]


def _consecutive(numbers: list[str]) -> bool:
    """``2026-0001, 2026-0002, 2026-0003``: one year, sequences that follow one another."""
    parts = [n.rsplit("-", 1) for n in numbers]
    if any(len(p) != 2 or not p[1].isdigit() for p in parts) or len({p[0] for p in parts}) > 1:
        return False
    sequences = [int(p[1]) for p in parts]
    return sequences == list(range(sequences[0], sequences[0] + len(sequences)))


def numbers_text(numbers: list[str]) -> str:
    """The footer says which receipts the file holds: « Reçus n° 2026-0001 à 2026-0003 »
    only when they follow one another, else their list (their count and ends past five)."""
    if len(numbers) == 1:
        return _("Reçu n° {number}").format(number=numbers[0])
    if _consecutive(numbers):
        return _("Reçus n° {first} à {last}").format(first=numbers[0], last=numbers[-1])
    if len(numbers) <= 5:
        return _("Reçus n° {numbers}").format(numbers=", ".join(numbers))
    return _("{count} reçus non consécutifs, du n° {first} au n° {last}").format(
        count=len(numbers), first=min(numbers), last=max(numbers)
    )


def _receipt(data: ReceiptData, width: float) -> list:
    s, extra = styles(), _styles()
    heading = Table(
        [
            [
                Paragraph(esc(_("Reçu de cotisation")), s.title),
                Paragraph(
                    esc(_("N° {number}").format(number=data.receipt_number)), extra["number"]
                ),
            ]
        ],
        colWidths=[width * 0.65, width * 0.35],
        hAlign="LEFT",
    )
    heading.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (0, 0), 0)])
    )
    member = f"<b>{esc(data.member_name)}</b>"
    if data.member_address:
        member += "<br/>" + esc(data.member_address)
    rows = [
        [Paragraph(esc(_("Reçu de")), s.cell_bold), Paragraph(member, s.cell)],
        [
            Paragraph(esc(_("Pour")), s.cell_bold),
            Paragraph(
                esc(
                    _("la cotisation de membre de l'année {year} (catégorie : {category})").format(
                        year=data.year_label, category=data.category
                    )
                ),
                s.cell,
            ),
        ],
        [
            Paragraph(esc(_("Payée le")), s.cell_bold),
            Paragraph(
                esc(
                    _("{date}, par {method}").format(
                        date=date_words(data.paid_on), method=data.payment_method.lower()
                    )
                    if data.payment_method
                    else date_words(data.paid_on)
                ),
                s.cell,
            ),
        ],
    ]
    signature = Table(
        [
            ["", ""],
            [
                Paragraph(esc(_("Date : {date}").format(date=date_words(data.issued_on))), s.cell),
                Paragraph(esc(data.signed_for), s.cell),
            ],
        ],
        colWidths=[width * 0.45, width * 0.55],
        rowHeights=[1.4 * cm, None],
        hAlign="LEFT",
    )
    signature.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, 0), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return [
        KeepTogether(
            [
                heading,
                Paragraph(esc(data.table_name), s.subtitle),
                *_table_address(data),
                Paragraph(esc(_("Montant reçu")), extra["label"]),
                Paragraph(esc(format_money(data.amount_cents)), extra["amount"]),
                Paragraph(esc(data.amount_words.capitalize()), s.body),
                Spacer(1, 0.3 * cm),
                _box(rows, width),
                Spacer(1, 0.6 * cm),
                signature,
                Spacer(1, 0.8 * cm),
                Paragraph(
                    esc(
                        _(
                            "Ce reçu atteste le paiement d'une cotisation de membre ; "
                            "ce n'est pas un reçu officiel de don aux fins de l'impôt."
                        )
                    ),
                    s.muted,
                ),
            ]
        )
    ]


def write_receipts(receipts: Iterable[ReceiptData], path: Path | str) -> Path:
    """One receipt per page, in the order given; returns the path."""
    receipts = list(receipts)
    if not receipts:
        raise ValueError("no receipt to write")
    first = receipts[0]
    width = frame_width(first.paper_size)
    story: list = []
    for index, data in enumerate(receipts):
        if index:
            story.append(PageBreak())
        story += _receipt(data, width)
    numbers = [r.receipt_number for r in receipts]
    spec = DocumentSpec(
        title=_("Reçu de cotisation") if len(receipts) == 1 else _("Reçus de cotisation"),
        table_name=first.table_name,
        paper_size=first.paper_size,
        footer=numbers_text(numbers),
        subject=", ".join(numbers),
    )
    return build_pdf(path, story, spec)


def write_receipt_file(
    db: Database, membership_ids: Iterable[int], path: Path | str, *, today: dt.date | None = None
) -> Path:
    """The receipts of paid ``membership_ids`` (numbered when they had none) in one PDF."""
    return write_receipts(receipt_data(db, membership_ids, today=today), path)
