"""Table-wide settings, and room for the audit trail and consent records."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, enum_check
from .enums import AuditAction, ConsentPurpose


class Setting(Base):
    """One table-wide setting, stored as JSON under a stable key."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class AuditEntry(Base):
    """One create, change, archive, merge or deletion, with what changed."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        enum_check("action", AuditAction),
        Index("ix_audit_entry_record", "entity", "entity_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now(), index=True)
    user: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    changes: Mapped[object | None] = mapped_column(JSON)


class Consent(Base):
    """A person's consent for one purpose, with its source and possible withdrawal."""

    __tablename__ = "consent"
    __table_args__ = (enum_check("purpose", ConsentPurpose),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[str] = mapped_column(String(32))
    granted_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(Text)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
