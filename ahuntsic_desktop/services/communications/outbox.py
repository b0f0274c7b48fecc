"""The outbox (boîte d'envoi): one message per recipient, waiting until the user sends
it, then sent or failed with the server's answer. It is also the history of what was sent
to a person (their page, the access report).

A message's ``Message-ID`` is made once, when it is queued: a retry after a failure sends
the same message again, never a second one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import make_msgid

from sqlalchemy import func, select, update

from ...domain import MessageStatus, OutboxMessage
from ...i18n import N_, _
from ...store import Database
from ..core import ValidationError
from .composing import Draft

STATUS_LABELS = {
    MessageStatus.QUEUED.value: N_("En attente"),
    MessageStatus.SENT.value: N_("Envoyé"),
    MessageStatus.FAILED.value: N_("Échec"),
    MessageStatus.CANCELLED.value: N_("Annulé"),
}
WITHDRAWN_ANSWER = N_("Annulé : consentement au contact par courriel retiré")


@dataclass(frozen=True)
class OutboxLine:
    id: int
    person_id: int | None
    address: str
    subject: str
    status: str
    server_answer: str
    attempts: int
    queued_at: dt.datetime
    sent_at: dt.datetime | None
    attachments: tuple[str, ...]
    message_id: str

    @property
    def status_label(self) -> str:
        return _(STATUS_LABELS.get(self.status, self.status))


def sender_domain(sender: str | None) -> str:
    if sender and "@" in sender:
        return sender.rsplit("@", 1)[1]
    return "ahuntsic-desktop.invalid"


def queue(
    db: Database,
    drafts: Iterable[Draft],
    *,
    now: dt.datetime,
    attachments: Iterable[str] = (),
    meeting_id: int | None = None,
    mass: bool = True,
    sender: str | None = None,
) -> list[int]:
    """Put one message per draft in the outbox (status « en attente »); returns their ids."""
    files = [str(a) for a in attachments]
    wanted = list(drafts)
    if not wanted:
        raise ValidationError(_("Aucun destinataire : aucun message n'a été mis en attente."))
    domain = sender_domain(sender)
    with db.session() as session:
        rows = [
            OutboxMessage(
                person_id=d.person_id,
                address=d.address,
                subject=d.subject,
                body=d.body,
                attachments=files,
                mass=mass,
                meeting_id=meeting_id,
                status=MessageStatus.QUEUED.value,
                attempts=0,
                message_id=make_msgid(domain=domain),
                queued_at=now,
            )
            for d in wanted
        ]
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]


def _line(m: OutboxMessage) -> OutboxLine:
    return OutboxLine(
        m.id,
        m.person_id,
        m.address,
        m.subject,
        m.status,
        m.server_answer or "",
        m.attempts,
        m.queued_at,
        m.sent_at,
        tuple(m.attachments or ()),
        m.message_id,
    )


def list_outbox(db: Database, statuses: Iterable[str] | None = None) -> list[OutboxLine]:
    """The outbox, newest first; only ``statuses`` when given."""
    stmt = select(OutboxMessage).order_by(OutboxMessage.queued_at.desc(), OutboxMessage.id.desc())
    if statuses is not None:
        stmt = stmt.where(OutboxMessage.status.in_(list(statuses)))
    with db.session() as session:
        return [_line(m) for m in session.scalars(stmt).all()]


def get_message(db: Database, message_id: int) -> OutboxMessage | None:
    """The full stored message (for sending or saving): detached, read only."""
    with db.session() as session:
        found = session.get(OutboxMessage, message_id)
        if found is not None:
            session.expunge(found)
        return found


def person_history(db: Database, person_id: int) -> list[OutboxLine]:
    """What was sent (or is waiting) to a person, newest first."""
    stmt = (
        select(OutboxMessage)
        .where(OutboxMessage.person_id == person_id)
        .order_by(OutboxMessage.queued_at.desc(), OutboxMessage.id.desc())
    )
    with db.session() as session:
        return [_line(m) for m in session.scalars(stmt).all()]


def counts(db: Database) -> dict[str, int]:
    with db.session() as session:
        rows = session.execute(
            select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
        ).all()
    return {status: n for status, n in rows}


def cancel(db: Database, message_ids: Iterable[int]) -> int:
    """Take waiting or failed messages out of the outbox (kept in the history as cancelled)."""
    ids = list(message_ids)
    with db.session() as session:
        result = session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id.in_(ids),
                OutboxMessage.status.in_([MessageStatus.QUEUED.value, MessageStatus.FAILED.value]),
            )
            .values(status=MessageStatus.CANCELLED.value)
        )
        return result.rowcount or 0


def retry(db: Database, message_ids: Iterable[int]) -> int:
    """Put failed messages back in the outbox, with the same Message-ID."""
    ids = list(message_ids)
    with db.session() as session:
        result = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids), OutboxMessage.status == MessageStatus.FAILED.value)
            .values(status=MessageStatus.QUEUED.value)
        )
        return result.rowcount or 0
