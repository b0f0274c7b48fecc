"""Consent per person and purpose (email contact, directory, photos): when it was given,
how (the source), and when it was withdrawn. A consent is in force on a day when it was
granted on or before that day and not withdrawn on or before it.

Lists, exports and email copying ask :func:`has_consent` (one person) or
:func:`consenting_ids` (many) before showing a person's contact details.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from ...domain import Consent, MessageStatus, OutboxMessage, Person
from ...domain.enums import ConsentPurpose
from ...domain.labels import label
from ...i18n import _, format_date
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v

PURPOSES = tuple(ConsentPurpose)


@dataclass(frozen=True)
class ConsentLine:
    id: int
    purpose: str
    purpose_label: str
    granted_on: dt.date
    source: str
    withdrawn_on: dt.date | None

    def in_force(self, on: dt.date) -> bool:
        return self.granted_on <= on and (self.withdrawn_on is None or self.withdrawn_on > on)


@dataclass(frozen=True)
class PurposeState:
    """Where a person stands for one purpose: the latest consent, if any."""

    purpose: str
    purpose_label: str
    latest: ConsentLine | None
    in_force: bool

    @property
    def summary(self) -> str:
        if self.latest is None:
            return _("Aucun consentement")
        if self.in_force:
            return _("Consenti le {date}").format(date=format_date(self.latest.granted_on))
        if self.latest.withdrawn_on is not None:
            return _("Retiré le {date}").format(date=format_date(self.latest.withdrawn_on))
        return _("À compter du {date}").format(date=format_date(self.latest.granted_on))


def in_force_condition(on: dt.date):
    c = Consent
    return (c.granted_on <= on) & or_(c.withdrawn_on.is_(None), c.withdrawn_on > on)


def _session_call(session_or_db: Session | Database, work):
    if isinstance(session_or_db, Session):
        return work(session_or_db)
    with session_or_db.session() as session:
        return work(session)


def has_consent(
    session_or_db: Session | Database,
    person_id: int,
    purpose: ConsentPurpose | str,
    on: dt.date | None = None,
) -> bool:
    """Whether ``person_id`` consents to ``purpose`` on ``on`` (today by default)."""
    code = v.choice(purpose, ConsentPurpose, "purpose", _("Finalité"))
    day = on or dt.date.today()

    def work(session: Session) -> bool:
        found = session.scalar(
            select(Consent.id)
            .join(Person, Person.id == Consent.person_id)
            .where(
                Consent.person_id == person_id,
                Consent.purpose == code,
                in_force_condition(day),
                Person.anonymized_at.is_(None),
            )
            .limit(1)
        )
        return found is not None

    return _session_call(session_or_db, work)


def consenting_ids(
    session_or_db: Session | Database,
    person_ids: Iterable[int] | None,
    purpose: ConsentPurpose | str,
    on: dt.date | None = None,
) -> set[int]:
    """Those of ``person_ids`` (all persons when None) who consent to ``purpose`` on ``on``."""
    code = v.choice(purpose, ConsentPurpose, "purpose", _("Finalité"))
    day = on or dt.date.today()
    wanted = None if person_ids is None else list(dict.fromkeys(person_ids))

    def work(session: Session) -> set[int]:
        stmt = (
            select(Consent.person_id)
            .join(Person, Person.id == Consent.person_id)
            .where(Consent.purpose == code, in_force_condition(day), Person.anonymized_at.is_(None))
        )
        if wanted is None:
            return set(session.scalars(stmt.distinct()))
        found: set[int] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            found |= set(session.scalars(stmt.where(Consent.person_id.in_(chunk)).distinct()))
        return found

    return _session_call(session_or_db, work)


def _line(consent: Consent) -> ConsentLine:
    return ConsentLine(
        consent.id,
        consent.purpose,
        label(consent.purpose, ConsentPurpose),
        consent.granted_on,
        consent.source or "",
        consent.withdrawn_on,
    )


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("Cette personne n'existe plus."))
    return person


def list_consents(db: Database, person_id: int) -> list[ConsentLine]:
    """Every consent record of a person, by purpose then most recent first."""
    with db.session() as session:
        _person(session, person_id)
        consents = session.scalars(select(Consent).where(Consent.person_id == person_id)).all()
        lines = [_line(c) for c in consents]
    order = {p.value: i for i, p in enumerate(PURPOSES)}
    return sorted(lines, key=lambda c: (order.get(c.purpose, 99), -c.granted_on.toordinal(), -c.id))


def consent_states(db: Database, person_id: int, on: dt.date | None = None) -> list[PurposeState]:
    """One line per purpose: the latest consent and whether it is in force on ``on``."""
    day = on or dt.date.today()
    lines = list_consents(db, person_id)
    states = []
    for purpose in PURPOSES:
        mine = [c for c in lines if c.purpose == purpose.value]
        current = next((c for c in mine if c.in_force(day)), None)
        latest = current or (mine[0] if mine else None)
        states.append(PurposeState(purpose.value, label(purpose), latest, current is not None))
    return states


def grant_consent(
    db: Database,
    person_id: int,
    purpose: ConsentPurpose | str,
    granted_on: dt.date | str | None = None,
    source: str | None = None,
    *,
    today: dt.date | None = None,
) -> int:
    """Record a consent given on ``granted_on`` (``today`` by default); refused when one
    for the same purpose is already in force, or when dated after ``today``: a consent is
    recorded once given, never in advance (a date such as 2099 is a typing error)."""
    code = v.choice(purpose, ConsentPurpose, "purpose", _("Finalité"))
    today = today or dt.date.today()
    day = v.parse_date(granted_on, "granted_on", _("Date du consentement")) or today
    if day > today:
        raise ValidationError(
            _(
                "La date du consentement ({date}) est dans l'avenir : notez un consentement "
                "le jour où il a été donné, au plus tard aujourd'hui ({today})."
            ).format(date=format_date(day), today=format_date(today)),
            "granted_on",
        )
    origin = v.optional_text(source, "source", _("Source"), max_length=500)
    with db.session() as session:
        person = _person(session, person_id)
        if person.anonymized_at is not None:
            raise ValidationError(_("Cette personne a été anonymisée."))
        current = session.scalar(
            select(Consent.id).where(
                Consent.person_id == person_id,
                Consent.purpose == code,
                or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > day),
            )
        )
        if current is not None:
            raise ValidationError(
                _("Un consentement pour « {purpose} » est déjà en vigueur.").format(
                    purpose=label(code, ConsentPurpose)
                ),
                "purpose",
            )
        consent = Consent(person_id=person_id, purpose=code, granted_on=day, source=origin)
        session.add(consent)
        session.flush()
        return consent.id


def stop_waiting_messages(session: Session, person_id: int) -> None:
    """A withdrawn email consent takes effect at once: the person's mass messages still
    waiting in the outbox are cancelled (services/communications keeps the outbox)."""
    session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.person_id == person_id,
            OutboxMessage.mass.is_(True),
            OutboxMessage.status.in_([MessageStatus.QUEUED.value, MessageStatus.FAILED.value]),
        )
        .values(
            status=MessageStatus.CANCELLED.value,
            server_answer="Annulé : consentement au contact par courriel retiré",
        )
    )


def withdraw_consent(db: Database, consent_id: int, on: dt.date | str | None = None) -> None:
    """Record the withdrawal of a consent (kept in the history, no longer in force)."""
    day = v.parse_date(on, "withdrawn_on", _("Date du retrait")) or dt.date.today()
    with db.session() as session:
        consent = session.get(Consent, consent_id)
        if consent is None:
            raise NotFoundError(_("Ce consentement n'existe plus."))
        if consent.withdrawn_on is not None:
            raise ValidationError(
                _("Ce consentement a déjà été retiré le {date}.").format(
                    date=format_date(consent.withdrawn_on)
                ),
                "withdrawn_on",
            )
        if day < consent.granted_on:
            raise ValidationError(_("Le retrait ne peut précéder le consentement."), "withdrawn_on")
        consent.withdrawn_on = day
        if consent.purpose == ConsentPurpose.EMAIL_CONTACT.value:
            stop_waiting_messages(session, consent.person_id)


def withdraw_purpose(
    db: Database, person_id: int, purpose: ConsentPurpose | str, on: dt.date | None = None
) -> bool:
    """Withdraw the person's consent for ``purpose`` that is not withdrawn yet (on ``on``,
    today by default, or on the day it was given if that is later); False if none."""
    code = v.choice(purpose, ConsentPurpose, "purpose", _("Finalité"))
    day = on or dt.date.today()
    with db.session() as session:
        _person(session, person_id)
        consent = session.scalars(
            select(Consent).where(
                Consent.person_id == person_id,
                Consent.purpose == code,
                Consent.withdrawn_on.is_(None),
            )
        ).first()
        if consent is None:
            return False
        consent.withdrawn_on = max(day, consent.granted_on)
        if code == ConsentPurpose.EMAIL_CONTACT.value:
            stop_waiting_messages(session, person_id)
        return True
