"""Funding applications (demandes de financement) and the instalments of an agreement."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, enum_check, enum_column
from .funding import FundingAgreement
from .people import Organization, Person


class ApplicationStatus(StrEnum):
    PREPARING = "en_preparation"
    SUBMITTED = "deposee"
    ACCEPTED = "acceptee"
    PARTLY_ACCEPTED = "acceptee_en_partie"
    REFUSED = "refusee"
    WITHDRAWN = "retiree"


class FundingApplication(Timestamped, Base):
    """Demande de financement: what was asked of a funder, and what it decided."""

    __tablename__ = "funding_application"
    __table_args__ = (
        enum_check("status", ApplicationStatus),
        CheckConstraint("amount_requested_cents >= 0", name="requested_positive"),
        CheckConstraint(
            "amount_granted_cents IS NULL OR amount_granted_cents >= 0", name="granted_positive"
        ),
        CheckConstraint(
            "period_end IS NULL OR period_start IS NULL OR period_end >= period_start",
            name="period_ordered",
        ),
        CheckConstraint("length(trim(programme)) > 0", name="programme_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    funder_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    programme: Mapped[str] = mapped_column(String(200))
    chantier_id: Mapped[int | None] = mapped_column(
        ForeignKey("chantier.id", ondelete="SET NULL"), index=True
    )
    project: Mapped[str | None] = mapped_column(String(200))
    amount_requested_cents: Mapped[int] = mapped_column(Integer, default=0)
    amount_granted_cents: Mapped[int | None] = mapped_column(Integer)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = enum_column(ApplicationStatus, default=ApplicationStatus.PREPARING)
    submitted_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    conditions: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    agreement_id: Mapped[int | None] = mapped_column(
        ForeignKey("funding_agreement.id", ondelete="SET NULL"), index=True
    )
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )

    funder: Mapped[Organization] = relationship()
    agreement: Mapped[FundingAgreement | None] = relationship()
    contact_person: Mapped[Person | None] = relationship()
    documents: Mapped[list[FundingDocument]] = relationship(
        cascade="all, delete-orphan", order_by="FundingDocument.id"
    )


class FundingDocument(Base):
    """A document attached to an application: the path of a file on the secretariat's
    computer or shared drive (the file itself stays where it is)."""

    __tablename__ = "funding_document"
    __table_args__ = (CheckConstraint("length(trim(path)) > 0", name="path_not_blank"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("funding_application.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(String(1000))


class AgreementAllocation(Base):
    """Répartition: the part of an agreement that funds a chantier or a project."""

    __tablename__ = "agreement_allocation"
    __table_args__ = (CheckConstraint("amount_cents >= 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("funding_agreement.id", ondelete="CASCADE"), index=True
    )
    chantier_id: Mapped[int | None] = mapped_column(
        ForeignKey("chantier.id", ondelete="SET NULL"), index=True
    )
    project: Mapped[str | None] = mapped_column(String(200))
    amount_cents: Mapped[int] = mapped_column(Integer, default=0)


class FundingInstalment(Base):
    """Versement: an instalment expected from the funder, and what was received."""

    __tablename__ = "funding_instalment"
    __table_args__ = (
        CheckConstraint("expected_cents >= 0", name="expected_positive"),
        CheckConstraint("received_cents IS NULL OR received_cents >= 0", name="received_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("funding_agreement.id", ondelete="CASCADE"), index=True
    )
    due_date: Mapped[date] = mapped_column(Date, index=True)
    expected_cents: Mapped[int] = mapped_column(Integer, default=0)
    received_on: Mapped[date | None] = mapped_column(Date)
    received_cents: Mapped[int | None] = mapped_column(Integer)
    reference: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)

    agreement: Mapped[FundingAgreement] = relationship()
