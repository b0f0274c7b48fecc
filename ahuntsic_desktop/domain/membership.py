"""Membership categories and yearly memberships with their dues."""

from __future__ import annotations

from datetime import date

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
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from .base import Base, Timestamped, name_key
from .enums import PaymentMethod
from .people import Organization, Person, name_key_default


class MembershipCategory(Base):
    """Catégorie de membre: régulier, associé, observateur, citoyen...; says who votes."""

    __tablename__ = "membership_category"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint("default_dues_cents >= 0", name="dues_positive"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    name_key: Mapped[str] = mapped_column(
        String(100), unique=True, default=name_key_default("name")
    )
    voting: Mapped[bool] = mapped_column(Boolean, default=True)
    default_dues_cents: Mapped[int] = mapped_column(Integer, default=0)
    for_persons: Mapped[bool] = mapped_column(Boolean, default=True)
    for_organizations: Mapped[bool] = mapped_column(Boolean, default=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    @validates("name")
    def _sync_key(self, _key: str, value: str) -> str:
        self.name_key = name_key(value)
        return value


class Membership(Timestamped, Base):
    """Adhésion: one member (organisation or person) for one membership year.

    ``year`` is the calendar year in which the membership year starts (the start month is a
    setting): 2026 means April 2026 to March 2027 when the year starts in April.
    """

    __tablename__ = "membership"
    __table_args__ = (
        CheckConstraint("(organization_id IS NULL) <> (person_id IS NULL)", name="one_member"),
        CheckConstraint("dues_cents >= 0", name="dues_positive"),
        CheckConstraint("year BETWEEN 1900 AND 2200", name="year_range"),
        CheckConstraint(
            "payment_method IS NULL OR payment_method IN ("
            + ", ".join(f"'{m.value}'" for m in PaymentMethod)
            + ")",
            name="payment_method_valid",
        ),
        CheckConstraint(
            "paid_on IS NOT NULL OR payment_method IS NULL", name="method_needs_payment"
        ),
        # One membership per member and year (NULLs are distinct: each binds its own side).
        UniqueConstraint("organization_id", "year"),
        UniqueConstraint("person_id", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="RESTRICT"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="RESTRICT"), index=True
    )
    year: Mapped[int] = mapped_column(Integer, index=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("membership_category.id", ondelete="RESTRICT"), index=True
    )
    dues_cents: Mapped[int] = mapped_column(Integer, default=0)
    paid_on: Mapped[date | None] = mapped_column(Date)
    payment_method: Mapped[str | None] = mapped_column(String(32))
    receipt_number: Mapped[str | None] = mapped_column(String(40), unique=True)
    notes: Mapped[str | None] = mapped_column(Text)

    organization: Mapped[Organization | None] = relationship()
    person: Mapped[Person | None] = relationship()
    category: Mapped[MembershipCategory] = relationship()


class ReceiptCounter(Base):
    """Highest receipt number ever given per payment year, so a number once printed is
    never given again, even after its membership is deleted or merged away."""

    __tablename__ = "receipt_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_sequence: Mapped[int] = mapped_column(Integer, default=0)
