"""Read one sheet of an .xlsx workbook without trusting it.

An .xlsx file is a zip of XML parts; a hostile or broken one can hold a « zip bomb » (a
1 MB file that expands to a gigabyte), a value in the last cell of the sheet (XFD1048576),
a million empty rows that only carry a style, or a 10 MB cell. So, before openpyxl reads
anything, the zip's directory is checked against size and compression limits; then the
sheet is streamed row by row (openpyxl's own streaming parser, without the filling of
missing rows that ``iter_rows`` does), keeping only the rows that hold a value, and
stopping at the limits of :mod:`.limits`. A cell longer than Excel's own limit refuses its
row only; the rest of the sheet is still read.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ...i18n import _, format_number
from ..core import ValidationError
from . import limits
from .fields import normalize_header

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
_CHUNK = 1024 * 1024
_OVERLAP = 4096  # a tag cut between two chunks is found whole in the next one


def _megabytes(size: int) -> str:
    return format_number(max(1, round(size / limits.MEGABYTE)))


def check_archive(path: Path) -> None:
    """Refuse a workbook whose parts would expand past the limits (a « zip bomb »), from
    the zip's directory alone: nothing is decompressed."""
    with zipfile.ZipFile(path) as archive:
        members = archive.infolist()
    if len(members) > limits.MAX_PARTS:
        log.warning("import refused: %d zip members", len(members))
        raise ValidationError(
            _("« {name} » contient {count} parties : ce n'est pas un classeur ordinaire.").format(
                name=path.name, count=format_number(len(members))
            )
        )
    total = 0
    for member in members:
        size, packed = member.file_size, max(1, member.compress_size)
        total += size
        too_big = size > limits.MAX_PART_BYTES
        suspect = size > limits.RATIO_CHECKED_ABOVE and size / packed > limits.MAX_RATIO
        if too_big or suspect or total > limits.MAX_UNPACKED_BYTES:
            log.warning(
                "import refused: zip member of %d bytes packed in %d (total %d)",
                size,
                packed,
                total,
            )
            raise ValidationError(
                _(
                    "« {name} » est refusé : une fois décompressé, il occuperait plus de "
                    "{size} Mo (compressé {ratio} fois). C'est le signe d'un fichier piégé "
                    "(« bombe zip ») ou démesuré ; un classeur de membres ordinaire en fait "
                    "quelques-uns. Enregistrez les données dans un nouveau classeur ou en CSV."
                ).format(
                    name=path.name,
                    size=_megabytes(max(size, total)),
                    ratio=format_number(round(size / packed)),
                )
            )


def _chunks(archive: zipfile.ZipFile, member: str):
    """The bytes of ``member``, a megabyte at a time, each with the end of the previous."""
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            yield tail + chunk
            tail = chunk[-_OVERLAP:]


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_VALUE_CELL = re.compile(
    rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]+)(\d+)"[^>]*(?<!/)>\s*<(?:\w+:)?(?:v|is|f)[\s>]'
)
# The closing tag of a value, looked for first: over the 70 MB of a million empty rows it
# is found (or not) thirty times faster than by the expression above.
_VALUE_SIGN = re.compile(rb"</(?:\w+:)?(?:v|is|f)>")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.decode():
        number = number * 26 + ord(letter) - 64
    return number


def _scan(
    archive: zipfile.ZipFile, member: str, after_row: int | None
) -> tuple[list[tuple[int, int, int, int]], str | None]:
    """One streamed pass over the sheet's XML for what the row parser did not give:
    - the merged cells (first row, first column, last row, last column), 1-based, which
      read-only sheets do not give;
    - when ``after_row`` is given, the first cell holding a value below it (« C20000 »)."""
    merges, found = set(), None
    for chunk in _chunks(archive, member):
        if b"mergeCell" in chunk:
            for c1, r1, c2, r2 in _MERGE.findall(chunk):
                first_col, first_row = _column_number(c1), int(r1)
                last_col = _column_number(c2) if c2 else first_col
                last_row = int(r2) if r2 else first_row
                merges.add((first_row, first_col, last_row, last_col))
        if after_row is not None and found is None and _VALUE_SIGN.search(chunk):
            for letters, row in _VALUE_CELL.findall(chunk):
                if int(row) > after_row:
                    found = letters.decode() + row.decode()
                    break
    return sorted(merges), found


@dataclass
class SheetRows:
    grid: list[tuple[int, list]]  # (row number, values) of the rows holding a value
    names: tuple[str, ...]
    sheet: str
    merges: list[tuple[int, int, int, int]]
    problems: dict[int, str] = field(default_factory=dict)  # row number -> why refused


def _stream_rows(parsed, progress: Progress | None) -> tuple[list, dict[int, str], int | None]:
    """The rows holding a value, the rows refused, and the row after which only empty rows
    were found for a long stretch (None when the sheet ended normally)."""
    grid: list[tuple[int, list]] = []
    problems: dict[int, str] = {}
    empty_run = 0
    for number, cells in parsed:
        values: dict[int, object] = {}
        for cell in cells:
            value, column = cell["value"], cell["column"]
            if value is None or value == "":
                continue
            if column > limits.MAX_COLUMNS:
                raise ValidationError(
                    limits.too_wide(f"{limits.column_letter(column - 1)}{number}")
                )
            if isinstance(value, str) and len(value) > limits.MAX_CELL_LENGTH:
                cell_name = f"{limits.column_letter(column - 1)}{number}"
                problems.setdefault(number, limits.too_long_cell(cell_name, len(value), number))
                continue
            values[column] = value
        if not values and number not in problems:
            empty_run += 1
            if empty_run >= limits.EMPTY_ROWS_GAP:
                return grid, problems, grid[-1][0] if grid else 0
            continue
        empty_run = 0
        if len(grid) >= limits.MAX_ROWS:
            raise ValidationError(limits.too_many_rows())
        row = [None] * max(values, default=0)
        for column, value in values.items():
            row[column - 1] = value
        grid.append((number, row))
        if progress is not None and len(grid) % 1000 == 0:
            progress(len(grid), 0)
    return grid, problems, None


def sheet_names(path: Path) -> list[str]:
    from openpyxl import load_workbook

    check_archive(path)
    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def read_sheet(path: Path, sheet: str | None, progress: Progress | None) -> SheetRows:
    """The rows of ``sheet`` (the first that is not instructions when None)."""
    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser

    check_archive(path)
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        names = tuple(workbook.sheetnames)
        if sheet is None:
            sheet = next(
                (n for n in names if normalize_header(n) not in ("instructions", "aide")),
                names[0],
            )
        worksheet = workbook[sheet]
        archive, member = workbook._archive, worksheet._worksheet_path
        with archive.open(member) as source:
            # The parser ReadOnlyWorksheet.iter_rows uses, without its filling of missing
            # rows and columns (a million rows of None for one far cell).
            parser = WorkSheetParser(
                source,
                worksheet._shared_strings,
                data_only=True,
                epoch=workbook.epoch,
                date_formats=workbook._date_formats,
                timedelta_formats=workbook._timedelta_formats,
            )
            grid, problems, stopped_after = _stream_rows(parser.parse(), progress)
        merges, cell = _scan(archive, member, stopped_after)
        if cell is not None:
            raise ValidationError(limits.values_after_gap(cell, stopped_after))
    finally:
        workbook.close()
    return SheetRows(grid, names, sheet, merges, problems)
