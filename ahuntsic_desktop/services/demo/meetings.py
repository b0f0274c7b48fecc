"""Demo step 4b: the meetings with their attendance and participant counts, minutes approved
by the next meeting of the same group; agenda, resolutions and follow-ups via :mod:`.agenda`.

Attendance carries the voting flag the attendance service would compute: one vote per voting
member (a paid membership of a voting category, of the organisation represented or the
person, in the meeting's membership year; a seat at the CC), carried by one person listed
for it (the delegate, else the substitute, else anyone listed but its employees), present
first. Decisions are only numbered when the quorum is reached, moved and seconded by two
people present who carry the votes of two members."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from ...domain import (
    AgendaItem,
    Attendance,
    FollowUp,
    Meeting,
    ParticipantCount,
    Resolution,
    ResolutionCounter,
)
from ...domain.enums import (
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
    Sector,
)
from ...i18n import _, format_time
from . import agenda
from .common import Demo
from .governance import seated_on
from .names import OUTDOOR_PLACES, PLACES
from .schedule import TIMES, MeetingSpec

ASSEMBLIES = (MeetingKind.AGA, MeetingKind.AGE, MeetingKind.NEIGHBOURHOOD_ASSEMBLY)
FLUSH_ROWS = 20_000
MAX_CHANTIER_INVITES = 15
STATUS_RANK = {AttendanceStatus.PRESENT.value: 0, AttendanceStatus.INVITED.value: 1}
PRESENT_SHARE = {
    MeetingKind.AGA: 0.6,
    MeetingKind.AGE: 0.6,
    MeetingKind.NEIGHBOURHOOD_ASSEMBLY: 0.6,
    MeetingKind.COORDINATION: 0.85,
}


class _Buffers:
    """Detail rows waiting to be written, flushed in foreign-key order."""

    ORDER = (AgendaItem, Attendance, ParticipantCount, Resolution, FollowUp)

    def __init__(self, demo: Demo) -> None:
        self.demo = demo
        self.rows: dict[type, list[dict]] = {model: [] for model in self.ORDER}

    def add(self, model, row: dict) -> None:
        self.rows[model].append(row)

    def flush(self, force: bool = False) -> None:
        if not force and sum(len(rows) for rows in self.rows.values()) < FLUSH_ROWS:
            return
        for model in self.ORDER:
            self.demo.write(model, self.rows[model])
            self.rows[model] = []


def _chair(demo: Demo, spec: MeetingSpec) -> int | None:
    if spec.kind in ASSEMBLIES or spec.kind == MeetingKind.COORDINATION:
        return demo.committee[0]
    if spec.kind == MeetingKind.CHANTIER:
        return demo.chantier_leads.get(spec.chantier_id)
    if spec.kind == MeetingKind.AD_HOC:
        return demo.rng.choice(demo.committee)
    return demo.coordinator_id


def _approval_group(spec: MeetingSpec) -> tuple:
    """Meetings whose minutes the next one of the group approves: the same chantier, the
    same ad hoc committee, general assemblies (AGA, AGE) and neighbourhood assemblies apart."""
    if spec.kind == MeetingKind.NEIGHBOURHOOD_ASSEMBLY:
        return (spec.body, spec.kind)
    if spec.kind == MeetingKind.AD_HOC:
        return (spec.body, spec.title)
    return (spec.body, spec.chantier_id)


def _approvals(specs: list[MeetingSpec], today: dt.date) -> dict[int, tuple[dt.date, int | None]]:
    """Minutes of every held meeting but the latest of its body are approved: by the next
    held meeting of its group, or else in writing three weeks later."""
    held = [s for s in specs if s.held]
    latest = {s.body: s.id for s in held}  # specs are in date order
    following: dict[tuple, MeetingSpec] = {}
    approvals = {}
    for spec in reversed(held):
        group = _approval_group(spec)
        after = following.get(group)
        following[group] = spec
        if spec.id == latest[spec.body]:
            continue
        if after is not None and spec.kind != MeetingKind.PARTICIPATION:
            approvals[spec.id] = (after.date, after.id)
        else:
            approvals[spec.id] = (min(spec.date + dt.timedelta(days=21), today), None)
    return approvals


def _meeting_rows(demo: Demo, specs: list[MeetingSpec]) -> dict[int, int | None]:
    """Write the meetings; returns each one's chair."""
    approvals = _approvals(specs, demo.today)
    chairs = {}
    rows = []
    for spec in specs:
        start, end = TIMES[spec.kind]
        chair = _chair(demo, spec)
        chairs[spec.id] = chair
        approved_on, _approved_by = approvals.get(spec.id, (None, None))
        places = OUTDOOR_PLACES if spec.kind == MeetingKind.PARTICIPATION else PLACES
        place = demo.rng.choice(places)
        notes = (
            _("Rencontre annulée faute de quorum prévu.")
            if spec.status == MeetingStatus.CANCELLED
            else None
        )
        rows.append(
            {
                "id": spec.id,
                "kind": spec.kind.value,
                "body": spec.body,
                "title": spec.title,
                "date": spec.date,
                "start_time": start,
                "end_time": end,
                "place": place,
                "chantier_id": spec.chantier_id,
                "participation_format": spec.participation_format
                and spec.participation_format.value,
                "status": spec.status.value,
                "chair_id": chair,
                "secretary_id": demo.coordinator_id,
                "notes": notes,
                "minutes_approved_on": approved_on,
                "minutes_approved_by_meeting_id": None,
            }
        )
    demo.write(Meeting, rows)
    # The approving meeting comes later: link once every meeting exists.
    links = [
        {"id": mid, "minutes_approved_by_meeting_id": by, "version": 1}  # as just written
        for mid, (_on, by) in approvals.items()
        if by
    ]
    if links:
        demo.session.execute(update(Meeting), links)
    return chairs


