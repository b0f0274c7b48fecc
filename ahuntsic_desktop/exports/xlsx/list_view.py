"""« Exporter la liste… »: the rows and columns a list shows, as a tidy workbook.

The header is bold on a dark fill, frozen and filterable; dates are real dates, money is a
number with a ``1 234,56 $`` format, yes/no columns read « Oui »/« Non », and text a
spreadsheet would take for a formula (starting with = + - @, a tab or a line break) is
written as text behind an apostrophe so it can never run (CSV/formula injection).

openpyxl is imported when this module is: import it only when exporting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ...i18n import _
from ...private_files import write_atomically
from ...services.core.listing import Column, Table
from .streaming import StyledCell, stream_rows

HEADER_FILL = "1F4E79"
BANNER_COLOUR = "B42318"  # the confidential mark (privacy_marks.BANNER_HEX)
DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = '#,##0.00\\ "$"'
INT_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
TIME_FORMAT = "h:mm"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
PROGRESS_EVERY = 500

Progress = Callable[[int, int], None]  # (rows written, rows in all)


def neutralise(text: str) -> str:
    """Text that a spreadsheet will never read as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell_value(value: object, kind: str) -> object:
    """A Python value as the workbook should hold it for a column of ``kind``."""
    if value is None or value == "":
        return None
    if kind == "money":
        return Decimal(int(value)) / 100
    if kind == "bool":
        return _("Oui") if value else _("Non")
    if kind in ("int", "percent") and isinstance(value, int | float | Decimal):
        return value
    if kind in ("date", "time") and isinstance(value, dt.date | dt.time):
        return value
    return neutralise(str(value))


def _formats() -> dict[str, str]:
    return {
        "money": MONEY_FORMAT,
        "date": DATE_FORMAT,
        "int": INT_FORMAT,
        "percent": PERCENT_FORMAT,
        "time": TIME_FORMAT,
    }


def _width(column: Column, values: list) -> float:
    if column.kind == "date":
        return 12
    if column.kind == "money":
        return 14
    sample = [len(str(value)) for value in values[:200] if value is not None]
    longest = max([len(column.title), *sample])
    return min(max(8, longest + 2), 60)


def write_list(
    path: Path | str,
    table: Table,
    *,
    title: str,
    columns: Sequence[int] | None = None,
    rows: Sequence[int] | None = None,
    progress: Progress | None = None,
    banner=None,
) -> Path:
    """Write ``table`` (only ``columns`` and ``rows`` indexes when given, in that order) to
    the workbook ``path``, atomically; returns the path. With ``banner`` (a
    :class:`~ahuntsic_desktop.exports.privacy_marks.ConfidentialBanner`) the file is marked
    as holding personal information: in its properties, printed footer and first line
    (the header then comes second)."""
    path = Path(path)
    column_indexes = list(range(len(table.columns))) if columns is None else list(columns)
    row_indexes = list(range(len(table.rows))) if rows is None else list(rows)
    shown = [table.columns[i] for i in column_indexes]
    formats = _formats()

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    top = 2 if banner is not None else 1  # the header's row
    sheet.freeze_panes = f"A{top + 1}"
    sheet.print_title_rows = f"1:{top}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0
    sample = [[table.rows[r][i] for r in row_indexes[:200]] for i in column_indexes]
    for number, column in enumerate(shown, start=1):
        dimension = sheet.column_dimensions[get_column_letter(number)]
        dimension.width = _width(column, [cell_value(v, column.kind) for v in sample[number - 1]])

    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    rule = Border(bottom=Side(style="thin", color="000000"))
    if banner is not None:
        mark = WriteOnlyCell(sheet, value=banner.text)
        mark.font = Font(bold=True, color=BANNER_COLOUR)
        sheet.append([mark])
    header = []
    for column in shown:
        cell = WriteOnlyCell(sheet, value=neutralise(column.title))
        cell.font, cell.fill, cell.border = bold, fill, rule
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        header.append(cell)
    sheet.append(header)

    total = len(row_indexes)
    stream_rows(sheet)  # styled cells handed to openpyxl as they are
    styled: dict[int, StyledCell] = {}  # one formatted cell a column, reused row by row
    for done, r in enumerate(row_indexes, start=1):
        values = table.rows[r]
        line = []
        for i, column in zip(column_indexes, shown, strict=True):
            value = cell_value(values[i], column.kind)
            number_format = formats.get(column.kind)
            if number_format and value is not None and not isinstance(value, str):
                cell = styled.get(i)
                if cell is None:
                    cell = styled[i] = StyledCell(sheet)
                    cell.number_format = number_format
                cell.value = value  # written as the row is appended
                line.append(cell)
            else:
                line.append(value)
        sheet.append(line)
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
    last = get_column_letter(max(1, len(shown)))
    sheet.auto_filter.ref = f"A{top}:{last}{total + top}"
    workbook.properties.title = title
    workbook.properties.creator = "Ahuntsic Desktop"
    if banner is not None:
        from ..privacy_marks import mark_workbook

        mark_workbook(workbook, banner)

    write_atomically(path, workbook.save)  # private temporary file, swept if killed
    if progress is not None:
        progress(total, total)
    return path


def _sheet_title(title: str) -> str:
    """A valid sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = " ".join("".join(" " if c in "[]:*?/\\" else c for c in title).split())
    cleaned = cleaned or _("Liste")
    return cleaned[:31]
