"""Queries behind the plan workbooks: who sits on which chantier, and the plan as ordered
lines with each means' and target's status, evaluation and comment."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select

from ...domain import (
    ActionPlan,
    Assignment,
    Attendance,
    Chantier,
    Means,
    Meeting,
    Organization,
    Orientation,
    Person,
    Pillar,
    Target,
)
from ...domain.enums import AssignmentRole, AttendanceStatus, MeetingStatus
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, name_sort_key
from .plans import PlanNode, build_tree, current_plan_id

# -- chantiers -------------------------------------------------------------------------------


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


@dataclass
class ChantierRoster:
    plan_id: int
    plan_title: str
    chantiers: list[ChantierHead]
    rows: list[RosterRow]
    assignments: list[AssignmentLine]


_ROLE_ORDER = [role.value for role in AssignmentRole]


def chantier_roster(db: Database, plan_id: int | None, today: dt.date) -> ChantierRoster:
    """Who sits on which chantier of the plan (the current one when None) on ``today``."""
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
        a = Assignment
        rows = session.execute(
            select(
                a.person_id,
                a.chantier_id,
                a.role,
                a.start_date,
                a.end_date,
                Person.last_name,
                Person.first_name,
                Organization.name,
                Person.archived_at,
            )
            .join(Person, Person.id == a.person_id)
            .join(Chantier, Chantier.id == a.chantier_id)
            .outerjoin(Organization, Organization.id == a.organization_id)
            .where(Chantier.plan_id == plan.id)
        ).all()
        title = plan.title
    index = {c.id: i for i, c in enumerate(chantiers)}
    roles: dict[int, list[str]] = {}
    people: dict[int, tuple[str, str, set[str]]] = {}
    lines = []
    for pid, cid, role, start, end, last, first, org, archived in rows:
        active = (
            (start is None or start <= today) and (end is None or end >= today) and not archived
        )
        head = chantiers[index[cid]]
        lines.append(
            AssignmentLine(
                head.name,
                head.pillar,
                last,
                first,
                org or "",
                label(role, AssignmentRole),
                start,
                end,
                active,
            )
        )
        if not active:
            continue
        marks = roles.setdefault(pid, [""] * len(chantiers))
        current = marks[index[cid]]
        if not current or _ROLE_ORDER.index(role) < _ROLE_ORDER.index(current):
            marks[index[cid]] = role
        entry = people.setdefault(pid, (last, first, set()))
        if org:
            entry[2].add(org)
    key = name_sort_key
    roster = [
        RosterRow(
            pid,
            people[pid][0],
            people[pid][1],
            ", ".join(sorted(people[pid][2], key=key)),
            tuple(label(r, AssignmentRole) if r else "" for r in marks),
        )
        for pid, marks in sorted(
            roles.items(), key=lambda i: (key(people[i[0]][0]), key(people[i[0]][1]))
        )
    ]
    order = {c.name: i for i, c in enumerate(chantiers)}
    lines.sort(key=lambda x: (order[x.chantier], not x.active, key(x.last_name), key(x.first_name)))
    return ChantierRoster(plan.id, title, chantiers, roster, lines)


# -- the plan --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanLine:
    depth: int  # 0 pillar (or top-level chantier/orientation), 1, 2, 3...
    node: PlanNode
    comment: str | None = None
    status_date: dt.date | None = None
    indicator: str | None = None
    target_value: object = None
    actual_value: object = None
    unit: str | None = None


@dataclass
class PlanSheet:
    plan_id: int
    title: str
    start_year: int
    end_year: int
    progress: float | None
    lines: list[PlanLine]


def plan_lines(db: Database, plan_id: int | None) -> PlanSheet:
    """The plan (the current one when None) as ordered lines with each leaf's details."""
    with db.session() as session:
        plan_id = plan_id or current_plan_id(session)
        plan = session.get(ActionPlan, plan_id) if plan_id else None
        if plan is None:
            raise NotFoundError(_("Aucun plan d'action à exporter."), "plan_id")
        tree = build_tree(session, plan.id)
        details: dict[tuple[str, int], object] = {}
        for kind, model in (("means", Means), ("target", Target)):
            for leaf in session.scalars(
                select(model)
                .join(Orientation, Orientation.id == model.orientation_id)
                .where(Orientation.plan_id == plan.id)
            ):
                details[(kind, leaf.id)] = leaf
        lines: list[PlanLine] = []

        def walk(node: PlanNode, depth: int) -> None:
            leaf = details.get((node.kind, node.id))
            if leaf is None:
                lines.append(PlanLine(depth, node))
            else:
                lines.append(
                    PlanLine(
                        depth,
                        node,
                        leaf.comment,
                        leaf.status_date,
                        getattr(leaf, "indicator", None),
                        getattr(leaf, "target_value", None),
                        getattr(leaf, "actual_value", None),
                        getattr(leaf, "unit", None),
                    )
                )
            for child in node.children:
                walk(child, depth + 1)

        for child in tree.children:
            walk(child, 0)
        return PlanSheet(plan.id, plan.title, plan.start_year, plan.end_year, tree.progress, lines)