class _Pools:
    def __init__(self, demo: Demo) -> None:
        active = [p for p in demo.persons if p.active and p.id != demo.coordinator_id]
        self.residents = [p.id for p in active if p.resident]
        self.community = [p.id for p in active if p.org_id and p.sector == Sector.COMMUNITY]


def _invitees(demo: Demo, pools: _Pools, spec: MeetingSpec, chair: int | None) -> list:
    """(person id, invited) of everyone expected, chair and secretary first."""
    rng = demo.rng
    people: list[tuple[int, bool]] = []
    if chair:
        people.append((chair, True))
    people.append((demo.coordinator_id, True))
    if spec.kind in ASSEMBLIES:
        year = demo.settings.membership_year_of(spec.date)
        orgs, persons = demo.members_by_year.get(year, ([], []))
        people += [(demo.org_people[o][0], True) for o in orgs if demo.org_people.get(o)]
        people += [(p, True) for p in persons]
        if spec.kind == MeetingKind.NEIGHBOURHOOD_ASSEMBLY and spec.held:
            walk_ins = min(len(pools.residents), 10 * demo.scale)
            people += [(p, False) for p in rng.sample(pools.residents, walk_ins)]
    elif spec.kind == MeetingKind.COORDINATION:  # the seat holders of the day
        people += [(p, True) for p in demo.committee if seated_on(demo, p, spec.date)]
    elif spec.kind == MeetingKind.CHANTIER:
        seated = [p for p, _org in demo.chantier_people.get(spec.chantier_id, [])]
        people += [(p, True) for p in rng.sample(seated, min(len(seated), MAX_CHANTIER_INVITES))]
    elif spec.kind == MeetingKind.AD_HOC:
        people += [(p, True) for p in rng.sample(demo.committee, 4)]
        people += [(p, True) for p in rng.sample(pools.community, 2)]
    else:
        people += [(p, True) for p in rng.sample(pools.community, rng.randint(1, 2))]
    seen: set[int] = set()
    unique = []
    for person_id, invited in people:
        if person_id not in seen:
            seen.add(person_id)
            unique.append((person_id, invited))
    return unique


def _carriers(lines: list[tuple]) -> set[int]:
    """The attendance ids carrying their member's vote, as the quorum service's
    ``choose_carriers``: per member someone present first, then someone still expected, then
    the others; the delegate before the substitute before anyone else; then the first."""
    best: dict[tuple, tuple] = {}
    for attendance_id, status, member, rank in lines:
        if member is None:
            continue
        key = (STATUS_RANK.get(status, 2), rank, attendance_id)
        if member not in best or key < best[member]:
            best[member] = key
    return {key[-1] for key in best.values()}


