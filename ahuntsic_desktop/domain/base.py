"""Declarative base, naming convention and column helpers shared by all models."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, DateTime, Integer, MetaData, String, event, func
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, declared_attr, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


@event.listens_for(Mapper, "before_configured")
def _every_model() -> None:
    """A model imported from its own module (``domain.meetings``) names others in its
    relationships and foreign keys: have them all registered (the package's face loads
    them on first use) before the ORM resolves those names."""
    from . import models  # noqa: F401


class Timestamped:
    """Creation and last-change instants, set by the database."""

    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.now(), onupdate=func.now()
    )


class Versioned:
    """Optimistic locking: ``version`` goes up by one at every save, and a save made from
    an older read changes nothing (SQLAlchemy's ``version_id_col``: the UPDATE names the
    version it read; the store turns "no row matched" into a ConflictError)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}


def enum_column(enum: type[StrEnum], **kwargs) -> Mapped:
    """A short string column holding an enum's value (CHECK added by :func:`enum_check`)."""
    return mapped_column(String(32), **kwargs)


def enum_check(column: str, enum: type[StrEnum], name: str | None = None) -> CheckConstraint:
    values = ", ".join(f"'{member.value}'" for member in enum)
    return CheckConstraint(f"{column} IN ({values})", name=name or f"{column}_valid")


def name_key(text: str | None) -> str | None:
    """The key under which two names count as the same: case and spacing ignored."""
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
