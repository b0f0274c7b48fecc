"""Chantiers: who sits on them (roster with roles and dates), what they work on and how far
it has come, their meetings and follow-ups, and the participation matrix.

Joining and leaving keep history: leaving sets the end date, changing role ends one line
and starts another. A line is active on a day between its start and end dates (included).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from ...domain import (
    ActionPlan,
    Assignment,
    Attendance,
    Chantier,
    FollowUp,
    Meeting,
    Organization,
    Person,
    Pillar,
    Representation,
    Resolution,
)
from ...domain.enums import AssignmentRole, AttendanceStatus, FollowUpStatus, MeetingStatus
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, Table, ValidationError
from ..core import validation as v
from ..meetings import followups
from .plans import LEAD_ROLES, PlanNode, build_tree

ROLE_ORDER = {role.value: rank for rank, role in enumerate(AssignmentRole)}


@dataclass(frozen=True)
class LinkedItem:
    """A follow-up or resolution that refers to a means of the plan."""

    id: int
    text: str
    date: dt.date | None
    status: str  # translated


@dataclass(frozen=True)
class RosterEntry:
    assignment_id: int
    person_id: int
    person_name: str
    organization_id: int | None
    organization_name: str  # "" for someone taking part in their own name
    role: str
    role_label: str
    start_date: dt.date | None
    end_date: dt.date | None
    active: bool


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str
    organizations: tuple[tuple[int, str], ...]  # represented today, the main one first


@dataclass(frozen=True)
class MeetingLine:
    id: int
    date: dt.date
    title: str
    status: str
    status_label: str
    present: int
    recorded: int  # attendance lines (invited, present, excused, absent)
    rate: float | None  # present / recorded, for held meetings


@dataclass(frozen=True)
class ChantierDetail:
    id: int
    plan_id: int
    plan_title: str
    pillar_name: str
    number: str
    name: str
    mandate: str
    node: PlanNode  # the chantier in the numbered tree, with its orientations and progress
    roster: tuple[RosterEntry, ...]  # active ones
    meetings: tuple[MeetingLine, ...]  # latest first
    follow_ups: Table  # open ones, overdue first
    attendance_rate: float | None  # over held meetings

    @property
    def leads(self) -> list[RosterEntry]:
        return [e for e in self.roster if e.role in LEAD_ROLES]


def active_condition(today: dt.date):
    return and_(
        or_(Assignment.start_date.is_(None), Assignment.start_date <= today),
        or_(Assignment.end_date.is_(None), Assignment.end_date >= today),
    )


def person_name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def sort_key(first: str | None, last: str | None) -> tuple[str, str]:
    """Last name, then first name, ignoring case and accents."""
    return (v.name_sort_key(last), v.name_sort_key(first))


def _require_chantier(session: Session, chantier_id: int) -> Chantier:
    chantier = session.get(Chantier, chantier_id)
    if chantier is None:
        raise NotFoundError(_("Ce chantier n'existe plus."))
    return chantier


def _require_assignment(session: Session, assignment_id: int) -> Assignment:
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        raise NotFoundError(_("Cette participation n'existe plus."))
    return assignment


# -- links of a means -----------------------------------------------------------------------


def means_links(session: Session, means_id: int):
    """(follow-ups, resolutions) that refer to a means, latest first."""
    follow_ups = tuple(
        LinkedItem(i, text, due, label(status, FollowUpStatus))
        for i, text, due, status in session.execute(
            select(FollowUp.id, FollowUp.description, FollowUp.due_date, FollowUp.status)
            .where(FollowUp.means_id == means_id)
            .order_by(FollowUp.due_date.desc(), FollowUp.id.desc())
        )
    )
    resolutions = tuple(
        LinkedItem(i, f"{number} — {title}", day, "")
        for i, number, title, day in session.execute(
            select(Resolution.id, Resolution.number, Resolution.title, Meeting.date)
            .join(Meeting, Meeting.id == Resolution.meeting_id)
            .where(Resolution.means_id == means_id)
            .order_by(Meeting.date.desc(), Resolution.id.desc())
        )
    )
    return follow_ups, resolutions


# -- roster ---------------------------------------------------------------------------------


def roster(
    db: Database, chantier_id: int, *, today: dt.date | None = None, include_past: bool = False
) -> list[RosterEntry]:
    """Who sits on the chantier: active lines first, by role then name; past ones after."""
    today = today or dt.date.today()
    with db.session() as session:
        _require_chantier(session, chantier_id)
        return _roster(session, chantier_id, today, include_past)


def _roster(session: Session, chantier_id: int, today: dt.date, include_past: bool):
    query = (
        select(Assignment, Person.first_name, Person.last_name, Organization.name)
        .join(Person, Person.id == Assignment.person_id)
        .outerjoin(Organization, Organization.id == Assignment.organization_id)
        .where(Assignment.chantier_id == chantier_id)
    )
    if not include_past:
        query = query.where(active_condition(today))
    keyed = []
    for a, first, last, org in session.execute(query):
        active = (a.start_date is None or a.start_date <= today) and (
            a.end_date is None or a.end_date >= today
        )
        entry = RosterEntry(
            a.id,
            a.person_id,
            person_name(first, last),
            a.organization_id,
            org or "",
            a.role,
            label(a.role, AssignmentRole),
            a.start_date,
            a.end_date,
            active,
        )
        order = (not active, ROLE_ORDER.get(a.role, 99), sort_key(first, last), a.start_date)
        keyed.append((order, entry))
    keyed.sort(key=lambda pair: (*pair[0][:3], pair[0][3] or dt.date.min))
    entries = [entry for _order, entry in keyed]
    return entries


def _check_role(role: str) -> str:
    if role not in ROLE_ORDER:
        raise ValidationError(_("Choisissez un rôle."), "role")
    return role


def join(
    db: Database,
    chantier_id: int,
    person_id: int,
    role: str = AssignmentRole.MEMBER.value,
    *,
    organization_id: int | None = None,
    start_date: dt.date | None = None,
    today: dt.date | None = None,
) -> int:
    """Seat a person on a chantier (for an organisation, or in their own name when None)."""
    _check_role(role)
    start = v.parse_date(start_date, "start_date", _("Date d'arrivée")) or today or dt.date.today()
    with db.session() as session:
        _require_chantier(session, chantier_id)
        person = session.get(Person, person_id)
        if person is None or person.archived_at is not None:
            raise ValidationError(_("Choisissez une personne active."), "person_id")
        if organization_id is not None and session.get(Organization, organization_id) is None:
            raise ValidationError(_("Cet organisme n'existe plus."), "organization_id")
        current = session.scalar(
            select(Assignment).where(
                Assignment.chantier_id == chantier_id,
                Assignment.person_id == person_id,
                or_(Assignment.end_date.is_(None), Assignment.end_date >= start),
            )
        )
        if current is not None:
            raise ValidationError(
                _("{name} participe déjà à ce chantier ({role}) : changez plutôt son rôle.").format(
                    name=person.full_name, role=label(current.role, AssignmentRole).lower()
                ),
                "person_id",
            )
        assignment = Assignment(
            chantier_id=chantier_id,
            person_id=person_id,
            organization_id=organization_id,
            role=role,
            start_date=start,
        )
        session.add(assignment)
        session.flush()
        return assignment.id


def leave(db: Database, assignment_id: int, end_date: dt.date | None = None) -> None:
    """The person leaves the chantier on ``end_date`` (default today); the line stays."""
    end = v.parse_date(end_date, "end_date", _("Date de départ")) or dt.date.today()
    with db.session() as session:
        assignment = _require_assignment(session, assignment_id)
        if assignment.end_date is not None and assignment.end_date < end:
            raise ValidationError(_("Cette personne a déjà quitté le chantier."), "end_date")
        v.dates_ordered(assignment.start_date, end)
        assignment.end_date = end


def change_role(db: Database, assignment_id: int, role: str, on: dt.date | None = None) -> int:
    """A new role from ``on`` (default today): the old line ends the day before and a new
    one starts, so history shows both. Returns the id of the line holding the new role."""
    _check_role(role)
    on = v.parse_date(on, "start_date", _("Date")) or dt.date.today()
    with db.session() as session:
        old = _require_assignment(session, assignment_id)
        if old.role == role:
            return old.id
        if old.start_date is not None and old.start_date >= on:
            old.role = role
            return old.id
        new = Assignment(
            chantier_id=old.chantier_id,
            person_id=old.person_id,
            organization_id=old.organization_id,
            role=role,
            start_date=on,
            end_date=old.end_date if old.end_date and old.end_date >= on else None,
        )
        old.end_date = on - dt.timedelta(days=1)
        session.add(new)
        session.flush()
        return new.id


def remove_assignment(db: Database, assignment_id: int) -> None:
    """Erase a line entered by mistake (leaving is :func:`leave`)."""
    with db.session() as session:
        session.delete(_require_assignment(session, assignment_id))


def person_choices(db: Database, *, today: dt.date | None = None) -> list[PersonChoice]:
    """Active persons by name, each with the organisations represented on ``today``."""
    today = today or dt.date.today()
    r = Representation
    with db.session() as session:
        organizations: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for person_id, org_id, org_name in session.execute(
            select(r.person_id, Organization.id, Organization.name)
            .join(Organization, Organization.id == r.organization_id)
            .where(
                or_(r.start_date.is_(None), r.start_date <= today),
                or_(r.end_date.is_(None), r.end_date >= today),
            )
            .order_by(r.person_id, case((r.role == "delegue", 0), else_=1), Organization.name)
        ):
            if (org_id, org_name) not in organizations[person_id]:
                organizations[person_id].append((org_id, org_name))
        rows = session.execute(
            select(Person.id, Person.first_name, Person.last_name)
            .where(Person.archived_at.is_(None))
            .order_by(Person.last_name, Person.first_name, Person.id)
        )
        return [
            PersonChoice(i, person_name(first, last), tuple(organizations.get(i, ())))
            for i, first, last in rows
        ]


# -- one chantier ---------------------------------------------------------------------------


def _meeting_lines(session: Session, chantier_id: int) -> list[MeetingLine]:
    present = func.sum(case((Attendance.status == AttendanceStatus.PRESENT.value, 1), else_=0))
    rows = session.execute(
        select(
            Meeting.id,
            Meeting.date,
            Meeting.title,
            Meeting.status,
            func.coalesce(present, 0),
            func.count(Attendance.id),
        )
        .outerjoin(Attendance, Attendance.meeting_id == Meeting.id)
        .where(Meeting.chantier_id == chantier_id)
        .group_by(Meeting.id)
        .order_by(Meeting.date.desc(), Meeting.id.desc())
    )
    return [
        MeetingLine(
            i,
            day,
            title,
            status,
            label(status, MeetingStatus),
            present,
            recorded,
            present / recorded if recorded and status == MeetingStatus.HELD else None,
        )
        for i, day, title, status, present, recorded in rows
    ]


def chantier_detail(
    db: Database, chantier_id: int, *, today: dt.date | None = None
) -> ChantierDetail:
    """A chantier's page: mandate, orientations with progress, roster, meetings, follow-ups."""
    today = today or dt.date.today()
    with db.session() as session:
        chantier = _require_chantier(session, chantier_id)
        plan = session.get(ActionPlan, chantier.plan_id)
        pillar = session.get(Pillar, chantier.pillar_id) if chantier.pillar_id else None
        tree = build_tree(session, chantier.plan_id)
        node = next(n for n in tree.walk() if n.kind == "chantier" and n.id == chantier_id)
        meetings = _meeting_lines(session, chantier_id)
        members = _roster(session, chantier_id, today, False)
    held = [m for m in meetings if m.rate is not None]
    rate = sum(m.present for m in held) / sum(m.recorded for m in held) if held else None
    return ChantierDetail(
        id=chantier.id,
        plan_id=plan.id,
        plan_title=plan.title,
        pillar_name=pillar.name if pillar else "",
        number=node.number,
        name=chantier.name,
        mandate=chantier.mandate or "",
        node=node,
        roster=tuple(members),
        meetings=tuple(meetings),
        follow_ups=followups.list_follow_ups(
            db, chantier_id=chantier_id, open_only=True, today=today
        ),
        attendance_rate=rate,
    )
