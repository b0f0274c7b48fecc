"""How a sheet prints: landscape or portrait, one page wide, its header row on every page,
and a printed header and footer whose parts fit beside one another."""

from __future__ import annotations

import datetime as dt

from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from ...i18n import _, format_date
from .measure import header_footer_text, header_parts


def print_setup(
    ws: Worksheet,
    title: str,
    table_name: str,
    day: dt.date,
    paper_size: str = "letter",
    *,
    landscape: bool = True,
    title_rows: str | None = "1:1",
    short_name: str = "",
) -> None:
    """Landscape (or portrait), one page wide, header row on every page, and the table's
    name (its ``short_name`` when room is scarce), the title, the date and the page number
    in the printed header and footer, fitted so that they never run into one another."""
    setup = ws.page_setup
    setup.orientation = "landscape" if landscape else "portrait"
    setup.paperSize = Worksheet.PAPERSIZE_A4 if paper_size == "a4" else Worksheet.PAPERSIZE_LETTER
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins = PageMargins(left=0.5, right=0.5, top=0.8, bottom=0.7, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = False
    if title_rows:
        ws.print_title_rows = title_rows
    header, footer = ws.oddHeader, ws.oddFooter
    left, center, right, size = header_parts(
        table_name, title, format_date(day), landscape=landscape, short_name=short_name
    )
    header.left.text = header_footer_text(left, 200)
    header.center.text = "&B" + header_footer_text(center, 200)
    header.right.text = header_footer_text(right, 200)
    footer.left.text = "&A"  # the sheet's name
    footer.right.text = header_footer_text(_("Page {page} de {pages}"), 40).format(
        page="&P", pages="&N"
    )
    for part in (header.left, header.center, header.right):
        part.size = size
    for part in (footer.left, footer.right):
        part.size = 9
