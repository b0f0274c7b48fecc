"""The evaluation of an ending plan: démarches intégrées and projets phares (each linked to
chantiers), a qualitative evaluation per chantier, the status of each orientation year by
year, the global evaluation's sections and recommendations, and the table's timeline."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, enum_check
from .enums import Evaluation, EvaluationSectionKey, PlanStatus, TimelineCategory
from .plan import Chantier


def _nullable_check(column: str, enum, name: str) -> CheckConstraint:
    values = ", ".join(f"'{m.value}'" for m in enum)
    return CheckConstraint(f"{column} IS NULL OR {column} IN ({values})", name=name)


def _link_table(name: str, owner: str) -> Table:
    return Table(
        name,
        Base.metadata,
        Column(
            f"{owner}_id",
            ForeignKey(f"{owner}.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("chantier_id", ForeignKey("chantier.id", ondelete="CASCADE"), primary_key=True),
    )


integrated_approach_chantier = _link_table("integrated_approach_chantier", "integrated_approach")
flagship_project_chantier = _link_table("flagship_project_chantier", "flagship_project")


class _EvaluatedWork(Timestamped):
    """What a démarche intégrée and a projet phare share."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    start_year: Mapped[int | None] = mapped_column(Integer)
    end_year: Mapped[int | None] = mapped_column(Integer)
    evaluation: Mapped[str | None] = mapped_column(String(32))
    evaluation_text: Mapped[str | None] = mapped_column(Text)


def _work_args() -> tuple:
    return (
        UniqueConstraint("plan_id", "title"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        CheckConstraint(
            "end_year IS NULL OR start_year IS NULL OR end_year >= start_year",
            name="years_ordered",
        ),
        _nullable_check("evaluation", Evaluation, "evaluation_valid"),
    )


class IntegratedApproach(_EvaluatedWork, Base):
    """Démarche intégrée: a cross-cutting approach of a plan, evaluated like a chantier."""

    __tablename__ = "integrated_approach"
    __table_args__ = _work_args()

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan.id", ondelete="CASCADE"), index=True
    )
    chantiers: Mapped[list[Chantier]] = relationship(
        secondary=integrated_approach_chantier, order_by="Chantier.position"
    )


class FlagshipProject(_EvaluatedWork, Base):
    """Projet phare: a major project born of a plan, evaluated."""

    __tablename__ = "flagship_project"
    __table_args__ = _work_args()

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan.id", ondelete="CASCADE"), index=True
    )
    chantiers: Mapped[list[Chantier]] = relationship(
        secondary=flagship_project_chantier, order_by="Chantier.position"
    )


class ChantierEvaluation(Timestamped, Base):
    """The qualitative evaluation of one chantier at the end of its plan."""

    __tablename__ = "chantier_evaluation"
    __table_args__ = (_nullable_check("evaluation", Evaluation, "evaluation_valid"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chantier_id: Mapped[int] = mapped_column(
        ForeignKey("chantier.id", ondelete="CASCADE"), unique=True
    )
    achievements: Mapped[str | None] = mapped_column(Text)
    challenges: Mapped[str | None] = mapped_column(Text)
    lessons: Mapped[str | None] = mapped_column(Text)
    evaluation: Mapped[str | None] = mapped_column(String(32))


class OrientationYearStatus(Base):
    """Where an orientation stood at the end of one year of its plan."""

    __tablename__ = "orientation_year_status"
    __table_args__ = (
        UniqueConstraint("orientation_id", "year"),
        enum_check("status", PlanStatus),
        CheckConstraint("year BETWEEN 1900 AND 2200", name="year_plausible"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    orientation_id: Mapped[int] = mapped_column(
        ForeignKey("orientation.id", ondelete="CASCADE"), index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(32))
    comment: Mapped[str | None] = mapped_column(Text)
    from_journal: Mapped[bool] = mapped_column(default=False)


class PlanEvaluationSection(Timestamped, Base):
    """One section of a plan's global evaluation: method, findings, strengths..."""

    __tablename__ = "plan_evaluation_section"
    __table_args__ = (UniqueConstraint("plan_id", "key"), enum_check("key", EvaluationSectionKey))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Recommendation(Timestamped, Base):
    """A recommendation of a plan's evaluation, which the next plan's orientations answer."""

    __tablename__ = "recommendation"
    __table_args__ = (CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)


class TimelineEvent(Timestamped, Base):
    """A milestone of the table's history: a day, or a year with an optional month."""

    __tablename__ = "timeline_event"
    __table_args__ = (
        enum_check("category", TimelineCategory),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        CheckConstraint("month IS NULL OR month BETWEEN 1 AND 12", name="month_valid"),
        CheckConstraint("year BETWEEN 1900 AND 2200", name="year_plausible"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    month: Mapped[int | None] = mapped_column(Integer)
    day: Mapped[date | None] = mapped_column(Date)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32))
