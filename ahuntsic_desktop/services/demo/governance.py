"""Demo step 4c: the seats of the coordination committee and their mandates.

The committee (delegates of core member organisations, then residents) hold one seat each,
in two staggered halves elected at alternate AGAs for two years; two residents' seats are
held by co-optation until a date within 90 days of the demo's day (the dashboard's "terms
ending" card). Drawing no dice, the step changes nothing the others make.
"""

from __future__ import annotations

import datetime as dt

from ...domain import Candidacy, Election, Mandate, Seat
from ...domain.enums import (
    ElectionMethod,
    MandateOrigin,
    MeetingKind,
    SeatCollege,
    SeatRole,
    Sector,
)
from ...i18n import _
from .common import Demo, weekday_on_or_after

ROLES = (SeatRole.CHAIR, SeatRole.TREASURER, SeatRole.SECRETARY)
CO_OPTED_DAYS = (60, 85)  # the last two residents' seats: co-opted until today + these
INSTITUTIONAL = {Sector.INSTITUTIONAL, Sector.MUNICIPAL, Sector.SCHOOL, Sector.HEALTH}

# (seat index, start, end, origin, AGA date or None): filled by plan_terms
Term = tuple[int, dt.date, dt.date, str, dt.date | None]


def aga_day(demo: Demo, year: int) -> dt.date:
    """The AGA of membership year ``year``, on the schedule's rule."""
    return weekday_on_or_after(demo.year_start(year) + dt.timedelta(days=70), 1)


def _college(demo: Demo, person_id: int) -> str | None:
    info = demo.person(person_id)
    if info.org_id is None:
        return SeatCollege.RESIDENTS.value
    sector = next(o.sector for o in demo.orgs if o.id == info.org_id)
    if sector == Sector.COMMUNITY:
        return SeatCollege.COMMUNITY.value
    return SeatCollege.INSTITUTIONAL.value if sector in INSTITUTIONAL else None


def plan_terms(demo: Demo) -> list[Term]:
    """The mandates of every committee seat; sets ``demo.seat_terms`` for the meetings step."""
    y0, y1, y2 = demo.years
    day = {y: aga_day(demo, y) for y in (y0 - 1, y0, y1, y2, y2 + 1, y2 + 2)}
    elected = MandateOrigin.ELECTED.value
    terms: list[Term] = []
    co_opted = len(demo.committee) - len(CO_OPTED_DAYS)
    for index, _person in enumerate(demo.committee):
        if index % 2 == 0:
            first = (index, day[y0] + dt.timedelta(days=1), day[y2], elected, day[y0])
        else:
            first = (index, day[y0 - 1] + dt.timedelta(days=1), day[y1], elected, None)
        terms.append(first)
        start = first[2] + dt.timedelta(days=1)
        if index >= co_opted:
            end = max(start, demo.today + dt.timedelta(days=CO_OPTED_DAYS[index - co_opted]))
            terms.append((index, start, end, MandateOrigin.COOPTED.value, None))
        elif index % 2 == 0:
            terms.append((index, start, day[y2 + 2], elected, day[y2]))
        else:
            terms.append((index, start, day[y2 + 1], elected, day[y1]))
    demo.seat_terms = {}
    for index, start, end, _origin, _aga in terms:
        demo.seat_terms.setdefault(demo.committee[index], []).append((start, end))
    return terms


def write_seats(demo: Demo, terms: list[Term], agas: dict[dt.date, int]) -> None:
    """Write the committee's seats and mandates; ``agas`` gives the AGA meeting of a day."""
    seats = []
    for index, person_id in enumerate(demo.committee):
        role = ROLES[index] if index < len(ROLES) else SeatRole.MEMBER
        seats.append({"id": demo.new_id("seat"), "body": "CC",
                      "label": _("Siège {number}").format(number=index + 1),
                      "role": role.value, "college": _college(demo, person_id),
                      "position": index, "closed_on": None})  # fmt: skip
    demo.write(Seat, seats)
    mandates = []
    for index, start, end, origin, aga in terms:
        person_id = demo.committee[index]
        mandates.append({"id": demo.new_id("mandate"), "seat_id": seats[index]["id"],
                         "person_id": person_id,
                         "organization_id": demo.person(person_id).org_id,
                         "start_date": start, "end_date": end, "origin": origin,
                         "elected_at_meeting_id": agas.get(aga) if aga else None,
                         "notes": None})  # fmt: skip
    demo.write(Mandate, mandates)
    _write_elections(demo, mandates)


def _write_elections(demo: Demo, mandates: list[dict]) -> None:
    """The election section of each AGA that elected seats: by acclamation, chaired by the
    committee's chair with the coordinator as secretary, one candidacy per seat filled."""
    elections, candidacies = [], []
    by_meeting: dict[int, int] = {}
    for mandate in mandates:
        meeting_id = mandate["elected_at_meeting_id"]
        if meeting_id is None:
            continue
        if meeting_id not in by_meeting:
            by_meeting[meeting_id] = demo.new_id("election")
            elections.append({"id": by_meeting[meeting_id], "meeting_id": meeting_id,
                              "body": "CC", "chair_id": demo.committee[0],
                              "secretary_id": demo.coordinator_id,
                              "method": ElectionMethod.ACCLAMATION.value, "voters": 0,
                              "mandate_years": 2, "resolution_id": None, "closed": True})  # fmt: skip
        candidacies.append({"id": demo.new_id("candidacy"), "election_id": by_meeting[meeting_id],
                            "seat_id": mandate["seat_id"], "person_id": mandate["person_id"],
                            "organization_id": mandate["organization_id"],
                            "proposed_by_id": None, "seconded_by_id": None, "votes": 0,
                            "elected": True})  # fmt: skip
    demo.write(Election, elections)
    demo.write(Candidacy, candidacies)


def seated_on(demo: Demo, person_id: int, day: dt.date) -> bool:
    """Whether ``person_id`` holds a committee seat on ``day``."""
    return any(s <= day <= e for s, e in demo.seat_terms.get(person_id, ()))


def aga_ids(specs) -> dict[dt.date, int]:
    return {s.date: s.id for s in specs if s.kind == MeetingKind.AGA}
