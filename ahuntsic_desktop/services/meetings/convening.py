"""Convening a meeting: who is put on its attendance list as invited (a chantier's
participants, a seated body's holders, or the voting members)."""

from __future__ import annotations

from sqlalchemy import or_, select

from ...domain import (
    Assignment,
    Attendance,
    Membership,
    MembershipCategory,
    Person,
    Representation,
)
from ...domain.enums import AttendanceStatus, MeetingKind, RepresentationRole
from ...store import Database
from ..core import settings as settings_service
from .meetings import require_meeting
from .pick_lists import representation_current
from .seated import seated_members, uses_seats


def invite_members(db: Database, meeting_id: int) -> int:
    """Put the people to convene on the attendance list as invited; returns how many.

    A chantier meeting convenes the chantier's active participants; a meeting of a body with
    seats (the CC) the holders of its seats on the meeting's date; any other meeting the
    delegates of voting member organisations and the voting individual members of the
    meeting's membership year. People already listed are left as they are.
    """
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        day, year = meeting.date, table_settings.membership_year_of(meeting.date)
        wanted: dict[int, int | None] = {}
        if meeting.kind == MeetingKind.CHANTIER:
            a = Assignment
            query = select(a.person_id, a.organization_id).where(
                a.chantier_id == meeting.chantier_id,
                or_(a.start_date.is_(None), a.start_date <= day),
                or_(a.end_date.is_(None), a.end_date >= day),
            )
            for person_id, org_id in session.execute(query):
                wanted.setdefault(person_id, org_id)
        elif uses_seats(session, meeting):
            for seated in seated_members(session, meeting.body, day):
                wanted.setdefault(seated.person_id, seated.organization_id)
        else:
            voting = (
                select(Membership.organization_id, Membership.person_id)
                .join(MembershipCategory, MembershipCategory.id == Membership.category_id)
                .where(
                    MembershipCategory.voting.is_(True),
                    Membership.paid_on.is_not(None),
                    Membership.year == year,
                )
            )
            orgs, persons = set(), set()
            for org_id, person_id in session.execute(voting):
                if org_id is not None:
                    orgs.add(org_id)
                else:
                    persons.add(person_id)
            delegates = select(Representation.person_id, Representation.organization_id).where(
                Representation.organization_id.in_(orgs),
                Representation.role == RepresentationRole.DELEGATE.value,
                representation_current(day),
            )
            for person_id, org_id in session.execute(delegates):
                wanted.setdefault(person_id, org_id)
            for person_id in persons:
                wanted.setdefault(person_id, None)
        listed = set(
            session.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting.id))
        )
        active = set(
            session.scalars(
                select(Person.id).where(Person.id.in_(wanted), Person.archived_at.is_(None))
            )
        )
        new = [pid for pid in wanted if pid in active and pid not in listed]
        session.add_all(
            Attendance(
                meeting_id=meeting.id,
                person_id=pid,
                organization_id=wanted[pid],
                status=AttendanceStatus.INVITED.value,
                invited=True,
            )
            for pid in new
        )
        return len(new)
