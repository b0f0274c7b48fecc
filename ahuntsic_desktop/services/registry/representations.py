"""The organisations a person represents or represented, as the person's form lists them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from ...domain import Organization, Person, Representation
from ...domain.enums import RepresentationRole
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import Column, NotFoundError, Table
from ..core import validation as v
from .organizations import is_current


def list_person_representations(
    db: Database, person_id: int, *, today: date | None = None
) -> Table:
    """The organisations a person represents or represented, current ones first."""
    today = today or date.today()
    table = Table(
        [
            Column("organization", _("Organisme")),
            Column("role", _("Rôle")),
            Column("start_date", _("Depuis le"), "date"),
            Column("end_date", _("Jusqu'au"), "date"),
            Column("current", _("En poste"), "bool"),
        ]
    )
    r = Representation
    with db.session() as session:
        if session.get(Person, person_id) is None:
            raise NotFoundError(_("Cette personne n'existe plus."))
        rows = session.execute(
            select(r.id, Organization.name, r.role, r.start_date, r.end_date)
            .join(Organization, r.organization_id == Organization.id)
            .where(r.person_id == person_id)
        ).all()
    entries = sorted(
        (
            (not is_current(row.start_date, row.end_date, today), v.name_sort_key(row.name)),
            row.id,
            (
                row.name,
                label(row.role, RepresentationRole),
                row.start_date,
                row.end_date,
                is_current(row.start_date, row.end_date, today),
            ),
        )
        for row in rows
    )
    table.ids = [e[1] for e in entries]
    table.rows = [e[2] for e in entries]
    return table
