"""The partner roles of one organisation (bailleur de fonds, partenaire institutionnel,
partenaire communautaire), read and saved as a whole for the partner dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import Organization, PartnerRole
from ...domain.enums import PartnerKind
from ...i18n import _
from ...store import Database
from ..core import NotFoundError
from ..core import validation as v


@dataclass(frozen=True)
class RoleState:
    kind: str
    since: dt.date | None
    notes: str | None


def partner_roles_of(db: Database, organization_id: int) -> dict[str, RoleState]:
    """kind -> its state, for the roles the organisation holds."""
    with db.session() as session:
        if session.get(Organization, organization_id) is None:
            raise NotFoundError(_("Cet organisme n'existe plus."))
        rows = session.execute(
            select(PartnerRole.kind, PartnerRole.since, PartnerRole.notes).where(
                PartnerRole.organization_id == organization_id
            )
        ).all()
    return {row.kind: RoleState(row.kind, row.since, row.notes) for row in rows}


def save_partner_roles(
    db: Database, organization_id: int, roles: Mapping[PartnerKind | str, RoleState]
) -> None:
    """Make the organisation hold exactly ``roles`` (others removed), in one unit of work."""
    wanted = {}
    for kind, state in roles.items():
        code = v.choice(kind, PartnerKind, "kind", _("Type de partenariat"))
        since = v.parse_date(state.since, "since", _("Depuis le"))
        notes = v.optional_text(state.notes, "notes", _("Notes"), max_length=10_000, multiline=True)
        wanted[code] = (since, notes)
    with db.session() as session:
        if session.get(Organization, organization_id) is None:
            raise NotFoundError(_("Cet organisme n'existe plus."))
        held = {
            role.kind: role
            for role in session.scalars(
                select(PartnerRole).where(PartnerRole.organization_id == organization_id)
            )
        }
        for kind, role in held.items():
            if kind not in wanted:
                session.delete(role)
        for kind, (since, notes) in wanted.items():
            role = held.get(kind) or PartnerRole(organization_id=organization_id, kind=kind)
            role.since, role.notes = since, notes
            session.add(role)
