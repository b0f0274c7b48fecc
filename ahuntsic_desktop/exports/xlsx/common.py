"""What every workbook shares: styles, number formats, print set-up, formula neutralisation,
progress and atomic saving.

A data sheet has its header in row 1 (bold on a dark fill, frozen, filterable, repeated on
every printed page), real dates and numbers with Québec formats (``1 234,56 $``,
``2026-11-26``, ``19 h 30``), and prints in landscape, one page wide, with the table's
name, the document's title, the date and « Page 2 de 5 » in its header and footer.

Text that a spreadsheet would read as a formula (starting with = + - @, a tab or a line
break) is stored as a plain string cell with Excel's *quote prefix* style: the value is
unchanged, shown as typed, and can never run (formula or CSV injection).

openpyxl is imported when this module is: import it only when exporting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ...i18n import _
from ...private_files import write_atomically
from ...services.core.listing import Column
from .layout import (  # noqa: F401 (shared with the writers)
    DEFAULT_WIDTHS,
    LINE_HEIGHT,
    MAX_WIDTH,
    column_width,
    estimated_height,
    measured_height,
    wrap_texts,
)
from .measure import (  # noqa: F401 (shared with the writers)
    cut_to_width,
    header_footer_text,
    header_parts,
    line_count,
    sheet_name,
    text_width,
)
from .printing import print_setup
from .streaming import PlacedRow, SparseRow, Styles, append_row, stream_rows

Progress = Callable[[int, int], None]  # (steps done, steps in all)

HEADER_FILL = "1F4E79"
BAND_FILL = "EEF3F8"
SECTION_FILL = "D9E2EC"
RULE_COLOR = "9AA5B1"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
MAX_CELL_TEXT = 32_000  # Excel holds 32,767 characters in a cell
MEASURED_KEPT = 32_768  # wrapped texts whose line counts a data sheet remembers (~1.5 MB)

# Number formats with the fr-CA locale tag: LibreOffice then shows « 1 234,56 $ » whatever
# its own language; Excel uses the computer's separators (those of Québec there).
FORMATS = {
    "date": "yyyy-mm-dd",
    "datetime": "yyyy-mm-dd hh:mm",
    "time": 'h\\ "h"\\ mm',
    "money": '[$-C0C]#,##0.00\\ "$"',
    "int": "[$-C0C]#,##0",
    "number": "[$-C0C]#,##0.##",
    "average": "[$-C0C]#,##0.0",
    "percent": "[$-C0C]0\\ %",
}

FONT_NAME = "Calibri"
WHITE_BOLD = Font(name=FONT_NAME, bold=True, color="FFFFFF")
BOLD = Font(name=FONT_NAME, bold=True)
HEADER_STYLE_FILL = PatternFill("solid", fgColor=HEADER_FILL)
SECTION_STYLE_FILL = PatternFill("solid", fgColor=SECTION_FILL)
HEADER_RULE = Border(bottom=Side(style="thin", color="000000"))
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
CENTER_TOP = Alignment(horizontal="center", vertical="top")
CENTERED = {"date", "datetime", "time", "bool"}


@dataclass(frozen=True)
class Col:
    """A workbook column: its header, the kind of its values and how it is laid out."""

    title: str
    kind: str = "text"  # text, int, money, date, datetime, time, bool, percent, number, average
    width: float | None = None
    wrap: bool = False
    hidden: bool = False
    rotate: bool = False  # header written vertically (matrix columns)
    centered: bool = False  # values centred (the marks of a matrix)


def cols(columns: Iterable[Column], **widths: float) -> list[Col]:
    """Workbook columns for the columns of a service :class:`~...listing.Table`."""
    return [Col(c.title, c.kind, widths.get(c.key)) for c in columns]


def clean_text(text: str) -> str:
    """Text without the control characters a workbook cannot hold, within Excel's limit."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_CELL_TEXT]


