"""Pick lists of the meeting forms: persons with whom they represent on a day, organisations
and chantiers. Delegates speak for their organisation first, then substitutes, then staff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ...domain import (
    Chantier,
    Organization,
    Person,
    Representation,
)
from ...domain.enums import RepresentationRole
from ...store import Database
from ..core import name_sort_key

# Delegates speak for their organisation first, then substitutes, then staff.
ROLE_ORDER = (
    RepresentationRole.DELEGATE.value,
    RepresentationRole.SUBSTITUTE.value,
    RepresentationRole.STAFF.value,
)


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str  # "Prénom Nom"
    organization: str  # the organisation represented on the day asked, or ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.organization})" if self.organization else self.name


def representation_current(day: dt.date):
    r = Representation
    return and_(
        or_(r.start_date.is_(None), r.start_date <= day),
        or_(r.end_date.is_(None), r.end_date >= day),
    )


def represented_organizations(
    session: Session, day: dt.date, person_ids=None
) -> dict[int, tuple[int, str]]:
    """Person id -> (organisation id, name) each person speaks for on ``day``."""
    query = (
        select(Representation.person_id, Representation.role, Organization.id, Organization.name)
        .join(Organization, Organization.id == Representation.organization_id)
        .where(representation_current(day), Organization.archived_at.is_(None))
    )
    if person_ids is not None:
        query = query.where(Representation.person_id.in_(person_ids))
    best: dict[int, tuple[tuple, tuple[int, str]]] = {}
    for person_id, role, org_id, name in session.execute(query):
        rank = (ROLE_ORDER.index(role) if role in ROLE_ORDER else 9, name_sort_key(name))
        if person_id not in best or rank < best[person_id][0]:
            best[person_id] = (rank, (org_id, name))
    return {person_id: value for person_id, (_rank, value) in best.items()}


def person_choices(
    db: Database, day: dt.date, include: Iterable[int | None] = ()
) -> list[PersonChoice]:
    """Persons not archived (plus those in ``include``, e.g. the chair already chosen), by
    last then first name, with whom they represent on ``day``."""
    keep = [pid for pid in include if pid is not None]
    with db.session() as session:
        rows = session.execute(
            select(Person.id, Person.first_name, Person.last_name).where(
                or_(Person.archived_at.is_(None), Person.id.in_(keep))
            )
        ).all()
        organizations = represented_organizations(session, day)
    rows.sort(key=lambda r: (name_sort_key(r[2]), name_sort_key(r[1]), r[0]))
    return [
        PersonChoice(pid, f"{first} {last}".strip(), organizations.get(pid, (0, ""))[1])
        for pid, first, last in rows
    ]


def organization_choices(db: Database) -> list[tuple[int, str]]:
    """(id, name) of the organisations not archived, by name."""
    with db.session() as session:
        rows = session.execute(
            select(Organization.id, Organization.name).where(Organization.archived_at.is_(None))
        ).all()
    return sorted(((r[0], r[1]) for r in rows), key=lambda r: name_sort_key(r[1]))


def chantier_choices(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every chantier, by plan then position."""
    with db.session() as session:
        rows = session.execute(
            select(Chantier.id, Chantier.name).order_by(
                Chantier.plan_id.desc(), Chantier.position, Chantier.id
            )
        ).all()
    return [(r[0], r[1]) for r in rows]
