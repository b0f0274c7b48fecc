"""Erasure on request (Law 25): the person becomes « Personne anonymisée #12 » everywhere.

Cleared, for the person and every record merged into them (archived duplicates): names,
email, phone, address, postal code, notes, membership notes, consents, the personal values
in the audit trail (by key in the entries about them, by value everywhere, its author
included), and every mention of any form of their name, email or phone in any text column
of any table (see :mod:`.mentions`), replaced by the anonymous name. The preview lists each
passage (table, column, record, excerpt) before anything changes. Once committed, the
file's free pages and write-ahead log are purged so no copy of the old values remains in
it (older backups and earlier exports still hold them: the dialog says so).

Kept, linked to the anonymous record so that reports still count them: attendance,
memberships and dues, chantier assignments, representations (ended), resolutions moved or
seconded, follow-ups, requests. The records are archived and stamped ``anonymized_at``. Nothing undoes this but restoring a backup.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Text, cast, delete, func, or_, select, update
from sqlalchemy.orm import Session

from ...domain import (
    AccessRequest,
    Assignment,
    Attendance,
    AuditEntry,
    Consent,
    FollowUp,
    FundingAgreement,
    FundingApplication,
    Membership,
    OutboxMessage,
    Person,
    Representation,
    Resolution,
)
from ...domain.enums import AuditAction
from ...domain.instants import local, utc_now
from ...domain.privacy import RequestKind
from ...i18n import N_, _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import settings as settings_service
from ..planning import personal as planning_personal
from ..portrait import stories as portrait_stories
from .forms import Identity
from .mentions import SCRUBBED, Mention, find_mentions, identity_of, rewrite_mentions
from .trail import audit_condition

log = logging.getLogger(__name__)

ANONYMOUS_NAME = N_("Personne anonymisée #{id}")
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
    mentions: int  # passages of text outside the audit trail
    audit_entries: int  # entries about the person or naming them
    merged: tuple[str, ...] = ()  # « Élise Côté (fiche #14) »: records merged into them
    changes: tuple[Mention, ...] = ()  # every passage that will be rewritten


@dataclass(frozen=True)
class ErasureResult:
    person_id: int
    anonymous_name: str
    consents_deleted: int
    texts_rewritten: int
    audit_entries_scrubbed: int
    merged_records: int = 0


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


def _audit_ids(session: Session, identity: Identity, found: list[Mention]) -> set[int]:
    about = set(
        session.scalars(select(AuditEntry.id).where(audit_condition(session, identity.ids)))
    )
    return about | {m.record_id for m in found if m.table == "audit_entry"}


def erasure_preview(db: Database, person_id: int) -> ErasurePreview:
    """What an erasure would clear, rewrite and keep, for the confirmation dialog."""
    with db.session() as session:
        p = _person(session, person_id)
        identity = identity_of(session, person_id)
        found = find_mentions(session, identity, others_contacts=False)
        merged = tuple(
            _("{name} (fiche #{id})").format(name=session.get(Person, i).full_name, id=i)
            for i in identity.merged_ids
        )
        return ErasurePreview(
            person_id=person_id,
            full_name=p.full_name,
            anonymous_name=anonymous_name(person_id),
            already_anonymized=p.anonymized_at is not None,
            cleared=tuple(_(text) for key, text in _CLEARED_FIELDS if getattr(p, key)),
            consents=_count(session, Consent, Consent.person_id.in_(identity.ids)),
            kept=_kept(session, person_id),
            mentions=sum(1 for m in found if m.table != "audit_entry"),
            audit_entries=len(_audit_ids(session, identity, found)),
            merged=merged,
            changes=tuple(found),
        )


def scrub(value: object, identity: Identity | None, *, about: bool, personal: bool = False):
    """``value`` (JSON) with personal values replaced by « [anonymisé] »: in an entry
    ``about`` the person, every value under a personal key; everywhere, any mention."""
    if isinstance(value, dict):
        return {
            k: scrub(v, identity, about=about, personal=personal or (about and k in PERSONAL_KEYS))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [scrub(v, identity, about=about, personal=personal) for v in value]
    if value is None or isinstance(value, bool):
        return value
    if personal:
        return SCRUBBED
    if isinstance(value, str) and identity is not None:
        return identity.replace(value, SCRUBBED)
    return value


def _scrub_audit(session: Session, identity: Identity) -> int:
    """Scrub the entries about the person (or a record merged into them) by key, and every
    entry naming them by value."""
    about = set(
        session.scalars(select(AuditEntry.id).where(audit_condition(session, identity.ids)))
    )
    patterns = identity.like_patterns()
    text = cast(AuditEntry.changes, Text)
    naming = or_(*(text.like(p, escape="\\") for p in patterns)) if patterns else False
    rows = session.execute(
        select(AuditEntry.id, AuditEntry.changes).where(
            AuditEntry.changes.is_not(None), or_(AuditEntry.id.in_(about), naming)
        )
    ).all()
    changed = 0
    for entry_id, changes in rows:
        cleaned = scrub(changes, identity, about=entry_id in about)
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
    for application in session.scalars(
        select(FundingApplication).where(FundingApplication.contact_person_id == person_id)
    ):
        application.contact_person_id = None
    for request in session.scalars(
        select(AccessRequest).where(
            AccessRequest.person_id == person_id,
            AccessRequest.kind == RequestKind.ERASURE.value,
            AccessRequest.completed_on.is_(None),
        )
    ):
        request.completed_on = today
    # The messages sent to the person hold their address and name: erased with them.
    session.execute(delete(OutboxMessage).where(OutboxMessage.person_id == person_id))
    return len(consents)


def _clear(person: Person, name: str, now: dt.datetime) -> None:
    for key, _label in _CLEARED_FIELDS:
        setattr(person, key, None)
    person.first_name, person.last_name = "", name
    person.archived_at = person.archived_at or now
    person.anonymized_at = now


def purge_file(db: Database) -> None:
    """Leave no copy of erased values in the data file nor its write-ahead log (on a
    server: VACUUM, so the old row versions leave its pages)."""
    if (db.path is not None or db.on_server) and not db.read_only:
        db.purge_free_pages()


def anonymize_person(
    db: Database,
    person_id: int,
    *,
    user: str | None = None,
    now: dt.datetime | None = None,
    purge: bool = True,
) -> ErasureResult:
    """Erase ``person_id``'s personal information for good (see the module's docstring);
    ``purge=False`` leaves the file's free pages to one :func:`purge_file` after many.
    ``now`` is the instant stamped, in UTC without a zone (see :mod:`...domain.instants`)."""
    now = (now or utc_now()).replace(microsecond=0)  # stored in UTC (domain.instants)
    today = local(now).date()
    if user is None:
        user = settings_service.load(db).user_name
    with db.session() as session:
        person = _person(session, person_id)
        if person.anonymized_at is not None:
            raise ValidationError(_("Cette personne a déjà été anonymisée."))
        name = anonymous_name(person_id)
        identity = identity_of(session, person_id)
        texts = rewrite_mentions(session, identity, name, json_columns=False)
        consents = sum(_detach(session, pid, today) for pid in identity.ids)
        for pid in identity.ids:
            planning_personal.erase(session, pid)
            portrait_stories.erase(session, pid)
        for pid in identity.ids:
            _clear(session.get(Person, pid), name if pid == person_id else anonymous_name(pid), now)
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
        scrubbed = _scrub_audit(session, identity)
        later = rewrite_mentions(session, identity, name)  # the trail's authors, settings
        session.flush()
        rewritten = sum(len(ids) for table, ids in texts.items())
        rewritten += sum(len(ids) for table, ids in later.items() if table != "audit_entry")
        result = ErasureResult(
            person_id, name, consents, rewritten, scrubbed, len(identity.merged_ids)
        )
    if purge:
        purge_file(db)
    log.info(
        "Person #%s anonymised: %s texts rewritten, %s audit entries scrubbed, %s merged",
        person_id,
        result.texts_rewritten,
        result.audit_entries_scrubbed,
        result.merged_records,
    )
    return result
