"""The rules a merge follows where both records hold something only one may keep: the
same membership year, a presence at the same meeting, a resolution moved by one and
seconded by the other, two candidacies in one election, a candidacy proposed by one and
seconded by the other, duplicate rows. Each rule writes into the merge's :class:`Plan`
what is dropped or cleared and says it as a :class:`MergeConflict` for the preview."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import Table, and_, or_, select
from sqlalchemy.orm import Session

from ...domain import Base, Organization, Person
from ...domain.enums import AttendanceStatus
from ...domain.labels import label
from ...i18n import _, format_date, format_money
from .merge_details import MergeConflict, describe, reference_label

STATUS_RANK = {
    AttendanceStatus.PRESENT.value: 3,
    AttendanceStatus.EXCUSED.value: 2,
    AttendanceStatus.ABSENT.value: 1,
    AttendanceStatus.INVITED.value: 0,
}


@dataclass
class Plan:
    keep: Person | Organization
    lose: Person | Organization
    references: list[tuple[Table, str]]
    deletes: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    dropped: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    cleared: list[tuple[str, str, int]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    conflicts: list[MergeConflict] = field(default_factory=list)
    moved: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    filled: dict[str, object] = field(default_factory=dict)


def record_name(record) -> str:
    if isinstance(record, Person):
        return record.full_name
    return record.name


def json_value(value):
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def row_dict(row) -> dict:
    return {key: json_value(value) for key, value in row._mapping.items()}


def drop(plan: Plan, table: Table, row) -> None:
    plan.deletes[table.name].append(row.id)
    plan.dropped[table.name].append(row_dict(row))


def membership_conflicts(session: Session, plan: Plan, column: str) -> None:
    m = Base.metadata.tables["membership"]
    keep_rows = {r.year: r for r in session.execute(select(m).where(m.c[column] == plan.keep.id))}
    for row in session.execute(select(m).where(m.c[column] == plan.lose.id)).all():
        other = keep_rows.get(row.year)
        if other is None:
            continue
        lose_wins = row.paid_on is not None and other.paid_on is None
        survivor, dropped = (row, other) if lose_wins else (other, row)
        drop(plan, m, dropped)
        details = _(
            "adhésion {year} en double retirée lors de la fusion : cotisation {dues}"
        ).format(year=dropped.year, dues=format_money(dropped.dues_cents))
        if dropped.paid_on is not None:
            details += _(", payée le {day}").format(day=format_date(dropped.paid_on))
        if dropped.receipt_number:
            details += _(", reçu {number}").format(number=dropped.receipt_number)
        plan.notes.append((survivor.id, details + "."))
        why = _("la seule payée") if lose_wins or (other.paid_on and not row.paid_on) else ""
        name = record_name(plan.lose if lose_wins else plan.keep)
        plan.conflicts.append(
            MergeConflict(
                _("Adhésion {year} : les deux fiches en ont une.").format(year=row.year),
                _(
                    "On garde celle de « {name} »{why} ; l'autre est retirée, consignée dans le "
                    "journal et dans les notes de l'adhésion gardée."
                ).format(name=name, why=f" ({why})" if why else ""),
            )
        )


def attendance_conflicts(session: Session, plan: Plan) -> None:
    a = Base.metadata.tables["attendance"]
    meetings = Base.metadata.tables["meeting"]
    keep_rows = {
        r.meeting_id: r for r in session.execute(select(a).where(a.c.person_id == plan.keep.id))
    }
    for row in session.execute(select(a).where(a.c.person_id == plan.lose.id)).all():
        other = keep_rows.get(row.meeting_id)
        if other is None:
            continue
        lose_wins = STATUS_RANK.get(row.status, 0) > STATUS_RANK.get(other.status, 0)
        survivor, dropped = (row, other) if lose_wins else (other, row)
        drop(plan, a, dropped)
        meeting = session.execute(
            select(meetings.c.title, meetings.c.date).where(meetings.c.id == row.meeting_id)
        ).one()
        plan.conflicts.append(
            MergeConflict(
                _("Présence à « {meeting} » du {day} : les deux fiches y figurent.").format(
                    meeting=meeting.title, day=format_date(meeting.date)
                ),
                _(
                    "On garde « {status} » (fiche de « {name} ») ; l'autre présence est retirée "
                    "et consignée dans le journal."
                ).format(
                    status=label(survivor.status, AttendanceStatus),
                    name=record_name(plan.lose if lose_wins else plan.keep),
                ),
            )
        )


def resolution_conflicts(session: Session, plan: Plan) -> None:
    r = Base.metadata.tables["resolution"]
    keep, lose = plan.keep.id, plan.lose.id
    rows = session.execute(
        select(r.c.id, r.c.number).where(
            or_(
                and_(r.c.moved_by_id == keep, r.c.seconded_by_id == lose),
                and_(r.c.moved_by_id == lose, r.c.seconded_by_id == keep),
            )
        )
    ).all()
    for row in rows:
        plan.cleared.append(("resolution", "seconded_by_id", row.id))
        plan.conflicts.append(
            MergeConflict(
                _("Résolution {number} : proposée par une fiche et appuyée par l'autre.").format(
                    number=row.number
                ),
                _(
                    "Une même personne ne peut proposer et appuyer : on garde le proposeur et "
                    "l'appui est retiré (consigné dans le journal)."
                ),
            )
        )


def same_rows(session: Session, plan: Plan, table: Table, column: str) -> None:
    others = [c for c in table.c if c.name not in ("id", column)]
    kept = {
        tuple(r) for r in session.execute(select(*others).where(table.c[column] == plan.keep.id))
    }
    for row in session.execute(select(table).where(table.c[column] == plan.lose.id)).all():
        if tuple(getattr(row, c.name) for c in others) in kept:
            drop(plan, table, row)
            (line,) = describe(session, table.name, [row.id])
            plan.conflicts.append(
                MergeConflict(
                    _("{what} : « {line} » figure déjà sur la fiche gardée.").format(
                        what=reference_label(table.name, column), line=line
                    ),
                    _("Le doublon est retiré."),
                )
            )


def candidacy_conflicts(session: Session, plan: Plan) -> None:
    """Both records stood in one election: the elected candidacy stays (else the one with
    more votes, else the kept record's). A candidacy proposed by one record and seconded by
    the other loses its seconder, as a resolution does."""
    c = Base.metadata.tables["candidacy"]
    keep, lose = plan.keep.id, plan.lose.id
    kept = {r.election_id: r for r in session.execute(select(c).where(c.c.person_id == keep))}
    for row in session.execute(select(c).where(c.c.person_id == lose)).all():
        other = kept.get(row.election_id)
        if other is None:
            continue
        lose_wins = (row.elected, row.votes) > (other.elected, other.votes)
        survivor, dropped = (row, other) if lose_wins else (other, row)
        drop(plan, c, dropped)
        plan.conflicts.append(
            MergeConflict(
                _("Élection : les deux fiches y sont candidates."),
                _(
                    "On garde la candidature de « {name} » ({votes} voix{elected}) ; l'autre est "
                    "retirée et consignée dans le journal."
                ).format(
                    name=record_name(plan.lose if lose_wins else plan.keep),
                    votes=survivor.votes,
                    elected=_(", élue") if survivor.elected else "",
                ),
            )
        )
    both = or_(
        and_(c.c.proposed_by_id == keep, c.c.seconded_by_id == lose),
        and_(c.c.proposed_by_id == lose, c.c.seconded_by_id == keep),
    )
    gone = set(plan.deletes.get("candidacy", ()))
    for row in session.execute(select(c.c.id).where(both)).all():
        if row.id in gone:
            continue
        plan.cleared.append(("candidacy", "seconded_by_id", row.id))
        plan.conflicts.append(
            MergeConflict(
                _("Candidature proposée par une fiche et appuyée par l'autre."),
                _(
                    "Une même personne ne peut proposer et appuyer : on garde le proposeur et "
                    "l'appui est retiré (consigné dans le journal)."
                ),
            )
        )
