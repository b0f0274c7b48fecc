"""Bodies (instances) with seats, and the mandates of the people holding them.

A body is named by the code its meetings carry (``CC``, ``AH``...). The assembly (``AG``)
has no seats: its voting members are the members in good standing; a chantier's roster is
its assignments. Who sits on a body on a given day is in :mod:`..meetings.seated`, which
convenes the body's meetings and counts their quorum.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from ...domain import Mandate, Meeting, Organization, Person, Seat
from ...domain.enums import MandateOrigin, SeatCollege, SeatRole, Sector
from ...domain.labels import label
from ...i18n import N_, _, format_date
from ...store import Database
from ..core import Choice, NotFoundError, ValidationError
from ..core import validation as v
from ..meetings import body_label, person_name_sql

logger = logging.getLogger(__name__)

# Bodies that may have seats, with their usual names; a file may add others.
SEATED_BODIES = {"CC": N_("Comité de coordination"), "AH": N_("Comités ad hoc")}
# The organisations' sectors each college accepts (residents sit without an organisation).
COLLEGE_SECTORS = {
    SeatCollege.COMMUNITY.value: {Sector.COMMUNITY.value},
    SeatCollege.INSTITUTIONAL.value: {
        Sector.INSTITUTIONAL.value,
        Sector.MUNICIPAL.value,
        Sector.SCHOOL.value,
        Sector.HEALTH.value,
    },
}
TERMS_ENDING_DAYS = 90


@dataclass(frozen=True)
class SeatData:
    body: str
    label: str
    role: str = SeatRole.MEMBER.value
    college: str | None = None


@dataclass(frozen=True)
class MandateData:
    seat_id: int
    person_id: int
    start_date: date
    end_date: date | None
    organization_id: int | None = None
    origin: str = MandateOrigin.ELECTED.value
    elected_at_meeting_id: int | None = None


@dataclass(frozen=True)
class SeatRow:
    seat_id: int
    body: str
    label: str
    role: str
    role_label: str
    college_label: str
    mandate_id: int | None
    person_id: int | None
    holder: str  # "" when vacant
    organization: str
    start_date: date | None
    end_date: date | None
    origin_label: str


@dataclass(frozen=True)
class MandateLine:
    mandate_id: int
    body: str
    seat_label: str
    role_label: str
    person_id: int
    holder: str
    organization: str
    start_date: date
    end_date: date | None
    origin_label: str


def body_choices(db: Database) -> list[Choice]:
    """The bodies that have (or usually have) seats: CC, ad hoc committees, and any other."""
    with db.session() as session:
        used = set(session.scalars(select(Seat.body).distinct()))
    order = list(SEATED_BODIES)
    bodies = sorted(used | set(order), key=lambda b: (order.index(b) if b in order else 99, b))
    return [Choice(body, body_label(body)) for body in bodies]


def add_seat(db: Database, data: SeatData) -> int:
    body = (v.required_text(data.body, "body", _("Instance"), max_length=16)).upper()
    if body in {"AG", "CH", "PA"}:
        raise ValidationError(
            _(
                "L'assemblée compte ses membres en règle et un chantier ses participant·es : "
                "cette instance n'a pas de sièges."
            ),
            "body",
        )
    name = v.required_text(data.label, "label", _("Siège"), max_length=100)
    role = v.choice(data.role, SeatRole, "role", _("Rôle"))
    college = v.choice(data.college, SeatCollege, "college", _("Collège")) if data.college else None
    with db.session() as session:
        taken = session.scalar(select(Seat.id).where(Seat.body == body, Seat.label == name))
        if taken is not None:
            raise ValidationError(_("Cette instance a déjà un siège de ce nom."), "label")
        position = len(session.scalars(select(Seat.id).where(Seat.body == body)).all())
        seat = Seat(body=body, label=name, role=role, college=college, position=position)
        session.add(seat)
        session.flush()
        return seat.id


def eligibility_problem(
    session: Session, college: str | None, person_id: int, organization_id: int | None
) -> str | None:
    """Why the person may not hold a seat of ``college`` (None: eligible)."""
    person = session.get(Person, person_id)
    if person is None or person.archived_at is not None:
        return _("Cette personne n'existe plus.")
    if college is None:
        return None
    if college == SeatCollege.RESIDENTS.value:
        if organization_id is not None:
            return _(
                "Un siège du collège des résident·es se tient à titre personnel, sans organisme."
            )
        return None
    if organization_id is None:
        return _("Ce siège est réservé au {college} : indiquez l'organisme représenté.").format(
            college=label(college, SeatCollege).lower()
        )
    org = session.get(Organization, organization_id)
    if org is None or org.sector not in COLLEGE_SECTORS.get(college, set()):
        return _("{org} n'appartient pas au {college} : candidature non admissible.").format(
            org=org.name if org else _("Cet organisme"),
            college=label(college, SeatCollege).lower(),
        )
    return None


def _overlap(start: date, end: date | None):
    """Mandates sharing at least one day with ``start``..``end`` (None: open-ended)."""
    conditions = [or_(Mandate.end_date.is_(None), Mandate.end_date >= start)]
    if end is not None:
        conditions.append(Mandate.start_date <= end)
    return and_(*conditions)


def check_mandate(session: Session, data: MandateData, *, ignore_id: int | None = None) -> Seat:
    """Refuse a mandate that cannot be: raises ValidationError with the French reason."""
    seat = session.get(Seat, data.seat_id)
    if seat is None:
        raise ValidationError(_("Ce siège n'existe plus."), "seat_id")
    if data.start_date is None:
        raise ValidationError(_("Indiquez le début du mandat."), "start_date")
    if data.end_date is not None and data.end_date < data.start_date:
        raise ValidationError(_("La fin du mandat ne peut pas précéder son début."), "end_date")
    v.choice(data.origin, MandateOrigin, "origin", _("Obtenu"))
    others = select(Mandate, person_name_sql()).join(Person, Person.id == Mandate.person_id)
    others = others.where(_overlap(data.start_date, data.end_date))
    if ignore_id is not None:
        others = others.where(Mandate.id != ignore_id)
    held = session.execute(others.where(Mandate.seat_id == seat.id).limit(1)).first()
    if held is not None:
        raise ValidationError(
            _("Ce siège est déjà occupé par {name} pendant ces dates ({dates}).").format(
                name=held[1], dates=_dates(held[0].start_date, held[0].end_date)
            ),
            "start_date",
        )
    twice = session.scalar(
        others.with_only_columns(Mandate.id)
        .join(Seat, Seat.id == Mandate.seat_id)
        .where(Seat.body == seat.body, Mandate.person_id == data.person_id)
        .limit(1)
    )
    if twice is not None:
        raise ValidationError(
            _("Cette personne occupe déjà un autre siège de cette instance pendant ces dates."),
            "person_id",
        )
    problem = eligibility_problem(session, seat.college, data.person_id, data.organization_id)
    if problem:
        raise ValidationError(problem, "person_id")
    return seat


def _dates(start: date, end: date | None) -> str:
    if end is None:
        return _("depuis le {start}").format(start=format_date(start))
    return _("du {start} au {end}").format(start=format_date(start), end=format_date(end))


def new_mandate(session: Session, data: MandateData) -> Mandate:
    """Check and add a mandate inside the caller's transaction."""
    check_mandate(session, data)
    mandate = Mandate(
        seat_id=data.seat_id,
        person_id=data.person_id,
        organization_id=data.organization_id,
        start_date=data.start_date,
        end_date=data.end_date,
        origin=data.origin,
        elected_at_meeting_id=data.elected_at_meeting_id,
    )
    session.add(mandate)
    session.flush()
    return mandate


