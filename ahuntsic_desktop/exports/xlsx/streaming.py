"""The cells of a data sheet's rows: styles made once per column and look, and, for a
streamed (openpyxl write-only) sheet, the styled cells reused from row to row and handed
to openpyxl without its slow path for a cell given as a value.

openpyxl's ``WriteOnlyWorksheet`` turns each appended value into a cell by assigning it to
a cell's ``value``; a styled cell given as a value fails that assignment (its exception
message formats the cell's repr: 0.5 s for 76,000 cells of the member register), then a
fresh cell is made for the next value, and each styled cell's style is looked up again in
the workbook's list of styles when it is written. :func:`stream_rows` gives a write-only
sheet a row maker that hands cells through as they are, and :class:`StyledCell` keeps its
style's number in the workbook. The XML written is the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy

from openpyxl.cell.cell import Cell, WriteOnlyCell


class StyledCell(Cell):
    """A write-only cell whose style never changes once made, reused for every value of
    its column and look: its style's number is looked up once (again only if openpyxl
    gives a date a number format of its own)."""

    __slots__ = ("_format_id", "_style_id")

    def __init__(self, ws) -> None:
        super().__init__(ws)
        self._format_id = self._style_id = None

    @property
    def style_id(self) -> int:
        style = self._style
        if style is None or self._format_id != style.numFmtId:
            self._style_id = self.parent.parent._cell_styles.add(style)
            self._format_id = style.numFmtId
        return self._style_id


class PlacedRow(Sequence):
    """A row of ``width`` places given by its non-empty ones, ``{index from 0: value}``:
    a matrix's row (a person by 500 meetings) made without its blanks. Reads as the full
    row (blank places are None); :meth:`present` gives the non-empty ones in order."""

    __slots__ = ("places", "width")

    def __init__(self, width: int, places: dict[int, object]) -> None:
        self.width, self.places = width, places

    def __len__(self) -> int:
        return self.width

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.width))]
        if index < 0:
            index += self.width
        if not 0 <= index < self.width:
            raise IndexError(index)
        return self.places.get(index)

    def present(self) -> list[tuple[int, object]]:
        """``(column from 1, value)`` of the places that hold something, in order."""
        return [
            (i + 1, value)
            for i, value in sorted(self.places.items())
            if value is not None and value != ""
        ]


class SparseRow(list):
    """A row given as ``(column, value or cell)`` pairs of its non-empty places, in order:
    a matrix's row of 200 places holds a few marks (see :func:`stream_rows`)."""


def stream_rows(ws) -> None:
    """Make ``ws`` (write-only) turn appended rows into cells without an exception per
    styled cell, and take a :class:`SparseRow`; the XML written is the same. Left as it is
    if openpyxl has no such hook (then a :class:`SparseRow` cannot be appended)."""
    if not hasattr(type(ws), "_values_to_row"):
        return

    def values_to_row(values, row_idx):
        cell = WriteOnlyCell(ws)
        places = values if isinstance(values, SparseRow) else enumerate(values, 1)
        for col_idx, value in places:
            if value is None:
                continue
            if isinstance(value, Cell):  # a styled cell, written as it is
                value.column, value.row = col_idx, row_idx
                if value.hyperlink is not None:
                    value.hyperlink.ref = value.coordinate
                yield value
                continue
            cell.value = value
            cell.column, cell.row = col_idx, row_idx
            yield cell
            if cell.has_style:  # openpyxl gave a date its format: a fresh one next
                cell = WriteOnlyCell(ws)

    ws._values_to_row = values_to_row


def append_row(ws, row: SparseRow, width: int) -> None:
    """Append ``row`` to the write-only sheet ``ws`` (as a full row of ``width`` places if
    openpyxl had no hook for :func:`stream_rows`)."""
    if "_values_to_row" not in vars(ws):
        full: list = [None] * width
        for column, value in row:
            full[column - 1] = value
        row = full
    ws.append(row)


class Styles:
    """Styles of a data sheet's cells, made once per column and look, then copied: setting
    a style through openpyxl's descriptors hashes it every time (slow on 100,000 cells)."""

    def __init__(self) -> None:
        self.made: dict[tuple, object] = {}

    def apply(self, cell, column: int, number_format, risky: bool, alignment) -> None:
        key = (column, number_format, risky, id(alignment))
        style = self.made.get(key)
        if style is not None:
            cell._style = copy(style)
            return
        if number_format:
            cell.number_format = number_format
        if risky:
            cell.quotePrefix = True
        if alignment is not None:
            cell.alignment = alignment
        self.made[key] = copy(cell._style)

    def streamed(self, ws, column: int, number_format, risky: bool, alignment):
        """The write-only cell of a column and look, styled once: a streamed row is written
        when appended, so the next row can reuse the cell."""
        key = ("cell", column, number_format, risky, id(alignment))
        cell = self.made.get(key)
        if cell is None:
            cell = self.made[key] = StyledCell(ws)
            self.apply(cell, column, number_format, risky, alignment)
        return cell
