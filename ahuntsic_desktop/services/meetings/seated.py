"""Who sits on a body with seats (the CC, an ad hoc committee) on a given day.

A meeting of such a body convenes its seat holders, and its quorum counts them: a voting
seat is one vote, held by the person whose mandate covers the meeting's date. The seats and
mandates themselves are edited in :mod:`ahuntsic_desktop.services.governance`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...domain import Mandate, Meeting, Seat
from ...domain.enums import MeetingKind, SeatRole

# Assemblies count members in good standing; chantiers their roster (assignments).
SEATED_KINDS = frozenset({MeetingKind.COORDINATION.value, MeetingKind.AD_HOC.value})


@dataclass(frozen=True)
class SeatedMember:
    seat_id: int
    person_id: int
    organization_id: int | None
    voting: bool


def mandate_current(day: date):
    """A mandate covering ``day`` (start and end included)."""
    return (
        Mandate.start_date <= day,
        or_(Mandate.end_date.is_(None), Mandate.end_date >= day),
    )


def seated_members(session: Session, body: str, day: date) -> list[SeatedMember]:
    """The holders of the seats of ``body`` on ``day``, in seat order."""
    rows = session.execute(
        select(Seat.id, Seat.role, Mandate.person_id, Mandate.organization_id)
        .join(Mandate, Mandate.seat_id == Seat.id)
        .where(Seat.body == body, *mandate_current(day))
        .order_by(Seat.position, Seat.id)
    )
    return [
        SeatedMember(seat_id, person_id, org_id, role != SeatRole.OBSERVER.value)
        for seat_id, role, person_id, org_id in rows
    ]


def body_has_seats(session: Session, body: str) -> bool:
    return session.scalar(select(Seat.id).where(Seat.body == body).limit(1)) is not None


def uses_seats(session: Session, meeting: Meeting) -> bool:
    """Whether ``meeting`` convenes and counts the seats of its body."""
    return meeting.kind in SEATED_KINDS and body_has_seats(session, meeting.body)
