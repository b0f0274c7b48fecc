"""Reading the audit trail: the Journal page's list and one record's history.

Lists select plain tuples with the changes as raw JSON text; :func:`summarize` turns one
entry's changes into a French sentence when a row is shown, so 100,000 entries load fast.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from sqlalchemy import Text, cast, func, select

from ...domain import AuditEntry
from ...domain.enums import AuditAction, Sector
from ...domain.instants import from_local, local
from ...domain.labels import LABELS
from ...i18n import N_, _, format_date, format_money, format_time, ngettext
from ...store import Database
from .audit import BULK_ID, SCRUBBED
from .journal_labels import ENTITY_LABELS, FIELD_LABELS

ACTION_LABELS = {
    AuditAction.CREATE.value: N_("Création"),
    AuditAction.UPDATE.value: N_("Modification"),
    AuditAction.ARCHIVE.value: N_("Archivage"),
    AuditAction.RESTORE.value: N_("Restauration"),
    AuditAction.MERGE.value: N_("Fusion"),
    AuditAction.DELETE.value: N_("Suppression"),
    AuditAction.ANONYMIZE.value: N_("Anonymisation"),
}
MAX_SUMMARY = 400
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$")


def action_label(action: str) -> str:
    return _(ACTION_LABELS.get(action, action))


def entity_label(entity: str) -> str:
    return _(ENTITY_LABELS.get(entity, entity))


def field_label(key: str) -> str:
    return _(FIELD_LABELS.get(key, key.replace("_", " ")))


# Fields that store an enum's code: the journal shows its label (« En cours », not en_cours).
ENUM_FIELDS = frozenset(
    {"kind", "role", "status", "purpose", "source", "evaluation", "participation_format",
     "payment_method", "sector", "outcome"}
)  # fmt: skip


def _enum_text(value: str) -> str | None:
    """The label of a stored enum code (a sector's label first: « Communautaire »)."""
    found = None
    for (enum, code), text in LABELS.items():
        if code == value:
            if enum is Sector:
                return _(text)
            found = found or _(text)
    return found


def _value(key: str, value: object) -> str:
    if value is None or value == "":
        return _("(vide)")
    if value == SCRUBBED:
        return _("[anonymisé]")
    if key in ENUM_FIELDS and isinstance(value, str):
        text = _enum_text(value)
        if text is not None:
            return f"« {text} »"
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if key.endswith("_cents") and isinstance(value, int):
        return format_money(value)
    if isinstance(value, str) and _ISO.match(value):
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            if len(value) == 10:
                return format_date(moment, "medium")
            moment = local(moment)  # an instant stamped by the program: UTC in the file
            return f"{format_date(moment, 'medium')}, {format_time(moment.time())}"
    text = str(value)
    return f"« {text[:80]}…»" if len(text) > 80 else f"« {text} »"


def describe(action: str, changes: object, limit: int | None = MAX_SUMMARY) -> str:
    """One entry's changes in French, e.g. « courriel : « a@b.ca » → « c@d.ca » »,
    cut at ``limit`` characters (None: whole)."""

    def _shorten(text: str) -> str:
        return text if limit is None or len(text) <= limit else text[: limit - 1] + "…"

    if not changes:
        return ""
    if not isinstance(changes, dict):
        return _shorten(str(changes))
    if action == AuditAction.MERGE.value:
        if "merged_into" in changes:
            return _("Fusionné dans la fiche n° {id}").format(id=changes["merged_into"])
        moved = sum(len(ids) for ids in (changes.get("moved") or {}).values())
        text = _("Fiche n° {id} fusionnée ici ; {n} lien(s) déplacé(s)").format(
            id=changes.get("merged_id"), n=moved
        )
        filled = changes.get("filled") or {}
        if filled:
            text += " ; " + _("complété : {fields}").format(
                fields=", ".join(field_label(k) for k in filled)
            )
        return _shorten(text)
    parts = []
    if "count" in changes:
        count = int(changes["count"])
        parts.append(ngettext("{n} fiche", "{n} fiches", count).format(n=count))
    if changes.get("note"):
        parts.append(str(changes["note"]))
    for key, value in changes.items():
        if key in ("count", "note"):
            continue
        if isinstance(value, list) and len(value) == 2:
            old, new = value
            parts.append(f"{field_label(key)} : {_value(key, old)} → {_value(key, new)}")
        elif isinstance(value, dict | list):
            parts.append(f"{field_label(key)} : {json.dumps(value, ensure_ascii=False)[:80]}")
        else:
            parts.append(f"{field_label(key)} : {_value(key, value)}")
    return _shorten(" ; ".join(parts))


def summarize(action: str, raw: str | None, limit: int | None = MAX_SUMMARY) -> str:
    """:func:`describe` from the changes as stored (JSON text)."""
    if raw is None:
        return ""
    try:
        return describe(action, json.loads(raw), limit)
    except ValueError:
        return raw[:limit]


@dataclass(frozen=True)
class JournalFilter:
    start: dt.date | None = None  # first day shown
    end: dt.date | None = None  # last day shown
    entity: str | None = None
    action: str | None = None
    entity_id: int | None = None


@dataclass(frozen=True)
class JournalRow:
    id: int
    at: dt.datetime  # local time (the file keeps UTC: see domain.instants)
    user: str
    entity: str
    entity_id: int
    action: str
    raw_changes: str | None

    @property
    def summary(self) -> str:
        return summarize(self.action, self.raw_changes)

    @property
    def details(self) -> str:
        """The whole description, one change a line."""
        return summarize(self.action, self.raw_changes, None).replace(" ; ", "\n")


_COLUMNS = (
    AuditEntry.id,
    AuditEntry.at,
    AuditEntry.user,
    AuditEntry.entity,
    AuditEntry.entity_id,
    AuditEntry.action,
    cast(AuditEntry.changes, Text),  # the JSON as text on both engines
)


def _journal_row(row) -> JournalRow:
    return JournalRow(row[0], local(row[1]), *row[2:])


def _filtered(query, where: JournalFilter):
    if where.start is not None:
        first = from_local(dt.datetime.combine(where.start, dt.time()))  # local days
        query = query.where(AuditEntry.at >= first)
    if where.end is not None:
        next_day = from_local(dt.datetime.combine(where.end + dt.timedelta(days=1), dt.time()))
        query = query.where(AuditEntry.at < next_day)
    if where.entity:
        query = query.where(AuditEntry.entity == where.entity)
    if where.action:
        query = query.where(AuditEntry.action == where.action)
    if where.entity_id is not None:
        query = query.where(AuditEntry.entity_id == where.entity_id)
    return query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())