# -- chantiers over a period ----------------------------------------------------------------


@dataclass(frozen=True)
class ChantierSummary:
    number: str
    name: str
    pillar: str
    mandate: str
    participants: int  # active on the period's last day
    lead_organizations: tuple[str, ...]
    meetings_held: int
    presences: int
    progress: float | None


def chantier_summaries(
    db: Database, period_start: dt.date, period_end: dt.date, plan_id: int | None = None
) -> list[ChantierSummary]:
    """Each chantier of the plan (the current one when None): mandate, participants on the
    period's last day, organisations that lead it, meetings held in the period, progress."""
    with db.session() as session:
        plan_id = plan_id or current_plan_id(session)
        if plan_id is None:
            return []
        tree = build_tree(session, plan_id)
        nodes = {
            n.id: (n, top) for top in tree.children for n in top.walk() if n.kind == "chantier"
        }
        chantiers = {
            c.id: c for c in session.scalars(select(Chantier).where(Chantier.plan_id == plan_id))
        }
        pillars = dict(
            session.execute(select(Pillar.id, Pillar.name).where(Pillar.plan_id == plan_id)).all()
        )
        a = Assignment
        active = and_(
            or_(a.start_date.is_(None), a.start_date <= period_end),
            or_(a.end_date.is_(None), a.end_date >= period_end),
        )
        participants = dict(
            session.execute(
                select(a.chantier_id, func.count(a.person_id.distinct()))
                .where(active)
                .group_by(a.chantier_id)
            ).all()
        )
        leads: dict[int, set[str]] = {}
        for chantier_id, organization in session.execute(
            select(a.chantier_id, Organization.name)
            .join(Organization, Organization.id == a.organization_id)
            .where(active, a.role.in_((AssignmentRole.LEAD.value, AssignmentRole.CO_LEAD.value)))
        ):
            leads.setdefault(chantier_id, set()).add(organization)
        held = {
            row[0]: (row[1], row[2] or 0)
            for row in session.execute(
                select(
                    Meeting.chantier_id,
                    func.count(Meeting.id.distinct()),
                    func.count(Attendance.id),
                )
                .outerjoin(
                    Attendance,
                    and_(
                        Attendance.meeting_id == Meeting.id,
                        Attendance.status == AttendanceStatus.PRESENT.value,
                    ),
                )
                .where(
                    Meeting.chantier_id.is_not(None),
                    Meeting.status == MeetingStatus.HELD.value,
                    Meeting.date.between(period_start, period_end),
                )
                .group_by(Meeting.chantier_id)
            )
        }
    out = []
    for chantier_id, (node, _top) in nodes.items():
        chantier = chantiers[chantier_id]
        meetings, presences = held.get(chantier_id, (0, 0))
        out.append(
            ChantierSummary(
                node.number,
                node.title,
                pillars.get(chantier.pillar_id, ""),
                chantier.mandate or "",
                participants.get(chantier_id, 0),
                tuple(sorted(leads.get(chantier_id, ()), key=name_sort_key)),
                meetings,
                presences,
                node.progress,
            )
        )
    return out
