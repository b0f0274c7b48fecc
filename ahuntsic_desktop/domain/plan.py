"""The strategic action plan: plans, pillars, chantiers, orientations, means, targets,
and who sits on which chantier."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, enum_check
from .enums import AssignmentRole, Evaluation, PlanStatus


def _nullable_enum_check(column: str, enum, name: str) -> CheckConstraint:
    values = ", ".join(f"'{m.value}'" for m in enum)
    return CheckConstraint(f"{column} IS NULL OR {column} IN ({values})", name=name)


class ActionPlan(Timestamped, Base):
    """Plan d'action: a multi-year plan with its vision."""

    __tablename__ = "action_plan"
    __table_args__ = (
        CheckConstraint("end_year >= start_year", name="years_ordered"),
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(200), unique=True)
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    vision: Mapped[str | None] = mapped_column(Text)

    pillars: Mapped[list[Pillar]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Pillar.position"
    )
    chantiers: Mapped[list[Chantier]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Chantier.position"
    )


class Pillar(Base):
    """Pilier stratégique: top level of a plan."""

    __tablename__ = "pillar"
    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)

    plan: Mapped[ActionPlan] = relationship(back_populates="pillars")


class Chantier(Base):
    """Chantier: a work stream anyone may join, under a pillar (or directly under a plan)."""

    __tablename__ = "chantier"
    __table_args__ = (UniqueConstraint("plan_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan.id", ondelete="CASCADE"), index=True
    )
    pillar_id: Mapped[int | None] = mapped_column(
        ForeignKey("pillar.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    mandate: Mapped[str | None] = mapped_column(Text)

    plan: Mapped[ActionPlan] = relationship(back_populates="chantiers")
    pillar: Mapped[Pillar | None] = relationship()


class Orientation(Base):
    """Orientation: an objective of a chantier, or of a pillar."""

    __tablename__ = "orientation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("action_plan.id", ondelete="CASCADE"), index=True
    )
    pillar_id: Mapped[int | None] = mapped_column(
        ForeignKey("pillar.id", ondelete="SET NULL"), index=True
    )
    chantier_id: Mapped[int | None] = mapped_column(
        ForeignKey("chantier.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)


class Means(Base):
    """Moyen / Stratégie d'action: a concrete action under an orientation."""

    __tablename__ = "means"
    __table_args__ = (
        enum_check("status", PlanStatus),
        _nullable_enum_check("evaluation", Evaluation, "evaluation_valid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    orientation_id: Mapped[int] = mapped_column(
        ForeignKey("orientation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(32), default=PlanStatus.TODO.value)
    evaluation: Mapped[str | None] = mapped_column(String(32))
    comment: Mapped[str | None] = mapped_column(Text)
    status_date: Mapped[date | None] = mapped_column(Date)


class Target(Base):
    """Cible: a measurable target with indicator, target and actual value, evaluation."""

    __tablename__ = "target"
    __table_args__ = (
        enum_check("status", PlanStatus),
        _nullable_enum_check("evaluation", Evaluation, "evaluation_valid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    orientation_id: Mapped[int] = mapped_column(
        ForeignKey("orientation.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(300))
    indicator: Mapped[str | None] = mapped_column(String(300))
    target_value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2, asdecimal=True))
    actual_value: Mapped[Decimal | None] = mapped_column(Numeric(14, 2, asdecimal=True))
    unit: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(32), default=PlanStatus.TODO.value)
    evaluation: Mapped[str | None] = mapped_column(String(32))
    comment: Mapped[str | None] = mapped_column(Text)
    status_date: Mapped[date | None] = mapped_column(Date)


class Assignment(Base):
    """Affectation: a person (for an organisation) in a chantier, with a role."""

    __tablename__ = "assignment"
    __table_args__ = (
        enum_check("role", AssignmentRole),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"), index=True)
    chantier_id: Mapped[int] = mapped_column(
        ForeignKey("chantier.id", ondelete="CASCADE"), index=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL")
    )
    role: Mapped[str] = mapped_column(String(32), default=AssignmentRole.MEMBER.value)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