def add_mandate(db: Database, data: MandateData) -> int:
    with db.session() as session:
        mandate = new_mandate(session, data)
        logger.info("Mandat %s ajouté au siège %s", mandate.id, data.seat_id)
        return mandate.id


def end_mandate(db: Database, mandate_id: int, end_date: date) -> None:
    """End a mandate on ``end_date`` (a resignation, an early end)."""
    with db.session() as session:
        mandate = session.get(Mandate, mandate_id)
        if mandate is None:
            raise NotFoundError(_("Ce mandat n'existe plus."))
        if end_date is None or end_date < mandate.start_date:
            raise ValidationError(_("La fin du mandat ne peut pas précéder son début."), "end_date")
        mandate.end_date = end_date


def _holders(day: date):
    """Mandates covering ``day``, joined to their person and organisation names."""
    org = aliased(Organization)
    return (
        select(Mandate, person_name_sql(), org.name)
        .join(Person, Person.id == Mandate.person_id)
        .outerjoin(org, org.id == Mandate.organization_id)
        .where(Mandate.start_date <= day, or_(Mandate.end_date.is_(None), Mandate.end_date >= day))
    )


def list_seats(db: Database, body: str, day: date) -> list[SeatRow]:
    """Every seat of ``body`` with its holder on ``day`` (vacant seats included)."""
    with db.session() as session:
        seats = session.scalars(
            select(Seat).where(Seat.body == body).order_by(Seat.position, Seat.id)
        ).all()
        held = {
            m.seat_id: (m, name, org)
            for m, name, org in session.execute(
                _holders(day).where(Mandate.seat_id.in_([s.id for s in seats]))
            )
        }
        rows = []
        for seat in seats:
            mandate, name, org = held.get(seat.id, (None, "", ""))
            rows.append(
                SeatRow(
                    seat_id=seat.id,
                    body=seat.body,
                    label=seat.label,
                    role=seat.role,
                    role_label=label(seat.role, SeatRole),
                    college_label=label(seat.college, SeatCollege) if seat.college else "",
                    mandate_id=mandate.id if mandate else None,
                    person_id=mandate.person_id if mandate else None,
                    holder=name or "",
                    organization=org or ("" if mandate is None else _("à titre de résident·e")),
                    start_date=mandate.start_date if mandate else None,
                    end_date=mandate.end_date if mandate else None,
                    origin_label=label(mandate.origin, MandateOrigin) if mandate else "",
                )
            )
        return rows