def entry_ids(db: Database, where: JournalFilter | None = None) -> list[int]:
    """The ids of the matching entries, newest first: cheap even for 100,000 entries.
    Fetch the rows shown with :func:`load_entries`."""
    with db.session() as session:
        return list(session.scalars(_filtered(select(AuditEntry.id), where or JournalFilter())))


def load_entries(db: Database, ids: list[int]) -> list[JournalRow]:
    """The entries ``ids``, in that order."""
    if not ids:
        return []
    with db.session() as session:
        rows = session.execute(select(*_COLUMNS).where(AuditEntry.id.in_(ids))).all()
    by_id = {row[0]: _journal_row(row) for row in rows}
    return [by_id[i] for i in ids if i in by_id]


def entries(db: Database, where: JournalFilter | None = None) -> list[JournalRow]:
    """The matching entries, newest first (for short lists: see :func:`entry_ids`)."""
    with db.session() as session:
        rows = session.execute(_filtered(select(*_COLUMNS), where or JournalFilter())).all()
    return [_journal_row(row) for row in rows]


def entities_in_use(db: Database) -> list[tuple[str, str]]:
    """(code, label) of the record types that have entries, for the type filter."""
    with db.session() as session:
        codes = session.scalars(select(AuditEntry.entity).distinct()).all()
    known = [code for code in ENTITY_LABELS if code in codes]
    others = sorted(code for code in codes if code not in ENTITY_LABELS)
    return [(code, entity_label(code)) for code in known + others]


def count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def record_history(db: Database, entity: str, entity_id: int) -> list[JournalRow]:
    """Everything the trail says about one record, newest first (for its dialog).

    Entries about many records at once (``entity_id`` 0) are not included."""
    if entity_id == BULK_ID:
        return []
    return entries(db, JournalFilter(entity=entity, entity_id=entity_id))
