"""Read-only queries that the printed meeting documents need beyond the meeting services.

The attendance sheet wants last and first names apart, with the membership category; the
minutes want each resolution's text and agenda item, the chair's and secretary's names and
the follow-ups decided at the meeting. Lists are sorted the French way: accents and case
do not change the order (``Émond`` comes before ``Zhang``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from ...domain import (
    Attendance,
    Chantier,
    FollowUp,
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Resolution,
)
from ...domain.enums import FollowUpStatus, ResolutionOutcome
from ...domain.labels import label
from ...store import Database
from ...text import fold_for_key
from ..core import settings as settings_service
from .followups import overdue_condition, owner_text
from .meetings import person_name_sql, require_meeting
from .quorum import attendance_lines


@dataclass(frozen=True)
class SheetLine:
    """One person expected at a meeting, as the attendance sheet prints them."""

    person_id: int
    last_name: str
    first_name: str
    organization: str
    category: str
    voting: bool
    status: str
    invited: bool

    @property
    def sort_name(self) -> str:
        """``Last, First`` (or just the one that exists)."""
        return ", ".join(part for part in (self.last_name, self.first_name) if part)


def _category(year: int, owner_column, owner_value):
    return (
        select(MembershipCategory.name)
        .join(Membership, Membership.category_id == MembershipCategory.id)
        .where(owner_column == owner_value, Membership.year == year)
        .order_by(
            MembershipCategory.voting.desc(), Membership.paid_on.is_(None), Membership.id.desc()
        )
        .limit(1)
        .scalar_subquery()
    )


def attendance_sheet(db: Database, meeting_id: int) -> list[SheetLine]:
    """Everyone on the meeting's attendance list, by last then first name (French order)."""
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        year = table_settings.membership_year_of(meeting.date)
        voting = {
            line.attendance_id: line.carrier for line in attendance_lines(session, meeting, year)
        }
        category = func.coalesce(
            _category(year, Membership.organization_id, Attendance.organization_id),
            _category(year, Membership.person_id, Attendance.person_id),
        )
        rows = session.execute(
            select(
                Attendance.id,
                Attendance.person_id,
                Person.last_name,
                Person.first_name,
                Organization.name,
                category,
                Attendance.status,
                Attendance.invited,
            )
            .join(Person, Person.id == Attendance.person_id)
            .outerjoin(Organization, Organization.id == Attendance.organization_id)
            .where(Attendance.meeting_id == meeting_id)
        ).all()
    lines = [
        SheetLine(
            person_id=row[1],
            last_name=(row[2] or "").strip(),
            first_name=(row[3] or "").strip(),
            organization=row[4] or "",
            category=row[5] or "",
            voting=voting.get(row[0], False),
            status=row[6],
            invited=bool(row[7]),
        )
        for row in rows
    ]
    lines.sort(key=lambda line: (fold_for_key(line.last_name), fold_for_key(line.first_name)))
    return lines


@dataclass(frozen=True)
class MeetingPeople:
    chair: str
    secretary: str


def meeting_people(db: Database, meeting_id: int) -> MeetingPeople:
    """The names of the meeting's chair and secretary ("" when not set)."""
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        names = []
        for person_id in (meeting.chair_id, meeting.secretary_id):
            person = session.get(Person, person_id) if person_id else None
            names.append(person.full_name if person else "")
    return MeetingPeople(*names)


@dataclass(frozen=True)
class ResolutionText:
    """A resolution with everything the minutes print."""

    id: int
    number: str
    title: str
    text: str | None
    agenda_item_id: int | None
    moved_by: str
    seconded_by: str
    outcome: str
    outcome_label: str
    votes_for: int
    votes_against: int
    abstentions: int


def meeting_resolutions(db: Database, meeting_id: int) -> list[ResolutionText]:
    """The resolutions adopted (or not) at the meeting, in number order."""
    mover, seconder = aliased(Person), aliased(Person)
    query = (
        select(
            Resolution,
            func.trim(mover.first_name + " " + mover.last_name),
            func.trim(seconder.first_name + " " + seconder.last_name),
        )
        .outerjoin(mover, mover.id == Resolution.moved_by_id)
        .outerjoin(seconder, seconder.id == Resolution.seconded_by_id)
        .where(Resolution.meeting_id == meeting_id)
        .order_by(Resolution.body, Resolution.year, Resolution.sequence)
    )
    with db.session() as session:
        require_meeting(session, meeting_id)
        return [
            ResolutionText(
                id=resolution.id,
                number=resolution.number,
                title=resolution.title,
                text=resolution.text,
                agenda_item_id=resolution.agenda_item_id,
                moved_by=moved_by or "",
                seconded_by=seconded_by or "",
                outcome=resolution.outcome,
                outcome_label=label(resolution.outcome, ResolutionOutcome),
                votes_for=resolution.votes_for or 0,
                votes_against=resolution.votes_against or 0,
                abstentions=resolution.abstentions or 0,
            )
            for resolution, moved_by, seconded_by in session.execute(query)
        ]


@dataclass(frozen=True)
class FollowUpLine:
    description: str
    owner: str
    due_date: dt.date | None
    status: str
    status_label: str
    overdue: bool


def meeting_follow_ups(db: Database, meeting_id: int, *, today: dt.date) -> list[FollowUpLine]:
    """The follow-ups decided at the meeting, by due date (those without one last)."""
    query = (
        select(
            FollowUp.description,
            person_name_sql(),
            Organization.name,
            FollowUp.due_date,
            FollowUp.status,
            overdue_condition(today),
        )
        .outerjoin(Person, Person.id == FollowUp.owner_person_id)
        .outerjoin(Organization, Organization.id == FollowUp.owner_organization_id)
        .where(FollowUp.meeting_id == meeting_id)
        .order_by(FollowUp.due_date.is_(None), FollowUp.due_date, FollowUp.id)
    )
    with db.session() as session:
        require_meeting(session, meeting_id)
        rows = session.execute(query).all()
    return [
        FollowUpLine(
            description=description,
            owner=owner_text(person, organization),
            due_date=due,
            status=status,
            status_label=label(status, FollowUpStatus),
            overdue=bool(overdue),
        )
        for description, person, organization, due, status, overdue in rows
    ]


def chantier_name(db: Database, chantier_id: int) -> str:
    """The chantier's name ("" when it no longer exists)."""
    with db.session() as session:
        chantier = session.get(Chantier, chantier_id)
        return chantier.name if chantier else ""
