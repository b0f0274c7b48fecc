"""Meetings with their agenda, attendance, resolutions and follow-ups."""

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
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, Versioned, enum_check
from .enums import (
    AgendaItemKind,
    AttendanceStatus,
    FollowUpStatus,
    MeetingKind,
    MeetingStatus,
    ParticipationFormat,
    ResolutionOutcome,
    Sector,
)


class Meeting(Versioned, Timestamped, Base):
    """Rencontre: an assembly, a committee, a chantier meeting or a participation activity."""

    __tablename__ = "meeting"
    __table_args__ = (
        enum_check("kind", MeetingKind),
        enum_check("status", MeetingStatus),
        CheckConstraint(
            "participation_format IS NULL OR participation_format IN ("
            + ", ".join(f"'{f.value}'" for f in ParticipationFormat)
            + ")",
            name="participation_format_valid",
        ),
        CheckConstraint(
            "end_time IS NULL OR start_time IS NULL OR end_time > start_time",
            name="times_ordered",
        ),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    body: Mapped[str] = mapped_column(String(16), index=True)
    title: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    place: Mapped[str | None] = mapped_column(String(300))
    chantier_id: Mapped[int | None] = mapped_column(
        ForeignKey("chantier.id", ondelete="SET NULL"), index=True
    )
    participation_format: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=MeetingStatus.PLANNED.value)
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    notes: Mapped[str | None] = mapped_column(Text)
    minutes_approved_on: Mapped[dt.date | None] = mapped_column(Date)
    minutes_approved_by_meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL")
    )

    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    attendances: Mapped[list[Attendance]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )
    participant_counts: Mapped[list[ParticipantCount]] = relationship(cascade="all, delete-orphan")


class ParticipantCount(Base):
    """Anonymous participants of an activity, counted by sector."""

    __tablename__ = "participant_count"
    __table_args__ = (
        enum_check("sector", Sector),
        CheckConstraint("count >= 0", name="count_positive"),
        UniqueConstraint("meeting_id", "sector"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    sector: Mapped[str] = mapped_column(String(32))
    count: Mapped[int] = mapped_column(Integer, default=0)


class AgendaItem(Base):
    """Point à l'ordre du jour, with its minutes."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        enum_check("kind", AgendaItemKind),
        CheckConstraint("planned_minutes IS NULL OR planned_minutes >= 0", name="minutes_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32), default=AgendaItemKind.INFORMATION.value)
    presenter_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    planned_minutes: Mapped[int | None] = mapped_column(Integer)
    minutes_text: Mapped[str | None] = mapped_column(Text)

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class Attendance(Base):
    """Présence: who was invited and came, for whom, with or without a vote."""

    __tablename__ = "attendance"
    __table_args__ = (
        enum_check("status", AttendanceStatus),
        UniqueConstraint("meeting_id", "person_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=AttendanceStatus.INVITED.value)
    invited: Mapped[bool] = mapped_column(Boolean, default=True)
    voting: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")


class Resolution(Timestamped, Base):
    """Résolution: a numbered decision such as ``CC-2026-014``."""

    __tablename__ = "resolution"
    __table_args__ = (
        enum_check("outcome", ResolutionOutcome),
        UniqueConstraint("body", "year", "sequence"),
        CheckConstraint("sequence > 0", name="sequence_positive"),
        CheckConstraint(
            "votes_for >= 0 AND votes_against >= 0 AND abstentions >= 0", name="votes_positive"
        ),
        CheckConstraint(
            "moved_by_id IS NULL OR seconded_by_id IS NULL OR moved_by_id <> seconded_by_id",
            name="mover_not_seconder",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="RESTRICT"), index=True
    )
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(String(16))
    year: Mapped[int] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    text: Mapped[str | None] = mapped_column(Text)
    moved_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    seconded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    outcome: Mapped[str] = mapped_column(String(16), default=ResolutionOutcome.ADOPTED.value)
    votes_for: Mapped[int] = mapped_column(Integer, default=0)
    votes_against: Mapped[int] = mapped_column(Integer, default=0)
    abstentions: Mapped[int] = mapped_column(Integer, default=0)
    means_id: Mapped[int | None] = mapped_column(ForeignKey("means.id", ondelete="SET NULL"))


class ResolutionCounter(Base):
    """Highest number ever given per body and year, so numbers stay unique after deletions."""

    __tablename__ = "resolution_counter"

    body: Mapped[str] = mapped_column(String(16), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)


class FollowUp(Versioned, Timestamped, Base):
    """Suivi: an action owed after a meeting."""

    __tablename__ = "follow_up"
    __table_args__ = (
        enum_check("status", FollowUpStatus),
        CheckConstraint("length(trim(description)) > 0", name="description_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    resolution_id: Mapped[int | None] = mapped_column(
        ForeignKey("resolution.id", ondelete="SET NULL")
    )
    body: Mapped[str | None] = mapped_column(String(16), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    owner_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    chantier_id: Mapped[int | None] = mapped_column(
        ForeignKey("chantier.id", ondelete="SET NULL"), index=True
    )
    means_id: Mapped[int | None] = mapped_column(ForeignKey("means.id", ondelete="SET NULL"))
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(16), default=FollowUpStatus.OPEN.value, index=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
