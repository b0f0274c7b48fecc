"""Attendance (présences) of a meeting, voting rights and quorum.

A person votes at a meeting when a membership of a voting category, paid (``paid_on`` set),
exists for the membership year containing the meeting's date, either for the person or for
the organisation the person represents at that meeting. Quorum counts voting *members*: an
organisation with two delegates present counts once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ...domain import Attendance, Meeting, Membership, MembershipCategory
from ...domain.enums import AttendanceStatus, MeetingKind
from ...i18n import _, ngettext
from ...store import Database
from ..core import settings as settings_service
from .meetings import require_meeting
from .seated import seated_members, uses_seats

MemberKey = tuple[str, int]  # ("o", organization id), ("p", person id) or ("s", seat id)
ASSEMBLY_KINDS = frozenset(
    {MeetingKind.AGA.value, MeetingKind.AGE.value, MeetingKind.NEIGHBOURHOOD_ASSEMBLY.value}
)


@dataclass(frozen=True)
class QuorumState:
    required: int
    present_voting: int
    reached: bool
    message: str
    entitled: int = 0  # the denominator: voting members the rule applies to


def voting_membership(year: int, day: date, *condition):
    """A paid voting membership of ``year``, paid on or before ``day`` (the meeting's date):
    rights are judged as they stood that day, a later payment does not change them."""
    return exists(
        select(Membership.id)
        .join(MembershipCategory, MembershipCategory.id == Membership.category_id)
        .where(
            MembershipCategory.voting.is_(True),
            Membership.paid_on.is_not(None),
            Membership.paid_on <= day,
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

    ``year`` is the membership year of the meeting's date. One query. At a meeting of a
    body with seats (the CC), a line votes when its person holds a voting seat that day.
    """
    if uses_seats(session, meeting):
        return seated_lines(session, meeting)
    org_votes = voting_membership(
        year,
        meeting.date,
        Attendance.organization_id.is_not(None),
        Membership.organization_id == Attendance.organization_id,
    )
    person_votes = voting_membership(
        year, meeting.date, Membership.person_id == Attendance.person_id
    )
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


def seated_lines(session: Session, meeting: Meeting) -> list[AttendanceLine]:
    """Attendance lines of a seated body's meeting: a voting seat held that day is a vote."""
    seats = {m.person_id: m.seat_id for m in seated_members(session, meeting.body, meeting.date)
             if m.voting}  # fmt: skip
    rows = session.execute(
        select(Attendance.id, Attendance.person_id, Attendance.status, Attendance.invited).where(
            Attendance.meeting_id == meeting.id
        )
    )
    return [
        AttendanceLine(
            row.id,
            row.person_id,
            row.status,
            row.invited,
            ("s", seats[row.person_id]) if row.person_id in seats else None,
        )
        for row in rows
    ]


def entitled_members(session: Session, meeting: Meeting, year: int) -> set[MemberKey] | None:
    """The body's voting members on the meeting's date, listed or not (the quorum's
    denominator): a seated body's voting seats held that day, an assembly's members in good
    standing. None for other meetings (chantiers...): those count the voting members listed."""
    if uses_seats(session, meeting):
        return {("s", m.seat_id) for m in seated_members(session, meeting.body, meeting.date)
                if m.voting}  # fmt: skip
    if meeting.kind not in ASSEMBLY_KINDS:
        return None
    rows = session.execute(
        select(Membership.organization_id, Membership.person_id)
        .join(MembershipCategory, MembershipCategory.id == Membership.category_id)
        .where(
            MembershipCategory.voting.is_(True),
            Membership.paid_on.is_not(None),
            Membership.paid_on <= meeting.date,
            Membership.year == year,
        )
    )
    return {("o", org) if org is not None else ("p", person) for org, person in rows}


def meeting_year(meeting: Meeting, table_settings: settings_service.TableSettings) -> int:
    return table_settings.membership_year_of(meeting.date)


def quorum_message(
    reached: bool, present_voting: int, required: int, voting_listed: int = 1
) -> str:
    if not voting_listed:
        return _("Quorum non atteint : aucun membre votant inscrit")
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

    The rule's percentage applies to the body's voting members on the meeting's date
    (:func:`entitled_members`: a committee's seats, an assembly's members in good standing),
    whoever was listed; for other meetings, to the voting members invited (every line but
    those marked not invited), present walk-ins included.
    """
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        year = meeting_year(meeting, table_settings)
        lines = attendance_lines(session, meeting, year)
        entitled = entitled_members(session, meeting, year)
        kind = meeting.kind
    present = {
        line.member for line in lines if line.member and line.status == AttendanceStatus.PRESENT
    }
    invited = {line.member for line in lines if line.member and line.invited} | present
    if entitled is not None:
        invited = entitled | present
    required = table_settings.quorum_required(kind, len(invited))
    if table_settings.no_voting_member_no_quorum(kind, len(invited)):
        return QuorumState(0, 0, False, quorum_message(False, 0, 0, voting_listed=0))
    reached = len(present) >= required
    message = quorum_message(reached, len(present), required)
    return QuorumState(required, len(present), reached, message, len(invited))


def present_voters(session: Session, meeting: Meeting, year: int) -> set[int]:
    """Ids of persons present at ``meeting`` with a vote. For the resolution service."""
    return {
        line.person_id
        for line in attendance_lines(session, meeting, year)
        if line.member and line.status == AttendanceStatus.PRESENT
    }
