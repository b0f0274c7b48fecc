"""Import an activity's contributions from a spreadsheet (.xlsx or .csv), with a preview.

The file is read by the registry import's reader (a title above the headers, merged
cells, Windows-1252 or UTF-8, commas or semicolons). Columns are found by their header:
« Contribution » (or « Texte », « Idée », « Commentaire »), « Nature », « Thèmes »
(several separated by ; or ,), « Population », « Votes » (or « Points », « Gommettes »).
Names are never imported: a contribution gets a name only in the window, with consent.

The same rules as the registry import: a preview first, each refused row with its
spreadsheet row number and reason, then all or nothing; files and row counts are limited.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ...i18n import _, format_number
from ...store import Database
from ..core import ValidationError
from ..importing.fields import normalize_header
from ..importing.readers import (
    HEADER_SEARCH_ROWS,
    SourceRow,
    SourceTable,
    cell_text,
    read_source,
)
from .contributions import (
    MAX_ROWS,
    ContributionData,
    FastEntryResult,
    add_contributions,
    check_contributions,
)

MAX_BYTES = 5 * 1024 * 1024
COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("contribution", "contributions", "texte", "idee", "idees", "commentaire",
             "commentaires", "propos", "text", "comment"),
    "kind": ("nature", "type", "kind", "categorie"),
    "themes": ("theme", "themes", "theme s", "topics", "topic"),
    "population": ("population", "population concernee", "public", "groupe"),
    "votes": ("votes", "vote", "points", "gommettes", "pastilles", "dots", "priorite"),
}  # fmt: skip
COLUMN_TITLES = {
    "text": "Contribution",
    "kind": "Nature",
    "themes": "Thèmes",
    "population": "Population",
    "votes": "Votes",
}


@dataclass(frozen=True)
class ImportProblem:
    row: int  # as the user sees it in the spreadsheet
    field: str | None
    message: str


@dataclass(frozen=True)
class ContributionImportPreview:
    file_name: str
    activity_id: int
    columns: dict[str, int]  # field -> column index in the file
    rows: tuple[tuple[int, ContributionData], ...]  # (spreadsheet row, contribution)
    problems: tuple[ImportProblem, ...]
    new_themes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


def _match(cells) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, header in enumerate(cells):
        folded = normalize_header(cell_text(header))
        for key, synonyms in COLUMNS.items():
            if key not in found and folded in synonyms:
                found[key] = index
    return found


def _columns(source: SourceTable) -> tuple[dict[str, int], list[SourceRow]]:
    """The columns found and the data rows below their header. The reader looks for the
    registry's headers; a title above ours is skipped here (within the first rows)."""
    found, rows = _match(source.headers), source.rows
    if "text" not in found:
        for index, row in enumerate(source.rows[:HEADER_SEARCH_ROWS]):
            found = _match(row.cells)
            if "text" in found:
                rows = source.rows[index + 1 :]
                break
    if "text" not in found:
        expected = ", ".join(f"« {title} »" for title in COLUMN_TITLES.values())
        raise ValidationError(
            _(
                "Aucune colonne « Contribution » dans « {name} ». Colonnes attendues : {expected}."
            ).format(name=source.file_name, expected=expected)
        )
    return found, rows


def _cell(cells: tuple, columns: dict[str, int], key: str) -> str | None:
    index = columns.get(key)
    if index is None or index >= len(cells):
        return None
    return cell_text(cells[index])


def _row(cells: tuple, columns: dict[str, int]) -> ContributionData:
    themes = _cell(cells, columns, "themes") or ""
    return ContributionData(
        text=_cell(cells, columns, "text") or "",
        kind=_cell(cells, columns, "kind") or "idee",
        themes=tuple(t.strip() for t in re.split(r"[;,\n]", themes) if t.strip()),
        population=_cell(cells, columns, "population"),
        votes=_cell(cells, columns, "votes"),
    )


def preview_contributions(
    db: Database, activity_id: int, path: Path | str, today: dt.date
) -> ContributionImportPreview:
    """Read ``path`` and check every row; nothing is written. New themes are listed (the
    import adds them to the vocabulary)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ValidationError(
            _("Impossible de lire « {name} » : {reason}.").format(
                name=path.name, reason=error.strerror or error
            )
        ) from error
    if size > MAX_BYTES:
        raise ValidationError(
            _("« {name} » est trop volumineux ({size} Mo ; au plus {max} Mo).").format(
                name=path.name,
                size=format_number(round(size / 1024 / 1024, 1)),
                max=MAX_BYTES // 1024 // 1024,
            )
        )
    source = read_source(path)
    if len(source.rows) > MAX_ROWS:
        raise ValidationError(
            _("Trop de lignes dans « {name} » : {count} (au plus {max}).").format(
                name=path.name, count=format_number(len(source.rows)), max=MAX_ROWS
            )
        )
    columns, data = _columns(source)
    rows = [(row.number, _row(row.cells, columns)) for row in data]
    rows = [(n, data) for n, data in rows if data.text.strip() or data.themes or data.population]
    check = check_contributions(db, activity_id, [d for _n, d in rows], today, create_themes=True)
    problems = tuple(ImportProblem(rows[e.index][0], e.field, e.message) for e in check.errors)
    return ContributionImportPreview(
        source.file_name, activity_id, columns, tuple(rows), problems, check.new_themes
    )


def import_contributions(
    db: Database, preview: ContributionImportPreview, today: dt.date
) -> FastEntryResult:
    """Write the previewed rows, all or nothing; refused when the preview found problems."""
    if preview.problems:
        raise ValidationError(_("Corrigez d'abord les lignes refusées : rien n'a été importé."))
    if not preview.rows:
        raise ValidationError(_("Le fichier ne contient aucune contribution."))
    result = add_contributions(
        db, preview.activity_id, [d for _n, d in preview.rows], today, create_themes=True
    )
    if result.errors:  # the data changed since the preview
        first = result.errors[0]
        raise ValidationError(
            _("Ligne {row} : {message} Rien n'a été importé.").format(
                row=preview.rows[first.index][0], message=first.message
            )
        )
    return result
