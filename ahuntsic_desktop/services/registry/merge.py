"""Merge two records of the same person (or organisation) into one.

Everything that points at the record merged away (« lose ») is moved to the record kept
(« keep »): memberships, attendance, chantier assignments, resolutions moved or seconded,
follow-ups, representations, consents, funding contacts, chairs and secretaries of
meetings, agenda presenters; for organisations: memberships, representatives, partner
roles, funding agreements, attendance on its behalf, follow-ups, assignments.

When both records hold something only one may keep (a membership for the same year, a
presence at the same meeting, a resolution moved by one and seconded by the other), one is
kept and the preview says which; what is set aside is written in the audit trail and in
the notes of what is kept. Blank fields of the kept record are filled from the other one.
The record merged away is archived with a note « Fusionné dans #id », never deleted.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from ...domain import AuditEntry, Base, Organization, Person
from ...domain.enums import AuditAction
from ...domain.instants import utc_now
from ...i18n import N_, _
from ...store import Database
from ..core import NotFoundError, ValidationError, audit
from .duplicates import Kind
from .merge_conflicts import (
    Plan,
    attendance_conflicts,
    candidacy_conflicts,
    json_value,
    membership_conflicts,
    record_name,
    resolution_conflicts,
    same_rows,
)
from .merge_details import (
    MergeItem,
    MergePreview,
    describe,
    reference_label,
)

_FILLED_FIELDS = {
    Kind.PERSON: {
        "email": N_("Courriel"),
        "phone": N_("Téléphone"),
        "address": N_("Adresse"),
        "postal_code": N_("Code postal"),
        "sector": N_("Secteur"),
    },
    Kind.ORGANIZATION: {
        "acronym": N_("Sigle"),
        "email": N_("Courriel"),
        "phone": N_("Téléphone"),
        "website": N_("Site Web"),
        "address": N_("Adresse"),
        "city": N_("Ville"),
        "postal_code": N_("Code postal"),
    },
}
# Rows identical but for the merged column are duplicates: the loser's copy is dropped.
_SAME_ROW_TABLES = {
    "representation",
    "assignment",
    "partner_role",
    "consent",
    "activity_participant",
}


def _references(model) -> list[tuple[Table, str]]:
    """Every (table, column) whose foreign key points at ``model``'s table."""
    target = model.__table__
    found = []
    for table in Base.metadata.sorted_tables:
        for foreign_key in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
            if foreign_key.column.table is target:
                found.append((table, foreign_key.parent.name))
    return found


def _plan(session: Session, kind: Kind | str, keep_id: int, lose_id: int) -> Plan:
    kind = Kind(kind)
    model = Person if kind is Kind.PERSON else Organization
    if keep_id == lose_id:
        raise ValidationError(_("Choisissez deux fiches différentes à fusionner."))
    keep, lose = session.get(model, keep_id), session.get(model, lose_id)
    if keep is None or lose is None:
        raise NotFoundError(_("Une des fiches à fusionner n'existe plus."))
    if keep.archived_at is not None:
        raise ValidationError(_("La fiche gardée est archivée : restaurez-la d'abord."))
    if kind is Kind.PERSON and (keep.anonymized_at or lose.anonymized_at):
        raise ValidationError(_("Une fiche anonymisée ne peut pas être fusionnée."))
    plan = Plan(keep, lose, _references(model))
    member_column = "person_id" if kind is Kind.PERSON else "organization_id"
    membership_conflicts(session, plan, member_column)
    if kind is Kind.PERSON:
        attendance_conflicts(session, plan)
        resolution_conflicts(session, plan)
        candidacy_conflicts(session, plan)
    for table, column in plan.references:
        if table.name in _SAME_ROW_TABLES:
            same_rows(session, plan, table, column)
    cleared = {(t, c, i) for t, c, i in plan.cleared}
    for table, column in plan.references:
        ids = session.scalars(
            select(table.c.id).where(table.c[column] == lose_id).order_by(table.c.id)
        ).all()
        gone = set(plan.deletes.get(table.name, ()))
        ids = [i for i in ids if i not in gone and (table.name, column, i) not in cleared]
        if ids:
            plan.moved[(table.name, column)] = ids
    for name in _FILLED_FIELDS[kind]:
        value = getattr(lose, name)
        if value not in (None, "") and getattr(keep, name) in (None, ""):
            plan.filled[name] = value
    return plan


