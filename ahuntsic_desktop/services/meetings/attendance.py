"""Attendance (présences) of a meeting: the list with each line's vote, adding and changing
lines, walk-ins signed in on the spot, convening the members,
Voting rights and the quorum are in :mod:`.quorum`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...domain import (
    Attendance,
    Meeting,
    Organization,
    Person,
)
from ...domain.enums import AttendanceStatus
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import BulkResult, NotFoundError, ValidationError, bulk, name_sort_key
from ..core import settings as settings_service
from .convening import invite_members  # noqa: F401 (callers use it here)
from .meetings import person_name_sql, require_meeting
from .pick_lists import represented_organizations
from .quorum import attendance_lines, meeting_year


@dataclass(frozen=True)
class AttendanceRow:
    id: int
    person_id: int
    person_name: str
    organization_id: int | None
    organization_name: str
    status: str
    status_label: str
    invited: bool
    voting: bool  # this line carries (or, not yet present, would carry) a member's vote
    vote_carried_by: str = ""  # another person carries the vote of this line's organisation


def list_attendance(db: Database, meeting_id: int) -> list[AttendanceRow]:
    """Everyone recorded for the meeting, by last then first name, with computed voting:
    one line per member carries its vote (see :func:`.quorum.choose_carriers`)."""
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        lines = attendance_lines(session, meeting, meeting_year(meeting, table_settings))
        voters = {line.attendance_id: line.carrier for line in lines}
        carriers = {
            line.member[1]: line.person_id
            for line in lines
            if line.carrier and line.member and line.member[0] == "o"
        }
        rows = session.execute(
            select(
                Attendance,
                person_name_sql(),
                Organization.name,
                Person.last_name,
                Person.first_name,
            )
            .join(Person, Person.id == Attendance.person_id)
            .outerjoin(Organization, Organization.id == Attendance.organization_id)
            .where(Attendance.meeting_id == meeting_id)
        ).all()
        # French order: accents and case ignored ("Émond" with the E's, not after Z).
        rows.sort(key=lambda r: (name_sort_key(r[3]), name_sort_key(r[4]), r[0].id))
        names = {attendance.person_id: name for attendance, name, *_rest in rows}
        return [
            AttendanceRow(
                id=attendance.id,
                person_id=attendance.person_id,
                person_name=name,
                organization_id=attendance.organization_id,
                organization_name=org_name or "",
                status=attendance.status,
                status_label=label(attendance.status, AttendanceStatus),
                invited=attendance.invited,
                voting=voters.get(attendance.id, False),
                vote_carried_by=_carried_by(attendance, carriers, names),
            )
            for attendance, name, org_name, _last, _first in rows
        ]


def _carried_by(attendance: Attendance, carriers: dict[int, int], names: dict) -> str:
    """The name of who carries the vote of the line's organisation, when someone else."""
    carrier = carriers.get(attendance.organization_id)
    if carrier is None or carrier == attendance.person_id:
        return ""
    return names.get(carrier, "")


def _check(session: Session, person_id: int, status: str, organization_id: int | None) -> Person:
    if status not in {s.value for s in AttendanceStatus}:
        raise ValidationError(_("Statut de présence inconnu."), "status")
    person = session.get(Person, person_id)
    if person is None:
        raise ValidationError(_("Cette personne n'existe plus."), "person_id")
    if organization_id is not None and session.get(Organization, organization_id) is None:
        raise ValidationError(_("Cet organisme n'existe plus."), "organization_id")
    return person


@dataclass(frozen=True)
class _Line:
    """One person's attendance line as it is to be saved."""

    meeting_id: int
    person_id: int
    status: str
    organization_id: int | None


def _save(db: Database, line: _Line, *, allow_existing: bool) -> int:
    table_settings = settings_service.load(db)
    with db.session() as session:
        return _save_in(session, table_settings, line, allow_existing=allow_existing)


def _save_in(session: Session, table_settings, line: _Line, *, allow_existing: bool) -> int:
    meeting_id, person_id = line.meeting_id, line.person_id
    status, organization_id = line.status, line.organization_id
    meeting = require_meeting(session, meeting_id)
    person = _check(session, person_id, status, organization_id)
    attendance = session.scalar(
        select(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
        )
    )
    if attendance is None:
        attendance = Attendance(meeting_id=meeting_id, person_id=person_id, invited=True)
        session.add(attendance)
    elif not allow_existing:
        raise ValidationError(
            _("{name} figure déjà dans les présences de cette rencontre.").format(
                name=person.full_name or _("Cette personne")
            ),
            "person_id",
        )
    attendance.status = status
    attendance.organization_id = organization_id
    session.flush()
    # Keep the stored flag as a snapshot; lists and quorum recompute it.
    lines = attendance_lines(session, meeting, meeting_year(meeting, table_settings))
    attendance.voting = any(e.attendance_id == attendance.id and e.carrier for e in lines)
    return attendance.id


