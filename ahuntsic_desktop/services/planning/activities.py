"""Activities of a démarche and who took part: named persons and anonymous headcounts by
sector and population. An activity may be one of the meetings of the participation kind;
that meeting's attendance and counts then count for the activity (see :mod:`.figures`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ...domain import (
    ActivityHeadcount,
    ActivityParticipant,
    ActivityType,
    Meeting,
    Person,
    ProcessActivity,
)
from ...domain.enums import MeetingKind, Sector
from ...i18n import _, format_date
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v
from .common import count, require_activity, require_phase, require_process, within


@dataclass(frozen=True)
class ActivityData:
    type_id: int
    title: str
    date: dt.date | str | None
    phase_id: int | None = None
    place: str | None = None
    facilitators: str | None = None
    target_population: str | None = None
    meeting_id: int | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Headcount:
    sector: Sector | str
    count: int | str
    population: str = ""


def _meeting(session: Session, meeting_id: int | None, activity_id: int | None) -> int | None:
    if meeting_id is None:
        return None
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(_("Cette rencontre n'existe plus."), "meeting_id")
    if meeting.kind != MeetingKind.PARTICIPATION.value:
        raise ValidationError(
            _("Seule une activité de participation peut devenir une activité de la démarche."),
            "meeting_id",
        )
    taken = session.scalar(
        select(ProcessActivity.id).where(
            ProcessActivity.meeting_id == meeting_id, ProcessActivity.id != (activity_id or 0)
        )
    )
    if taken is not None:
        raise ValidationError(
            _("Cette rencontre est déjà une activité d'une démarche."), "meeting_id"
        )
    return meeting_id


def _clean(session: Session, process_id: int, data: ActivityData, activity_id: int | None) -> dict:
    process = require_process(session, process_id)
    if data.type_id is None or session.get(ActivityType, data.type_id) is None:
        raise ValidationError(_("Choisissez le type d'activité."), "type_id")
    title = v.required_text(data.title, "title", _("Titre"))
    day = v.parse_date(data.date, "date", _("Date"), required=True)
    within(
        day,
        process.start_date,
        process.end_date,
        "date",
        _("L'activité doit avoir lieu pendant la démarche ({start} – {end}).").format(
            start=format_date(process.start_date),
            end=format_date(process.end_date) if process.end_date else "…",
        ),
    )
    if data.phase_id is not None:
        phase = require_phase(session, data.phase_id)
        if phase.process_id != process_id:
            raise ValidationError(_("Cette phase appartient à une autre démarche."), "phase_id")
        within(
            day,
            phase.start_date,
            phase.end_date,
            "date",
            _("L'activité doit avoir lieu pendant la phase « {name} ».").format(name=phase.name),
        )
    meeting_id = _meeting(session, data.meeting_id, activity_id)
    long = {"max_length": 5000, "multiline": True}
    return {
        "type_id": data.type_id,
        "title": title,
        "date": day,
        "phase_id": data.phase_id,
        "place": v.optional_text(data.place, "place", _("Lieu"), max_length=300),
        "facilitators": v.optional_text(data.facilitators, "facilitators", _("Animation"), **long),
        "target_population": v.optional_text(
            data.target_population, "target_population", _("Population visée"), **long
        ),
        "meeting_id": meeting_id,
        "notes": v.optional_text(
            data.notes, "notes", _("Notes"), max_length=20_000, multiline=True
        ),
    }


def create_activity(db: Database, process_id: int, data: ActivityData) -> int:
    with db.session() as session:
        activity = ProcessActivity(process_id=process_id, **_clean(session, process_id, data, None))
        session.add(activity)
        session.flush()
        return activity.id


def update_activity(db: Database, activity_id: int, data: ActivityData) -> None:
    with db.session() as session:
        activity = require_activity(session, activity_id)
        for key, value in _clean(session, activity.process_id, data, activity_id).items():
            setattr(activity, key, value)


def delete_activity(db: Database, activity_id: int) -> None:
    """Delete an activity with its participants, counts and contributions (the meeting it
    was, if any, stays)."""
    with db.session() as session:
        session.delete(require_activity(session, activity_id))


# -- participants -------------------------------------------------------------------------


def _person_ids(session: Session, person_ids: Iterable[int]) -> list[int]:
    ids = list(person_ids)
    if len(set(ids)) != len(ids):
        raise ValidationError(_("Une même personne figure deux fois."), "person_id")
    if ids:
        found = set(session.scalars(select(Person.id).where(Person.id.in_(ids))))
        if len(found) != len(ids):
            raise NotFoundError(_("Une de ces personnes n'existe plus."), "person_id")
    return ids


def add_participant(db: Database, activity_id: int, person_id: int) -> int:
    """Record that ``person_id`` took part; refused if already recorded."""
    with db.session() as session:
        require_activity(session, activity_id)
        _person_ids(session, [person_id])
        taken = session.scalar(
            select(ActivityParticipant.id).where(
                ActivityParticipant.activity_id == activity_id,
                ActivityParticipant.person_id == person_id,
            )
        )
        if taken is not None:
            raise ValidationError(
                _("Cette personne figure déjà parmi les participant·es."), "person_id"
            )
        line = ActivityParticipant(activity_id=activity_id, person_id=person_id)
        session.add(line)
        session.flush()
        return line.id


def remove_participant(db: Database, activity_id: int, person_id: int) -> None:
    with db.session() as session:
        session.execute(
            delete(ActivityParticipant).where(
                ActivityParticipant.activity_id == activity_id,
                ActivityParticipant.person_id == person_id,
            )
        )


def set_participants(db: Database, activity_id: int, person_ids: Iterable[int]) -> None:
    """Replace the named participants of an activity (all or nothing)."""
    with db.session() as session:
        require_activity(session, activity_id)
        ids = _person_ids(session, person_ids)
        session.execute(
            delete(ActivityParticipant).where(ActivityParticipant.activity_id == activity_id)
        )
        session.add_all(ActivityParticipant(activity_id=activity_id, person_id=i) for i in ids)


def participant_ids(db: Database, activity_id: int) -> list[int]:
    with db.session() as session:
        return list(
            session.scalars(
                select(ActivityParticipant.person_id)
                .where(ActivityParticipant.activity_id == activity_id)
                .order_by(ActivityParticipant.id)
            )
        )


def clean_headcounts(rows: Iterable[Headcount]) -> list[dict]:
    """Headcounts checked: known sector, count >= 0, each (sector, population) once."""
    clean, seen = [], set()
    for row in rows:
        sector = v.choice(row.sector, Sector, "sector", _("Secteur"))
        population = v.optional_text(row.population, "population", _("Population")) or ""
        number = count(row.count, "count", _("Nombre de participant·es"))
        key = (sector, population.casefold())
        if key in seen:
            raise ValidationError(
                _("Le même secteur et la même population figurent deux fois."), "sector"
            )
        seen.add(key)
        clean.append({"sector": sector, "population": population, "count": number})
    return clean


def set_headcounts(db: Database, activity_id: int, rows: Iterable[Headcount]) -> None:
    """Replace the anonymous counts of an activity (all or nothing)."""
    clean = clean_headcounts(rows)
    with db.session() as session:
        require_activity(session, activity_id)
        session.execute(
            delete(ActivityHeadcount).where(ActivityHeadcount.activity_id == activity_id)
        )
        session.add_all(ActivityHeadcount(activity_id=activity_id, **row) for row in clean)


def headcounts(db: Database, activity_id: int) -> list[Headcount]:
    with db.session() as session:
        rows = session.execute(
            select(ActivityHeadcount.sector, ActivityHeadcount.count, ActivityHeadcount.population)
            .where(ActivityHeadcount.activity_id == activity_id)
            .order_by(ActivityHeadcount.id)
        ).all()
    return [Headcount(s, n, p) for s, n, p in rows]


def activity_data(db: Database, activity_id: int) -> ActivityData:
    """What the activity's form shows."""
    with db.session() as session:
        a = require_activity(session, activity_id)
        return ActivityData(
            a.type_id,
            a.title,
            a.date,
            a.phase_id,
            a.place,
            a.facilitators,
            a.target_population,
            a.meeting_id,
            a.notes,
        )


def activity_count(session: Session, process_id: int) -> int:
    return session.scalar(
        select(func.count())
        .select_from(ProcessActivity)
        .where(ProcessActivity.process_id == process_id)
    )
