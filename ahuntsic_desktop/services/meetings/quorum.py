"""Attendance (présences) of a meeting, voting rights and quorum.

A person votes at a meeting when a membership of a voting category, paid (``paid_on`` set),
exists for the membership year containing the meeting's date, either for the person or for
the organisation the person represents at that meeting. Quorum counts voting *members*: an
organisation with two delegates present counts once.

One member organisation has one vote, carried by one present person at a time: its delegate,
or if absent its substitute (as recorded among the organisation's representations on the
meeting's date), or else a person listed as representing it who is not its employee. An
employee who comes for it does not carry the vote unless recorded as its delegate or
substitute (a representation, which may be dated for that one meeting).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from ...domain import Attendance, Meeting, Membership, MembershipCategory, Representation
from ...domain.enums import AttendanceStatus, MeetingKind, RepresentationRole
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
    member: MemberKey | None  # the member whose vote this line may carry, if any
    carrier: bool = False  # the one line of its member shown as voting (see choose_carriers)

    @property
    def carries(self) -> bool:
        """This person, present, carries the member's vote now."""
        return self.carrier and self.status == AttendanceStatus.PRESENT


def _speaks_for(role: RepresentationRole, day: date):
    """The attendance's person is recorded as ``role`` of the organisation on ``day``."""
    r = Representation
    return exists(
        select(r.id).where(
            r.person_id == Attendance.person_id,
            r.organization_id == Attendance.organization_id,
            r.role == role.value,
            (r.start_date.is_(None)) | (r.start_date <= day),
            (r.end_date.is_(None)) | (r.end_date >= day),
        )
    )


def attendance_lines(session: Session, meeting: Meeting, year: int) -> list[AttendanceLine]:
    """Each attendance line of ``meeting`` with the member whose vote it may carry, and
    which line carries it (:func:`choose_carriers`).

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
            _speaks_for(RepresentationRole.DELEGATE, meeting.date).label("delegate"),
            _speaks_for(RepresentationRole.SUBSTITUTE, meeting.date).label("substitute"),
            _speaks_for(RepresentationRole.STAFF, meeting.date).label("staff"),
        ).where(Attendance.meeting_id == meeting.id)
    )
    lines, ranks = [], {}
    for row in rows:
        member: MemberKey | None = None
        if row.org_votes and (row.delegate or row.substitute or not row.staff):
            member = ("o", row.organization_id)
            ranks[row.id] = 0 if row.delegate else 1 if row.substitute else 2
        elif row.person_votes:
            member = ("p", row.person_id)
        lines.append(AttendanceLine(row.id, row.person_id, row.status, row.invited, member))
    return choose_carriers(lines, ranks)


STATUS_RANK = {AttendanceStatus.PRESENT.value: 0, AttendanceStatus.INVITED.value: 1}


def choose_carriers(lines: list[AttendanceLine], ranks: dict[int, int]) -> list[AttendanceLine]:
    """One line per member carries its vote: someone present first, then someone still
    expected, then the others; among them the delegate before the substitute before anyone
    else listed for the organisation (``ranks``: attendance id -> 0, 1, 2), then the first
    recorded."""
    best: dict[MemberKey, tuple] = {}
    for line in lines:
        if line.member is None:
            continue
        key = (STATUS_RANK.get(line.status, 2), ranks.get(line.attendance_id, 0))
        key += (line.attendance_id,)
        if line.member not in best or key < best[line.member]:
            best[line.member] = key
    chosen = {key[-1] for key in best.values()}
    return [replace(line, carrier=line.attendance_id in chosen) for line in lines]


def seated_lines(session: Session, meeting: Meeting) -> list[AttendanceLine]:
    """Attendance lines of a seated body's meeting: a voting seat held that day is a vote."""
    seats = {m.person_id: m.seat_id for m in seated_members(session, meeting.body, meeting.date)
             if m.voting}  # fmt: skip
    rows = session.execute(
        select(Attendance.id, Attendance.person_id, Attendance.status, Attendance.invited).where(
            Attendance.meeting_id == meeting.id
        )
    )
    lines = [
        AttendanceLine(
            row.id,
            row.person_id,
            row.status,
            row.invited,
            ("s", seats[row.person_id]) if row.person_id in seats else None,
        )
        for row in rows
    ]
    return choose_carriers(lines, {})


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


def present_voters(session: Session, meeting: Meeting, year: int) -> dict[int, MemberKey]:
    """Person id -> the member whose vote they carry, for the persons present at
    ``meeting`` who carry one. For the resolution service."""
    return {
        line.person_id: line.member
        for line in attendance_lines(session, meeting, year)
        if line.member and line.carries
    }
