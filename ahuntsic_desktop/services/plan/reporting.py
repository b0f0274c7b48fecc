"""Queries behind the plan workbooks: the plan as ordered lines with each means' and
target's status, evaluation and comment, and the chantiers' summaries (who sits on which
chantier: :mod:`.roster`)."""

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
    Pillar,
    Target,
)
from ...domain.enums import AssignmentRole, AttendanceStatus, MeetingStatus
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, name_sort_key
from .plans import PlanNode, build_tree, current_plan_id

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