def _attendance(demo: Demo, buffers: _Buffers, spec: MeetingSpec, people: list):
    """Write attendance; returns (person id, carries a vote) of those present, and whether
    the voting members present (an organisation counts once) reach the quorum."""
    rng = demo.rng
    present_share = PRESENT_SHARE.get(spec.kind, 0.75)
    rows, lines = [], []
    invited_members, present_members = set(), set()
    for index, (person_id, invited) in enumerate(people):
        org_id = demo.person(person_id).org_id
        if not spec.held:
            status = AttendanceStatus.INVITED
        elif index < 2 or not invited or spec.kind == MeetingKind.PARTICIPATION:
            status = AttendanceStatus.PRESENT  # chair, secretary, walk-ins, animators
        else:
            draw = rng.random()
            status = (
                AttendanceStatus.PRESENT
                if draw < present_share
                else AttendanceStatus.EXCUSED
                if draw < present_share + 0.6 * (1 - present_share)
                else AttendanceStatus.ABSENT
            )
        member, rank = None, 0
        if spec.kind == MeetingKind.COORDINATION:  # a seat is a vote
            member = ("s", person_id) if seated_on(demo, person_id, spec.date) else None
        else:
            member, rank = demo.votes_on(spec.date, org_id, person_id) or (None, 0)
        attendance_id = demo.new_id("attendance")
        lines.append((attendance_id, status.value, member, rank))
        rows.append(
            {
                "id": attendance_id,
                "meeting_id": spec.id,
                "person_id": person_id,
                "organization_id": org_id,
                "status": status.value,
                "invited": invited,
            }
        )
        if member is not None and invited:
            invited_members.add(member)
        if member is not None and status == AttendanceStatus.PRESENT:
            present_members.add(member)
    carriers = _carriers(lines)
    present = []
    for row in rows:
        row["voting"] = row["id"] in carriers  # as the attendance service stores it
        buffers.add(Attendance, row)
        if row["status"] == AttendanceStatus.PRESENT.value:
            present.append((row["person_id"], row["voting"]))
    listed = len(invited_members | present_members)
    return present, demo.settings.quorum_reached(spec.kind, len(present_members), listed)


def _participants(demo: Demo, buffers: _Buffers, spec: MeetingSpec) -> None:
    rng = demo.rng
    sectors = [Sector.CITIZEN, *rng.sample([s for s in Sector if s != Sector.CITIZEN], 3)]
    for sector in sectors:
        buffers.add(
            ParticipantCount,
            {
                "id": demo.new_id("participant_count"),
                "meeting_id": spec.id,
                "sector": sector.value,
                "count": rng.randint(8, 45) if sector == Sector.CITIZEN else rng.randint(1, 12),
            },
        )


def write_meetings(demo: Demo, specs: list[MeetingSpec]) -> None:
    chairs = _meeting_rows(demo, specs)
    pools = _Pools(demo)
    buffers = _Buffers(demo)
    sequences: dict[tuple[str, int], int] = {}
    for spec in specs:
        chair = chairs[spec.id]
        people = _invitees(demo, pools, spec, chair)
        present, quorum = _attendance(demo, buffers, spec, people)
        if spec.kind == MeetingKind.PARTICIPATION and spec.held:
            _participants(demo, buffers, spec)
        start, end = TIMES[spec.kind]
        context = agenda.Context(
            chair_name=_name(demo, chair),
            start=format_time(start.replace(minute=start.minute + demo.rng.randint(0, 9))),
            end=format_time(end),
            present=len(present),
            voting=sum(1 for _p, voting in present if voting),
            quorum=quorum,
        )
        items = agenda.write_items(demo, buffers.add, spec, present, context)
        resolutions = []
        if quorum:
            resolutions = agenda.write_resolutions(
                demo, buffers.add, spec, present, items, sequences
            )
        agenda.write_follow_ups(demo, buffers.add, spec, present, resolutions)
        buffers.flush()
    buffers.flush(force=True)
    demo.write(
        ResolutionCounter,
        [
            {"body": body, "year": year, "last_sequence": last}
            for (body, year), last in sorted(sequences.items())
        ],
    )


def _name(demo: Demo, person_id: int | None) -> str:
    if person_id is None:
        return _("la personne à l'animation")
    return agenda.full_name(demo, person_id)
