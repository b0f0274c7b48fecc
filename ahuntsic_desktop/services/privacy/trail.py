"""The audit trail's part in a person's file: the journal entries about the person's
record and about the rows that are theirs (representations, memberships, attendance,
assignments, consents, requests)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ...domain import (
    AccessRequest,
    Assignment,
    Attendance,
    AuditEntry,
    Consent,
    Membership,
    Representation,
)
from ...domain.enums import AuditAction
from ...domain.instants import local
from ...i18n import N_, _
from .sections import Section, col

AUDIT_ACTIONS = {
    AuditAction.CREATE.value: N_("Création"),
    AuditAction.UPDATE.value: N_("Modification"),
    AuditAction.ARCHIVE.value: N_("Archivage"),
    AuditAction.RESTORE.value: N_("Restauration"),
    AuditAction.MERGE.value: N_("Fusion"),
    AuditAction.DELETE.value: N_("Suppression"),
    AuditAction.ANONYMIZE.value: N_("Anonymisation"),
}
# audit entity names (table names) of the person's record and of the rows that are theirs
_OWNED = {
    "representation": Representation,
    "membership": Membership,
    "attendance": Attendance,
    "assignment": Assignment,
    "consent": Consent,
    "access_request": AccessRequest,
}
ENTITY_LABELS = {
    "person": N_("Fiche de la personne"),
    "representation": N_("Représentation"),
    "membership": N_("Adhésion"),
    "attendance": N_("Présence"),
    "assignment": N_("Participation à un chantier"),
    "consent": N_("Consentement"),
    "access_request": N_("Demande d'accès"),
    "organization": N_("Organisme"),
    "meeting": N_("Rencontre"),
    "agenda_item": N_("Point à l'ordre du jour"),
    "resolution": N_("Résolution"),
    "follow_up": N_("Suivi"),
    "means": N_("Moyen"),
    "funding_agreement": N_("Entente de financement"),
}


def audit_condition(session: Session, pid: int | Iterable[int]):
    """Audit entries about the person (or persons: one and the records merged into them)
    or about rows that are theirs."""
    pids = [pid] if isinstance(pid, int) else list(pid)
    conditions = [and_(AuditEntry.entity == "person", AuditEntry.entity_id.in_(pids))]
    for entity, model in _OWNED.items():
        ids = list(session.scalars(select(model.id).where(model.person_id.in_(pids))))
        if ids:
            conditions.append(and_(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids)))
    return or_(*conditions)


def audit(session: Session, pids: int | Iterable[int], naming: Iterable[int] = ()) -> Section:
    """Entries about the person's records (theirs and those merged into them) and the
    entries ``naming`` them (ids found by the search of :mod:`.mentions`)."""
    a = AuditEntry
    rows = session.execute(
        select(a.at, a.user, a.entity, a.action, a.changes)
        .where(or_(audit_condition(session, pids), a.id.in_(list(naming))))
        .order_by(a.at, a.id)
    ).all()

    def changes(value):
        return None if value in (None, {}, []) else value

    return Section(
        "audit",
        _("Journal des modifications"),
        (
            col("at", _("Le"), "datetime"),
            col("user", _("Par")),
            col("entity", _("Fiche")),
            col("action", _("Action")),
            col("changes", _("Modifications"), "json"),
        ),
        tuple(
            (local(at), u, _(ENTITY_LABELS.get(e, e)), _(AUDIT_ACTIONS.get(act, act)), changes(ch))
            for at, u, e, act, ch in rows
        ),
    )
