"""Write the checked rows: all of them or nothing, in one transaction, fast.

Records, memberships and representations go in with Core bulk inserts, a thousand rows at
a time, reporting progress between chunks; the progress callback may raise to cancel, and
any failure rolls everything back.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from itertools import islice

from sqlalchemy import insert, literal, select
from sqlalchemy.exc import IntegrityError

from ...domain import AuditEntry, Membership, Organization, Person, Representation, name_key
from ...domain.enums import AuditAction, RepresentationRole
from ...domain.instants import utc_now
from ...i18n import _, format_number
from ...store import Database
from ...text import fold_for_key
from ..core import ValidationError, audit
from .collector import collector_paused
from .fields import ImportKind
from .model import ImportPreview, ImportResult, RowResult

CHUNK = 1000
Progress = Callable[[int, int], None]
_ORG_FIELDS = ("acronym", "sector", "email", "phone", "website", "address", "city")
_PERSON_FIELDS = ("email", "phone", "address", "sector", "is_resident")


def _chunks(rows: list, size: int = CHUNK) -> Iterator[list]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _record(kind: ImportKind, values: dict) -> dict:
    common = {"postal_code": values.get("postal_code"), "notes": values.get("notes")}
    if kind is ImportKind.ORGANIZATIONS:
        record = {key: values.get(key) for key in _ORG_FIELDS}
        return {"name": values["name"], "name_key": name_key(values["name"]), **record, **common}
    record = {key: values.get(key) for key in _PERSON_FIELDS}
    record["is_resident"] = bool(record["is_resident"])
    first, last = values.get("first_name") or "", values.get("last_name") or ""
    return {
        "first_name": first,
        "last_name": last,
        "sort_last": fold_for_key(last),  # as the model's defaults would, cheaper
        "sort_first": fold_for_key(first),
        "is_elected": False,
        **record,
        **common,
    }


def _insert_in_order(session, table, records: list[dict]) -> list[int]:
    """Insert ``records`` (Core: no ORM object, no per-row bookkeeping) and return their
    new ids in the records' order.

    SQLAlchemy's ``sort_by_parameter_order`` sends SQLite one INSERT per row (SQLite does
    not promise the order of RETURNING rows), ten times slower. On SQLite the rows of one
    statement get rowids counting up in the order of the values (each new rowid is one
    more than the largest), so the sorted ids are the records' ids, and then they are
    consecutive; should they not be (a file whose largest rowid is at the limit gets random
    ones), the insert is undone and made again the slow, sure way."""
    ordered = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    if session.get_bind().dialect.name != "sqlite":
        return session.scalars(ordered, records).all()
    savepoint = session.begin_nested()
    ids = sorted(session.scalars(insert(table).returning(table.c.id), records))
    if len(ids) == len(records) and (not ids or ids[-1] - ids[0] == len(ids) - 1):
        savepoint.commit()
        return ids
    savepoint.rollback()
    return session.scalars(ordered, records).all()


def _audit_created(session, table, ids: list[int], note: str) -> None:
    """One creation entry per row of ``table`` just inserted (Core inserts are not seen by
    the audit listeners), as ``audit.record_bulk(ids=...)`` writes them, but made by the
    database from the rows themselves: an INSERT ... SELECT a thousand ids at a time
    instead of a row of parameters per entry (0.6 s for 20,000 entries)."""
    audit_table = AuditEntry.__table__
    entry = {
        "at": utc_now(),
        "user": audit.current_user(session),
        "entity": table.name,
        "action": AuditAction.CREATE.value,
        "changes": {"note": note},
    }
    constants = [literal(value, audit_table.c[key].type) for key, value in entry.items()]
    for start in range(0, len(ids), CHUNK):
        rows = (
            select(*constants, table.c.id)
            .where(table.c.id.in_(ids[start : start + CHUNK]))
            .order_by(table.c.id)
        )
        session.execute(insert(audit_table).from_select([*entry, "entity_id"], rows))


class _Receipts:
    """Next receipt numbers ``2026-0001`` per year of payment, after every number already
    issued or given in the file (the rule of memberships.record_payment)."""

    def __init__(self, session, given: set[str]) -> None:
        self.session, self.given = session, given
        self.next: dict[int, int] = {}

    def __call__(self, year: int) -> str:
        prefix = f"{year}-"
        if year not in self.next:
            numbers = self.session.scalars(
                select(Membership.receipt_number).where(
                    Membership.receipt_number.like(prefix + "%")
                )
            ).all()
            numbers += [n for n in self.given if n.startswith(prefix)]
            sequences = [int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()]
            self.next[year] = max(sequences, default=0) + 1
        number = self.next[year]
        self.next[year] += 1
        return f"{prefix}{number:04d}"


def _memberships(rows: list[RowResult], ids: dict[int, int], kind, receipts) -> list[dict]:
    column, other = (
        ("person_id", "organization_id")
        if kind is ImportKind.PERSONS
        else ("organization_id", "person_id")
    )
    records = []
    for row in rows:
        membership = dict(row.values["membership"])
        membership[column], membership[other] = ids[row.number], None
        if membership["paid_on"] is not None and not membership["receipt_number"]:
            membership["receipt_number"] = receipts(membership["paid_on"].year)
        membership["notes"] = None
        records.append(membership)
    return records


@collector_paused()
def commit_rows(
    db: Database,
    preview: ImportPreview,
    *,
    skip_errors: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write every ready row of ``preview`` in one transaction; rows in error are refused
    unless ``skip_errors``. Raises :class:`ValidationError` (nothing written) on failure."""
    start = time.perf_counter()
    if preview.error_count and not skip_errors:
        raise ValidationError(
            _(
                "{n} ligne(s) sont en erreur : corrigez le fichier ou choisissez d'ignorer les "
                "lignes en erreur."
            ).format(n=format_number(preview.error_count))
        )
    ready = preview.ready
    if not ready:
        raise ValidationError(_("Aucune ligne à importer."))
    kind = preview.kind
    new_rows = [r for r in ready if r.existing_id is None]
    member_rows = [r for r in ready if "membership" in r.values]
    link_rows = [r for r in ready if r.values.get("organization_id")]
    total, done = len(new_rows) + len(member_rows) + len(link_rows), 0

    def advance(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    model = Person if kind is ImportKind.PERSONS else Organization
    ids = {r.number: r.existing_id for r in ready if r.existing_id is not None}
    created: list[int] = []
    try:
        with db.session() as session:
            if progress is not None:
                progress(0, total)
            for chunk in _chunks(new_rows):
                records = [_record(kind, r.values) for r in chunk]
                new_ids = _insert_in_order(session, model.__table__, records)
                ids.update(zip((r.number for r in chunk), new_ids, strict=True))
                created.extend(new_ids)
                advance(len(chunk))
            given = {r.values["membership"]["receipt_number"] for r in member_rows}
            receipts = _Receipts(session, {n for n in given if n})
            membership_ids: list[int] = []
            for chunk in _chunks(member_rows):
                membership_ids += session.scalars(
                    insert(Membership.__table__).returning(Membership.id),
                    _memberships(chunk, ids, kind, receipts),
                ).all()
                advance(len(chunk))
            representation_ids: list[int] = []
            for chunk in _chunks(link_rows):
                representation_ids += session.scalars(
                    insert(Representation.__table__).returning(Representation.id),
                    [
                        {
                            "person_id": ids[r.number],
                            "organization_id": r.values["organization_id"],
                            "role": RepresentationRole.DELEGATE.value,
                            "start_date": None,
                            "end_date": None,
                        }
                        for r in chunk
                    ],
                ).all()
                advance(len(chunk))
            note = _("Importé de « {file} »").format(file=preview.file_name)
            for table, record_ids in (
                (model.__table__, created),
                (Membership.__table__, membership_ids),
                (Representation.__table__, representation_ids),
            ):
                _audit_created(session, table, record_ids, note)
            session.add(
                AuditEntry(
                    user=audit.current_user(session),
                    entity="importation",
                    entity_id=0,
                    action=AuditAction.CREATE.value,
                    changes={
                        "file": preview.file_name,
                        "kind": kind.value,
                        "created": {model.__tablename__: len(created)},
                        "added_to": sorted({r.existing_id for r in ready if r.existing_id}),
                        "memberships": len(member_rows),
                        "representations": len(link_rows),
                        "skipped_rows": [r.number for r in preview.rows if not r.ok],
                    },
                )
            )
    except IntegrityError as error:
        raise ValidationError(
            _(
                "L'importation a été annulée et rien n'a été enregistré : une donnée est "
                "refusée par le fichier de données ({detail})."
            ).format(detail=str(error.orig))
        ) from error
    return ImportResult(
        created=len(created),
        added_to_existing=len({r.existing_id for r in ready if r.existing_id}),
        memberships=len(member_rows),
        representations=len(link_rows),
        skipped=preview.error_count,
        seconds=time.perf_counter() - start,
    )
