"""Counts of held meetings and resolutions over a period, by kind, month and format, and
their detail lines (no names: counts, titles, dates)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import Attendance, Chantier, Meeting, ParticipantCount, Resolution
from ...domain.enums import (
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
    ParticipationFormat,
    ResolutionOutcome,
)
from ...domain.labels import label
from ..core import Period

PRESENT = AttendanceStatus.PRESENT.value
HELD = MeetingStatus.HELD.value


@dataclass(frozen=True)
class KindCount:
    kind: str  # label
    held: int
    presences: int
    anonymous: int

    @property
    def average(self) -> float | None:
        return (self.presences + self.anonymous) / self.held if self.held else None


@dataclass(frozen=True)
class MonthCount:
    month: dt.date  # first day of the month
    held: int
    presences: int
    anonymous: int


@dataclass(frozen=True)
class MeetingLine:
    """A held meeting without any name: counts only."""

    date: dt.date
    kind: str
    title: str
    body: str
    chantier: str
    present: int
    excused: int
    anonymous: int
    format: str
    anonymous_by_sector: tuple[tuple[str, int], ...] = ()  # (sector code, count)


@dataclass(frozen=True)
class ResolutionLine:
    number: str
    date: dt.date
    body: str
    title: str
    outcome: str
    votes_for: int
    votes_against: int
    abstentions: int


@dataclass(frozen=True)
class LeftOutLine:
    """A meeting of the period that a report does not count: planned, cancelled or, when
    the count stops at today, dated after it."""

    date: dt.date
    kind: str
    title: str
    body: str
    status: str  # label


def held_in(period: Period):
    return (Meeting.status == HELD, Meeting.date.between(period.start, period.end))


def left_out_meetings(session: Session, period: Period, counted: Period) -> list[LeftOutLine]:
    """The meetings of ``period`` not counted over ``counted`` (a part of it): those not
    held, and those after the counted period's end."""
    rows = session.execute(
        select(Meeting.date, Meeting.kind, Meeting.title, Meeting.body, Meeting.status)
        .where(
            Meeting.date.between(period.start, period.end),
            (Meeting.status != HELD) | (Meeting.date > counted.end),
        )
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
    ).all()
    return [
        LeftOutLine(r[0], label(r[1], MeetingKind), r[2], r[3] or "", label(r[4], MeetingStatus))
        for r in rows
    ]


def held_meetings(session: Session, period: Period) -> list[MeetingLine]:
    status_counts = (
        select(
            Attendance.meeting_id,
            func.count(Attendance.id).filter(Attendance.status == PRESENT).label("present"),
            func.count(Attendance.id)
            .filter(Attendance.status == AttendanceStatus.EXCUSED.value)
            .label("excused"),
        )
        .group_by(Attendance.meeting_id)
        .subquery()
    )
    anonymous = (
        select(ParticipantCount.meeting_id, func.sum(ParticipantCount.count).label("count"))
        .group_by(ParticipantCount.meeting_id)
        .subquery()
    )
    rows = session.execute(
        select(
            Meeting.id,
            Meeting.date,
            Meeting.kind,
            Meeting.title,
            Meeting.body,
            Chantier.name,
            status_counts.c.present,
            status_counts.c.excused,
            anonymous.c.count,
            Meeting.participation_format,
        )
        .outerjoin(Chantier, Chantier.id == Meeting.chantier_id)
        .outerjoin(status_counts, status_counts.c.meeting_id == Meeting.id)
        .outerjoin(anonymous, anonymous.c.meeting_id == Meeting.id)
        .where(*held_in(period))
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
    ).all()
    sectors: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for meeting_id, sector, count in session.execute(
        select(ParticipantCount.meeting_id, ParticipantCount.sector, ParticipantCount.count)
        .join(Meeting, Meeting.id == ParticipantCount.meeting_id)
        .where(*held_in(period))
    ):
        sectors[meeting_id].append((sector, count))
    return [
        MeetingLine(
            r[1],
            label(r[2], MeetingKind),
            r[3],
            r[4],
            r[5] or "",
            r[6] or 0,
            r[7] or 0,
            int(r[8] or 0),
            label(r[9], ParticipationFormat) if r[9] else "",
            tuple(sectors.get(r[0], ())),
        )
        for r in rows
    ]


def resolutions_in(session: Session, period: Period) -> list[ResolutionLine]:
    """The resolutions of the meetings held in ``period`` (none of a planned meeting)."""
    rows = session.execute(
        select(
            Resolution.number,
            Meeting.date,
            Resolution.body,
            Resolution.title,
            Resolution.outcome,
            Resolution.votes_for,
            Resolution.votes_against,
            Resolution.abstentions,
        )
        .join(Meeting, Meeting.id == Resolution.meeting_id)
        .where(*held_in(period))
        .order_by(Meeting.date, Resolution.body, Resolution.year, Resolution.sequence)
    ).all()
    return [
        ResolutionLine(r[0], r[1], r[2], r[3], label(r[4], ResolutionOutcome), *r[5:]) for r in rows
    ]


def by_kind(meetings: list[MeetingLine]) -> list[KindCount]:
    order = [label(k) for k in MeetingKind]
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for m in meetings:
        entry = sums[m.kind]
        entry[0] += 1
        entry[1] += m.present
        entry[2] += m.anonymous
    return [KindCount(k, *sums[k]) for k in order if k in sums]


def by_month(meetings: list[MeetingLine], period: Period) -> list[MonthCount]:
    sums: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0, 0])
    for m in meetings:
        entry = sums[m.date.replace(day=1)]
        entry[0] += 1
        entry[1] += m.present
        entry[2] += m.anonymous
    months, day = [], period.start.replace(day=1)
    while day <= period.end:
        months.append(MonthCount(day, *sums.get(day, (0, 0, 0))))
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def by_format(meetings: list[MeetingLine]) -> list[tuple[str, int, int]]:
    participation = label(MeetingKind.PARTICIPATION)
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m in meetings:
        if m.kind == participation:
            entry = sums[m.format or participation]
            entry[0] += 1
            entry[1] += m.present + m.anonymous
    return [(name, held, people) for name, (held, people) in sums.items()]
