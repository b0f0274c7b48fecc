"""The home page: the table's vital signs on one day, in one unit of work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased

from ...domain import (
    ActionPlan,
    FollowUp,
    FundingAgreement,
    FundingApplication,
    Meeting,
    Membership,
    Organization,
    Person,
    ReportingDeadline,
)
from ...domain.enums import MeetingKind, MeetingStatus
from ...domain.grants import ApplicationStatus
from ...domain.labels import label
from ...store import Database
from ..core import settings as settings_service
from ..meetings import OPEN_STATUSES, overdue_condition, owner_text, person_name_sql
from ..plan import build_tree

LIST_SIZE = 5
DEADLINE_HORIZON_DAYS = 60


@dataclass(frozen=True)
class MeetingBrief:
    id: int
    date: dt.date
    start_time: dt.time | None
    title: str
    kind_label: str
    body: str
    place: str


@dataclass(frozen=True)
class FollowUpBrief:
    id: int
    description: str
    due_date: dt.date | None
    owner: str
    body: str


@dataclass(frozen=True)
class DeadlineBrief:
    id: int
    agreement_id: int
    funder: str
    programme: str
    title: str
    due_date: dt.date
    days_left: int  # negative when overdue


@dataclass(frozen=True)
class ApplicationDeadlineBrief:
    """An application still in preparation and the day it must be submitted by."""

    id: int
    funder: str
    programme: str
    deadline: dt.date
    days_left: int


@dataclass(frozen=True)
class PillarProgress:
    id: int
    number: str
    name: str
    progress: float | None  # 0..1, None when nothing to measure


@dataclass(frozen=True)
class PlanProgress:
    id: int
    title: str
    start_year: int
    end_year: int
    progress: float | None
    pillars: tuple[PillarProgress, ...]


@dataclass(frozen=True)
class Dashboard:
    table_name: str
    today: dt.date
    membership_year: int
    membership_year_label: str
    organizations_active: int
    persons_active: int
    members_paid: int  # distinct members with a paid membership this membership year
    meetings_this_year: int  # this calendar year, cancelled ones left out
    next_meetings: tuple[MeetingBrief, ...]
    overdue_follow_ups_count: int
    overdue_follow_ups: tuple[FollowUpBrief, ...]
    open_follow_ups_count: int
    memberships_to_renew: int  # paid last membership year, not (yet) this one
    deadlines_overdue: tuple[DeadlineBrief, ...]
    deadlines_soon: tuple[DeadlineBrief, ...]  # due within 60 days
    applications_soon: tuple[ApplicationDeadlineBrief, ...]  # in preparation, due within 60
    plan: PlanProgress | None  # the current plan: the latest to start


def _count(session: Session, query) -> int:
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _paid_members(year: int):
    """Distinct (organization_id, person_id) with a paid membership for ``year``."""
    return (
        select(Membership.organization_id, Membership.person_id)
        .where(Membership.year == year, Membership.paid_on.is_not(None))
        .distinct()
    )


def _to_renew(current: int):
    """Members (not archived) who paid last membership year but not ``current`` or later."""
    later = aliased(Membership)
    return (
        select(Membership.organization_id, Membership.person_id)
        .outerjoin(Organization, Organization.id == Membership.organization_id)
        .outerjoin(Person, Person.id == Membership.person_id)
        .where(
            Membership.year == current - 1,
            Membership.paid_on.is_not(None),
            func.coalesce(Organization.archived_at, Person.archived_at).is_(None),
            ~select(later.id)
            .where(
                later.year >= current,
                later.paid_on.is_not(None),
                or_(
                    and_(
                        later.organization_id.is_not(None),
                        later.organization_id == Membership.organization_id,
                    ),
                    and_(later.person_id.is_not(None), later.person_id == Membership.person_id),
                ),
            )
            .exists(),
        )
        .distinct()
    )


def _next_meetings(session: Session, today: dt.date) -> tuple[MeetingBrief, ...]:
    rows = session.execute(
        select(
            Meeting.id,
            Meeting.date,
            Meeting.start_time,
            Meeting.title,
            Meeting.kind,
            Meeting.body,
            Meeting.place,
        )
        .where(Meeting.date >= today, Meeting.status == MeetingStatus.PLANNED.value)
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
        .limit(LIST_SIZE)
    )
    return tuple(
        MeetingBrief(
            r.id, r.date, r.start_time, r.title, label(r.kind, MeetingKind), r.body, r.place or ""
        )
        for r in rows
    )


def _overdue_follow_ups(session: Session, today: dt.date) -> tuple[int, tuple[FollowUpBrief, ...]]:
    overdue = overdue_condition(today)
    count = session.scalar(select(func.count(FollowUp.id)).where(overdue)) or 0
    rows = session.execute(
        select(
            FollowUp.id,
            FollowUp.description,
            FollowUp.due_date,
            person_name_sql(),
            Organization.name,
            FollowUp.body,
        )
        .outerjoin(Person, Person.id == FollowUp.owner_person_id)
        .outerjoin(Organization, Organization.id == FollowUp.owner_organization_id)
        .where(overdue)
        .order_by(FollowUp.due_date, FollowUp.id)
        .limit(LIST_SIZE)
    )
    briefs = tuple(
        FollowUpBrief(r[0], r[1], r[2], owner_text(r[3], r[4]), r[5] or "") for r in rows
    )
    return count, briefs


def _deadlines(session: Session, today: dt.date, *where) -> tuple[DeadlineBrief, ...]:
    rows = session.execute(
        select(
            ReportingDeadline.id,
            FundingAgreement.id,
            Organization.name,
            FundingAgreement.programme,
            ReportingDeadline.title,
            ReportingDeadline.due_date,
        )
        .join(FundingAgreement, FundingAgreement.id == ReportingDeadline.agreement_id)
        .join(Organization, Organization.id == FundingAgreement.funder_id)
        .where(ReportingDeadline.submitted_on.is_(None), *where)
        .order_by(ReportingDeadline.due_date, ReportingDeadline.id)
    )
    return tuple(DeadlineBrief(*r, (r[5] - today).days) for r in rows)


def _applications_soon(
    session: Session, today: dt.date, horizon: dt.date
) -> tuple[ApplicationDeadlineBrief, ...]:
    A = FundingApplication
    rows = session.execute(
        select(A.id, Organization.name, A.programme, A.deadline)
        .join(Organization, Organization.id == A.funder_id)
        .where(A.status == ApplicationStatus.PREPARING.value, A.deadline.between(today, horizon))
        .order_by(A.deadline, A.id)
    )
    return tuple(ApplicationDeadlineBrief(*r, (r[3] - today).days) for r in rows)


def _plan_progress(session: Session) -> PlanProgress | None:
    plan = session.scalars(
        select(ActionPlan).order_by(ActionPlan.start_year.desc(), ActionPlan.id.desc()).limit(1)
    ).first()
    if plan is None:
        return None
    tree = build_tree(session, plan.id)
    pillars = tuple(
        PillarProgress(node.id, node.number, node.title, node.progress)
        for node in tree.children
        if node.kind == "pillar"
    )
    return PlanProgress(plan.id, plan.title, plan.start_year, plan.end_year, tree.progress, pillars)


def summary(db: Database, today: dt.date) -> Dashboard:
    table_settings = settings_service.load(db)
    year = table_settings.membership_year_of(today)
    with db.session() as session:
        open_count = session.scalar(
            select(func.count(FollowUp.id)).where(FollowUp.status.in_(OPEN_STATUSES))
        )
        overdue_count, overdue = _overdue_follow_ups(session, today)
        horizon = today + dt.timedelta(days=DEADLINE_HORIZON_DAYS)
        return Dashboard(
            table_name=table_settings.table_name,
            today=today,
            membership_year=year,
            membership_year_label=table_settings.membership_year_label(year),
            organizations_active=session.scalar(
                select(func.count(Organization.id)).where(Organization.archived_at.is_(None))
            )
            or 0,
            persons_active=session.scalar(
                select(func.count(Person.id)).where(Person.archived_at.is_(None))
            )
            or 0,
            members_paid=_count(session, _paid_members(year)),
            meetings_this_year=session.scalar(
                select(func.count(Meeting.id)).where(
                    Meeting.date.between(dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)),
                    Meeting.status != MeetingStatus.CANCELLED.value,
                )
            )
            or 0,
            next_meetings=_next_meetings(session, today),
            overdue_follow_ups_count=overdue_count,
            overdue_follow_ups=overdue,
            open_follow_ups_count=open_count or 0,
            memberships_to_renew=_count(session, _to_renew(year)),
            deadlines_overdue=_deadlines(session, today, ReportingDeadline.due_date < today),
            deadlines_soon=_deadlines(
                session, today, ReportingDeadline.due_date.between(today, horizon)
            ),
            applications_soon=_applications_soon(session, today, horizon),
            plan=_plan_progress(session),
        )
