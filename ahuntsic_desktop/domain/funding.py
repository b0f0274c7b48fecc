"""Funding agreements and the reports owed to funders."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped
from .people import Organization, Person


class FundingAgreement(Timestamped, Base):
    """Entente de financement: funder, programme, amount and period."""

    __tablename__ = "funding_agreement"
    __table_args__ = (
        CheckConstraint("amount_cents >= 0", name="amount_positive"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
        CheckConstraint("length(trim(programme)) > 0", name="programme_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    funder_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    programme: Mapped[str] = mapped_column(String(200))
    amount_cents: Mapped[int] = mapped_column(Integer, default=0)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    conditions: Mapped[str | None] = mapped_column(Text)
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL")
    )
    notes: Mapped[str | None] = mapped_column(Text)

    funder: Mapped[Organization] = relationship()
    contact_person: Mapped[Person | None] = relationship()
    deadlines: Mapped[list[ReportingDeadline]] = relationship(
        back_populates="agreement",
        cascade="all, delete-orphan",
        order_by="ReportingDeadline.due_date",
    )


class ReportingDeadline(Base):
    """Reddition de comptes: a report owed to a funder."""

    __tablename__ = "reporting_deadline"
    __table_args__ = (CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("funding_agreement.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    due_date: Mapped[date] = mapped_column(Date, index=True)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    agreement: Mapped[FundingAgreement] = relationship(back_populates="deadlines")
