"""How wide a workbook's columns and how tall its rows: from the real text, measured with
Calibri's widths (:mod:`.measure`), within a cap, never cutting a word of a title."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from openpyxl.styles import Alignment
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

from .measure import line_count, text_width

if TYPE_CHECKING:
    from .common import Col

MAX_WIDTH = 40  # characters; longer text wraps
LINE_HEIGHT = 15.0  # points per line of 11-point text (Calibri, or Carlito in LibreOffice)
DEFAULT_WIDTHS = {"date": 12, "datetime": 17, "time": 9, "money": 14, "percent": 11, "bool": 9}


def title_floor(title: str) -> float:
    """The width the longest word of a (bold) column title needs: a header wraps between
    words, never inside one (« Personne-ressource », « intersectoriel »)."""
    return max((text_width(word) * 1.1 + 1.5 for word in title.split()), default=0.0)


def word_floor(values: Sequence) -> float:
    """The width the longest word among ``values`` needs (« Personne-ressource »,
    « intersections »): a reader wraps between words and cuts a word too long for its
    column. Capped at :data:`MAX_WIDTH` (an email longer than that wraps)."""
    longest = max(
        (text_width(word) for v in values if isinstance(v, str) for word in v.split()),
        default=0.0,
    )
    return min(longest + 1.0, MAX_WIDTH) if longest else 0.0


def column_width(column: Col, values: Sequence) -> tuple[float, bool]:
    """The column's width in characters from its real text (values and title), capped at
    :data:`MAX_WIDTH`, and whether its text must wrap to fit."""
    words = word_floor(values)
    if column.rotate:
        return max(column.width or 4.5, words), False
    floor = title_floor(column.title)
    if column.kind in DEFAULT_WIDTHS:
        default = max(DEFAULT_WIDTHS[column.kind], min(len(column.title) + 2, 18))
        return max(column.width or default, floor), column.wrap
    longest = max((text_width(str(v)) for v in values[:300] if v not in (None, "")), default=0)
    header = min(text_width(column.title) * 1.1, 24)  # bold
    natural = float(max(8, round(longest + 2), round(header + 3)))
    width = max(column.width or min(natural, MAX_WIDTH), min(floor, MAX_WIDTH), words)
    return width, column.wrap or longest > width - 0.6


class MeasuredRow(RowDimension):
    """A row height written without ``customHeight``: an estimate, not a height the person
    chose. LibreOffice prints with it (it does not measure rows when it opens a file);
    Excel and LibreOffice fit the row again as soon as it is edited."""

    @property
    def customHeight(self):  # noqa: N802 (openpyxl's name)
        return False


def measured_height(ws: Worksheet, row: int, lines: int, *, padding: float = 3) -> None:
    """Give ``row`` room for ``lines`` lines of 11-point text (at most 12)."""
    estimated_height(ws, row, LINE_HEIGHT * min(lines, 12) + padding)


def estimated_height(ws: Worksheet, row: int, points: float) -> None:
    """``row`` ``points`` tall, as an estimate (see :class:`MeasuredRow`)."""
    dimension = ws.row_dimensions.get(row)  # none yet for most rows: not made to be replaced
    hidden, level = (False, 0) if dimension is None else (dimension.hidden, dimension.outlineLevel)
    ws.row_dimensions[row] = MeasuredRow(
        ws, index=row, ht=points, hidden=hidden, outlineLevel=level
    )


def wrap_texts(ws: Worksheet, row: int, widths: Sequence[float]) -> None:
    """Wrap the text cells of ``row`` (columns as wide as ``widths``) and give the row
    the height its longest text needs."""
    lines = 1
    for column, width in enumerate(widths, start=1):
        cell = ws.cell(row, column)
        if isinstance(cell.value, str) and cell.data_type == "s":
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = max(lines, line_count(cell.value, width))
    if lines > 1:
        measured_height(ws, row, lines)
        for column in range(1, ws.max_column + 1):  # the figures at the top, beside the text
            cell = ws.cell(row, column)
            if cell.value is not None and not isinstance(cell.value, str):
                cell.alignment = Alignment(horizontal=cell.alignment.horizontal, vertical="top")
