"""The audit trail (journal des modifications), written once for every service.

Two listeners on every Database's sessions (see :func:`install`) watch what the ORM writes:
``before_flush`` notes the changes of the audited records (``session.new``, the attribute
history of ``session.dirty``, ``session.deleted``), ``after_flush`` writes one
:class:`AuditEntry` per record in the same transaction, so a rolled-back change leaves no
entry and a committed one always has its entry. An entry says when, who
(``settings.user_name``, else the account's name), which record, which action and, per
field, ``[old, new]``.

* ``archived_at`` set is an *archivage*, cleared a *restauration*; ``anonymized_at`` set is
  an *anonymisation*. Nothing personal about an anonymised person is ever written: such
  values read ``[anonymisé]``. (Scrubbing the person's *earlier* entries is the erasure
  service's work: :mod:`.privacy.erasure`.)
* A service that adds its own :class:`AuditEntry` for a record (a merge, an erasure) speaks
  for that record in that transaction: what the listener wrote about it earlier in the
  transaction (an autoflush) is withdrawn, and it writes nothing more. Entries without
  ``user`` or ``at`` get them filled in.
* Core statements (``session.execute(insert(...))``, bulk updates) are not seen by the ORM:
  importers, the demo generator and bulk tools call :func:`record_bulk` themselves.
"""

from __future__ import annotations

import datetime as dt
import getpass
import logging
from decimal import Decimal
from enum import Enum

from sqlalchemy import delete, insert, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE
from sqlalchemy.orm.interfaces import MANYTOONE

from ...domain import (
    ActionPlan,
    AgendaItem,
    Assignment,
    Attendance,
    AuditEntry,
    Chantier,
    Consent,
    FollowUp,
    FundingAgreement,
    Means,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Orientation,
    PartnerRole,
    Person,
    Pillar,
    ReportingDeadline,
    Representation,
    Resolution,
    Setting,
    Target,
)
from ...domain.enums import AuditAction
from ...domain.instants import utc_now
from ...store import database_user

log = logging.getLogger(__name__)

AUDITED: dict[type, str] = {
    model: model.__tablename__
    for model in (
        Organization,
        Person,
        Representation,
        Membership,
        MembershipCategory,
        PartnerRole,
        FundingAgreement,
        ReportingDeadline,
        ActionPlan,
        Pillar,
        Chantier,
        Orientation,
        Means,
        Target,
        Assignment,
        Meeting,
        AgendaItem,
        Attendance,
        Resolution,
        FollowUp,
        Consent,
    )
}
# Fields that identify or reach a person: never kept once the person is anonymised.
PERSONAL: dict[str, frozenset[str]] = {
    "person": frozenset(
        {"first_name", "last_name", "email", "phone", "address", "postal_code", "notes"}
    ),
    "consent": frozenset({"source"}),
}
KEPT_ON_DELETE = {"person": frozenset({"first_name", "last_name"})}
IGNORED = frozenset(
    {"id", "created_at", "updated_at", "name_key", "sort_last", "sort_first", "version"}
)
SCRUBBED = "[anonymisé]"  # stands for a personal value left out on purpose
BULK_ID = 0  # entity_id of an entry about many records at once
_PENDING = "audit_pending"
_WRITTEN = "audit_written"  # (entity, id) -> ids of the entries written this transaction
_USER = "audit_user"


def track(model: type, entity: str | None = None) -> None:
    """Audit another model (e.g. one added by a later feature)."""
    AUDITED[model] = entity or model.__tablename__