def add_attendance(
    db: Database,
    meeting_id: int,
    person_id: int,
    status: str = AttendanceStatus.INVITED.value,
    organization_id: int | None = None,
) -> int:
    """Add a person to the meeting's attendance; refuses a person already listed."""
    line = _Line(meeting_id, person_id, status, organization_id)
    return _save(db, line, allow_existing=False)


def set_attendance(
    db: Database,
    meeting_id: int,
    person_id: int,
    status: str,
    organization_id: int | None = None,
) -> int:
    """Record (or change) a person's status and whom they represent; returns the row id.

    A person has at most one line per meeting: calling again updates that line.
    """
    line = _Line(meeting_id, person_id, status, organization_id)
    try:
        return _save(db, line, allow_existing=True)
    except IntegrityError:  # another user of a server added the same line at that moment:
        return _save(db, line, allow_existing=True)


def set_statuses(
    db: Database, meeting_id: int, people: Mapping[int, int | None], status: str
) -> BulkResult:
    """Give ``status`` to the people of ``people`` (person id -> organisation represented)
    in one transaction; each person refused is named in the result."""
    table_settings = settings_service.load(db)

    def mark(session: Session, person_id: int) -> None:
        line = _Line(meeting_id, person_id, status, people[person_id])
        _save_in(session, table_settings, line, allow_existing=True)

    return bulk.each(db, list(people), mark)


def _remove(session: Session, attendance_id: int) -> None:
    attendance = session.get(Attendance, attendance_id)
    if attendance is None:
        raise NotFoundError(_("Cette présence n'existe plus."))
    session.delete(attendance)


def remove_attendance(db: Database, attendance_id: int) -> None:
    with db.session() as session:
        _remove(session, attendance_id)


def remove_attendances(db: Database, attendance_ids: Iterable[int]) -> BulkResult:
    """Take lines off the attendance in one transaction; those gone are named refused."""
    return bulk.each(db, attendance_ids, _remove)


# -- attendance -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AddedAttendance:
    attendance_id: int
    person_id: int
    name: str
    created_person: bool


def split_full_name(text: str) -> tuple[str, str]:
    """``"Marie-Ève Gagnon Roy"`` -> ``("Marie-Ève", "Gagnon Roy")``: the first word is the
    first name, the rest the last name; a single word is a last name."""
    words = " ".join((text or "").split()).split(" ")
    words = [w for w in words if w]
    if not words:
        return "", ""
    if len(words) == 1:
        return "", words[0]
    return words[0], " ".join(words[1:])


def _sign_in(
    session: Session,
    meeting: Meeting,
    person: Person,
    organization_id: int | None,
    year: int,
    *,
    created: bool,
) -> AddedAttendance:
    """Put ``person`` on the list, present though not invited (a walk-in)."""
    taken = session.scalar(
        select(Attendance.id).where(
            Attendance.meeting_id == meeting.id, Attendance.person_id == person.id
        )
    )
    if taken is not None:
        raise ValidationError(
            _("{name} figure déjà dans les présences de cette rencontre.").format(
                name=person.full_name or _("Cette personne")
            ),
            "person_id",
        )
    attendance = Attendance(
        meeting_id=meeting.id,
        person_id=person.id,
        organization_id=organization_id,
        status=AttendanceStatus.PRESENT.value,
        invited=False,
    )
    session.add(attendance)
    session.flush()
    attendance.voting = any(
        line.attendance_id == attendance.id and line.carrier
        for line in attendance_lines(session, meeting, year)
    )
    return AddedAttendance(attendance.id, person.id, person.full_name, created)


def add_present_person(db: Database, meeting_id: int, person_id: int) -> AddedAttendance:
    """Sign in someone already known who was not on the list (a walk-in), present, for the
    organisation they represent on the meeting's date."""
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError(_("Cette personne n'existe plus."), "person_id")
        org = represented_organizations(session, meeting.date, [person_id]).get(
            person_id, (None, "")
        )[0]
        year = table_settings.membership_year_of(meeting.date)
        return _sign_in(session, meeting, person, org, year, created=False)


def add_walk_in(db: Database, meeting_id: int, full_name: str) -> AddedAttendance:
    """Sign in a walk-in typed as ``"Prénom Nom"``, present, in one transaction.

    A person of that exact name (case and spacing ignored) is reused; otherwise a new person
    is created. Someone already listed for the meeting is refused and nothing is saved.
    """
    first, last = split_full_name(full_name)
    if not (first or last):
        raise ValidationError(_("Tapez le prénom et le nom de la personne."), "person")
    if len(first) > 100 or len(last) > 100:
        raise ValidationError(_("Ce nom est trop long (100 caractères au plus)."), "person")
    wanted = name_sort_key(f"{first} {last}")
    with db.session() as session:
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
        raise ValidationError(
            _(
                "Plusieurs personnes s'appellent « {name} » : choisissez la bonne dans la liste "
                "proposée."
            ).format(name=f"{first} {last}".strip()),
            "person",
        )
    if same:
        return add_present_person(db, meeting_id, same[0])
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        person = Person(first_name=first, last_name=last)
        session.add(person)
        session.flush()
        year = table_settings.membership_year_of(meeting.date)
        return _sign_in(session, meeting, person, None, year, created=True)
