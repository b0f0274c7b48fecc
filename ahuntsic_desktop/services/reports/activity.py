"""Counts for reports to funders and the annual report: members, meetings, participation,
resolutions and plan progress over a period. Counts only: nothing here names a person.

Members are those with a paid membership for the membership year containing the period's
last day; *new* members paid their first membership in a year the period touches. Meetings
count when held (status *tenue*) within the period, and resolutions and follow-ups when
their meeting was held: a planned or cancelled meeting counts for nothing, and is listed
among those left out. The count stops at ``today`` unless asked to go beyond it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ...domain import (
    Attendance,
    FollowUp,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    ParticipantCount,
    Person,
)
from ...domain.enums import FollowUpStatus, MeetingStatus, Sector
from ...domain.labels import label
from ...i18n import _, format_date
from ...store import Database
from ..core import Period, periods
from ..core import settings as settings_service
from ..meetings import (
    PRESENT,
    KindCount,
    LeftOutLine,
    MeetingLine,
    MonthCount,
    ResolutionLine,
    body_label,
    by_format,
    by_kind,
    by_month,
    held_in,
    held_meetings,
    left_out_meetings,
    resolutions_in,
)
from ..plan import build_tree, current_plan_id


def person_sector(sector: str | None, is_resident: bool) -> str:
    """A person's sector for counting: theirs, or citizen for a resident, or other."""
    if sector:
        return sector
    return Sector.CITIZEN.value if is_resident else Sector.OTHER.value


@dataclass(frozen=True)
class SectorCount:
    sector: str  # label
    organizations: int
    persons: int

    @property
    def total(self) -> int:
        return self.organizations + self.persons


@dataclass(frozen=True)
class ProgressLine:
    number: str
    name: str
    pillar: str  # chantiers only
    progress: float | None
    counted: int
    done: float


@dataclass
class ActivityStats:
    period: Period  # as asked
    membership_year_label: str
    members_by_sector: list[SectorCount]
    members_by_category: list[tuple[str, bool, int]]  # (category, voting, members)
    new_organizations: int
    new_persons: int
    meetings_by_kind: list[KindCount]
    meetings_by_month: list[MonthCount]
    citizens_present: int  # distinct residents (or citizen sector) present at a meeting
    citizen_presences: int
    anonymous_by_sector: list[tuple[str, int]]
    activities_by_format: list[tuple[str, int, int]]  # (format, held, participants)
    resolutions_by_outcome: list[tuple[str, int]]
    resolutions_by_body: list[tuple[str, int]]
    follow_ups_decided: int
    follow_ups_done: int
    follow_ups_open: int
    plan_title: str = ""
    plan_progress: float | None = None
    pillars: list[ProgressLine] = field(default_factory=list)
    chantiers: list[ProgressLine] = field(default_factory=list)
    meetings: list[MeetingLine] = field(default_factory=list)
    resolutions: list[ResolutionLine] = field(default_factory=list)
    counted: Period | None = None  # the part of the period counted (up to today at most)
    left_out: list[LeftOutLine] = field(default_factory=list)  # planned, cancelled, later

    @property
    def stops_early(self) -> bool:
        """Whether the count stops before the end of the period asked for (at today)."""
        return self.counted is not None and self.counted.end < self.period.end

    @property
    def counted_note(self) -> str:
        """What the count covers when it stops at today, before the period's end."""
        if not self.stops_early or self.counted is None:
            return ""
        return _(
            "Compté jusqu'au {day} : ce qui est prévu après cette date n'est pas compté."
        ).format(day=format_date(self.counted.end))

    @property
    def members_total(self) -> int:
        return sum(s.total for s in self.members_by_sector)

    @property
    def meetings_held(self) -> int:
        return sum(k.held for k in self.meetings_by_kind)

    @property
    def presences(self) -> int:
        return sum(k.presences for k in self.meetings_by_kind)

    @property
    def anonymous_total(self) -> int:
        return sum(count for _s, count in self.anonymous_by_sector)

    @property
    def resolutions_total(self) -> int:
        return sum(count for _o, count in self.resolutions_by_outcome)


def _members(session: Session, year: int) -> tuple[list[SectorCount], list[tuple]]:
    rows = session.execute(
        select(
            Membership.organization_id,
            Organization.sector,
            Person.sector,
            Person.is_resident,
            MembershipCategory.name,
            MembershipCategory.voting,
            MembershipCategory.position,
        )
        .join(MembershipCategory, MembershipCategory.id == Membership.category_id)
        .outerjoin(Organization, Organization.id == Membership.organization_id)
        .outerjoin(Person, Person.id == Membership.person_id)
        .where(Membership.year == year, Membership.paid_on.is_not(None))
    ).all()
    orgs, persons = Counter(), Counter()
    categories: Counter = Counter()
    positions = {}
    for org_id, org_sector, p_sector, resident, category, voting, position in rows:
        if org_id is not None:
            orgs[org_sector] += 1
        else:
            persons[person_sector(p_sector, bool(resident))] += 1
        categories[(category, bool(voting))] += 1
        positions[category] = position
    sectors = [
        SectorCount(label(s), orgs[s.value], persons[s.value])
        for s in Sector
        if orgs[s.value] or persons[s.value]
    ]
    by_category = sorted(
        ((name, voting, n) for (name, voting), n in categories.items()),
        key=lambda c: (positions[c[0]], c[0]),
    )
    return sectors, by_category