def plain(value: object) -> object:
    """A JSON-safe copy of a column value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | dt.time):  # datetime is a date
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return None
    return value


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in the environment nor the password database
        return "inconnu"


def current_user(session: Session) -> str:
    """On a shared server, the database user (several people share its settings, and the
    server writes that name itself for logins that don't own the tables); on a file,
    ``settings.user_name`` when set, else the operating-system account's name."""
    name = session.info.get(_USER)
    if name is None:
        name = database_user(session)
        if name is None:
            with session.no_autoflush:
                stored = session.scalar(select(Setting.value).where(Setting.key == "user_name"))
            name = (str(stored).strip() if stored else "") or os_user()
        session.info[_USER] = name
    return name


def _entry(session: Session, entity: str, entity_id: int, action: str, changes) -> dict:
    return {
        "at": utc_now(),
        "user": current_user(session),
        "entity": entity,
        "entity_id": entity_id,
        "action": str(action),
        "changes": changes,
    }


def record_bulk(
    session: Session,
    entity: str,
    action: AuditAction | str,
    *,
    ids: list[int] | None = None,
    count: int | None = None,
    note: str | None = None,
) -> None:
    """Record work done with Core statements, which the listeners can't see.

    With ``ids``, one entry per record (each record's history shows it); else one entry
    about ``count`` records with ``entity_id`` 0. Call it inside the same session."""
    changes = {"note": note} if note else None
    if ids:
        rows = [_entry(session, entity, record_id, action, changes) for record_id in ids]
    else:
        summary = {"count": count or 0} | ({"note": note} if note else {})
        rows = [_entry(session, entity, BULK_ID, action, summary)]
    session.execute(insert(AuditEntry.__table__), rows)


def record_event(
    session: Session, entity: str, entity_id: int, action: AuditAction | str, changes=None
) -> None:
    """Record one event the ORM does not see (e.g. a restored backup)."""
    session.execute(
        insert(AuditEntry.__table__), [_entry(session, entity, entity_id, action, changes)]
    )


# -- what changed ------------------------------------------------------------------------


def _masked(entity: str, changes: dict, anonymous: bool) -> dict:
    personal = PERSONAL.get(entity, frozenset())
    if not anonymous or not personal & changes.keys():
        return changes
    return {
        k: ([None if x is None else SCRUBBED for x in v] if k in personal else v)
        for k, v in changes.items()
    }


def _id(obj) -> int | None:
    """The record's id without loading anything (it may have been expired)."""
    identity = inspect(obj).identity
    return identity[0] if identity else inspect(obj).dict.get("id")


def _old_values(session: Session, obj, keys: list[str]) -> dict:
    """Values still in the database for attributes set without being loaded first."""
    table = obj.__table__
    row = session.execute(select(*(table.c[k] for k in keys)).where(table.c.id == _id(obj))).first()
    return dict(zip(keys, row, strict=True)) if row else {}


def _diff(session: Session, obj) -> dict:
    state = inspect(obj)
    changes: dict[str, list] = {}
    unknown: list[str] = []
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in IGNORED or key not in state.committed_state:
            continue
        new = state.dict.get(key)
        old = state.committed_state[key]
        if old is NO_VALUE:
            unknown.append(key)
            old = None
        elif old == new:
            continue
        changes[key] = [plain(old), plain(new)]
    for rel in state.mapper.relationships:  # ``membership.person = p`` sets person_id at flush
        if rel.direction is not MANYTOONE or len(rel.local_columns) != 1:
            continue
        column = next(iter(rel.local_columns)).key
        history = state.attrs[rel.key].history
        if column in changes or not history.has_changes():
            continue
        new = history.added[0] if history.added else None
        # the object it pointed to may not be loaded; its id still is, not yet changed
        old_id = getattr(history.deleted[0], "id", None) if history.deleted else None
        old_id = old_id if old_id is not None else state.dict.get(column)
        new_id = getattr(new, "id", None)
        if old_id != new_id or (new is not None and new_id is None):
            changes[column] = [old_id, new_id]
    if unknown:
        with session.no_autoflush:
            olds = _old_values(session, obj, unknown)
        for key in unknown:
            old = plain(olds.get(key))
            if old == changes[key][1]:
                del changes[key]
            else:
                changes[key][0] = old
    return changes


def _snapshot(obj) -> dict:
    """The loaded, non-empty values of a record."""
    state = inspect(obj)
    values = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in IGNORED:
            continue
        value = state.dict.get(key)
        if value is not None:
            values[key] = plain(value)
    return values


def _action(changes: dict) -> AuditAction:
    if "anonymized_at" in changes and changes["anonymized_at"][0] is None:
        return AuditAction.ANONYMIZE
    if "archived_at" in changes:
        old, new = changes["archived_at"]
        if old is None and new is not None:
            return AuditAction.ARCHIVE
        if old is not None and new is None:
            return AuditAction.RESTORE
    return AuditAction.UPDATE


def _before_flush(session: Session, _context, _instances) -> None:
    explicit = set()
    now = utc_now()
    for obj in session.new:
        if isinstance(obj, AuditEntry):
            obj.user = obj.user or current_user(session)
            obj.at = obj.at or now
            explicit.add((obj.entity, obj.entity_id))
    _withdraw(session, explicit)
    created, changed = [], []
    for obj in session.new:
        entity = AUDITED.get(type(obj))
        if entity is not None:
            created.append((entity, obj))
    for obj in session.dirty:
        entity = AUDITED.get(type(obj))
        if entity is None or (entity, _id(obj)) in explicit:
            continue
        if not session.is_modified(obj, include_collections=False):
            continue
        changes = _diff(session, obj)
        if not changes:
            continue
        anonymous = getattr(obj, "anonymized_at", None) is not None
        changes = _masked(entity, changes, anonymous)
        changed.append(_entry(session, entity, _id(obj), _action(changes), changes))
    for obj in session.deleted:
        entity = AUDITED.get(type(obj))
        if entity is None or (entity, _id(obj)) in explicit:
            continue
        anonymous = getattr(obj, "anonymized_at", None) is not None
        kept = None if anonymous else KEPT_ON_DELETE.get(entity)
        values = _snapshot(obj)
        if entity in PERSONAL:
            values = {
                k: v for k, v in values.items() if k not in PERSONAL[entity] or (kept and k in kept)
            }
        changed.append(_entry(session, entity, _id(obj), AuditAction.DELETE, values or None))
    session.info[_PENDING] = (created, changed, explicit)


def _withdraw(session: Session, explicit: set) -> None:
    """Delete what the listener wrote this transaction about records a service now
    describes itself."""
    written = session.info.get(_WRITTEN)
    ids = [i for key in explicit & written.keys() for i in written.pop(key)] if written else []
    if ids:
        table = AuditEntry.__table__
        with session.no_autoflush:
            session.connection().execute(delete(table).where(table.c.id.in_(ids)))


def _after_flush(session: Session, _context) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    created, changed, explicit = pending
    rows = []
    for entity, obj in created:
        record_id = inspect(obj).dict.get("id")
        if record_id is None or (entity, record_id) in explicit:
            continue
        values = _snapshot(obj)
        if getattr(obj, "anonymized_at", None) is not None:
            personal = PERSONAL.get(entity, frozenset())
            values = {k: (SCRUBBED if k in personal else v) for k, v in values.items()}
        rows.append(_entry(session, entity, record_id, AuditAction.CREATE, values or None))
    rows.extend(changed)
    if not rows:
        return
    table = AuditEntry.__table__
    written = session.info.setdefault(_WRITTEN, {})
    result = session.connection().execute(
        insert(table).returning(table.c.id, table.c.entity, table.c.entity_id), rows
    )
    for entry_id, entity, record_id in result:
        written.setdefault((entity, record_id), []).append(entry_id)


def _end_of_transaction(session: Session, *_args) -> None:
    session.info.pop(_WRITTEN, None)
    session.info.pop(_PENDING, None)


# The session events this module answers; :mod:`ahuntsic_desktop.services` installs them on
# every Database's sessions, loading this module (and with it every model) at the first
# flush, not at the window's first paint.
LISTENERS = {
    "before_flush": _before_flush,
    "after_flush": _after_flush,
    "after_commit": _end_of_transaction,
    "after_rollback": _end_of_transaction,
}
