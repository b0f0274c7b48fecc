"""The member register (« Registre des membres »): organisations, persons, categories and
dues per membership year. Persons' contact details only on request, and only of those who
consented (see :func:`.contacts.consented_person_ids`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ...domain import Membership, MembershipCategory, Organization, Person, Representation
from ...domain.enums import Sector
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import Column, Table, name_sort_key
from ..core import settings as settings_service
from .contacts import consented_person_ids
from .standing import MemberStatus, paid_status_subquery, status_from_flags, status_label


@dataclass
class MemberRegister:
    year_label: str
    organizations: Table
    persons: Table
    categories: Table
    dues_by_year: Table


def _categories_of_year(session: Session, year: int) -> tuple[dict[int, str], dict[int, str]]:
    rows = session.execute(
        select(Membership.organization_id, Membership.person_id, MembershipCategory.name)
        .join(MembershipCategory, MembershipCategory.id == Membership.category_id)
        .where(Membership.year == year)
    ).all()
    by_org = {o: name for o, _p, name in rows if o is not None}
    by_person = {p: name for _o, p, name in rows if p is not None}
    return by_org, by_person


def _current_representatives(session: Session, today: dt.date) -> dict[int, list[tuple]]:
    r = Representation
    rows = session.execute(
        select(r.organization_id, r.person_id, Person.first_name, Person.last_name, r.role)
        .join(Person, Person.id == r.person_id)
        .where(
            or_(r.start_date.is_(None), r.start_date <= today),
            or_(r.end_date.is_(None), r.end_date >= today),
            Person.archived_at.is_(None),
        )
    ).all()
    by_org: dict[int, list[tuple]] = defaultdict(list)
    for row in rows:
        by_org[row[0]].append(row[1:])
    return by_org


def member_register(
    db: Database, today: dt.date, *, include_contacts: bool = False
) -> MemberRegister:
    """Organisations, persons, categories and dues per year, for the « Registre des membres »."""
    table_settings = settings_service.load(db)
    year = table_settings.membership_year_of(today)
    year_label = table_settings.membership_year_label(year)
    sectors = {s.value: label(s) for s in Sector}
    statuses = {s: status_label(s) for s in MemberStatus}
    category_title = _("Catégorie {year}").format(year=year_label)
    with db.session() as session:
        org_categories, person_categories = _categories_of_year(session, year)
        representatives = _current_representatives(session, today)
        consented = consented_person_ids(session, today) if include_contacts else set()
        o = Organization
        status = paid_status_subquery(Membership.organization_id, year)
        org_rows = session.execute(
            select(
                o.id,
                o.name,
                o.acronym,
                o.sector,
                o.address,
                o.city,
                o.postal_code,
                o.email,
                o.phone,
                status.c.current,
                status.c.previous,
            )
            .outerjoin(status, status.c.member_id == o.id)
            .where(o.archived_at.is_(None))
        ).all()
        p = Person
        status = paid_status_subquery(Membership.person_id, year)
        person_rows = session.execute(
            select(
                p.id,
                p.last_name,
                p.first_name,
                p.sector,
                p.is_resident,
                p.is_elected,
                p.email,
                p.phone,
                status.c.current,
                status.c.previous,
            )
            .outerjoin(status, status.c.member_id == p.id)
            .where(p.archived_at.is_(None), p.anonymized_at.is_(None))
        ).all()
        represented: dict[int, list[str]] = defaultdict(list)
        names = {row[0]: row[1] for row in org_rows}
        for org_id, reps in representatives.items():
            for person_id, *_rest in reps:
                if org_id in names:
                    represented[person_id].append(names[org_id])
        categories = _categories_table(session, year, year_label)
        dues = _dues_table(session, table_settings)

    organizations = Table(
        [
            Column("name", _("Nom")),
            Column("acronym", _("Sigle")),
            Column("sector", _("Secteur")),
            Column("address", _("Adresse")),
            Column("email", _("Courriel")),
            Column("phone", _("Téléphone")),
            Column("status", _("Adhésion")),
            Column("category", category_title),
            Column("representatives", _("Représentant·es")),
        ]
    )
    for row in sorted(org_rows, key=lambda r: name_sort_key(r[1])):
        reps = sorted(
            representatives.get(row[0], []),
            key=lambda r: (name_sort_key(r[2]), name_sort_key(r[1])),
        )
        organizations.ids.append(row[0])
        organizations.rows.append(
            (
                row[1],
                row[2] or "",
                sectors.get(row[3], row[3]),
                _address(row[4], row[5], row[6]),
                row[7] or "",
                row[8] or "",
                statuses[status_from_flags(row[9], row[10])],
                org_categories.get(row[0], ""),
                ", ".join(f"{first} {last}".strip() for _i, first, last, _role in reps),
            )
        )
    person_columns = [
        Column("last_name", _("Nom")),
        Column("first_name", _("Prénom")),
        Column("organizations", _("Organismes représentés")),
        Column("sector", _("Secteur")),
        Column("resident", _("Résident·e"), "bool"),
        Column("elected", _("Élu·e"), "bool"),
        Column("status", _("Adhésion")),
        Column("category", category_title),
    ]
    if include_contacts:
        person_columns += [Column("email", _("Courriel")), Column("phone", _("Téléphone"))]
    persons = Table(person_columns)
    key = name_sort_key
    for row in sorted(person_rows, key=lambda r: (key(r[1]), key(r[2]))):
        values = [
            row[1],
            row[2],
            ", ".join(sorted(represented.get(row[0], []), key=key)),
            sectors.get(row[3], row[3] or ""),
            bool(row[4]),
            bool(row[5]),
            statuses[status_from_flags(row[8], row[9])],
            person_categories.get(row[0], ""),
        ]
        if include_contacts:
            shared = row[0] in consented
            values += [row[6] or "" if shared else "", row[7] or "" if shared else ""]
        persons.ids.append(row[0])
        persons.rows.append(tuple(values))
    return MemberRegister(year_label, organizations, persons, categories, dues)


def _address(street: str | None, city: str | None, postal_code: str | None) -> str:
    """``10598, boulevard Gouin Ouest, Montréal H2B 0W7``."""
    place = " ".join(part for part in (city, postal_code) if part)
    return ", ".join(part for part in (street, place) if part)


def _categories_table(session: Session, year: int, year_label: str) -> Table:
    c = MembershipCategory
    counts = dict(
        session.execute(
            select(Membership.category_id, func.count(Membership.id))
            .where(Membership.year == year)
            .group_by(Membership.category_id)
        ).all()
    )
    table = Table(
        [
            Column("name", _("Catégorie")),
            Column("voting", _("Droit de vote"), "bool"),
            Column("dues", _("Cotisation par défaut"), "money"),
            Column("persons", _("Pour les personnes"), "bool"),
            Column("organizations", _("Pour les organismes"), "bool"),
            Column("count", _("Adhésions {year}").format(year=year_label), "int"),
        ]
    )
    for row in session.execute(select(c).order_by(c.position, c.name)).scalars():
        table.ids.append(row.id)
        table.rows.append(
            (
                row.name,
                row.voting,
                row.default_dues_cents,
                row.for_persons,
                row.for_organizations,
                counts.get(row.id, 0),
            )
        )
    return table


def _dues_table(session: Session, table_settings) -> Table:
    m = Membership
    paid = m.paid_on.is_not(None)
    rows = session.execute(
        select(
            m.year,
            func.count(m.id),
            func.count(m.paid_on),
            func.count(m.organization_id),
            func.count(m.person_id),
            func.coalesce(func.sum(m.dues_cents), 0),
            func.coalesce(func.sum(m.dues_cents).filter(paid), 0),
        )
        .group_by(m.year)
        .order_by(m.year.desc())
    ).all()
    table = Table(
        [
            Column("year", _("Année d'adhésion")),
            Column("memberships", _("Adhésions"), "int"),
            Column("paid", _("Payées"), "int"),
            Column("unpaid", _("Non payées"), "int"),
            Column("organizations", _("Organismes"), "int"),
            Column("persons", _("Personnes"), "int"),
            Column("due", _("Cotisations facturées"), "money"),
            Column("received", _("Cotisations perçues"), "money"),
            Column("outstanding", _("Reste à percevoir"), "money"),
        ]
    )
    for year, count, paid_count, orgs, persons, due, received in rows:
        table.ids.append(year)
        table.rows.append(
            (
                table_settings.membership_year_label(year),
                count,
                paid_count,
                count - paid_count,
                orgs,
                persons,
                due,
                received,
                due - received,
            )
        )
    return table