def _new_members(session: Session, first_year: int, last_year: int) -> tuple[int, int]:
    counts = []
    for column in (Membership.organization_id, Membership.person_id):
        first = (
            select(column, func.min(Membership.year).label("first"))
            .where(column.is_not(None), Membership.paid_on.is_not(None))
            .group_by(column)
            .subquery()
        )
        counts.append(
            session.scalar(select(func.count()).where(first.c.first.between(first_year, last_year)))
            or 0
        )
    return counts[0], counts[1]


def _citizens(session: Session, period: Period) -> tuple[int, int]:
    citizen = or_(Person.is_resident.is_(True), Person.sector == Sector.CITIZEN.value)
    row = session.execute(
        select(func.count(Attendance.person_id.distinct()), func.count(Attendance.id))
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Person, Person.id == Attendance.person_id)
        .where(*held_in(period), Attendance.status == PRESENT, citizen)
    ).one()
    return row[0] or 0, row[1] or 0


def _anonymous_by_sector(session: Session, period: Period) -> list[tuple[str, int]]:
    sums = dict(
        session.execute(
            select(ParticipantCount.sector, func.sum(ParticipantCount.count))
            .join(Meeting, Meeting.id == ParticipantCount.meeting_id)
            .where(*held_in(period))
            .group_by(ParticipantCount.sector)
        ).all()
    )
    return [(label(s), int(sums[s.value])) for s in Sector if sums.get(s.value)]


def _plan(session: Session, stats: ActivityStats, plan_id: int | None) -> None:
    plan_id = plan_id or current_plan_id(session)
    if plan_id is None:
        return
    tree = build_tree(session, plan_id)
    stats.plan_title, stats.plan_progress = tree.title, tree.progress
    for top in tree.children:
        if top.kind == "pillar":
            stats.pillars.append(
                ProgressLine(top.number, top.title, "", top.progress, top.counted, top.done)
            )
        for node in top.walk():
            if node.kind == "chantier":
                pillar = top.title if top.kind == "pillar" else ""
                stats.chantiers.append(
                    ProgressLine(
                        node.number, node.title, pillar, node.progress, node.counted, node.done
                    )
                )


def activity_stats(
    db: Database,
    asked: Period,
    today: dt.date,
    *,
    plan_id: int | None = None,
    beyond_today: bool = False,
) -> ActivityStats:
    """Everything a funder or the annual assembly counts over ``asked``: what happened up
    to ``today`` (or to the period's end when ``beyond_today``), with the meetings left
    out."""
    period = periods.counted_period(asked, today, beyond_today=beyond_today)
    table_settings = settings_service.load(db)
    year = table_settings.membership_year_of(period.end)
    first_year = table_settings.membership_year_of(period.start)
    with db.session() as session:
        by_sector, by_category = _members(session, year)
        new_orgs, new_persons = _new_members(session, first_year, year)
        meetings = held_meetings(session, period)
        citizens, citizen_presences = _citizens(session, period)
        anonymous = _anonymous_by_sector(session, period)
        resolutions = resolutions_in(session, period)
        fu = FollowUp
        decided = session.scalar(
            select(func.count(fu.id))
            .join(Meeting, Meeting.id == fu.meeting_id)
            .where(*held_in(period))
        )
        done = session.scalar(
            select(func.count(fu.id)).where(
                fu.status == FollowUpStatus.DONE.value,
                fu.done_on.between(period.start, period.end),
            )
        )
        still_open = session.scalar(
            select(func.count(fu.id))
            .outerjoin(Meeting, Meeting.id == fu.meeting_id)
            .where(
                or_(
                    fu.meeting_id.is_(None),
                    and_(Meeting.status == MeetingStatus.HELD.value, Meeting.date <= period.end),
                ),
                or_(
                    fu.status.in_((FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)),
                    fu.done_on > period.end,
                ),
            )
        )
        stats = ActivityStats(
            period=asked,
            membership_year_label=table_settings.membership_year_label(year),
            members_by_sector=by_sector,
            members_by_category=by_category,
            new_organizations=new_orgs,
            new_persons=new_persons,
            meetings_by_kind=by_kind(meetings),
            meetings_by_month=by_month(meetings, period),
            citizens_present=citizens,
            citizen_presences=citizen_presences,
            anonymous_by_sector=anonymous,
            activities_by_format=by_format(meetings),
            resolutions_by_outcome=_count_labels(r.outcome for r in resolutions),
            resolutions_by_body=_count_labels(body_label(r.body) for r in resolutions),
            follow_ups_decided=decided or 0,
            follow_ups_done=done or 0,
            follow_ups_open=still_open or 0,
            meetings=meetings,
            resolutions=resolutions,
            counted=period,
            left_out=left_out_meetings(session, asked, period),
        )
        _plan(session, stats, plan_id)
    return stats


def _count_labels(values) -> list[tuple[str, int]]:
    return list(Counter(values).items())
