"""A data sheet's header row: bold white titles on a dark fill, wrapped or rotated (the
columns of a matrix), its height measured to hold them."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.cell.cell import WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from .common import (
    HEADER_RULE,
    HEADER_STYLE_FILL,
    WHITE_BOLD,
    Col,
    column_width,
    cut_to_width,
    estimated_height,
    line_count,
    measured_height,
    put,
    text_width,
)

ROTATED_MAX = 170  # points: the tallest a header of rotated titles grows
BOLD_POINTS = 5.8  # points a digit width of bold 11-point Calibri takes along a rotated line


def _rotated_lines(column: Col) -> int:
    """A rotated title wraps into as many vertical lines as its column's width allows."""
    return max(1, int((column.width or 4.5) / 4))


def _rotated_title(column: Col) -> str:
    """A rotated title cut on a word when even the tallest header cannot hold it (a long
    chantier name), rather than clipped in the middle of a word."""
    room = (ROTATED_MAX - 14) / BOLD_POINTS * _rotated_lines(column)
    return cut_to_width(column.title, room, 1.1)


def write_header(
    ws: Worksheet, columns: Sequence[Col], row: int = 1, *, cells: list | None = None
) -> None:
    """The styled header in ``row``; with ``cells``, its cells are made for a write-only
    sheet and added to that list (the caller appends them as the row)."""
    rotated = any(c.rotate for c in columns)
    for c, column in enumerate(columns, start=1):
        if cells is None:
            cell = ws.cell(row, c)
        else:
            cell = WriteOnlyCell(ws)
            cells.append(cell)
        put(cell, _rotated_title(column) if column.rotate else column.title)
        cell.font, cell.fill, cell.border = WHITE_BOLD, HEADER_STYLE_FILL, HEADER_RULE
        cell.alignment = Alignment(
            wrap_text=not column.rotate or (column.width or 0) >= 8,
            vertical="bottom" if rotated else "center",
            horizontal="center" if column.rotate else None,
            textRotation=90 if column.rotate else 0,
        )
    if rotated:
        needed = max(
            text_width(_rotated_title(c)) * 1.1 * BOLD_POINTS / _rotated_lines(c) + 14
            for c in columns
            if c.rotate
        )
        estimated_height(ws, row, min(ROTATED_MAX, max(60, needed)))
    else:
        lines = max(
            (line_count(c.title, column_width(c, [])[0], bold=True) for c in columns), default=1
        )
        measured_height(ws, row, max(lines, 1), padding=5)
