"""Organisations, persons and who represents whom."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from ..text import fold_for_key
from .base import Base, Timestamped, Versioned, enum_check, name_key
from .enums import PartnerKind, RepresentationRole, Sector


def name_key_default(column: str):
    def default(context) -> str | None:
        return name_key(context.get_current_parameters().get(column))

    return default


def folded_default(column: str):
    """The folded key of ``column`` for a row inserted without it (Core inserts: imports,
    demo data)."""

    def default(context) -> str:
        return fold_for_key(context.get_current_parameters().get(column))

    return default


class Organization(Versioned, Timestamped, Base):
    """Organisme: a community group, institution, borough, school, business or funder."""

    __tablename__ = "organization"
    __table_args__ = (
        enum_check("sector", Sector),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(
        String(200), unique=True, default=name_key_default("name")
    )
    acronym: Mapped[str | None] = mapped_column(String(40))
    sector: Mapped[str] = mapped_column(String(32), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    website: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(300))
    city: Mapped[str | None] = mapped_column(String(100))
    postal_code: Mapped[str | None] = mapped_column(String(7))
    notes: Mapped[str | None] = mapped_column(Text)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    representations: Mapped[list[Representation]] = relationship(back_populates="organization")
    partner_roles: Mapped[list[PartnerRole]] = relationship(
        back_populates="organization", cascade="all, delete-orphan"
    )

    @validates("name")
    def _sync_key(self, _key: str, value: str) -> str:
        self.name_key = name_key(value)
        return value


class Person(Versioned, Timestamped, Base):
    """Personne: an individual; a resident when not attached to an organisation."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint(
            "length(trim(first_name)) > 0 OR length(trim(last_name)) > 0", name="name_not_blank"
        ),
        CheckConstraint(
            "sector IS NULL OR sector IN (" + ", ".join(f"'{s.value}'" for s in Sector) + ")",
            name="sector_valid",
        ),
        Index("ix_person_sort", "last_name", "first_name"),
        # the first rows of the persons list, in its order, straight from the index
        Index("ix_person_sort_key", "archived_at", "sort_last", "sort_first"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(100), default="")
    # the names folded as the lists sort them (text.fold_for_key), kept by the store so the
    # first rows in French order come from an index (the persons list shows them while it
    # reads the rest); "C" on PostgreSQL: code point order, as Python sorts
    sort_last: Mapped[str | None] = mapped_column(
        String(100).with_variant(String(100, collation="C"), "postgresql"),
        default=folded_default("last_name"),
    )
    sort_first: Mapped[str | None] = mapped_column(
        String(100).with_variant(String(100, collation="C"), "postgresql"),
        default=folded_default("first_name"),
    )
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(7))
    is_resident: Mapped[bool] = mapped_column(Boolean, default=False)
    sector: Mapped[str | None] = mapped_column(String(32))
    is_elected: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    archived_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    anonymized_at: Mapped[datetime | None] = mapped_column(DateTime)

    representations: Mapped[list[Representation]] = relationship(back_populates="person")

    @validates("last_name", "first_name")
    def _sync_sort_keys(self, key: str, value: str) -> str:
        if key == "last_name":
            self.sort_last = fold_for_key(value)
        else:
            self.sort_first = fold_for_key(value)
        return value

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Representation(Base):
    """Représentation: a person speaking for an organisation from one date to another."""

    __tablename__ = "representation"
    __table_args__ = (
        enum_check("role", RepresentationRole),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_ordered"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(32))
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="representations")
    organization: Mapped[Organization] = relationship(back_populates="representations")


class PartnerRole(Base):
    """Partenaire / Bailleur de fonds: how an organisation supports the table."""

    __tablename__ = "partner_role"
    __table_args__ = (enum_check("kind", PartnerKind),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    since: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)

    organization: Mapped[Organization] = relationship(back_populates="partner_roles")
