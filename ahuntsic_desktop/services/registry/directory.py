"""The members' directory (« Bottin des membres »): member organisations with their current
representatives, and individual members.

An organisation's own details are not personal information and always appear. A person's
email and phone appear only with a consent to appear in the directory (purpose *bottin*) in
force on the day; individual members appear only with that consent.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select

from ...domain import Membership, Organization, Person, Representation
from ...domain.enums import ConsentPurpose, RepresentationRole, Sector
from ...domain.labels import label
from ...store import Database
from ..core import name_sort_key
from ..core import settings as settings_service
from .contacts import consented_person_ids


@dataclass(frozen=True)
class DirectoryPerson:
    name: str
    role: str
    email: str  # "" without consent
    phone: str
    consented: bool


@dataclass(frozen=True)
class DirectoryEntry:
    name: str
    acronym: str
    sector: str
    address: str
    email: str
    phone: str
    website: str
    representatives: tuple[DirectoryPerson, ...]


@dataclass
class Directory:
    year_label: str
    privacy_officer_name: str
    privacy_officer_contact: str
    organizations: list[DirectoryEntry]  # sorted by sector, then name
    individuals: list[DirectoryPerson]

    @property
    def sectors(self) -> list[str]:
        seen: list[str] = []
        for entry in self.organizations:
            if entry.sector not in seen:
                seen.append(entry.sector)
        return seen


def _members(session, column, years: tuple[int, int]) -> set[int]:
    """Members with a paid membership for the current or the previous membership year."""
    return set(
        session.scalars(
            select(column).where(
                column.is_not(None),
                Membership.year.between(*years),
                Membership.paid_on.is_not(None),
            )
        )
    )


def directory(db: Database, today: dt.date) -> Directory:
    """Member organisations (paid this membership year or the last) and their current
    representatives; individual members who consented to appear."""
    table_settings = settings_service.load(db)
    year = table_settings.membership_year_of(today)
    years = (year - 1, year)
    with db.session() as session:
        consented = consented_person_ids(session, today, (ConsentPurpose.DIRECTORY.value,))
        org_ids = _members(session, Membership.organization_id, years)
        person_ids = _members(session, Membership.person_id, years)
        organizations = session.scalars(
            select(Organization).where(
                Organization.id.in_(org_ids), Organization.archived_at.is_(None)
            )
        ).all()
        r = Representation
        reps = session.execute(
            select(r.organization_id, r.role, Person)
            .join(Person, Person.id == r.person_id)
            .where(
                r.organization_id.in_(org_ids),
                or_(r.start_date.is_(None), r.start_date <= today),
                or_(r.end_date.is_(None), r.end_date >= today),
                Person.archived_at.is_(None),
                Person.anonymized_at.is_(None),
            )
        ).all()
        by_org: dict[int, list[tuple]] = defaultdict(list)
        for org_id, role, person in reps:
            by_org[org_id].append((role, person))
        persons = session.scalars(
            select(Person).where(
                Person.id.in_(person_ids & consented),
                Person.archived_at.is_(None),
                Person.anonymized_at.is_(None),
            )
        ).all()
        individuals = [
            _person(person, "", True)
            for person in sorted(
                persons, key=lambda p: (name_sort_key(p.last_name), name_sort_key(p.first_name))
            )
        ]
        role_order = [role.value for role in RepresentationRole]
        sector_order = [sector.value for sector in Sector]
        entries = []
        for org in sorted(
            organizations,
            key=lambda o: (
                sector_order.index(o.sector) if o.sector in sector_order else 99,
                name_sort_key(o.name),
            ),
        ):
            people = sorted(
                by_org.get(org.id, []),
                key=lambda rp: (
                    role_order.index(rp[0]) if rp[0] in role_order else 99,
                    name_sort_key(rp[1].last_name),
                    name_sort_key(rp[1].first_name),
                ),
            )
            entries.append(
                DirectoryEntry(
                    org.name,
                    org.acronym or "",
                    label(org.sector, Sector),
                    _address(org),
                    org.email or "",
                    org.phone or "",
                    org.website or "",
                    tuple(
                        _person(person, label(role, RepresentationRole), person.id in consented)
                        for role, person in people
                    ),
                )
            )
    return Directory(
        table_settings.membership_year_label(year),
        table_settings.privacy_officer_name,
        table_settings.privacy_officer_contact,
        entries,
        individuals,
    )


def _address(org: Organization) -> str:
    place = " ".join(part for part in (org.city, org.postal_code) if part)
    return ", ".join(part for part in (org.address, place) if part)


def _person(person: Person, role: str, consented: bool) -> DirectoryPerson:
    return DirectoryPerson(
        person.full_name,
        role,
        (person.email or "") if consented else "",
        (person.phone or "") if consented else "",
        consented,
    )
