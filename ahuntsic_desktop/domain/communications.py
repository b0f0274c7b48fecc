"""Communications by email: the message templates (modèles de courriel) and the outbox
(boîte d'envoi), one message per recipient, which is also the history of what was sent.

A message keeps its own ``message_id`` (the ``Message-ID`` header) from the moment it is
queued: sending it again after a failure never makes a second, different message.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Timestamped, enum_check


class MessageStatus(StrEnum):
    QUEUED = "en_attente"
    SENT = "envoye"
    FAILED = "echec"
    CANCELLED = "annule"


class TemplateLanguage(StrEnum):
    FRENCH = "fr"
    ENGLISH = "en"


class MessageTemplate(Timestamped, Base):
    """Modèle de courriel: a subject and a body with fields such as ``{prenom}``."""

    __tablename__ = "message_template"
    __table_args__ = (
        enum_check("language", TemplateLanguage),
        UniqueConstraint("name", "language"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(2), default=TemplateLanguage.FRENCH.value)
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)


class OutboxMessage(Base):
    """One message to one person: waiting, sent, failed (with the server's answer) or
    cancelled (the person withdrew their consent before it left)."""

    __tablename__ = "outbox_message"
    __table_args__ = (enum_check("status", MessageStatus),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )
    address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    attachments: Mapped[list] = mapped_column(JSON, default=list)
    # A mass message goes only to people whose email consent is in force when it leaves.
    mass: Mapped[bool] = mapped_column(Boolean, default=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), default=MessageStatus.QUEUED.value, index=True)
    server_answer: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    queued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
