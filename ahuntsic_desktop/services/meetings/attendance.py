"""Attendance (présences) of a meeting, voting rights and quorum.

A person votes at a meeting when a membership of a voting category, paid (``paid_on`` set),
exists for the membership year containing the meeting's date, either for the person or for
the organisation the person represents at that meeting. Quorum counts voting *members*: an
organisation with two delegates present counts once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ...domain import Attendance, Meeting, Membership, MembershipCategory, Organization, Person
from ...domain.enums import AttendanceStatus
from ...domain.labels import label
from ...i18n import _, ngettext
from ...store import Database
from ..core import settings as settings_service
from ..core.errors import NotFoundError, ValidationError
from ..core.validation import name_sort_key
from .meetings import person_name_sql, require_meeting

MemberKey = tuple[str, int]  # ("o", organization id) or ("p", person id)


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
    voting: bool


@dataclass(frozen=True)
class QuorumState:
    required: int
    present_voting: int
    reached: bool
    message: str


def _voting_membership(year: int, *condition):
    return exists(
        select(Membership.id)
        .join(MembershipCategory, MembershipCategory.id == Membership.category_id)
        .where(
            MembershipCategory.voting.is_(True),
            Membership.paid_on.is_not(None),
            Membership.year == year,
            *condition,
        )
    )


@dataclass(frozen=True)
class AttendanceLine:
    attendance_id: int
    person_id: int
    status: str
    invited: bool
    member: MemberKey | None  # the member whose vote this line carries, if any


def attendance_lines(session: Session, meeting: Meeting, year: int) -> list[AttendanceLine]:
    """Each attendance line of ``meeting`` with the member whose vote it carries.

    ``year`` is the membership year of the meeting's date. One query.
    """
    org_votes = _voting_membership(
        year,
        Attendance.organization_id.is_not(None),
        Membership.organization_id == Attendance.organization_id,
    )
    person_votes = _voting_membership(year, Membership.person_id == Attendance.person_id)
    rows = session.execute(
        select(
            Attendance.id,
            Attendance.person_id,
            Attendance.organization_id,
            Attendance.status,
            Attendance.invited,
            org_votes.label("org_votes"),
            person_votes.label("person_votes"),
        ).where(Attendance.meeting_id == meeting.id)
    )
    lines = []
    for row in rows:
        member: MemberKey | None = None
        if row.org_votes:
            member = ("o", row.organization_id)
        elif row.person_votes:
            member = ("p", row.person_id)
        lines.append(AttendanceLine(row.id, row.person_id, row.status, row.invited, member))
    return lines


def _year_of(meeting: Meeting, table_settings: settings_service.TableSettings) -> int:
    return table_settings.membership_year_of(meeting.date)


def list_attendance(db: Database, meeting_id: int) -> list[AttendanceRow]:
    """Everyone recorded for the meeting, by last then first name, with computed voting."""
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        voters = {
            line.attendance_id: line.member
            for line in attendance_lines(session, meeting, _year_of(meeting, table_settings))
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
                voting=voters.get(attendance.id) is not None,
            )
            for attendance, name, org_name, _last, _first in rows
        ]


def _check(session: Session, person_id: int, status: str, organization_id: int | None) -> Person:
    if status not in {s.value for s in AttendanceStatus}:
        raise ValidationError(_("Statut de présence inconnu."), "status")
    person = session.get(Person, person_id)
    if person is None:
        raise ValidationError(_("Cette personne n'existe plus."), "person_id")
    if organization_id is not None and session.get(Organization, organization_id) is None:
        raise ValidationError(_("Cet organisme n'existe plus."), "organization_id")
    return person


def _save(
    db: Database,
    meeting_id: int,
    person_id: int,
    status: str,
    organization_id: int | None,
    *,
    allow_existing: bool,
) -> int:
    table_settings = settings_service.load(db)
    with db.session() as session:
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
        lines = attendance_lines(session, meeting, _year_of(meeting, table_settings))
        attendance.voting = any(
            line.attendance_id == attendance.id and line.member for line in lines
        )
        return attendance.id


def add_attendance(
    db: Database,
    meeting_id: int,
    person_id: int,
    status: str = AttendanceStatus.INVITED.value,
    organization_id: int | None = None,
) -> int:
    """Add a person to the meeting's attendance; refuses a person already listed."""
    return _save(db, meeting_id, person_id, status, organization_id, allow_existing=False)


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
    return _save(db, meeting_id, person_id, status, organization_id, allow_existing=True)


def remove_attendance(db: Database, attendance_id: int) -> None:
    with db.session() as session:
        attendance = session.get(Attendance, attendance_id)
        if attendance is None:
            raise NotFoundError(_("Cette présence n'existe plus."))
        session.delete(attendance)


def quorum_message(reached: bool, present_voting: int, required: int) -> str:
    members = ngettext(
        "{count} membre votant sur {required} requis",
        "{count} membres votants sur {required} requis",
        present_voting,
    ).format(count=present_voting, required=required)
    if reached:
        return _("Quorum atteint : {members}").format(members=members)
    return _("Quorum non atteint : {members}").format(members=members)


def quorum(db: Database, meeting_id: int) -> QuorumState:
    """Voting members present against the rule of the meeting's kind (a setting).

    The rule's percentage applies to the voting members invited (every line but those
    marked not invited), present walk-ins included.
    """
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        lines = attendance_lines(session, meeting, _year_of(meeting, table_settings))
        kind = meeting.kind
    present = {
        line.member for line in lines if line.member and line.status == AttendanceStatus.PRESENT
    }
    invited = {line.member for line in lines if line.member and line.invited} | present
    required = table_settings.quorum_required(kind, len(invited))
    reached = len(present) >= required
    return QuorumState(
        required, len(present), reached, quorum_message(reached, len(present), required)
    )


def present_voters(session: Session, meeting: Meeting, year: int) -> set[int]:
    """Ids of persons present at ``meeting`` with a vote. For the resolution service."""
    return {
        line.person_id
        for line in attendance_lines(session, meeting, year)
        if line.member and line.status == AttendanceStatus.PRESENT
    }
