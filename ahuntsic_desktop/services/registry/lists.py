"""The registry lists as the screens show them: the organisations and persons lists with
this year's membership status and category (so they can be filtered on), and the short
(id, label) choices the registry dialogs offer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ...domain import Membership, MembershipCategory, Organization, Person
from ...i18n import _
from ...store import Database
from ..core import Column, Table
from ..core import settings as settings_service
from ..core import validation as v
from .organizations import list_organizations
from .person_list import Extra, first_person_ids, person_table
from .standing import MemberStatus, paid_status_subquery, status_from_flags, status_label


def _categories_of_year(
    db: Database, member_column, year: int, ids: list[int] | None = None
) -> dict[int, str]:
    """member id -> the category name of its membership for ``year`` (paid or not), for
    every member or for ``ids``."""
    stmt = (
        select(member_column, MembershipCategory.name)
        .join(MembershipCategory, Membership.category_id == MembershipCategory.id)
        .where(member_column.is_not(None), Membership.year == year)
    )
    if ids is not None:
        stmt = stmt.where(member_column.in_(ids))
    with db.session() as session:
        return dict(session.connection().execute(stmt).all())


def _insert_column(table: Table, before: str, column: Column, values: list) -> None:
    index = table.column_index(before)
    table.columns.insert(index, column)
    table.rows = [
        (*row[:index], value, *row[index:]) for row, value in zip(table.rows, values, strict=True)
    ]


def organizations_table(
    db: Database, *, include_archived: bool = False, today: date | None = None
) -> Table:
    """:func:`organizations.list_organizations` plus this membership year's category."""
    today = today or date.today()
    table = list_organizations(db, include_archived=include_archived, today=today)
    year = settings_service.load(db).membership_year_of(today)
    categories = _categories_of_year(db, Membership.organization_id, year)
    values = [categories.get(record_id, "") for record_id in table.ids]
    _insert_column(table, "partner", Column("category", _("Catégorie")), values)
    return table


def persons_table(
    db: Database,
    *,
    include_archived: bool = False,
    today: date | None = None,
    first: int | None = None,
) -> Table:
    """:func:`persons.list_persons` plus each person's own membership status and this
    membership year's category (two grouped queries, whatever the number of rows).

    ``first``: only the first persons in French order (what the list shows while it reads
    the whole, :func:`person_list.first_person_ids`)."""
    today = today or date.today()
    ids = None
    if first is not None:
        ids = first_person_ids(db, first, include_archived=include_archived)
    year = settings_service.load(db).membership_year_of(today)
    status = paid_status_subquery(Membership.person_id, year)
    flags_stmt = select(status.c.member_id, status.c.current, status.c.previous)
    if ids is not None:
        flags_stmt = flags_stmt.where(status.c.member_id.in_(ids))
    with db.session() as session:
        flags = {row[0]: (row[1], row[2]) for row in session.connection().execute(flags_stmt)}
    labels = {s: status_label(s) for s in MemberStatus}
    paid = {person_id: labels[status_from_flags(*pair)] for person_id, pair in flags.items()}
    unpaid = labels[status_from_flags(None, None)]
    categories = _categories_of_year(db, Membership.person_id, year, ids)
    return person_table(
        db,
        include_archived=include_archived,
        today=today,
        extras=[
            Extra(Column("membership", _("Adhésion")), lambda i: paid.get(i, unpaid)),
            Extra(Column("category", _("Catégorie")), lambda i: categories.get(i, "")),
        ],
        ids=ids,
    )


# -- choices for the dialogs --------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


def organization_choices(db: Database, *, include_archived: bool = False) -> list[Choice]:
    """Organisations by name, « Nom (SIGLE) » when they have an acronym."""
    o = Organization
    stmt = select(o.id, o.name, o.acronym)
    if not include_archived:
        stmt = stmt.where(o.archived_at.is_(None))
    with db.session() as session:
        rows = session.connection().execute(stmt).all()
    rows = sorted(rows, key=lambda r: v.name_sort_key(r[1]))
    return [Choice(r[0], f"{r[1]} ({r[2]})" if r[2] else r[1]) for r in rows]


def person_choices(db: Database, *, include_archived: bool = False) -> list[Choice]:
    """Persons as « Prénom Nom », sorted by last then first name; homonyms get their email."""
    p = Person
    stmt = select(p.id, p.first_name, p.last_name, p.email)
    if not include_archived:
        stmt = stmt.where(p.archived_at.is_(None))
    with db.session() as session:
        rows = session.connection().execute(stmt).all()
    rows = sorted(rows, key=lambda r: (v.name_sort_key(r[2]), v.name_sort_key(r[1])))
    names = [f"{r[1]} {r[2]}".strip() for r in rows]
    seen: dict[str, int] = {}
    for name in names:
        seen[name] = seen.get(name, 0) + 1
    choices = []
    for row, name in zip(rows, names, strict=True):
        if seen[name] > 1:
            name = (
                f"{name} — {row[3]}"
                if row[3]
                else _("{name} — n° {id}").format(name=name, id=row[0])
            )
        choices.append(Choice(row[0], name))
    return choices
