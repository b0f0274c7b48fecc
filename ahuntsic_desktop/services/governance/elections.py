"""Elections at an assembly: the seats open, the candidacies, and the results written into
the minutes (a resolution) and into the seats (mandates), all in one transaction.

A seat is open at an assembly when nobody holds it the day after: its mandate ends that
day or before (vacant). The elected take office the day after the assembly.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import AgendaItem, Attendance, Candidacy, Election, Mandate, Meeting, Person, Seat
from ...domain.enums import (
    AttendanceStatus,
    ElectionMethod,
    MandateOrigin,
    MeetingKind,
    MeetingStatus,
    SeatCollege,
    SeatRole,
)
from ...domain.labels import label
from ...i18n import _, format_date, ngettext
from ...store import Database
from ..core import ValidationError
from ..core import settings as settings_service
from ..meetings import body_label, quorum, resolutions
from ..meetings import meetings as meeting_service
from .seats import MandateData, eligibility_problem, new_mandate

logger = logging.getLogger(__name__)
ELECTING_KINDS = {MeetingKind.AGA.value, MeetingKind.AGE.value}


@dataclass(frozen=True)
class OpenSeat:
    seat_id: int
    label: str
    role_label: str
    college: str | None
    college_label: str
    reason: str


@dataclass(frozen=True)
class CandidacyData:
    seat_id: int
    person_id: int
    proposed_by_id: int | None
    seconded_by_id: int | None
    organization_id: int | None = None
    votes: int = 0


@dataclass(frozen=True)
class ElectionData:
    meeting_id: int
    body: str
    chair_id: int | None
    secretary_id: int | None
    method: str
    candidacies: tuple[CandidacyData, ...]
    moved_by_id: int | None = None  # the resolution that records the results
    seconded_by_id: int | None = None
    voters: int = 0  # ballots cast (ballot only)
    mandate_years: int = 2


@dataclass(frozen=True)
class ElectionResult:
    election_id: int
    resolution_number: str
    elected: list[str] = field(default_factory=list)


def _open_seats(session: Session, body: str, day: date) -> list[OpenSeat]:
    after = day + timedelta(days=1)
    seats = session.scalars(
        select(Seat).where(Seat.body == body, Seat.closed_on.is_(None)).order_by(Seat.position)
    ).all()
    open_seats = []
    for seat in seats:
        mandates = session.execute(
            select(Mandate.start_date, Mandate.end_date, Person.first_name, Person.last_name)
            .join(Person, Person.id == Mandate.person_id)
            .where(Mandate.seat_id == seat.id, Mandate.start_date <= after)
            .order_by(Mandate.start_date.desc())
        ).all()
        if any(end is None or end >= after for _start, end, _f, _l in mandates):
            continue
        last = mandates[0] if mandates else None
        if last is not None and last[1] >= day - timedelta(days=366):
            reason = _("mandat de {name} terminé le {date}").format(
                name=f"{last[2]} {last[3]}".strip(), date=format_date(last[1])
            )
        else:
            reason = _("siège vacant")
        open_seats.append(
            OpenSeat(
                seat.id,
                seat.label,
                label(seat.role, SeatRole),
                seat.college,
                label(seat.college, SeatCollege) if seat.college else "",
                reason,
            )
        )
    return open_seats


def open_seats(db: Database, meeting_id: int, body: str = "CC") -> list[OpenSeat]:
    """The seats of ``body`` nobody holds the day after the assembly."""
    with db.session() as session:
        meeting = meeting_service.require_meeting(session, meeting_id)
        return _open_seats(session, body, meeting.date)


def _end_of_term(start_day: date, years: int) -> date:
    try:
        return start_day.replace(year=start_day.year + years)
    except ValueError:  # 29 February
        return start_day.replace(year=start_day.year + years, day=28)


def _name(session: Session, person_id: int | None) -> str:
    person = session.get(Person, person_id) if person_id else None
    return person.full_name if person else ""


def _check_officers(session: Session, meeting: Meeting, data: ElectionData) -> None:
    present = set(
        session.scalars(
            select(Attendance.person_id).where(
                Attendance.meeting_id == meeting.id,
                Attendance.status == AttendanceStatus.PRESENT.value,
            )
        )
    )
    if data.chair_id is None:
        raise ValidationError(_("Nommez la présidence d'élection."), "chair_id")
    if data.secretary_id is None:
        raise ValidationError(_("Nommez le secrétariat d'élection."), "secretary_id")
    if data.chair_id == data.secretary_id:
        raise ValidationError(
            _("La présidence et le secrétariat d'élection sont deux personnes différentes."),
            "secretary_id",
        )
    for person_id, name in ((data.chair_id, "chair_id"), (data.secretary_id, "secretary_id")):
        if person_id not in present:
            raise ValidationError(
                _("La présidence et le secrétariat d'élection doivent être présents."), name
            )


def _check_candidacies(
    session: Session, data: ElectionData, seats: dict[int, OpenSeat], voters: set[int]
) -> dict[int, list[CandidacyData]]:
    if not data.candidacies:
        raise ValidationError(_("Aucune candidature : rien à élire."), "candidacies")
    by_seat: dict[int, list[CandidacyData]] = {}
    seen: set[int] = set()
    for c in data.candidacies:
        name = _name(session, c.person_id) or _("Cette personne")
        if c.seat_id not in seats:
            raise ValidationError(
                _("Le siège de {name} n'est pas ouvert à cette élection.").format(name=name),
                "candidacies",
            )
        if c.person_id in seen:
            raise ValidationError(
                _("{name} est candidat·e deux fois.").format(name=name), "candidacies"
            )
        seen.add(c.person_id)
        problem = eligibility_problem(
            session, seats[c.seat_id].college, c.person_id, c.organization_id
        )
        if problem:
            raise ValidationError(f"{name} : {problem}", "candidacies")
        if c.proposed_by_id not in voters or c.seconded_by_id not in voters:
            raise ValidationError(
                _(
                    "La candidature de {name} doit être proposée et appuyée par des membres "
                    "votants présents."
                ).format(name=name),
                "candidacies",
            )
        if c.proposed_by_id == c.seconded_by_id:
            raise ValidationError(
                _("La candidature de {name} est appuyée par la personne qui la propose.").format(
                    name=name
                ),
                "candidacies",
            )
        by_seat.setdefault(c.seat_id, []).append(c)
    return by_seat


def _winners(
    data: ElectionData, seats: dict[int, OpenSeat], by_seat, voters: set[int]
) -> dict[int, CandidacyData]:
    if data.method == ElectionMethod.ACCLAMATION.value:
        for seat_id, candidates in by_seat.items():
            if len(candidates) > 1:
                raise ValidationError(
                    _(
                        "Plusieurs candidatures au siège « {seat} » : l'élection se fait par "
                        "scrutin."
                    ).format(seat=seats[seat_id].label),
                    "method",
                )
        return {seat_id: candidates[0] for seat_id, candidates in by_seat.items()}
    if not 0 < data.voters <= len(voters):
        raise ValidationError(
            _(
                "{ballots} bulletins pour {voters} membres votants présents : il ne peut y avoir "
                "plus de bulletins que de votant·es."
            ).format(ballots=data.voters, voters=len(voters)),
            "voters",
        )
    winners = {}
    for seat_id, candidates in by_seat.items():
        if sum(c.votes for c in candidates) > data.voters or any(c.votes < 0 for c in candidates):
            raise ValidationError(
                _(
                    "Au siège « {seat} », les voix comptées dépassent les {ballots} bulletins."
                ).format(seat=seats[seat_id].label, ballots=data.voters),
                "votes",
            )
        ranked = sorted(candidates, key=lambda c: -c.votes)
        if len(ranked) > 1 and ranked[0].votes == ranked[1].votes:
            raise ValidationError(
                _("Égalité au siège « {seat} » : un autre tour de scrutin est nécessaire.").format(
                    seat=seats[seat_id].label
                ),
                "votes",
            )
        if ranked[0].votes == 0:
            raise ValidationError(
                _("Aucune voix au siège « {seat} ».").format(seat=seats[seat_id].label), "votes"
            )
        winners[seat_id] = ranked[0]
    return winners


def _election_item(session: Session, meeting_id: int) -> int | None:
    items = session.execute(
        select(AgendaItem.id, AgendaItem.title).where(AgendaItem.meeting_id == meeting_id)
    ).all()
    return next((i for i, title in items if "lection" in title.lower()), None)


def _minutes_text(session: Session, data: ElectionData, seats, winners, start, end) -> str:
    method = label(data.method, ElectionMethod).lower()
    lines = [
        _("Présidence d'élection : {chair} ; secrétariat d'élection : {secretary}.").format(
            chair=_name(session, data.chair_id), secretary=_name(session, data.secretary_id)
        ),
        _("Élection {method}").format(method=method)
        + (
            ngettext(" ({count} bulletin).", " ({count} bulletins).", data.voters).format(
                count=data.voters
            )
            if data.method == ElectionMethod.BALLOT.value
            else "."
        ),
    ]
    for c in data.candidacies:
        text = _("Candidature de {name} au siège « {seat} », proposée par {mover}, appuyée par "
                 "{seconder}").format(name=_name(session, c.person_id), seat=seats[c.seat_id].label,
                                      mover=_name(session, c.proposed_by_id),
                                      seconder=_name(session, c.seconded_by_id))  # fmt: skip
        if data.method == ElectionMethod.BALLOT.value:
            text += ngettext(" : {count} voix", " : {count} voix", c.votes).format(count=c.votes)
        lines.append(text + ".")
    for seat_id, c in winners.items():
        lines.append(
            _("Est élu·e au siège « {seat} » : {name}, pour un mandat du {start} au {end}.").format(
                seat=seats[seat_id].label,
                name=_name(session, c.person_id),
                start=format_date(start),
                end=format_date(end),
            )
        )
    return "\n".join(lines)


def hold_election(db: Database, data: ElectionData) -> ElectionResult:
    """Record an election and its results: the candidacies, the mandates of the elected and
    the resolution in the minutes. Refused whole, with the French reason, if anything is
    wrong: nothing half-written."""
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = meeting_service.require_meeting(session, data.meeting_id)
        if meeting.kind not in ELECTING_KINDS:
            raise ValidationError(_("Les élections se tiennent en assemblée générale."))
        if meeting.status == MeetingStatus.CANCELLED.value:
            raise ValidationError(_("Une rencontre annulée ne tient pas d'élection."))
        if data.method not in {m.value for m in ElectionMethod}:
            raise ValidationError(_("Mode d'élection inconnu."), "method")
        if not 1 <= data.mandate_years <= 5:
            raise ValidationError(_("Un mandat dure de 1 à 5 ans."), "mandate_years")
        if session.scalar(
            select(Election.id).where(Election.meeting_id == meeting.id, Election.body == data.body)
        ):
            raise ValidationError(_("Cette assemblée a déjà tenu cette élection."))
        _check_officers(session, meeting, data)
        year = table_settings.membership_year_of(meeting.date)
        voters = quorum.present_voters(session, meeting, year)
        seats = {s.seat_id: s for s in _open_seats(session, data.body, meeting.date)}
        by_seat = _check_candidacies(session, data, seats, voters)
        winners = _winners(data, seats, by_seat, voters)
        start = meeting.date + timedelta(days=1)
        end = _end_of_term(meeting.date, data.mandate_years)
        election = Election(
            meeting_id=meeting.id,
            body=data.body,
            chair_id=data.chair_id,
            secretary_id=data.secretary_id,
            method=data.method,
            voters=data.voters if data.method == ElectionMethod.BALLOT.value else 0,
            mandate_years=data.mandate_years,
            closed=True,
        )
        session.add(election)
        session.flush()
        for c in data.candidacies:
            won = winners.get(c.seat_id) is c
            session.add(Candidacy(election_id=election.id, seat_id=c.seat_id,
                                  person_id=c.person_id, organization_id=c.organization_id,
                                  proposed_by_id=c.proposed_by_id,
                                  seconded_by_id=c.seconded_by_id, votes=c.votes,
                                  elected=won))  # fmt: skip
            if won:
                new_mandate(session, MandateData(c.seat_id, c.person_id, start, end,
                                                 c.organization_id, MandateOrigin.ELECTED.value,
                                                 meeting.id))  # fmt: skip
        resolution = resolutions.record_resolution(
            session,
            meeting,
            resolutions.ResolutionData(
                title=_("Élection : {body}").format(body=body_label(data.body)),
                moved_by_id=data.moved_by_id,
                seconded_by_id=data.seconded_by_id,
                text=_minutes_text(session, data, seats, winners, start, end),
                agenda_item_id=_election_item(session, meeting.id),
            ),
            voters,
        )
        election.resolution_id = resolution.id
        logger.info("Élection %s tenue : %s élu·es", election.id, len(winners))
        return ElectionResult(
            election.id,
            resolution.number,
            [_name(session, c.person_id) for c in winners.values()],
        )
