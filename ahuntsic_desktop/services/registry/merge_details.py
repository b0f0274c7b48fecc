"""What a merge moves, in words: one short line per row of a table that points at the
person or organisation being merged (« 2025 — Membre régulier », « CC-2026-014 — ... »)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import (
    AgendaItem,
    Assignment,
    Attendance,
    Base,
    Chantier,
    Consent,
    FollowUp,
    FundingAgreement,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    PartnerRole,
    Person,
    Representation,
    Resolution,
)
from ...domain.enums import (
    AssignmentRole,
    AttendanceStatus,
    ConsentPurpose,
    PartnerKind,
    RepresentationRole,
)
from ...domain.labels import label
from ...i18n import N_, _, format_date


@dataclass(frozen=True)
class MergeItem:
    """Rows of one kind that move to the kept record."""

    what: str
    count: int
    details: tuple[str, ...]


@dataclass(frozen=True)
class MergeConflict:
    """Something both records hold where only one can stay, and which one stays."""

    what: str
    resolution: str


@dataclass(frozen=True)
class MergePreview:
    kind: str
    keep_id: int
    keep_name: str
    lose_id: int
    lose_name: str
    moves: tuple[MergeItem, ...]
    conflicts: tuple[MergeConflict, ...]
    filled: tuple[tuple[str, str], ...]  # (field label, value copied to the kept record)

    @property
    def moved_count(self) -> int:
        return sum(item.count for item in self.moves)


# (table, column) -> what the rows are, in the merge preview
LABELS: dict[tuple[str, str], str] = {
    ("membership", "person_id"): N_("Adhésions"),
    ("membership", "organization_id"): N_("Adhésions"),
    ("attendance", "person_id"): N_("Présences aux rencontres"),
    ("attendance", "organization_id"): N_("Présences (organisme représenté)"),
    ("assignment", "person_id"): N_("Participations aux chantiers"),
    ("assignment", "organization_id"): N_("Participations aux chantiers (pour l'organisme)"),
    ("resolution", "moved_by_id"): N_("Résolutions proposées"),
    ("resolution", "seconded_by_id"): N_("Résolutions appuyées"),
    ("follow_up", "owner_person_id"): N_("Suivis"),
    ("follow_up", "owner_organization_id"): N_("Suivis"),
    ("representation", "person_id"): N_("Représentations"),
    ("representation", "organization_id"): N_("Représentant·es"),
    ("consent", "person_id"): N_("Consentements"),
    ("outbox_message", "person_id"): N_("Courriels envoyés"),
    ("funding_agreement", "contact_person_id"): N_("Ententes de financement (personne-ressource)"),
    ("funding_agreement", "funder_id"): N_("Ententes de financement"),
    ("funding_application", "funder_id"): N_("Demandes de financement"),
    ("funding_application", "contact_person_id"): N_(
        "Demandes de financement (personne-ressource)"
    ),
    ("meeting", "chair_id"): N_("Rencontres présidées"),
    ("meeting", "secretary_id"): N_("Rencontres (secrétariat)"),
    ("agenda_item", "presenter_id"): N_("Points à l'ordre du jour présentés"),
    ("partner_role", "organization_id"): N_("Rôles de partenaire"),
    ("access_request", "person_id"): N_("Demandes d'accès, de rectification ou d'effacement"),
    ("activity_participant", "person_id"): N_("Participations aux activités de la démarche"),
    ("contribution", "person_id"): N_("Contributions à la démarche (nommées)"),
    ("resident_story", "person_id"): N_("Histoires confiées pour le portrait"),
    ("mandate", "person_id"): N_("Mandats aux instances"),
    ("mandate", "organization_id"): N_("Mandats aux instances (pour l'organisme)"),
    ("election", "chair_id"): N_("Élections présidées"),
    ("election", "secretary_id"): N_("Élections (secrétariat)"),
    ("candidacy", "person_id"): N_("Candidatures aux élections"),
    ("candidacy", "organization_id"): N_("Candidatures aux élections (pour l'organisme)"),
    ("candidacy", "proposed_by_id"): N_("Candidatures proposées"),
    ("candidacy", "seconded_by_id"): N_("Candidatures appuyées"),
}


def reference_label(table: str, column: str) -> str:
    text = LABELS.get((table, column))
    return _(text) if text else f"{table}.{column}"


def _person_name(first: str | None, last: str | None) -> str:
    return f"{first or ''} {last or ''}".strip()


def _memberships(session: Session, ids):
    rows = session.execute(
        select(Membership.id, Membership.year, MembershipCategory.name)
        .join(MembershipCategory, Membership.category_id == MembershipCategory.id)
        .where(Membership.id.in_(ids))
    )
    return {r[0]: f"{r[1]} — {r[2]}" for r in rows}


def _attendances(session: Session, ids):
    rows = session.execute(
        select(Attendance.id, Meeting.title, Meeting.date, Attendance.status)
        .join(Meeting, Attendance.meeting_id == Meeting.id)
        .where(Attendance.id.in_(ids))
    )
    return {r[0]: f"{r[1]} ({format_date(r[2])}) — {label(r[3], AttendanceStatus)}" for r in rows}


def _assignments(session: Session, ids):
    rows = session.execute(
        select(Assignment.id, Chantier.name, Assignment.role)
        .join(Chantier, Assignment.chantier_id == Chantier.id)
        .where(Assignment.id.in_(ids))
    )
    return {r[0]: f"{r[1]} — {label(r[2], AssignmentRole)}" for r in rows}


def _resolutions(session: Session, ids):
    rows = session.execute(
        select(Resolution.id, Resolution.number, Resolution.title).where(Resolution.id.in_(ids))
    )
    return {r[0]: f"{r[1]} — {r[2]}" for r in rows}


def _follow_ups(session: Session, ids):
    rows = session.execute(select(FollowUp.id, FollowUp.description).where(FollowUp.id.in_(ids)))
    return {r[0]: r[1] if len(r[1]) <= 80 else r[1][:79] + "…" for r in rows}


def _representations(session: Session, ids):
    rows = session.execute(
        select(
            Representation.id,
            Person.first_name,
            Person.last_name,
            Organization.name,
            Representation.role,
        )
        .join(Person, Representation.person_id == Person.id)
        .join(Organization, Representation.organization_id == Organization.id)
        .where(Representation.id.in_(ids))
    )
    return {
        r[0]: f"{_person_name(r[1], r[2])} — {r[3]} ({label(r[4], RepresentationRole)})"
        for r in rows
    }


def _consents(session: Session, ids):
    rows = session.execute(
        select(Consent.id, Consent.purpose, Consent.granted_on).where(Consent.id.in_(ids))
    )
    return {r[0]: f"{label(r[1], ConsentPurpose)} ({format_date(r[2])})" for r in rows}


def _agreements(session: Session, ids):
    rows = session.execute(
        select(FundingAgreement.id, FundingAgreement.programme, FundingAgreement.start_date).where(
            FundingAgreement.id.in_(ids)
        )
    )
    return {r[0]: f"{r[1]} ({format_date(r[2])})" for r in rows}


def _meetings(session: Session, ids):
    rows = session.execute(
        select(Meeting.id, Meeting.title, Meeting.date).where(Meeting.id.in_(ids))
    )
    return {r[0]: f"{r[1]} ({format_date(r[2])})" for r in rows}


def _agenda_items(session: Session, ids):
    rows = session.execute(
        select(AgendaItem.id, Meeting.title, AgendaItem.title)
        .join(Meeting, AgendaItem.meeting_id == Meeting.id)
        .where(AgendaItem.id.in_(ids))
    )
    return {r[0]: f"{r[1]} : {r[2]}" for r in rows}


def _partner_roles(session: Session, ids):
    rows = session.execute(select(PartnerRole.id, PartnerRole.kind).where(PartnerRole.id.in_(ids)))
    return {r[0]: label(r[1], PartnerKind) for r in rows}


def _access_requests(session: Session, ids):
    table = Base.metadata.tables["access_request"]
    rows = session.execute(
        select(table.c.id, table.c.kind, table.c.received_on).where(table.c.id.in_(ids))
    )
    return {r[0]: f"{r[1]} ({format_date(r[2])})" for r in rows}


def _participations(session: Session, ids: list[int]) -> dict[int, str]:
    # planning reaches the registry through importing: imported when a merge is previewed.
    from ..planning import personal

    return personal.describe_participations(session, ids)


def _contributions(session: Session, ids: list[int]) -> dict[int, str]:
    from ..planning import personal

    return personal.describe_contributions(session, ids)


_DESCRIBERS: dict[str, Callable[[Session, list[int]], dict[int, str]]] = {
    "membership": _memberships,
    "attendance": _attendances,
    "assignment": _assignments,
    "resolution": _resolutions,
    "follow_up": _follow_ups,
    "representation": _representations,
    "consent": _consents,
    "funding_agreement": _agreements,
    "meeting": _meetings,
    "agenda_item": _agenda_items,
    "partner_role": _partner_roles,
    "access_request": _access_requests,
    "activity_participant": _participations,
    "contribution": _contributions,
}


def describe(session: Session, table: str, ids: Iterable[int]) -> list[str]:
    """One line per row, in the order of ``ids`` (``#id`` for tables without a describer)."""
    ids = list(ids)
    describer = _DESCRIBERS.get(table)
    found = describer(session, ids) if describer and ids else {}
    return [found.get(i, f"#{i}") for i in ids]
