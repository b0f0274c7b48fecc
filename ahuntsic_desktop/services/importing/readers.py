"""Read a spreadsheet (.xlsx) or a text file (.csv, .txt) into plain rows.

Real files are messy: a title above the headers, headers on two rows under merged cells,
empty rows, trailing spaces, formulas, UTF-8 with or without BOM or Windows-1252, commas or
semicolons. What comes out is one :class:`SourceTable`: the header row found, and every
non-empty row below it with the row number the user sees in Excel.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import itertools
import logging
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from ...i18n import _
from ..core import ValidationError
from . import limits, workbooks
from .collector import collector_paused
from .fields import normalize_header, recognised_count
from .limits import column_letter
from .model import Cancelled

log = logging.getLogger(__name__)

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
    # Rows that could not be read as they are (a cell past Excel's 32,767 characters, an
    # unclosed quote in a CSV file): row number -> the French reason. They are refused.
    row_problems: dict[int, str] = field(default_factory=dict)

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


_SAMPLE_CHARS = 256 * 1024  # enough for 60 lines of a list; never a whole 10 MB cell


def sniff_delimiter(text: str) -> str:
    """The delimiter that gives recognised headers, then the most rows of one same width."""
    sample = "".join(itertools.islice(io.StringIO(text[:_SAMPLE_CHARS]), 60))
    best, best_score = ",", (-1, -1, -1)
    for delimiter in (";", ",", "\t", "|"):
        with _long_fields(sample):
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


@contextlib.contextmanager
def _long_fields(text: str):
    """Let the csv module read a field as long as ``text`` (131,072 characters otherwise,
    which made a 10 MB cell refuse the whole file): the length is checked afterwards."""
    before = csv.field_size_limit()
    csv.field_size_limit(max(before, len(text) + 1))
    try:
        yield
    finally:
        csv.field_size_limit(before)


def _unclosed_quote(start: int, row: list[str], delimiter: str, width: int) -> str | None:
    """The reason when a field of this record, read from line ``start``, runs over lines
    that look like whole records: its opening quote was never closed."""
    for index, cell in enumerate(row):
        if "\n" not in cell and "\r" not in cell or len(cell) > limits.MAX_CELL_LENGTH:
            continue
        lines = cell.splitlines()
        if len(lines) < 2:
            continue
        if width > 1 and any(line.count(delimiter) >= width - 1 for line in lines[1:]):
            line = start + sum(len(c.splitlines()) - 1 for c in row[:index] if c)
            return _(
                'Guillemet non fermé : le champ qui commence par un guillemet (« " ») à la '
                "ligne {line} se poursuit sur {count} lignes et les avale. Fermez ou retirez "
                "ce guillemet dans le fichier, puis importez-le de nouveau."
            ).format(line=line, count=len(lines))
    return None


def _read_text(path: Path) -> tuple[list[tuple[int, list]], str, str, dict[int, str]]:
    """(line where the record starts, fields), encoding, delimiter, refused rows."""
    size = path.stat().st_size
    if size > limits.MAX_TEXT_BYTES:
        raise ValidationError(limits.too_long_text_file(size))
    text, encoding = decode(path.read_bytes())
    delimiter = sniff_delimiter(text)
    records = []
    with _long_fields(text):
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        previous = 0
        for row in reader:
            records.append((previous + 1, row))
            previous = reader.line_num
            if len(records) > limits.MAX_ROWS:
                raise ValidationError(limits.too_many_rows())
            if len(row) > limits.MAX_COLUMNS:
                cell = f"{column_letter(limits.MAX_COLUMNS)}{previous}"
                raise ValidationError(limits.too_wide(cell))
    single = Counter(len(r) for n, r in records if any(r) and all("\n" not in c for c in r))
    width = single.most_common(1)[0][0] if single else 0
    grid, problems = [], {}
    for number, row in records:
        reason = _unclosed_quote(number, row, delimiter, width)
        for index, cell in enumerate(row):
            if len(cell) > limits.MAX_CELL_LENGTH:
                cell_name = f"{column_letter(index)}{number}"
                reason = reason or limits.too_long_cell(cell_name, len(cell), number)
                row[index] = ""
        if reason:
            log.info("import: CSV record at line %d refused", number)
            problems[number] = reason
        grid.append((number, row))
    return grid, encoding, delimiter, problems


def sheet_names(path: Path | str) -> list[str]:
    path = Path(path)
    if path.suffix.lower() in TEXT_SUFFIXES:
        return []
    return workbooks.sheet_names(path)


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


@collector_paused()
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
            grid, encoding, delimiter, row_problems = _read_text(path)
        elif suffix in (".xlsx", ".xlsm"):
            read = workbooks.read_sheet(path, sheet, progress)
            grid, names, sheet, merges = read.grid, read.names, read.sheet, read.merges
            row_problems = read.problems
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
        log.warning("import: %s unreadable (%s)", suffix, type(error).__name__)
        raise ValidationError(
            _("« {name} » n'est pas un classeur lisible ({reason}).").format(
                name=path.name, reason=type(error).__name__
            )
        ) from error
    if suffix in TEXT_SUFFIXES:  # every cell is text: clean_cell's text branch, inlined
        nfc = unicodedata.normalize
        grid = [(number, [nfc("NFC", c).strip() or None for c in cells]) for number, cells in grid]
    else:
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
        if (any(c is not None for c in cells) or number in row_problems) and number not in titles
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
        row_problems={n: m for n, m in row_problems.items() if n != header_number},
    )
