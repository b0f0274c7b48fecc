"""La démarche de planification: the multi-year process that evaluates one plan and produces
the next. Its frame (named text sections), phases, activities in the community with their
participants, what was said there (contributions, with themes and votes) and what was
concluded (syntheses, some of them the démarche's salient elements).

An activity may *be* an existing meeting of the participation kind (``meeting_id``): its
attendance and anonymous counts then count as the activity's participants too. The
steering committee is a body code, like a meeting's ``body``: its meetings are the
meetings of that body.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

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
from .enums import Sector


class PhaseStatus(StrEnum):
    PLANNED = "a_venir"
    IN_PROGRESS = "en_cours"
    DONE = "terminee"


class ContributionKind(StrEnum):
    FINDING = "constat"
    NEED = "besoin"
    IDEA = "idee"
    STRENGTH = "force"
    CHALLENGE = "defi"
    PROPOSAL = "proposition"


# The sections of a démarche's frame, in the order of the summary; other keys may be added.
FRAME_SECTIONS = (
    "mandat",
    "echeancier",
    "objectifs",
    "strategie_enquete",
    "approches",
    "methodologie",
    "principes",
    "phases",
    "portee_limites",
)


class PlanningProcess(Timestamped, Base):
    """Démarche de planification: title, dates, the plan it evaluates and the one it produces."""

    __tablename__ = "planning_process"
    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), unique=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    evaluated_plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_plan.id", ondelete="SET NULL"), index=True
    )
    produced_plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("action_plan.id", ondelete="SET NULL"), index=True
    )
    committee_body: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)


class ProcessSection(Base):
    """One named section of a démarche's frame: mandat, échéancier, objectifs..."""

    __tablename__ = "process_section"
    __table_args__ = (
        UniqueConstraint("process_id", "key"),
        CheckConstraint("length(trim(key)) > 0", name="key_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("planning_process.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProcessPhase(Base):
    """Phase of a démarche: dates, status and deliverables."""

    __tablename__ = "process_phase"
    __table_args__ = (
        enum_check("status", PhaseStatus),
        UniqueConstraint("process_id", "name"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("planning_process.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default=PhaseStatus.PLANNED.value)
    deliverables: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ActivityType(Base):
    """Type d'activité (micro-trottoir, atelier d'idéation...): a vocabulary the table edits."""

    __tablename__ = "activity_type"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProcessActivity(Timestamped, Base):
    """Activité de la démarche: a consultation event, possibly one of the meetings."""

    __tablename__ = "process_activity"
    __table_args__ = (CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("planning_process.id", ondelete="CASCADE"), index=True
    )
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("process_phase.id", ondelete="SET NULL"), index=True
    )
    type_id: Mapped[int] = mapped_column(
        ForeignKey("activity_type.id", ondelete="RESTRICT"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    place: Mapped[str | None] = mapped_column(String(300))
    facilitators: Mapped[str | None] = mapped_column(Text)
    target_population: Mapped[str | None] = mapped_column(Text)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), unique=True
    )
    notes: Mapped[str | None] = mapped_column(Text)


class ActivityParticipant(Base):
    """A named person who took part in an activity."""

    __tablename__ = "activity_participant"
    __table_args__ = (UniqueConstraint("activity_id", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("process_activity.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)


class ActivityHeadcount(Base):
    """Anonymous participants of an activity, counted by sector and population."""

    __tablename__ = "activity_headcount"
    __table_args__ = (
        enum_check("sector", Sector),
        CheckConstraint("count >= 0", name="count_positive"),
        UniqueConstraint("activity_id", "sector", "population"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("process_activity.id", ondelete="CASCADE"), index=True
    )
    sector: Mapped[str] = mapped_column(String(32))
    population: Mapped[str] = mapped_column(String(200), default="")
    count: Mapped[int] = mapped_column(Integer, default=0)


class Theme(Base):
    """Thème: a vocabulary the table edits, to code contributions and syntheses."""

    __tablename__ = "theme"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Contribution(Timestamped, Base):
    """What was said or proposed at an activity. Anonymous unless ``person_id`` is set,
    which the service allows only with the person's consent."""

    __tablename__ = "contribution"
    __table_args__ = (
        enum_check("kind", ContributionKind),
        CheckConstraint("votes >= 0", name="votes_positive"),
        CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    activity_id: Mapped[int] = mapped_column(
        ForeignKey("process_activity.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default=ContributionKind.IDEA.value)
    population: Mapped[str | None] = mapped_column(String(200))
    votes: Mapped[int] = mapped_column(Integer, default=0)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class ContributionTheme(Base):
    __tablename__ = "contribution_theme"

    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contribution.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(
        ForeignKey("theme.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Synthesis(Timestamped, Base):
    """Synthèse: what a phase or a theme concluded; ``salient`` marks an élément saillant."""

    __tablename__ = "synthesis"
    __table_args__ = (CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("planning_process.id", ondelete="CASCADE"), index=True
    )
    phase_id: Mapped[int | None] = mapped_column(
        ForeignKey("process_phase.id", ondelete="SET NULL"), index=True
    )
    theme_id: Mapped[int | None] = mapped_column(
        ForeignKey("theme.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str | None] = mapped_column(Text)
    salient: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class SynthesisContribution(Base):
    __tablename__ = "synthesis_contribution"

    synthesis_id: Mapped[int] = mapped_column(
        ForeignKey("synthesis.id", ondelete="CASCADE"), primary_key=True
    )
    contribution_id: Mapped[int] = mapped_column(
        ForeignKey("contribution.id", ondelete="CASCADE"), primary_key=True, index=True
    )
