"""Erasure on request (Law 25): the person becomes « Personne anonymisée #12 » everywhere.

Cleared: names, email, phone, address, postal code, notes, membership notes, consents,
the personal values in the audit trail, and their name or email in free text (minutes,
notes, follow-ups), replaced by the anonymous name. Kept, linked to the anonymous record so
that reports still count them: attendance, memberships and dues, chantier assignments,
representations (ended), resolutions moved or seconded, follow-ups, requests. The record is
archived and stamped ``anonymized_at``. Nothing undoes this but restoring a backup.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from ...domain import (
    AccessRequest,
    Assignment,
    Attendance,
    AuditEntry,
    Consent,
    FollowUp,
    FundingAgreement,
    Membership,
    Person,
    Representation,
    Resolution,
)
from ...domain.enums import AuditAction
from ...domain.privacy import RequestKind
from ...i18n import N_, _
from ...store import Database
from .. import settings as settings_service
from ..errors import NotFoundError, ValidationError
from ..planning import personal as planning_personal
from .mentions import find_mentions, needles, pattern, rewrite_mentions
from .trail import audit_condition

ANONYMOUS_NAME = N_("Personne anonymisée #{id}")
SCRUBBED = "[anonymisé]"
# Keys of audit changes that hold personal values, whatever the record.
PERSONAL_KEYS = frozenset(
    {
        "first_name",
        "last_name",
        "name",
        "full_name",
        "email",
        "phone",
        "address",
        "postal_code",
        "notes",
        "source",
    }
)
_CLEARED_FIELDS = (
    ("first_name", N_("Prénom")),
    ("last_name", N_("Nom")),
    ("email", N_("Courriel")),
    ("phone", N_("Téléphone")),
    ("address", N_("Adresse")),
    ("postal_code", N_("Code postal")),
    ("notes", N_("Notes")),
)


def anonymous_name(person_id: int) -> str:
    return _(ANONYMOUS_NAME).format(id=person_id)


@dataclass(frozen=True)
class ErasurePreview:
    person_id: int
    full_name: str
    anonymous_name: str
    already_anonymized: bool
    cleared: tuple[str, ...]  # labels of the fields that hold something today
    consents: int
    kept: tuple[tuple[str, int], ...]  # (what, how many) kept for the counts
    mentions: int
    audit_entries: int


@dataclass(frozen=True)
class ErasureResult:
    person_id: int
    anonymous_name: str
    consents_deleted: int
    texts_rewritten: int
    audit_entries_scrubbed: int


def _count(session: Session, model, *conditions) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0


def _kept(session: Session, pid: int) -> tuple[tuple[str, int], ...]:
    counts = (
        (_("Présences aux rencontres"), _count(session, Attendance, Attendance.person_id == pid)),
        (_("Adhésions et cotisations"), _count(session, Membership, Membership.person_id == pid)),
        (
            _("Participations aux chantiers"),
            _count(session, Assignment, Assignment.person_id == pid),
        ),
        (_("Représentations"), _count(session, Representation, Representation.person_id == pid)),
        (
            _("Résolutions proposées ou appuyées"),
            _count(
                session,
                Resolution,
                or_(Resolution.moved_by_id == pid, Resolution.seconded_by_id == pid),
            ),
        ),
        (_("Suivis"), _count(session, FollowUp, FollowUp.owner_person_id == pid)),
    )
    counts += planning_personal.kept_counts(session, pid)
    return tuple((what, n) for what, n in counts if n)


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("Cette personne n'existe plus."))
    return person


def erasure_preview(db: Database, person_id: int) -> ErasurePreview:
    """What an erasure would clear and keep, for the confirmation dialog."""
    with db.session() as session:
        p = _person(session, person_id)
        words = needles(p.first_name, p.last_name, p.email)
        return ErasurePreview(
            person_id=person_id,
            full_name=p.full_name,
            anonymous_name=anonymous_name(person_id),
            already_anonymized=p.anonymized_at is not None,
            cleared=tuple(_(text) for key, text in _CLEARED_FIELDS if getattr(p, key)),
            consents=_count(session, Consent, Consent.person_id == person_id),
            kept=_kept(session, person_id),
            mentions=len(find_mentions(session, words, exclude_person_id=person_id)),
            audit_entries=_count(session, AuditEntry, audit_condition(session, person_id)),
        )


def scrub(value: object, regex: re.Pattern | None, *, about: bool, personal: bool = False):
    """``value`` (JSON) with personal values replaced by « [anonymisé] »: in an entry
    ``about`` the person, every value under a personal key; everywhere, any mention."""
    if isinstance(value, dict):
        return {
            k: scrub(v, regex, about=about, personal=personal or (about and k in PERSONAL_KEYS))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [scrub(v, regex, about=about, personal=personal) for v in value]
    if value is None or isinstance(value, bool):
        return value
    if personal:
        return SCRUBBED
    if isinstance(value, str) and regex is not None:
        return regex.sub(SCRUBBED, value)
    return value


def _scrub_audit(session: Session, pid: int, regex: re.Pattern | None) -> int:
    """Scrub the entries about the person by key, and every entry by value."""
    about = set(session.scalars(select(AuditEntry.id).where(audit_condition(session, pid))))
    changed = 0
    rows = session.execute(select(AuditEntry.id, AuditEntry.changes)).all()
    for entry_id, changes in rows:
        if changes is None:
            continue
        cleaned = scrub(changes, regex, about=entry_id in about)
        if cleaned != changes:
            session.execute(
                update(AuditEntry).where(AuditEntry.id == entry_id).values(changes=cleaned)
            )
            changed += 1
    return changed


def _detach(session: Session, person_id: int, today: dt.date) -> int:
    """Through the ORM, so the audit trail sees each change: delete the consents, clear
    membership notes, end current representations today (drop those not yet begun), let
    go of funding agreements, close open erasure requests. Returns the consents deleted."""
    mine = (Consent.person_id == person_id,)
    consents = session.scalars(select(Consent).where(*mine)).all()
    for consent in consents:
        session.delete(consent)
    for membership in session.scalars(
        select(Membership).where(Membership.person_id == person_id, Membership.notes.is_not(None))
    ):
        membership.notes = None
    for r in session.scalars(select(Representation).where(Representation.person_id == person_id)):
        if r.start_date is not None and r.start_date > today:
            session.delete(r)
        elif r.end_date is None or r.end_date > today:
            r.end_date = today
    for agreement in session.scalars(
        select(FundingAgreement).where(FundingAgreement.contact_person_id == person_id)
    ):
        agreement.contact_person_id = None
    for request in session.scalars(
        select(AccessRequest).where(
            AccessRequest.person_id == person_id,
            AccessRequest.kind == RequestKind.ERASURE.value,
            AccessRequest.completed_on.is_(None),
        )
    ):
        request.completed_on = today
    return len(consents)


def anonymize_person(
    db: Database,
    person_id: int,
    *,
    user: str | None = None,
    now: dt.datetime | None = None,
) -> ErasureResult:
    """Erase ``person_id``'s personal information for good (see the module's docstring)."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    today = now.date()
    if user is None:
        user = settings_service.load(db).user_name
    with db.session() as session:
        person = _person(session, person_id)
        if person.anonymized_at is not None:
            raise ValidationError(_("Cette personne a déjà été anonymisée."))
        name = anonymous_name(person_id)
        words = needles(person.first_name, person.last_name, person.email)
        texts = rewrite_mentions(session, words, name, exclude_person_id=person_id)
        consents = _detach(session, person_id, today)
        planning_personal.erase(session, person_id)
        for key, _label in _CLEARED_FIELDS:
            setattr(person, key, None)
        person.first_name, person.last_name = "", name
        person.archived_at = person.archived_at or now
        person.anonymized_at = now
        session.add(
            AuditEntry(
                at=now,
                user=user or "",
                entity="person",
                entity_id=person_id,
                action=AuditAction.ANONYMIZE.value,
                changes=None,
            )
        )
        session.flush()  # whatever the flush records in the trail is scrubbed below
        scrubbed = _scrub_audit(session, person_id, pattern(words))
        db.purge_after_commit(session)  # no copy left in free pages or the -wal (Law 25)
        return ErasureResult(person_id, name, consents, texts, scrubbed)
