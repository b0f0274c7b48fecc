"""Read a spreadsheet (.xlsx) or a text file (.csv, .txt) into plain rows.

Real files are messy: a title above the headers, headers on two rows under merged cells,
empty rows, trailing spaces, formulas, UTF-8 with or without BOM or Windows-1252, commas or
semicolons. What comes out is one :class:`SourceTable`: the header row found, and every
non-empty row below it with the row number the user sees in Excel.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from ...i18n import _
from ..core import ValidationError
from .fields import normalize_header, recognised_count
from .model import Cancelled

HEADER_SEARCH_ROWS = 30
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SourceRow:
    number: int  # as the user sees it: the Excel row, or the record's line in a CSV file
    cells: tuple


@dataclass
class SourceTable:
    file_name: str
    headers: list[str]
    header_row: int
    rows: list[SourceRow]
    sheet: str | None = None
    sheets: tuple[str, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    ignored_rows: list[int] = field(default_factory=list)  # titles between the data

    def column_title(self, index: int) -> str:
        header = self.headers[index] if index < len(self.headers) else ""
        return header or _("Colonne {letter}").format(letter=column_letter(index))

    @property
    def column_titles(self) -> list[str]:
        return [self.column_title(i) for i in range(len(self.headers))]

    def signature(self) -> str:
        """The same for every file whose header row reads the same (case, accents ignored)."""
        text = "\x1f".join(normalize_header(h) for h in self.headers)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]

    def samples(self, index: int, count: int = 3) -> list[str]:
        """The first few non-blank values of a column, as text."""
        found = []
        for row in self.rows:
            value = row.cells[index] if index < len(row.cells) else None
            if value is not None:
                found.append(cell_text(value) or "")
                if len(found) == count:
                    break
        return found


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def clean_cell(value: object) -> object:
    """Strip text (None when blank, NFC), dates without a time as dates."""
    if value is None:
        return None
    if isinstance(value, str):
        text = unicodedata.normalize("NFC", value).strip()
        return text or None
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date()
    return value


def cell_text(value: object) -> str | None:
    """A cell as the text the user typed: ``5145551234`` not ``5145551234.0``."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("Oui") if value else _("Non")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(" ", "minutes")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value).strip()
    return text or None


