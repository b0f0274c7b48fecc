"""The participation matrix: organisations (or persons) by chantier of a plan, with the
roles they hold, and which chantiers lack a porteur·euse."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import Assignment, Chantier, Organization, Person
from ...domain.enums import AssignmentRole
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import ValidationError
from ..core import validation as v
from .chantiers import ROLE_ORDER, active_condition, person_name, sort_key
from .plans import LEAD_ROLES, build_tree


@dataclass(frozen=True)
class MatrixColumn:
    chantier_id: int
    number: str
    name: str
    has_lead: bool


@dataclass(frozen=True)
class MatrixRow:
    key: int | None  # organisation or person id; None: people in their own name
    name: str
    roles: tuple[tuple[str, ...], ...]  # per column, the role codes held (best first)


@dataclass(frozen=True)
class Matrix:
    by: str  # "organization" or "person"
    columns: tuple[MatrixColumn, ...]
    rows: tuple[MatrixRow, ...]

    def cell_text(self, row: int, column: int) -> str:
        return ", ".join(label(r, AssignmentRole) for r in self.rows[row].roles[column])


def participation_matrix(
    db: Database, plan_id: int, *, by: str = "organization", today: dt.date | None = None
) -> Matrix:
    """Organisations (or persons) by chantier of the plan, with the roles held on ``today``.
    People taking part in their own name share one row in the organisation view."""
    if by not in ("organization", "person"):
        raise ValidationError(_("Vue inconnue."))
    today = today or dt.date.today()
    with db.session() as session:
        tree = build_tree(session, plan_id)
        chantiers = [n for n in tree.walk() if n.kind == "chantier"]
        query = (
            select(
                Assignment.chantier_id,
                Assignment.role,
                Person.id,
                Person.first_name,
                Person.last_name,
                Organization.id,
                Organization.name,
            )
            .join(Person, Person.id == Assignment.person_id)
            .join(Chantier, Chantier.id == Assignment.chantier_id)
            .outerjoin(Organization, Organization.id == Assignment.organization_id)
            .where(
                Chantier.plan_id == plan_id, active_condition(today), Person.archived_at.is_(None)
            )
        )
        rows = session.execute(query).all()
    column_of = {c.id: index for index, c in enumerate(chantiers)}
    held: dict[int | None, list[set[str]]] = {}
    names: dict[int | None, str] = {}
    order_of: dict[int | None, tuple] = {}
    leads: set[int] = set()
    for chantier_id, role, person_id, first, last, org_id, org_name in rows:
        if role in LEAD_ROLES:
            leads.add(chantier_id)
        if by == "person":
            key, name = person_id, person_name(first, last)
            order_of[key] = (False, *sort_key(first, last))
        else:
            key, name = org_id, org_name or _("À titre personnel (sans organisme)")
            order_of[key] = (key is None, v.name_sort_key(name))
        names[key] = name
        held.setdefault(key, [set() for _c in chantiers])[column_of[chantier_id]].add(role)
    columns = tuple(MatrixColumn(c.id, c.number, c.title, c.id in leads) for c in chantiers)
    order = sorted(held, key=order_of.get)
    matrix_rows = tuple(
        MatrixRow(
            key,
            names[key],
            tuple(tuple(sorted(cell, key=ROLE_ORDER.get)) for cell in held[key]),
        )
        for key in order
    )
    return Matrix(by, columns, matrix_rows)