def _preview(session: Session, kind: Kind | str, plan: Plan) -> MergePreview:
    moves = tuple(
        MergeItem(reference_label(table, column), len(ids), tuple(describe(session, table, ids)))
        for (table, column), ids in plan.moved.items()
    )
    labels = _FILLED_FIELDS[Kind(kind)]
    filled = tuple((_(labels[name]), str(value)) for name, value in plan.filled.items())
    return MergePreview(
        Kind(kind).value,
        plan.keep.id,
        record_name(plan.keep),
        plan.lose.id,
        record_name(plan.lose),
        moves,
        tuple(plan.conflicts),
        filled,
    )


def merge_preview(db: Database, kind: Kind | str, keep_id: int, lose_id: int) -> MergePreview:
    """What :func:`merge` would move, fill and set aside; nothing is written."""
    with db.session() as session:
        return _preview(session, kind, _plan(session, kind, keep_id, lose_id))


def merge(db: Database, kind: Kind | str, keep_id: int, lose_id: int) -> MergePreview:
    """Merge ``lose_id`` into ``keep_id`` in one transaction; returns what was done."""
    with db.session() as session:
        user = audit.current_user(session)
        plan = _plan(session, kind, keep_id, lose_id)
        done = _preview(session, kind, plan)
        tables = Base.metadata.tables
        for table_name, column, row_id in plan.cleared:
            table = tables[table_name]
            session.execute(update(table).where(table.c.id == row_id).values({column: None}))
        for table_name, ids in plan.deletes.items():
            table = tables[table_name]
            session.execute(delete(table).where(table.c.id.in_(ids)))
        membership = tables["membership"]
        for membership_id, text in plan.notes:
            notes = session.scalar(
                select(membership.c.notes).where(membership.c.id == membership_id)
            )
            session.execute(
                update(membership)
                .where(membership.c.id == membership_id)
                .values(notes=f"{notes}\n{text}" if notes else text)
            )
        for table, column in plan.references:
            session.execute(
                update(table).where(table.c[column] == lose_id).values({column: keep_id})
            )
        session.expire_all()
        keep, lose = plan.keep, plan.lose
        for name, value in plan.filled.items():
            setattr(keep, name, value)
        if lose.archived_at is None:
            lose.archived_at = utc_now()
        note = _("Fusionné dans #{id}").format(id=keep_id)
        lose.notes = f"{lose.notes}\n\n{note}" if lose.notes else note
        entity = Kind(kind).value
        changes = {
            "merged_id": lose_id,
            "moved": {f"{t}.{c}": ids for (t, c), ids in plan.moved.items()},
            "dropped": dict(plan.dropped),
            "cleared": [f"{t}.{c}#{i}" for t, c, i in plan.cleared],
            "filled": {name: json_value(value) for name, value in plan.filled.items()},
        }
        session.add(
            AuditEntry(
                user=user,
                entity=entity,
                entity_id=keep_id,
                action=AuditAction.MERGE.value,
                changes=changes,
            )
        )
        session.add(
            AuditEntry(
                user=user,
                entity=entity,
                entity_id=lose_id,
                action=AuditAction.MERGE.value,
                changes={"merged_into": keep_id},
            )
        )
        _record_rows(session, plan, entity, keep_id, lose_id)
    return done


def _record_rows(session: Session, plan: Plan, entity: str, keep_id: int, lose_id: int) -> None:
    """Each moved, changed or set-aside row's own history tells of the merge (the audit
    listeners do not see Core statements)."""
    note = _("Fusion de {entity} #{lose} dans #{keep}").format(
        entity=entity, lose=lose_id, keep=keep_id
    )
    moved: dict[str, set[int]] = defaultdict(set)
    for (table, _column), ids in plan.moved.items():
        moved[table].update(ids)
    for table, row_id in [(t, i) for t, _c, i in plan.cleared]:
        moved[table].add(row_id)
    moved["membership"].update(membership_id for membership_id, _text in plan.notes)
    for table, ids in moved.items():
        audit.record_bulk(session, table, AuditAction.UPDATE, ids=sorted(ids), note=note)
    for table, rows in plan.dropped.items():
        for row in rows:
            audit.record_event(
                session, table, row["id"], AuditAction.DELETE, {"note": note, "row": row}
            )