# -- text files ---------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (with or without BOM), UTF-16 with a
    BOM, or else Windows-1252 (what Excel writes on Windows)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def sniff_delimiter(text: str) -> str:
    """The delimiter that gives recognised headers, then the most rows of one same width."""
    sample = "\n".join(text.splitlines()[:60])
    best, best_score = ",", (-1, -1, -1)
    for delimiter in (";", ",", "\t", "|"):
        rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if any(r)]
        if not rows:
            continue
        width, frequency = Counter(len(r) for r in rows).most_common(1)[0]
        if width < 2:
            continue
        headers = max(recognised_count(r) for r in rows[:HEADER_SEARCH_ROWS])
        score = (headers, frequency, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_text(path: Path) -> tuple[list[tuple[int, list]], str, str]:
    text, encoding = decode(path.read_bytes())
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    grid = [(number, list(row)) for number, row in enumerate(reader, start=1)]
    return grid, encoding, delimiter


# -- spreadsheets -------------------------------------------------------------------------

_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.decode():
        number = number * 26 + ord(letter) - 64
    return number


def _merged_ranges(workbook, sheet) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 1-based, of the merged cells.
    Read-only sheets do not give them: read them from the sheet's XML."""
    try:
        data = workbook._archive.read(sheet._worksheet_path)
    except (AttributeError, KeyError):  # pragma: no cover - another openpyxl layout
        return []
    ranges = []
    for c1, r1, c2, r2 in _MERGE.findall(data):
        first_col, first_row = _column_number(c1), int(r1)
        last_col = _column_number(c2) if c2 else first_col
        last_row = int(r2) if r2 else first_row
        ranges.append((first_row, first_col, last_row, last_col))
    return ranges


def sheet_names(path: Path | str) -> list[str]:
    path = Path(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return []
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _read_xlsx(path: Path, sheet: str | None, progress: Progress | None):
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        names = tuple(workbook.sheetnames)
        if sheet is None:
            sheet = next(
                (n for n in names if normalize_header(n) not in ("instructions", "aide")),
                names[0],
            )
        worksheet = workbook[sheet]
        worksheet.reset_dimensions()  # some programs write a wrong size: read everything
        grid = []
        for number, values in enumerate(worksheet.iter_rows(min_row=1, values_only=True), 1):
            grid.append((number, list(values)))
            if progress is not None and number % 1000 == 0:
                progress(number, 0)
        merges = _merged_ranges(workbook, worksheet)
    finally:
        workbook.close()
    return grid, names, sheet, merges


# -- the table ----------------------------------------------------------------------------


def _find_header(grid: list[tuple[int, list]]) -> int:
    """The index in ``grid`` of the row that looks most like headers."""
    candidates = [i for i, (_n, cells) in enumerate(grid) if any(c is not None for c in cells)]
    if not candidates:
        raise ValidationError(_("Le fichier est vide."))
    best, best_count = candidates[0], 0
    for i in candidates[:HEADER_SEARCH_ROWS]:
        count = recognised_count(grid[i][1])
        if count > best_count:
            best, best_count = i, count
    return best


def _apply_merges(grid, merges, header_number: int | None) -> set[int]:
    """Fill merged cells: ranges over several rows everywhere, ranges along one row only
    down to the header row. Returns the data rows that are only a merged title."""
    by_number = {number: cells for number, cells in grid}
    titles = set()
    for first_row, first_col, last_row, last_col in merges:
        cells = by_number.get(first_row)
        if cells is None or first_col > len(cells):
            continue
        value = cells[first_col - 1]
        if last_row == first_row and header_number is not None and first_row > header_number:
            others = [c for i, c in enumerate(cells) if c is not None and i != first_col - 1]
            if value is not None and not others and last_col > first_col:
                titles.add(first_row)
            continue
        for number in range(first_row, last_row + 1):
            row = by_number.get(number)
            if row is None:
                continue
            for col in range(first_col, last_col + 1):
                while len(row) < col:
                    row.append(None)
                if row[col - 1] is None:
                    row[col - 1] = value
    return titles


def read_source(
    path: Path | str, sheet: str | None = None, progress: Progress | None = None
) -> SourceTable:
    """Read ``path`` (.xlsx, or .csv/.txt/.tsv); raises :class:`ValidationError` in French."""
    path = Path(path)
    suffix = path.suffix.lower()
    names: tuple[str, ...] = ()
    encoding = delimiter = None
    merges: list[tuple[int, int, int, int]] = []
    try:
        if suffix in TEXT_SUFFIXES:
            grid, encoding, delimiter = _read_text(path)
        elif suffix in (".xlsx", ".xlsm"):
            grid, names, sheet, merges = _read_xlsx(path, sheet, progress)
        else:
            raise ValidationError(
                _("Format non pris en charge : choisissez un classeur .xlsx ou un fichier .csv.")
            )
    except OSError as error:
        raise ValidationError(
            _("Impossible de lire « {name} » : {reason}.").format(
                name=path.name, reason=error.strerror or error
            )
        ) from error
    except (ValidationError, Cancelled):
        raise
    except Exception as error:  # openpyxl and zipfile raise many kinds
        raise ValidationError(
            _("« {name} » n'est pas un classeur lisible ({reason}).").format(
                name=path.name, reason=type(error).__name__
            )
        ) from error
    grid = [(number, [clean_cell(c) for c in cells]) for number, cells in grid]
    _apply_merges(grid, [m for m in merges if m[2] > m[0]], None)  # vertical first
    header_view = [(n, list(cells)) for n, cells in grid[: HEADER_SEARCH_ROWS * 3]]
    _apply_merges(header_view, merges, None)
    header_index = _find_header(header_view)
    header_number = grid[header_index][0]
    titles = _apply_merges(grid, [m for m in merges if m[2] == m[0]], header_number)
    header_cells = grid[header_index][1]
    data = [
        (number, cells)
        for number, cells in grid[header_index + 1 :]
        if any(c is not None for c in cells) and number not in titles
    ]
    width = max([len(header_cells)] + [len(cells) for _n, cells in data], default=0)
    while width and all(
        (len(cells) < width or cells[width - 1] is None) for _n, cells in [(0, header_cells), *data]
    ):
        width -= 1
    headers = [cell_text(c) or "" for c in (header_cells + [None] * width)[:width]]
    rows = [SourceRow(number, tuple((cells + [None] * width)[:width])) for number, cells in data]
    return SourceTable(
        file_name=path.name,
        headers=headers,
        header_row=header_number,
        rows=rows,
        sheet=sheet,
        sheets=names,
        encoding=encoding,
        delimiter=delimiter,
        ignored_rows=sorted(titles),
    )
