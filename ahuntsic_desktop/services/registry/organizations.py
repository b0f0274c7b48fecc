"""Organisations (organismes): the registry, its list, and who represents each one."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...domain import Membership, Organization, PartnerRole, Person, Representation, name_key
from ...domain.enums import PartnerKind, RepresentationRole, Sector
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import (
    Column,
    NotFoundError,
    Table,
    ValidationError,
    bulk,
    is_referenced,
    require_version,
)
from ..core import settings as settings_service
from ..core import validation as v
from .standing import MemberStatus, paid_status_subquery, status_from_flags, status_label


@dataclass(frozen=True)
class OrganizationData:
    """The fields of the organisation form. ``archived`` is read-only (see archive/restore)."""

    name: str
    sector: Sector | str = Sector.COMMUNITY
    acronym: str | None = None
    email: str | None = None
    phone: str | None = None
    website: str | None = None
    address: str | None = None
    city: str | None = None
    postal_code: str | None = None
    notes: str | None = None
    archived: bool = False
    # The version read (get_organization): a save from an older read raises ConflictError.
    version: int | None = field(default=None, compare=False)


def _name_taken(session: Session, name: str, organization_id: int | None = None):
    """The (name, archived_at) row of another organisation with the same name key, if any."""
    return session.execute(
        select(Organization.name, Organization.archived_at).where(
            Organization.name_key == name_key(name), Organization.id != organization_id
        )
    ).first()


def _duplicate_name(existing) -> ValidationError:
    message = _("Un organisme nommé « {name} » existe déjà (majuscules et espaces ignorés).")
    if existing.archived_at is not None:
        message += " " + _("Il est archivé : restaurez-le plutôt que d'en créer un nouveau.")
    return ValidationError(message.format(name=existing.name), "name")


def _apply(session: Session, organization: Organization, data: OrganizationData) -> None:
    """Validate ``data`` and copy it onto ``organization``; nothing is written on error."""
    name = v.required_text(data.name, "name", _("Nom"), max_length=200)
    values = {
        "acronym": v.optional_text(data.acronym, "acronym", _("Sigle"), max_length=40),
        "sector": v.choice(data.sector, Sector, "sector", _("Secteur")),
        "email": v.email(data.email),
        "phone": v.phone(data.phone),
        "website": v.website(data.website),
        "address": v.optional_text(data.address, "address", _("Adresse"), max_length=300),
        "city": v.optional_text(data.city, "city", _("Ville"), max_length=100),
        "postal_code": v.postal_code(data.postal_code),
        "notes": v.optional_text(
            data.notes, "notes", _("Notes"), max_length=10_000, multiline=True
        ),
    }
    existing = _name_taken(session, name, organization.id)
    if existing is not None:
        raise _duplicate_name(existing)
    organization.name = name
    for key, value in values.items():
        setattr(organization, key, value)
    session.add(organization)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()  # e.g. the same name saved elsewhere since the check above
        existing = session.execute(
            select(Organization.name, Organization.archived_at).where(
                Organization.name_key == name_key(name)
            )
        ).first()
        if existing is None:
            raise
        raise _duplicate_name(existing) from None


def _get(session: Session, organization_id: int) -> Organization:
    organization = session.get(Organization, organization_id)
    if organization is None:
        raise NotFoundError(_("Cet organisme n'existe plus."))
    return organization


def list_organizations(
    db: Database, *, include_archived: bool = False, today: date | None = None
) -> Table:
    """All organisations sorted by name, with this year's membership status and partner
    roles; three queries whatever the number of rows."""
    current = settings_service.load(db).membership_year_of(today or date.today())
    table = Table(
        [
            Column("name", _("Nom")),
            Column("acronym", _("Sigle")),
            Column("sector", _("Secteur")),
            Column("email", _("Courriel")),
            Column("phone", _("Téléphone")),
            Column("membership", _("Adhésion")),
            Column("partner", _("Partenariat")),
            Column("archived", _("Archivé"), "bool"),
        ]
    )
    o = Organization
    status = paid_status_subquery(Membership.organization_id, current)
    stmt = select(
        o.id,
        o.name,
        o.acronym,
        o.sector,
        o.email,
        o.phone,
        status.c.current,
        status.c.previous,
        o.archived_at,
    ).outerjoin(status, status.c.member_id == o.id)
    if not include_archived:
        stmt = stmt.where(o.archived_at.is_(None))
    with db.session() as session:
        rows = session.connection().execute(stmt).all()  # Core rows: no ORM overhead
        role_rows = session.execute(
            select(PartnerRole.organization_id, PartnerRole.kind).distinct()
        ).all()
    kind_order = {kind.value: i for i, kind in enumerate(PartnerKind)}
    roles: dict[int, list[str]] = defaultdict(list)
    kind_labels = {k.value: label(k) for k in PartnerKind}
    for org_id, kind in sorted(role_rows, key=lambda r: kind_order.get(r[1], 99)):
        roles[org_id].append(kind_labels.get(kind, kind))
    sectors = {s.value: label(s) for s in Sector}
    statuses = {s: status_label(s) for s in MemberStatus}
    rows = sorted(rows, key=lambda r: v.name_sort_key(r[1]))
    table.ids = [r[0] for r in rows]
    table.rows = [
        (
            r[1],
            r[2] or "",
            sectors.get(r[3], r[3]),
            r[4] or "",
            r[5] or "",
            statuses[status_from_flags(r[6], r[7])],
            ", ".join(roles.get(r[0], ())),
            r[8] is not None,
        )
        for r in rows
    ]
    return table


def get_organization(db: Database, organization_id: int) -> OrganizationData:
    with db.session() as session:
        o = _get(session, organization_id)
        return OrganizationData(
            name=o.name,
            sector=o.sector,
            acronym=o.acronym,
            email=o.email,
            phone=o.phone,
            website=o.website,
            address=o.address,
            city=o.city,
            postal_code=o.postal_code,
            notes=o.notes,
            archived=o.archived_at is not None,
            version=o.version,
        )


def create_organization(db: Database, data: OrganizationData) -> int:
    with db.session() as session:
        organization = Organization()
        _apply(session, organization, data)
        return organization.id


def update_organization(db: Database, organization_id: int, data: OrganizationData) -> None:
    with db.session() as session:
        organization = _get(session, organization_id)
        require_version(organization, data.version)
        _apply(session, organization, data)


def _delete(session: Session, organization_id: int) -> None:
    organization = _get(session, organization_id)
    refused = ValidationError(
        _(
            "« {name} » est mentionné ailleurs (représentant·es, adhésions, ententes, "
            "rencontres ou suivis) : archivez-le plutôt que de le supprimer."
        ).format(name=organization.name)
    )
    if is_referenced(session, Organization, organization_id, owned={"partner_role"}):
        raise refused
    session.delete(organization)
    try:
        session.flush()
    except IntegrityError:
        raise refused from None


# Many at once in one transaction, each refusal reported; or one, its refusal raised.
# Deleting refuses what something refers to (partner roles go along).
(archive_organizations, restore_organizations, delete_organizations,
 archive_organization, restore_organization, delete_organization) = bulk.Lifecycle(_get, _delete).functions()  # fmt: skip


def list_representatives(db: Database, organization_id: int, *, today: date | None = None) -> Table:
    """Everyone who represents or represented the organisation, current ones first."""
    today = today or date.today()
    table = Table(
        [
            Column("person", _("Personne")),
            Column("role", _("Rôle")),
            Column("start_date", _("Depuis le"), "date"),
            Column("end_date", _("Jusqu'au"), "date"),
            Column("current", _("En poste"), "bool"),
            Column("email", _("Courriel")),
            Column("phone", _("Téléphone")),
        ]
    )
    r, p = Representation, Person
    with db.session() as session:
        _get(session, organization_id)
        rows = session.execute(
            select(
                r.id, p.first_name, p.last_name, r.role, r.start_date, r.end_date, p.email, p.phone
            )
            .join(p, r.person_id == p.id)
            .where(r.organization_id == organization_id)
        ).all()
    entries = []
    for row in rows:
        current = is_current(row.start_date, row.end_date, today)
        name = f"{row.first_name} {row.last_name}".strip()
        entries.append(
            (
                (not current, v.name_sort_key(row.last_name), v.name_sort_key(row.first_name)),
                row.id,
                (
                    name,
                    label(row.role, RepresentationRole),
                    row.start_date,
                    row.end_date,
                    current,
                    row.email or "",
                    row.phone or "",
                ),
            )
        )
    entries.sort(key=lambda e: e[0])
    table.ids = [e[1] for e in entries]
    table.rows = [e[2] for e in entries]
    return table


def is_current(start: date | None, end: date | None, today: date) -> bool:
    """Whether a period (open at either end when None) includes ``today``."""
    return (start is None or start <= today) and (end is None or end >= today)
