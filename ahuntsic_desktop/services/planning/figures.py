"""The figures of a démarche, computed from its data: activities by type, distinct
participants by sector, contributions by kind and theme.

Who took part in an activity: the named participants recorded on it, and, when the
activity is a meeting, the persons present at that meeting; plus the anonymous headcounts
of the activity and of its meeting. Across the démarche a named person counts once,
however many activities they came to; anonymous headcounts add up.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import (
    ActionPlan,
    ActivityHeadcount,
    ActivityParticipant,
    ActivityType,
    Attendance,
    Contribution,
    ContributionTheme,
    Organization,
    ParticipantCount,
    Person,
    ProcessActivity,
    ProcessPhase,
    Representation,
    Theme,
)
from ...domain.enums import AttendanceStatus, Sector
from ...domain.labels import label
from ...domain.planning import ContributionKind
from ...store import Database
from .common import require_process
from .phases import PhaseLine, list_phases
from .processes import SectionLine, committee_meetings, sections
from .syntheses import SynthesisLine, list_syntheses


@dataclass(frozen=True)
class ActivityLine:
    id: int
    date: dt.date
    title: str
    type_name: str
    phase_name: str
    place: str
    target_population: str
    meeting_id: int | None
    named: int  # distinct named persons at this activity
    anonymous: int
    contributions: int

    @property
    def participants(self) -> int:
        return self.named + self.anonymous


@dataclass(frozen=True)
class TypeFigure:
    name: str
    activities: int
    participations: int  # sum over its activities (a person at two counts twice)


@dataclass(frozen=True)
class SectorFigure:
    sector: str
    label: str
    named: int
    anonymous: int

    @property
    def total(self) -> int:
        return self.named + self.anonymous


@dataclass(frozen=True)
class ThemeFigure:
    name: str
    contributions: int
    votes: int


@dataclass(frozen=True)
class ProcessSummary:
    id: int
    title: str
    start_date: dt.date
    end_date: dt.date | None
    evaluated_plan: str
    produced_plan: str
    committee_body: str
    committee_meetings: int
    sections: tuple[SectionLine, ...]
    phases: tuple[PhaseLine, ...]
    activities: tuple[ActivityLine, ...]
    by_type: tuple[TypeFigure, ...]
    named_participants: int
    anonymous_participants: int
    by_sector: tuple[SectorFigure, ...]
    contributions: int
    votes: int
    by_kind: tuple[tuple[str, int], ...]  # (kind label, count), in the kinds' order
    by_theme: tuple[ThemeFigure, ...]
    syntheses: tuple[SynthesisLine, ...]

    @property
    def participants(self) -> int:
        return self.named_participants + self.anonymous_participants

    @property
    def salient(self) -> tuple[SynthesisLine, ...]:
        return tuple(s for s in self.syntheses if s.salient)

    @property
    def first_activity(self) -> dt.date | None:
        return min((a.date for a in self.activities), default=None)

    @property
    def last_activity(self) -> dt.date | None:
        return max((a.date for a in self.activities), default=None)


def named_by_activity(session: Session, process_id: int) -> dict[int, set[int]]:
    """Person ids per activity: recorded participants and those present at its meeting."""
    a = ProcessActivity
    found: dict[int, set[int]] = defaultdict(set)
    for activity_id, person_id in session.execute(
        select(ActivityParticipant.activity_id, ActivityParticipant.person_id)
        .join(a, a.id == ActivityParticipant.activity_id)
        .where(a.process_id == process_id)
    ):
        found[activity_id].add(person_id)
    for activity_id, person_id in session.execute(
        select(a.id, Attendance.person_id)
        .join(Attendance, Attendance.meeting_id == a.meeting_id)
        .where(a.process_id == process_id, Attendance.status == AttendanceStatus.PRESENT.value)
    ):
        found[activity_id].add(person_id)
    return found


def anonymous_by_activity(session: Session, process_id: int) -> dict[int, Counter]:
    """Anonymous headcounts per activity and sector, the activity's meeting's included."""
    a = ProcessActivity
    found: dict[int, Counter] = defaultdict(Counter)
    for activity_id, sector, number in session.execute(
        select(ActivityHeadcount.activity_id, ActivityHeadcount.sector, ActivityHeadcount.count)
        .join(a, a.id == ActivityHeadcount.activity_id)
        .where(a.process_id == process_id)
    ):
        found[activity_id][sector] += number
    for activity_id, sector, number in session.execute(
        select(a.id, ParticipantCount.sector, ParticipantCount.count)
        .join(ParticipantCount, ParticipantCount.meeting_id == a.meeting_id)
        .where(a.process_id == process_id)
    ):
        found[activity_id][sector] += number
    return found


def person_sectors(session: Session, person_ids: set[int]) -> dict[int, str]:
    """Each person's sector: their own, else that of the first organisation they
    represented, else « citoyen » for a resident, else « autre »."""
    sectors: dict[int, str] = {}
    ids = sorted(person_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        own = session.execute(
            select(Person.id, Person.sector, Person.is_resident).where(Person.id.in_(chunk))
        ).all()
        orgs: dict[int, str] = {}
        for pid, sector in session.execute(
            select(Representation.person_id, Organization.sector)
            .join(Organization, Organization.id == Representation.organization_id)
            .where(Representation.person_id.in_(chunk))
            .order_by(Representation.start_date.desc(), Representation.id.desc())
        ):
            orgs[pid] = sector  # the earliest comes last and wins
        for pid, sector, resident in own:
            fallback = Sector.CITIZEN.value if resident else Sector.OTHER.value
            sectors[pid] = sector or orgs.get(pid) or fallback
    return sectors


def distinct_participants(db: Database, process_id: int) -> tuple[int, int]:
    """(distinct named persons, anonymous headcount) across the démarche."""
    with db.session() as session:
        require_process(session, process_id)
        named = set().union(*named_by_activity(session, process_id).values())
        anonymous = sum(
            sum(c.values()) for c in anonymous_by_activity(session, process_id).values()
        )
    return len(named), anonymous


def _activities(session: Session, process_id: int, named, anonymous) -> list[ActivityLine]:
    a = ProcessActivity
    contributions = (
        select(func.count(Contribution.id))
        .where(Contribution.activity_id == a.id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(a, ActivityType.name, ProcessPhase.name, contributions)
        .join(ActivityType, ActivityType.id == a.type_id)
        .outerjoin(ProcessPhase, ProcessPhase.id == a.phase_id)
        .where(a.process_id == process_id)
        .order_by(a.date, a.id)
    ).all()
    return [
        ActivityLine(
            x.id,
            x.date,
            x.title,
            type_name,
            phase or "",
            x.place or "",
            x.target_population or "",
            x.meeting_id,
            len(named.get(x.id, ())),
            sum(anonymous.get(x.id, Counter()).values()),
            n,
        )
        for x, type_name, phase, n in rows
    ]


def _by_type(session: Session, activities: list[ActivityLine]) -> tuple[TypeFigure, ...]:
    order = list(session.scalars(select(ActivityType.name).order_by(ActivityType.position)))
    counts: Counter = Counter(a.type_name for a in activities)
    people: Counter = Counter()
    for line in activities:
        people[line.type_name] += line.participants
    return tuple(
        TypeFigure(name, counts[name], people[name])
        for name in sorted(counts, key=lambda n: order.index(n) if n in order else len(order))
    )


def _by_sector(session: Session, named, anonymous) -> tuple[SectorFigure, ...]:
    everyone = set().union(*named.values()) if named else set()
    named_counts = Counter(person_sectors(session, everyone).values())
    anonymous_counts: Counter = Counter()
    for counter in anonymous.values():
        anonymous_counts.update(counter)
    return tuple(
        SectorFigure(s.value, label(s), named_counts[s.value], anonymous_counts[s.value])
        for s in Sector
        if named_counts[s.value] or anonymous_counts[s.value]
    )


def _contribution_figures(session: Session, process_id: int):
    c = Contribution
    mine = (
        select(c.id)
        .join(ProcessActivity, ProcessActivity.id == c.activity_id)
        .where(ProcessActivity.process_id == process_id)
    )
    kinds = dict(
        session.execute(select(c.kind, func.count()).where(c.id.in_(mine)).group_by(c.kind)).all()
    )
    total = sum(kinds.values())
    votes = session.scalar(select(func.coalesce(func.sum(c.votes), 0)).where(c.id.in_(mine)))
    by_kind = tuple((label(k), kinds[k.value]) for k in ContributionKind if kinds.get(k.value))
    themes = session.execute(
        select(Theme.name, func.count(c.id), func.coalesce(func.sum(c.votes), 0))
        .join(ContributionTheme, ContributionTheme.theme_id == Theme.id)
        .join(c, c.id == ContributionTheme.contribution_id)
        .where(c.id.in_(mine))
        .group_by(Theme.id)
        .order_by(func.count(c.id).desc(), Theme.position, Theme.name)
    ).all()
    return total, votes, by_kind, tuple(ThemeFigure(n, k, v) for n, k, v in themes)


def process_summary(db: Database, process_id: int) -> ProcessSummary:
    """Everything the summary of a démarche shows, every figure from the data."""
    frame = tuple(sections(db, process_id))
    phases = tuple(list_phases(db, process_id))
    syntheses = tuple(list_syntheses(db, process_id))
    committee = committee_meetings(db, process_id)
    with db.session() as session:
        p = require_process(session, process_id)

        def plan_title(plan_id: int | None) -> str:
            if plan_id is None:
                return ""
            return session.scalar(select(ActionPlan.title).where(ActionPlan.id == plan_id)) or ""

        named = named_by_activity(session, process_id)
        anonymous = anonymous_by_activity(session, process_id)
        activities = _activities(session, process_id, named, anonymous)
        total, votes, by_kind, by_theme = _contribution_figures(session, process_id)
        return ProcessSummary(
            id=p.id,
            title=p.title,
            start_date=p.start_date,
            end_date=p.end_date,
            evaluated_plan=plan_title(p.evaluated_plan_id),
            produced_plan=plan_title(p.produced_plan_id),
            committee_body=p.committee_body or "",
            committee_meetings=len(committee),
            sections=frame,
            phases=phases,
            activities=tuple(activities),
            by_type=_by_type(session, activities),
            named_participants=len(set().union(*named.values())) if named else 0,
            anonymous_participants=sum(sum(c.values()) for c in anonymous.values()),
            by_sector=_by_sector(session, named, anonymous),
            contributions=total,
            votes=votes,
            by_kind=by_kind,
            by_theme=by_theme,
            syntheses=syntheses,
        )