def needs_neutralising(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def converted(value: object, kind: str = "text") -> tuple[object, str | None, bool]:
    """(the value as the workbook holds it, its number format, whether it is text that must
    be kept from running as a formula)."""
    if kind == "money" and isinstance(value, int):
        value = Decimal(value) / 100
    elif kind == "bool":
        value = _("Oui") if value else _("Non")
    if isinstance(value, str):
        text = clean_text(value)
        return text, None, needs_neutralising(text)
    number_format = FORMATS.get(kind)
    if number_format is None and isinstance(value, dt.datetime):
        number_format = FORMATS["datetime"]
    elif number_format is None and isinstance(value, dt.date):
        number_format = FORMATS["date"]
    return value, number_format, False


def put(cell, value: object, kind: str = "text") -> None:
    """Write ``value`` to ``cell`` as the right type, with its number format; text that looks
    like a formula stays text (string data type, quote prefix)."""
    if value is None or value == "":
        return
    value, number_format, risky = converted(value, kind)
    cell.value = value
    if risky:
        cell.data_type = "s"
        cell.quotePrefix = True
    if number_format:
        cell.number_format = number_format


class Book:
    """A workbook being written: sheets, document properties, progress, atomic save."""

    def __init__(
        self,
        title: str,
        *,
        table_name: str,
        paper_size: str = "letter",
        subject: str = "",
        progress: Progress | None = None,
        now: dt.datetime | None = None,
        banner=None,
        short_name: str = "",
        streamed: bool = False,
    ) -> None:
        self.title = title
        # A streamed book is an openpyxl write-only workbook: each data sheet's rows go to
        # the file as they are made (no Cell objects kept: about the write-only floor's time
        # and memory). Its sheets cannot be changed once written: only for writers that add
        # nothing to a sheet's cells after data_sheet (conditional formats still can be).
        self.streamed = streamed
        self.short_name = short_name  # for printed headers where the full name has no room
        # With a ConfidentialBanner (exports.privacy_marks) the workbook holds personal
        # information: every data sheet shows the mark in row 1 (header in row 2), and the
        # properties and printed footers carry it (see :meth:`save`).
        self.banner = banner
        self.header_row = 2 if banner is not None else 1
        self.table_name = table_name
        self.paper_size = paper_size
        self.now = now or dt.datetime.now().replace(microsecond=0)
        self.workbook = Workbook(write_only=streamed)
        if not streamed:
            self.workbook.remove(self.workbook.active)
        props = self.workbook.properties
        props.title = title
        props.subject = subject or title
        props.creator = "Ahuntsic Desktop"
        props.lastModifiedBy = "Ahuntsic Desktop"
        props.description = table_name
        props.created = props.modified = self.now
        props.language = "fr-CA"
        self._progress = progress
        self.total = 1
        self.done = 0

    # -- progress ------------------------------------------------------------------------
    def expect(self, steps: int) -> None:
        """Announce how many steps (rows, mostly) the whole workbook will take."""
        self.total = max(1, steps)

    def advance(self, steps: int = 1) -> None:
        before = self.done
        self.done = min(self.done + steps, self.total)
        if self._progress is not None and (self.done // 250 != before // 250 or steps > 1):
            self._progress(self.done, self.total)

    # -- sheets --------------------------------------------------------------------------
    @property
    def first_row(self) -> int:
        """The row of a data sheet's first record (under the header)."""
        return self.header_row + 1

    def last_row(self, count: int) -> int:
        """The row of a data sheet's last record when it has ``count``."""
        return self.header_row + count

    def new_sheet(self, title: str) -> Worksheet:
        ws = self.workbook.create_sheet(sheet_name(title, self.workbook.sheetnames))
        if self.streamed:
            stream_rows(ws)
        return ws

    def data_sheet(
        self,
        title: str,
        columns: Sequence[Col],
        rows: Iterable[Sequence],
        *,
        frozen_columns: int = 0,
        banding: bool = True,
        bold_rows: bool = False,  # rows a conditional format may set bold: measured so
    ) -> Worksheet:
        """A sheet with a header in row 1 and one row per item of ``rows`` (an iterable: a
        streamed book writes each row as it comes, keeping none)."""
        ws = self.new_sheet(title)
        rows = iter(rows)
        head = list(islice(rows, 300))  # the rows that size the columns
        top = self.header_row
        kinds = [c.kind for c in columns]
        if head and isinstance(head[0], PlacedRow):  # by their places: blanks not visited
            samples: list[list] = [[] for _column in columns]  # each column's first values
            for row in head:
                for i, value in row.places.items():
                    samples[i].append(value)
        else:
            samples = [[row[i] for row in head] for i in range(len(columns))]
        widths, wraps = [], []
        for i, column in enumerate(columns):
            width, wrap = column_width(column, samples[i])
            letter = get_column_letter(i + 1)
            ws.column_dimensions[letter].width = width
            ws.column_dimensions[letter].hidden = column.hidden
            widths.append(ws.column_dimensions[letter].width)
            wraps.append(wrap)
        # Everything but the cells first: a write-only sheet writes its column widths,
        # frozen panes and fit-to-page flag with its first row (its filter and conditional
        # formats after the rows, so those are set once the rows are counted).
        last = get_column_letter(max(1, len(columns)))
        ws.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{top + 1}"
        self.print_setup(ws, title_rows=f"1:{top}")
        if self.banner is not None:
            from ..privacy_marks import mark_first_row

            if self.streamed:
                ws.append([mark_first_row(ws, self.banner, cell=WriteOnlyCell(ws))])
            else:
                mark_first_row(ws, self.banner)
        from .header import write_header

        header = [] if self.streamed else None
        write_header(ws, columns, row=top, cells=header)
        if header is not None:
            ws.append(header)
        aligned = [
            WRAP_TOP if w else CENTER_TOP if k in CENTERED or c.centered else None
            for w, k, c in zip(wraps, kinds, columns, strict=True)
        ]
        styles = Styles()
        wrapped = [i for i, wrap in enumerate(wraps) if wrap]
        measured: dict[tuple[int, str], int] = {}  # (column, text): its lines
        r = top
        for r, values in enumerate(chain(head, rows), start=top + 1):
            lines = 1
            for i in wrapped:
                if values[i] not in (None, ""):
                    text = str(values[i])
                    count = measured.get((i, text))
                    if count is None:
                        if len(measured) >= MEASURED_KEPT:  # a big sheet's texts: not all kept
                            measured.clear()
                        count = measured[i, text] = line_count(text, widths[i], bold=bold_rows)
                    lines = max(lines, count)
            if lines > 1:
                measured_height(ws, r, lines)  # before the row: a streamed row is final
            row_out = SparseRow() if self.streamed else None
            present = (
                values.present()
                if isinstance(values, PlacedRow)
                else [(c, v) for c, v in enumerate(values, 1) if v is not None and v != ""]
            )
            for c, value in present:  # a matrix's row is mostly empty places
                kind = kinds[c - 1]
                if value.__class__ is str and kind != "bool":  # most values: no format
                    value = clean_text(value)
                    number_format, risky = None, value.startswith(FORMULA_STARTS)
                else:
                    value, number_format, risky = converted(value, kind)
                alignment = aligned[c - 1] or (TOP if lines > 1 else None)
                styled = number_format or risky or alignment is not None
                if row_out is not None and not styled:
                    row_out.append((c, value))
                    continue
                if row_out is not None:  # one styled cell a column and look, reused:
                    cell = styles.streamed(ws, c, number_format, risky, alignment)
                    cell.value = value  # written as the row is appended
                    if risky:
                        cell.data_type = "s"
                    row_out.append((c, cell))
                    continue
                cell = ws.cell(r, c, value)
                if risky:
                    cell.data_type = "s"
                if styled:
                    styles.apply(cell, c, number_format, risky, alignment)
            if row_out is not None:
                append_row(ws, row_out, len(values))
                if lines > 1:  # written with the row: its height is not needed again
                    del ws.row_dimensions[r]
            self.advance()
        ws.auto_filter.ref = f"A{top}:{last}{r}"
        if banding and r > top:
            band(ws, f"A{top + 1}:{last}{r}")
        return ws

    def print_setup(
        self, ws: Worksheet, *, landscape: bool = True, title_rows: str = "1:1"
    ) -> None:
        print_setup(
            ws,
            self.title,
            self.table_name,
            self.now.date(),
            self.paper_size,
            landscape=landscape,
            title_rows=title_rows,
            short_name=self.short_name,
        )

    def save(self, path: Path | str) -> Path:
        if not self.workbook.sheetnames:
            self.new_sheet(self.title)
        if self.banner is not None:
            from ..privacy_marks import mark_workbook

            mark_workbook(self.workbook, self.banner)
        path = save_atomically(self.workbook, path)
        if self._progress is not None:
            self._progress(self.total, self.total)
        return path


def band(ws: Worksheet, ref: str) -> None:
    """Light zebra stripes on every other row of ``ref`` (one conditional format)."""
    ws.conditional_formatting.add(
        ref, FormulaRule(formula=["MOD(ROW(),2)=1"], fill=PatternFill("solid", bgColor=BAND_FILL))
    )


def save_atomically(workbook: Workbook, path: Path | str) -> Path:
    """Save to a temporary file beside ``path``, then move it into place: a failed export
    leaves the previous file (if any) as it was and no half-written one."""
    return write_atomically(Path(path), workbook.save)  # private temporary file, swept
