"""Queries behind the tracking workbooks: attendance by meeting and body, and follow-ups
with the meeting and resolution they came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from ...domain import (
    Attendance,
    Chantier,
    FollowUp,
    Meeting,
    Organization,
    ParticipantCount,
    Person,
    Resolution,
)
from ...domain.enums import AttendanceStatus, FollowUpStatus, MeetingKind, Sector
from ...domain.enums import MeetingStatus as MS
from ...domain.labels import label
from ...store import Database
from ..core import Period, name_sort_key
from .followups import follow_up_query, owner_text

MARKS = {
    AttendanceStatus.PRESENT.value: "P",
    AttendanceStatus.EXCUSED.value: "E",
    AttendanceStatus.ABSENT.value: "A",
}


@dataclass(frozen=True)
class MeetingHead:
    id: int
    date: dt.date
    start_time: dt.time | None
    kind: str
    kind_label: str
    body: str
    title: str
    chantier: str
    status_label: str


@dataclass(frozen=True)
class MatrixRow:
    id: int
    labels: tuple[str, ...]  # (last name, first name, organisation) or (organisation, sector)
    places: dict[int, str]  # meeting's index -> P, E or A; the others are blank
    width: int  # how many meetings
    present: int
    excused: int
    absent: int

    @property
    def marks(self) -> tuple[str, ...]:
        """One of P, E, A or "" per meeting (a large table's row is mostly blanks: the
        workbook writes :attr:`places` only)."""
        marks = [""] * self.width
        for i, mark in self.places.items():
            marks[i] = mark
        return tuple(marks)

    @property
    def rate(self) -> float | None:
        recorded = self.present + self.excused + self.absent
        return self.present / recorded if recorded else None


@dataclass(frozen=True)
class MeetingTotals:
    invited: int
    present: int
    excused: int
    absent: int
    anonymous: int

    @property
    def rate(self) -> float | None:
        recorded = self.present + self.excused + self.absent
        return self.present / recorded if recorded else None


@dataclass
class AttendanceMatrix:
    period: Period
    body: str | None
    meetings: list[MeetingHead]
    totals: list[MeetingTotals]
    persons: list[MatrixRow]
    organizations: list[MatrixRow]


def _row(id_: int, labels: tuple, places: dict[int, str], width: int) -> MatrixRow:
    marks = list(places.values())
    return MatrixRow(
        id_, labels, places, width, marks.count("P"), marks.count("E"), marks.count("A")
    )


def attendance_matrix(db: Database, period: Period, body: str | None = None) -> AttendanceMatrix:
    """Who came to which meeting (not cancelled) of ``period`` and ``body`` (all when None)."""
    query = (
        select(Meeting, Chantier.name)
        .outerjoin(Chantier, Chantier.id == Meeting.chantier_id)
        .where(Meeting.date.between(period.start, period.end), Meeting.status != MS.CANCELLED)
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
    )
    if body:
        query = query.where(Meeting.body == body)
    with db.session() as session:
        heads = [
            MeetingHead(
                m.id,
                m.date,
                m.start_time,
                m.kind,
                label(m.kind, MeetingKind),
                m.body,
                m.title,
                chantier or "",
                label(m.status, MS),
            )
            for m, chantier in session.execute(query)
        ]
        ids = [h.id for h in heads]
        rows = session.execute(
            select(
                Attendance.meeting_id,
                Attendance.person_id,
                Attendance.organization_id,
                Attendance.status,
                Person.last_name,
                Person.first_name,
                Organization.name,
                Organization.sector,
            )
            .join(Person, Person.id == Attendance.person_id)
            .outerjoin(Organization, Organization.id == Attendance.organization_id)
            .where(Attendance.meeting_id.in_(ids))
        ).all()
        anonymous = dict(
            session.execute(
                select(ParticipantCount.meeting_id, func.sum(ParticipantCount.count))
                .where(ParticipantCount.meeting_id.in_(ids))
                .group_by(ParticipantCount.meeting_id)
            ).all()
        )
    column = {meeting_id: i for i, meeting_id in enumerate(ids)}
    person_marks: dict[int, dict[int, str]] = {}  # person -> {meeting's index: mark}
    person_labels: dict[int, tuple] = {}
    org_marks: dict[int, dict[int, str]] = {}
    org_labels: dict[int, tuple] = {}
    counts = [[0, 0, 0, 0] for _ in ids]  # invited, P, E, A
    sectors = {}
    for meeting_id, person_id, org_id, status, last, first, org_name, org_sector in rows:
        i = column[meeting_id]
        mark = MARKS.get(status, "")
        counts[i][0] += 1
        if mark:
            counts[i]["PEA".index(mark) + 1] += 1
        marks = person_marks.setdefault(person_id, {})
        if mark:
            marks[i] = mark
        if org_name or person_id not in person_labels:
            person_labels[person_id] = (last, first, org_name or "")
        if org_id is not None and mark:
            marks = org_marks.setdefault(org_id, {})
            if i not in marks or "PEA".index(mark) < "PEA".index(marks[i]):
                marks[i] = mark
            org_labels[org_id] = (org_name,)
            sectors[org_id] = org_sector
    sector_labels = {}
    for org_id, sector in sectors.items():
        sector_labels[org_id] = label(sector, Sector)
    key = name_sort_key
    persons = [
        _row(pid, person_labels[pid], marks, len(ids))
        for pid, marks in sorted(
            person_marks.items(),
            key=lambda item: (key(person_labels[item[0]][0]), key(person_labels[item[0]][1])),
        )
    ]
    organizations = [
        _row(oid, (org_labels[oid][0], sector_labels[oid]), marks, len(ids))
        for oid, marks in sorted(org_marks.items(), key=lambda item: key(org_labels[item[0]][0]))
    ]
    totals = [
        MeetingTotals(c[0], c[1], c[2], c[3], int(anonymous.get(mid, 0) or 0))
        for c, mid in zip(counts, ids, strict=True)
    ]
    return AttendanceMatrix(period, body, heads, totals, persons, organizations)


# -- follow-ups ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpLine:
    id: int
    due_date: dt.date | None
    description: str
    owner: str
    body: str
    chantier: str
    status: str
    status_label: str
    overdue: bool
    meeting_title: str
    meeting_date: dt.date | None
    resolution: str
    done_on: dt.date | None


def follow_up_lines(
    db: Database, today: dt.date, period: Period | None = None, body: str | None = None
) -> list[FollowUpLine]:
    """Follow-ups (of ``body``; due or decided within ``period`` when given), by due date."""
    query = follow_up_query(
        today, Meeting.title, Meeting.date, Resolution.number, FollowUp.done_on
    ).outerjoin(Resolution, Resolution.id == FollowUp.resolution_id)
    if body:
        query = query.where(FollowUp.body == body)
    if period is not None:
        query = query.where(
            or_(
                FollowUp.due_date.between(period.start, period.end),
                Meeting.date.between(period.start, period.end),
            )
        )
    with db.session() as session:
        rows = session.execute(query).all()
    return [
        FollowUpLine(
            r[0],
            r[1],
            r[2],
            owner_text(r[3], r[4]),
            r[5] or "",
            r[6] or "",
            r[7],
            label(r[7], FollowUpStatus),
            bool(r[8]),
            r[9] or "",
            r[10],
            r[11] or "",
            r[12],
        )
        for r in rows
    ]
