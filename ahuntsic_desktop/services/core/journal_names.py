"""The names of the records the journal speaks of, as they were when each entry was
written: « Nadia Roy », « Comité de coordination du 13 mai 2026 », not « Personne n° 41 ».

The journal itself holds them: a creation keeps the record's values, a renaming its old and
new name. Walking a record's entries in order gives its name at each entry; a record whose
creation was not journalled (imported, demo data) takes its first name known from a later
renaming, else its name today. An anonymised person's name reads « [anonymisé] ».
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import String, or_, select, type_coerce
from sqlalchemy.orm import aliased

from ...domain import AuditEntry
from ...i18n import _
from ...store import Database
from .audit import AUDITED, BULK_ID, SCRUBBED

PERSON_KEYS = ("first_name", "last_name")
NAME_KEYS = ("name", "title", "number", "description", "label", "programme", "project")  # first
LONGEST = 70


def _keys(entity: str) -> tuple[str, ...]:
    return PERSON_KEYS if entity == "person" else NAME_KEYS


def _name(entity: str, values: dict) -> str | None:
    """The name in ``values`` (field -> value), or None when they hold none."""
    if entity == "person":
        parts = [values.get(k) for k in PERSON_KEYS]
        if all(part is None for part in parts):
            return None
        if SCRUBBED in parts:
            return SCRUBBED
        return " ".join(str(part) for part in parts if part) or None
    for key in NAME_KEYS:
        value = values.get(key)
        if value:
            text = str(value)
            return text if len(text) <= LONGEST else text[: LONGEST - 1] + "…"
    return None


def _sides(entity: str, changes: object) -> tuple[str | None, str | None]:
    """(name before, name after) an entry's changes; a side is None when not said."""
    if not isinstance(changes, dict):
        return None, None
    keys = [k for k in _keys(entity) if k in changes]
    if not keys:
        return None, None
    if all(isinstance(changes[k], list) and len(changes[k]) == 2 for k in keys):
        return (
            _name(entity, {k: changes[k][0] for k in keys}),
            _name(entity, {k: changes[k][1] for k in keys}),
        )
    name = _name(entity, changes)  # a creation or a deletion: the values themselves
    return name, name


def _current_names(session, wanted: dict[str, set[int]]) -> dict[tuple[str, int], str]:
    models = {entity: model for model, entity in AUDITED.items()}
    found: dict[tuple[str, int], str] = {}
    for entity, ids in wanted.items():
        model = models.get(entity)
        if model is None:
            continue
        columns = [c for c in model.__table__.columns if c.key in _keys(entity)]
        if not columns:
            continue
        query = select(model.__table__.c.id, *columns).where(model.__table__.c.id.in_(ids))
        for row in session.execute(query):
            name = _name(entity, dict(zip([c.key for c in columns], row[1:], strict=True)))
            if name:
                found[(entity, row[0])] = name
    return found


def _nearest(entry, entity: str, *, before: bool):
    """SQL: the changes of the nearest entry about the same record that names it, at or
    before ``entry`` (else the first after it)."""
    same = aliased(AuditEntry)
    order = same.id.desc() if before else same.id.asc()
    return (
        select(type_coerce(same.changes, String))
        .where(
            same.entity == entry.entity,
            same.entity_id == entry.entity_id,
            same.id <= entry.id if before else same.id > entry.id,
            or_(*(type_coerce(same.changes, String).like(f'%"{k}"%') for k in _keys(entity))),
        )
        .order_by(order)
        .limit(1)
        .scalar_subquery()
    )


def names_as_they_were(db: Database, entries) -> dict[int, str]:
    """Entry id -> the name of its record at that entry, for ``entries`` (JournalRows);
    entries about many records, or whose record never had a name, are left out. Each
    lookup follows the index on (entity, entity_id): a block of 200 rows stays quick."""
    by_entity: dict[str, list[int]] = defaultdict(list)
    for e in entries:
        if e.entity_id != BULK_ID:
            by_entity[e.entity].append(e.id)
    names: dict[int, str] = {}
    missing: dict[str, set[int]] = defaultdict(set)
    records = {e.id: (e.entity, e.entity_id) for e in entries}
    with db.session() as session:
        for entity, ids in by_entity.items():
            entry = aliased(AuditEntry)
            query = select(
                entry.id,
                _nearest(entry, entity, before=True),
                _nearest(entry, entity, before=False),
            ).where(entry.id.in_(ids))
            for entry_id, at_or_before, after in session.execute(query):
                name = _after(entity, at_or_before) or _before(entity, after)
                if name:
                    names[entry_id] = name
                else:
                    missing[entity].add(records[entry_id][1])
        today = _current_names(session, missing) if missing else {}
    for e in entries:
        if e.id not in names and (e.entity, e.entity_id) in today:
            names[e.id] = today[(e.entity, e.entity_id)]
    return {k: _("[anonymisé]") if v == SCRUBBED else v for k, v in names.items()}


def _parsed(raw: str | None) -> object:
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def _after(entity: str, raw: str | None) -> str | None:
    return _sides(entity, _parsed(raw))[1]


def _before(entity: str, raw: str | None) -> str | None:
    return _sides(entity, _parsed(raw))[0]
