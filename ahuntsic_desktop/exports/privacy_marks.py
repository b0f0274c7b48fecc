"""The mark every export holding personal information carries (Law 25): the words
« Confidentiel : renseignements personnels » and the person in charge of the protection of
personal information, from the settings.

Plain text first (:func:`confidential_banner`), so any document can print it; then small
helpers for PDFs (:func:`pdf_banner`; ``DocumentSpec.confidential`` puts it in the
metadata and on every page) and workbooks (``Book(banner=...)``: :func:`mark_first_row`,
:func:`mark_worksheet`, :func:`mark_workbook`), which import reportlab or openpyxl only
when called. Every writer of a document holding personal information uses them; documents
without any (the plan, templates, counts for a funder) carry no mark.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..i18n import N_, _, ngettext
from ..services.core import settings as settings_service
from ..store import Database

CONFIDENTIAL = N_("Confidentiel : renseignements personnels")
BANNER_HEX = "#b42318"


@dataclass(frozen=True)
class ConfidentialBanner:
    title: str  # « Confidentiel : renseignements personnels »
    officer: str  # « Responsable de la protection des renseignements personnels : ... »
    who: str = ""  # the person in charge alone: « Josée Tremblay (vieprivee@...) »

    @property
    def lines(self) -> tuple[str, str]:
        return self.title, self.officer

    @property
    def text(self) -> str:
        return f"{self.title} — {self.officer}"

    @property
    def short(self) -> str:
        """One short line for a page's foot: the mark and who answers for it."""
        return _("{mark} — responsable : {who}").format(mark=self.title, who=self.who)


def printable(text: object) -> str:
    """``text`` without control characters (line breaks and tabs kept)."""
    return "".join(c for c in str(text) if c in "\n\t" or unicodedata.category(c) != "Cc")


def officer_who(officer_name: str = "", officer_contact: str = "") -> str:
    """The person in charge, with their contact, or said to be missing."""
    name = " ".join(printable(officer_name or "").split())
    contact = " ".join(printable(officer_contact or "").split())
    if not name and not contact:
        return _("non désignée (à préciser dans les paramètres)")
    if name and contact:
        return f"{name} ({contact})"
    return name or contact


def officer_line(officer_name: str = "", officer_contact: str = "") -> str:
    who = officer_who(officer_name, officer_contact)
    return _("Responsable de la protection des renseignements personnels : {who}").format(who=who)


def confidential_banner(officer_name: str = "", officer_contact: str = "") -> ConfidentialBanner:
    """The mark, with the person in charge named (or said to be missing)."""
    return ConfidentialBanner(
        _(CONFIDENTIAL),
        officer_line(officer_name, officer_contact),
        officer_who(officer_name, officer_contact),
    )


def banner_for(db: Database) -> ConfidentialBanner:
    """The mark for the open file, with the person in charge from its settings."""
    settings = settings_service.load(db)
    return confidential_banner(settings.privacy_officer_name, settings.privacy_officer_contact)


def pdf_banner(banner: ConfidentialBanner, width: float) -> list:
    """A framed two-line block for the top of a PDF document's first page."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table

    from .pdf.common import esc, styles, table_style

    s = styles()
    red = colors.HexColor(BANNER_HEX)
    block = Table(
        [
            [Paragraph(f'<font color="{BANNER_HEX}"><b>{esc(banner.title)}</b></font>', s.body)],
            [Paragraph(esc(banner.officer), s.small)],
        ],
        colWidths=[width],
        hAlign="LEFT",
    )
    block.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 1.2, red),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fef3f2")),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [block, Spacer(1, 10)]


def mark_first_row(ws, banner: ConfidentialBanner, row: int = 1, cell=None):
    """Write the mark, with the person in charge, as the sheet's visible first line (in
    ``cell``, a write-only sheet's cell the caller appends, when given)."""
    from openpyxl.styles import Font

    if cell is None:
        cell = ws.cell(row, 1)
    cell.value = banner.text
    cell.font = Font(name="Calibri", bold=True, color=BANNER_HEX.lstrip("#").upper())
    ws.row_dimensions[row].height = 20
    return cell


def mark_worksheet(ws, banner: ConfidentialBanner) -> None:
    """Print the mark, with who answers for it, in the centre of the sheet's footer."""
    footer = ws.oddFooter.center
    footer.text = (banner.short if banner.who else banner.title).replace("&", "&&")[:200]
    footer.size = 9
    footer.color = BANNER_HEX.lstrip("#").upper()


def mark_workbook(workbook, banner: ConfidentialBanner) -> None:
    """Say in the file's properties that it holds personal information, and who answers
    for it, and mark every sheet's printed footer."""
    props = workbook.properties
    props.category = banner.title
    props.keywords = f"{banner.title}; {banner.officer}"
    description = props.description or ""
    if banner.officer not in description:
        props.description = "\n".join(part for part in (description, banner.officer) if part)
    for ws in workbook.worksheets:
        mark_worksheet(ws, banner)


def left_out_text(count: int) -> str:
    """How many present persons were left out of « Contacts » for want of consent."""
    return ngettext(
        "{n} personne présente n'y figure pas : elle n'a pas consenti à la communication de "
        "ses coordonnées aux bailleurs de fonds.",
        "{n} personnes présentes n'y figurent pas : elles n'ont pas consenti à la "
        "communication de leurs coordonnées aux bailleurs de fonds.",
        count,
    ).format(n=count)
