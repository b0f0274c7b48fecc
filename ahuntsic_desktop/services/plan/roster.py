"""Who sits on which chantier of a plan: one row a person with a role per chantier, and
every assignment with its dates, both in French order of names.

The rows are read as they are used, not held: at a big table's scale a plan has tens of
thousands of assignments. On SQLite the French order is the store's ``fold_key`` in SQL
(:func:`~ahuntsic_desktop.store.french_key`), so they stream from the cursor; on a server
they are sorted in Python, as before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from sqlalchemy import and_, case, distinct, func, select

from ...domain import ActionPlan, Assignment, Chantier, Organization, Person, Pillar
from ...domain.enums import AssignmentRole
from ...domain.labels import label
from ...i18n import _
from ...store import Database, french_key
from ..core import NotFoundError, name_sort_key
from .chantiers import ROLE_ORDER, active_condition
from .plans import current_plan_id

CHUNK = 1000  # rows fetched from the cursor at a time
SPAN = 1 << 32  # chantier id * SPAN + assignment id: the order the rows are met in


@dataclass(frozen=True)
class ChantierHead:
    id: int
    name: str
    pillar: str


@dataclass(frozen=True)
class RosterRow:
    person_id: int
    last_name: str
    first_name: str
    organization: str
    roles: tuple[str, ...]  # role label per chantier, "" when not in it

    @property
    def count(self) -> int:
        return sum(1 for role in self.roles if role)


@dataclass(frozen=True)
class AssignmentLine:
    chantier: str
    pillar: str
    last_name: str
    first_name: str
    organization: str
    role: str
    start_date: dt.date | None
    end_date: dt.date | None
    active: bool


def _role_labels() -> dict[str, str]:
    """Each role's label, looked up once an export rather than once a cell."""
    return {role.value: label(role.value, AssignmentRole) for role in AssignmentRole}


def _active(today: dt.date):
    """An assignment running on ``today``, of a person not archived."""
    return and_(active_condition(today), Person.archived_at.is_(None))


def _assignments(plan_id: int):
    a = Assignment
    return (
        select(
            a.person_id,
            a.chantier_id,
            a.role,
            a.start_date,
            a.end_date,
            Person.last_name,
            Person.first_name,
            Organization.name,
        )
        .join(Person, Person.id == a.person_id)
        .join(Chantier, Chantier.id == a.chantier_id)
        .outerjoin(Organization, Organization.id == a.organization_id)
        .where(Chantier.plan_id == plan_id)
    )


@dataclass(frozen=True)
class ChantierRoster:
    """A plan's chantiers and the counts of its roster; :meth:`rows` and
    :meth:`assignments` read the rows when iterated (each in a session of its own)."""

    db: Database
    plan_id: int
    plan_title: str
    chantiers: list[ChantierHead]
    today: dt.date
    people: int  # persons with a running assignment: the rows of :meth:`rows`
    assignment_count: int

    def rows(self) -> Iterator[RosterRow]:
        """One row a person with a running assignment, by last then first name (French
        order), with their role in each chantier (the highest when several)."""
        index = {c.id: i for i, c in enumerate(self.chantiers)}
        width = len(self.chantiers)
        labels = _role_labels()
        key = name_sort_key
        a = Assignment
        with self.db.session() as session:
            query = _assignments(self.plan_id).where(_active(self.today))
            fold = french_key(session)
            if fold is not None:
                # namesakes: the one first met by chantier, then assignment, comes first
                seen = func.min(a.chantier_id * SPAN + a.id).over(partition_by=a.person_id)
                query = query.order_by(
                    fold(Person.last_name), fold(Person.first_name), seen, a.person_id
                )
                found = session.execute(query.execution_options(yield_per=CHUNK))
            else:
                every = session.execute(query.order_by(a.chantier_id, a.id)).all()
                met: dict[int, int] = {}
                for i, row in enumerate(every):
                    met.setdefault(row[0], i)
                every.sort(key=lambda r: (key(r[5]), key(r[6]), met[r[0]]))
                found = every
            for pid, group in groupby(found, key=itemgetter(0)):
                rows = list(group)  # one person's running assignments
                last, first = rows[0][5], rows[0][6]
                marks = [""] * width
                organizations: set[str] = set()
                for _pid, cid, role, _start, _end, _last, _first, org in rows:
                    current = marks[index[cid]]
                    if not current or ROLE_ORDER[role] < ROLE_ORDER[current]:
                        marks[index[cid]] = role
                    if org:
                        organizations.add(org)
                yield RosterRow(
                    pid,
                    last,
                    first,
                    ", ".join(sorted(organizations, key=key)),
                    tuple(labels[r] if r else "" for r in marks),
                )

    def assignments(self) -> Iterator[AssignmentLine]:
        """Every assignment of the plan: by chantier, running ones first, then by last and
        first name (French order)."""
        heads = {c.id: c for c in self.chantiers}
        labels = _role_labels()
        key = name_sort_key
        running = _active(self.today)
        with self.db.session() as session:
            query = _assignments(self.plan_id).add_columns(case((running, True), else_=False))
            fold = french_key(session)
            if fold is not None:
                query = query.outerjoin(Pillar, Pillar.id == Chantier.pillar_id).order_by(
                    Pillar.id.is_(None),
                    Pillar.position,
                    Chantier.position,
                    Chantier.id,
                    case((running, 0), else_=1),
                    fold(Person.last_name),
                    fold(Person.first_name),
                    Assignment.id,
                )
                found = session.execute(query.execution_options(yield_per=CHUNK))
            else:
                order = {c.id: i for i, c in enumerate(self.chantiers)}
                found = sorted(
                    session.execute(query.add_columns(Assignment.id)).all(),
                    key=lambda r: (order[r[1]], not r[8], key(r[5]), key(r[6]), r[9]),
                )
            for row in found:
                _pid, cid, role, start, end, last, first, org, active = row[:9]
                head = heads[cid]
                yield AssignmentLine(
                    head.name,
                    head.pillar,
                    last,
                    first,
                    org or "",
                    labels.get(role) or label(role, AssignmentRole),
                    start,
                    end,
                    bool(active),
                )


def chantier_roster(db: Database, plan_id: int | None, today: dt.date) -> ChantierRoster:
    """Who sits on which chantier of the plan (the current one when None) on ``today``:
    its chantiers and counts now, its rows when iterated."""
    with db.session() as session:
        plan_id = plan_id or current_plan_id(session)
        plan = session.get(ActionPlan, plan_id) if plan_id else None
        if plan is None:
            raise NotFoundError(_("Aucun plan d'action à exporter."), "plan_id")
        chantiers = [
            ChantierHead(cid, name, pillar or "")
            for cid, name, pillar in session.execute(
                select(Chantier.id, Chantier.name, Pillar.name)
                .outerjoin(Pillar, Pillar.id == Chantier.pillar_id)
                .where(Chantier.plan_id == plan.id)
                .order_by(Pillar.id.is_(None), Pillar.position, Chantier.position, Chantier.id)
            )
        ]
        counted = _assignments(plan.id).subquery()
        running = _assignments(plan.id).where(_active(today)).subquery()
        total = session.scalar(select(func.count()).select_from(counted))
        people = session.scalar(select(func.count(distinct(running.c.person_id))))
        return ChantierRoster(db, plan.id, plan.title, chantiers, today, people, total)