def _line(session: Session, query) -> list[MandateLine]:
    org = aliased(Organization)
    rows = session.execute(
        query.add_columns(Seat.body, Seat.label, Seat.role, person_name_sql(), org.name)
        .join(Seat, Seat.id == Mandate.seat_id)
        .join(Person, Person.id == Mandate.person_id)
        .outerjoin(org, org.id == Mandate.organization_id)
    )
    return [
        MandateLine(
            m.id,
            body,
            seat_label,
            label(role, SeatRole),
            m.person_id,
            name,
            org_name or "",
            m.start_date,
            m.end_date,
            label(m.origin, MandateOrigin),
        )
        for m, body, seat_label, role, name, org_name in rows
    ]


def terms_ending(db: Database, today: date, days: int = TERMS_ENDING_DAYS) -> list[MandateLine]:
    """Mandates ending from ``today`` to ``days`` later, soonest first (the dashboard's card)."""
    query = (
        select(Mandate)
        .where(Mandate.end_date >= today, Mandate.end_date <= today + timedelta(days=days))
        .order_by(Mandate.end_date, Mandate.id)
    )
    with db.session() as session:
        return _line(session, query)


def history(
    db: Database, *, person_id: int | None = None, body: str | None = None
) -> list[MandateLine]:
    """Who sat where and when: every mandate of one person or of one body, oldest first."""
    query = select(Mandate).order_by(Mandate.start_date, Mandate.id)
    if person_id is not None:
        query = query.where(Mandate.person_id == person_id)
    with db.session() as session:
        lines = _line(session, query)
    return [line for line in lines if body is None or line.body == body]


def composition(db: Database, body: str, day: date) -> list[SeatRow]:
    """The seats of ``body`` held on ``day`` (for the annual report and the bottin)."""
    return [row for row in list_seats(db, body, day) if row.mandate_id is not None]


def meeting_choices(db: Database, body: str = "AG") -> list[Choice]:
    """Assemblies a mandate may say it was elected at, latest first."""
    with db.session() as session:
        rows = session.execute(
            select(Meeting.id, Meeting.title, Meeting.date)
            .where(Meeting.body == body)
            .order_by(Meeting.date.desc())
        ).all()
    return [Choice(mid, f"{title} ({format_date(day)})") for mid, title, day in rows]
