"""Column mappings remembered per source, in the data file (setting ``import_mappings``).

A mapping is found again for the same file name and header row, or failing that for any
file with the same header row (next year's export of the same spreadsheet).
"""

from __future__ import annotations

from collections.abc import Mapping as Mapping_
from dataclasses import dataclass, field

from ...domain import Setting
from ...store import Database
from .fields import ImportKind, fields_for, guess_kind, guess_mapping
from .readers import SourceTable
from .value_maps import clean_value_maps

SETTING_KEY = "import_mappings"
KEPT = 30


@dataclass(frozen=True)
class Mapping:
    kind: ImportKind
    columns: list[str | None]  # one field key (or None: ignored) per column
    remembered: bool  # found among the saved mappings rather than guessed
    values: dict[str, dict[str, str | None]] = field(default_factory=dict)  # see value_maps


def _entries(db: Database) -> list[dict]:
    with db.session() as session:
        setting = session.get(Setting, SETTING_KEY)
        value = setting.value if setting is not None else None
    entries = value.get("entries") if isinstance(value, dict) else None
    return [e for e in entries or [] if isinstance(e, dict)]


def _valid(entry: dict, width: int) -> Mapping | None:
    try:
        kind = ImportKind(entry.get("kind"))
    except ValueError:
        return None
    columns = entry.get("columns")
    allowed = {f.key for f in fields_for(kind)}
    if not isinstance(columns, list) or len(columns) != width:
        return None
    if any(c is not None and c not in allowed for c in columns):
        return None
    mapped = {c for c in columns if c is not None}
    return Mapping(kind, list(columns), True, clean_value_maps(entry.get("values"), mapped))


def saved_mapping(db: Database, source: SourceTable) -> Mapping | None:
    """The mapping last saved for this file name and header row, else for the header row."""
    signature, name = source.signature(), source.file_name.casefold()
    entries = [e for e in _entries(db) if e.get("signature") == signature]
    entries.sort(key=lambda e: e.get("file") != name)  # same file name first
    for entry in entries:
        mapping = _valid(entry, len(source.headers))
        if mapping is not None:
            return mapping
    return None


def initial_mapping(db: Database, source: SourceTable, kind: ImportKind | None = None) -> Mapping:
    """The saved mapping of this source if any (and of ``kind`` when given), else a guess."""
    saved = saved_mapping(db, source)
    if saved is not None and (kind is None or saved.kind is ImportKind(kind)):
        return saved
    kind = ImportKind(kind) if kind is not None else guess_kind(source.headers)
    return Mapping(kind, guess_mapping(source.headers, kind), False)


def save_mapping(
    db: Database,
    source: SourceTable,
    kind: ImportKind | str,
    columns: list[str | None],
    values: Mapping_[str, Mapping_[str, str | None]] | None = None,
) -> None:
    """Remember ``columns`` (and the value maps of its mapped fields) for this source."""
    mapped = {c for c in columns if c is not None}
    entry = {
        "file": source.file_name.casefold(),
        "signature": source.signature(),
        "kind": ImportKind(kind).value,
        "headers": list(source.headers),
        "columns": list(columns),
        "values": {k: dict(v) for k, v in (values or {}).items() if k in mapped},
    }
    kept = [
        e
        for e in _entries(db)
        if (e.get("file"), e.get("signature")) != (entry["file"], entry["signature"])
    ]
    with db.session() as session:
        session.merge(Setting(key=SETTING_KEY, value={"entries": [entry, *kept][:KEPT]}))
