"""Québec's Law 25 records: requests about personal information and the register of
confidentiality incidents.

A request (access, rectification, erasure) must be answered within 30 days of its receipt.
The incident register holds what the *Règlement sur les incidents de confidentialité*
(art. 11) asks every organisation to keep, whether or not the incident presents a risk of
serious harm.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Timestamped, enum_check

RESPONSE_DAYS = 30  # Law 25: a request is answered within 30 days of its receipt


class RequestKind(StrEnum):
    ACCESS = "acces"
    RECTIFICATION = "rectification"
    ERASURE = "effacement"


class IncidentStatus(StrEnum):
    OPEN = "ouvert"
    CLOSED = "clos"


class AccessRequest(Timestamped, Base):
    """Demande d'accès (or of rectification, or of erasure) by a person about their file."""

    __tablename__ = "access_request"
    __table_args__ = (
        enum_check("kind", RequestKind),
        CheckConstraint("due_on >= received_on", name="due_after_receipt"),
        CheckConstraint(
            "completed_on IS NULL OR completed_on >= received_on", name="completed_after_receipt"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default=RequestKind.ACCESS.value)
    received_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date, index=True)
    completed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)


class PrivacyIncident(Timestamped, Base):
    """Incident de confidentialité: one entry of the register the Commission d'accès à
    l'information may ask to see."""

    __tablename__ = "privacy_incident"
    __table_args__ = (
        enum_check("status", IncidentStatus),
        CheckConstraint("length(trim(description)) > 0", name="description_not_blank"),
        CheckConstraint(
            "occurred_until IS NULL OR occurred_until >= occurred_on", name="period_ordered"
        ),
        CheckConstraint("learned_on >= occurred_on", name="learned_after_occurred"),
        CheckConstraint(
            "people_affected IS NULL OR people_affected >= 0", name="people_affected_positive"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Brief description of the circumstances.
    description: Mapped[str] = mapped_column(Text)
    # When it happened (or began, or an approximation), and when the table learned of it.
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    occurred_until: Mapped[date | None] = mapped_column(Date)
    learned_on: Mapped[date] = mapped_column(Date)
    # The personal information concerned (or why it cannot be described).
    information_concerned: Mapped[str | None] = mapped_column(Text)
    # How many people are concerned, or an approximation.
    people_affected: Mapped[int | None] = mapped_column(Integer)
    people_affected_estimated: Mapped[bool] = mapped_column(Boolean, default=False)
    # Risk of serious harm: None until assessed, then yes or no with the reasoning
    # (sensitivity, possible malicious uses, consequences and their likelihood).
    serious_harm: Mapped[bool | None] = mapped_column(Boolean)
    risk_assessment: Mapped[str | None] = mapped_column(Text)
    # Notices, when there is a risk of serious harm.
    commission_notified_on: Mapped[date | None] = mapped_column(Date)
    persons_notified_on: Mapped[date | None] = mapped_column(Date)
    public_notice: Mapped[str | None] = mapped_column(Text)
    # Measures taken to reduce the risk of harm.
    measures: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=IncidentStatus.OPEN.value)
