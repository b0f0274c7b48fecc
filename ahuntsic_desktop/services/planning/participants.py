"""Who took part in an activity, by name: the persons listed, the choices offered to pick
one, and a walk-in typed as « Prénom Nom » (a person of that name is reused, else created),
as at a meeting's sign-in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import ActivityParticipant, Person
from ...i18n import _
from ...store import Database
from ..core import ValidationError, name_sort_key
from ..meetings import attendance, pick_lists
from .activities import add_participant
from .common import require_activity


@dataclass(frozen=True)
class ParticipantLine:
    person_id: int
    name: str


@dataclass(frozen=True)
class AddedParticipant:
    person_id: int
    name: str
    created_person: bool


def participant_lines(db: Database, activity_id: int) -> list[ParticipantLine]:
    """The named participants of an activity, by last then first name."""
    with db.session() as session:
        require_activity(session, activity_id)
        rows = session.execute(
            select(Person.id, Person.first_name, Person.last_name)
            .join(ActivityParticipant, ActivityParticipant.person_id == Person.id)
            .where(ActivityParticipant.activity_id == activity_id)
        ).all()
    rows.sort(key=lambda r: (name_sort_key(r[2]), name_sort_key(r[1]), r[0]))
    return [ParticipantLine(i, f"{first} {last}".strip()) for i, first, last in rows]


def participant_choices(db: Database, day: dt.date) -> list[pick_lists.PersonChoice]:
    """The persons one may pick (not archived), with whom they represent on ``day``."""
    return pick_lists.person_choices(db, day)


def add_walk_in_participant(db: Database, activity_id: int, full_name: str) -> AddedParticipant:
    """Add a person typed as ``"Prénom Nom"``: the one person of that name (case, accents
    and spacing ignored) if there is one, else a new person. Refused, saving nothing, when
    several persons bear the name or the person is already listed."""
    first, last = attendance.split_full_name(full_name)
    if not (first or last):
        raise _error(_("Tapez le prénom et le nom de la personne."))
    if len(first) > 100 or len(last) > 100:
        raise _error(_("Ce nom est trop long (100 caractères au plus)."))
    wanted = name_sort_key(f"{first} {last}")
    with db.session() as session:
        require_activity(session, activity_id)
        same = [
            pid
            for pid, f, la in session.execute(
                select(Person.id, Person.first_name, Person.last_name).where(
                    Person.archived_at.is_(None)
                )
            )
            if name_sort_key(" ".join(f"{f} {la}".split())) == wanted
        ]
    if len(same) > 1:
        raise _error(
            _(
                "Plusieurs personnes s'appellent « {name} » : choisissez la bonne dans la liste "
                "proposée."
            ).format(name=f"{first} {last}".strip())
        )
    if same:
        add_participant(db, activity_id, same[0])
        return AddedParticipant(same[0], f"{first} {last}".strip(), False)
    with db.session() as session:
        require_activity(session, activity_id)
        person = Person(first_name=first, last_name=last)
        session.add(person)
        session.flush()
        session.add(ActivityParticipant(activity_id=activity_id, person_id=person.id))
        session.flush()
        return AddedParticipant(person.id, f"{first} {last}".strip(), True)


def _error(message: str) -> ValidationError:
    return ValidationError(message, "person")
