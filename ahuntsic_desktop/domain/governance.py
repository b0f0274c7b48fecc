"""Governance: the seats of a body (instance), the mandates that fill them, and the
elections an assembly holds to fill them.

A body is named by the code its meetings and resolutions already carry (``Meeting.body``:
``CC``, ``AH``...); a chantier's roster stays in :class:`Assignment`. A seat is a place on
the body (role, college); a mandate is one person holding it from one date to another.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Timestamped, enum_check
from .enums import ElectionMethod, MandateOrigin, SeatCollege, SeatRole


class Seat(Timestamped, Base):
    """Siège: one place on a body, with its role and, where the by-laws reserve it, a college."""

    __tablename__ = "seat"
    __table_args__ = (
        enum_check("role", SeatRole),
        CheckConstraint(
            "college IS NULL OR college IN ("
            + ", ".join(f"'{c.value}'" for c in SeatCollege)
            + ")",
            name="college_valid",
        ),
        CheckConstraint("length(trim(label)) > 0", name="label_not_blank"),
        UniqueConstraint("body", "label"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    body: Mapped[str] = mapped_column(String(16), index=True)
    label: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32), default=SeatRole.MEMBER.value)
    college: Mapped[str | None] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer, default=0)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)


class Mandate(Timestamped, Base):
    """Mandat: a person holding a seat from ``start_date`` to ``end_date`` (included)."""

    __tablename__ = "mandate"
    __table_args__ = (
        enum_check("origin", MandateOrigin),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seat_id: Mapped[int] = mapped_column(ForeignKey("seat.id", ondelete="RESTRICT"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    # The organisation the person sits for; none for a resident.
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL")
    )
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(String(32), default=MandateOrigin.ELECTED.value)
    elected_at_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )
    notes: Mapped[str | None] = mapped_column(Text)


class Election(Timestamped, Base):
    """Élection: the seats of a body filled at an assembly."""

    __tablename__ = "election"
    __table_args__ = (
        enum_check("method", ElectionMethod),
        UniqueConstraint("meeting_id", "body"),
        CheckConstraint("voters >= 0", name="voters_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(String(16))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    method: Mapped[str] = mapped_column(String(32), default=ElectionMethod.ACCLAMATION.value)
    voters: Mapped[int] = mapped_column(Integer, default=0)
    mandate_years: Mapped[int] = mapped_column(Integer, default=2)
    resolution_id: Mapped[int | None] = mapped_column(
        ForeignKey("resolution.id", ondelete="SET NULL")
    )
    closed: Mapped[bool] = mapped_column(Boolean, default=False)


class Candidacy(Base):
    """Candidature: a person proposed and seconded for a seat of an election."""

    __tablename__ = "candidacy"
    __table_args__ = (
        UniqueConstraint("election_id", "person_id"),
        CheckConstraint("votes >= 0", name="votes_positive"),
        CheckConstraint(
            "proposed_by_id IS NULL OR seconded_by_id IS NULL OR proposed_by_id <> seconded_by_id",
            name="proposer_not_seconder",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    election_id: Mapped[int] = mapped_column(
        ForeignKey("election.id", ondelete="CASCADE"), index=True
    )
    seat_id: Mapped[int] = mapped_column(ForeignKey("seat.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL")
    )
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    seconded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    votes: Mapped[int] = mapped_column(Integer, default=0)
    elected: Mapped[bool] = mapped_column(Boolean, default=False)
