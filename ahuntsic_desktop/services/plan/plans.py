"""The strategic action plan: plans, the numbered tree with rolled-up progress, chantiers.

Progress counts means and targets (the leaves): one is done (1) when its status is
*réalisé* or its evaluation *atteinte*, half done (0.5) when evaluated *partiellement
atteinte*, left out when *abandonné* or *sans objet*, and 0 otherwise. A node's progress is
the average over the leaves beneath it, or None when it has none to count.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, case, func, null, or_, select, union_all
from sqlalchemy.orm import Session

from ...domain import ActionPlan, Assignment, Chantier, Means, Orientation, Person, Pillar, Target
from ...domain.enums import AssignmentRole, Evaluation, PlanStatus
from ...i18n import _
from ...store import Database
from ..core import Choice, Column, NotFoundError, Table

LEAD_ROLES = (AssignmentRole.LEAD.value, AssignmentRole.CO_LEAD.value)


@dataclass(frozen=True)
class PlanNode:
    kind: str  # plan, pillar, chantier, orientation, means, target
    id: int
    number: str  # "" for the plan, then "1", "1.2", "1.2.3"...
    title: str
    status: str | None = None  # means and targets only
    evaluation: str | None = None
    progress: float | None = None  # 0..1, None when nothing to count
    done: float = 0.0  # sum of the leaves' scores
    counted: int = 0  # leaves counted
    children: tuple[PlanNode, ...] = ()

    def walk(self):
        """This node and all beneath it, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class PlanSummary:
    id: int
    title: str
    start_year: int
    end_year: int
    pillars: int
    chantiers: int
    orientations: int
    progress: float | None


@dataclass(frozen=True)
class ChantierRef:
    id: int
    name: str
    pillar_name: str


def leaf_score(status: str | None, evaluation: str | None) -> float | None:
    """A means' or target's contribution to progress (None: not counted)."""
    if status == PlanStatus.DONE or evaluation == Evaluation.ACHIEVED:
        return 1.0
    if status == PlanStatus.ABANDONED or evaluation == Evaluation.NOT_APPLICABLE:
        return None
    if evaluation == Evaluation.PARTIAL:
        return 0.5
    return 0.0


def _score_sql(model):
    """:func:`leaf_score` as SQL, NULL when not counted (so AVG and COUNT skip it)."""
    return case(
        (
            or_(
                model.status == PlanStatus.DONE.value, model.evaluation == Evaluation.ACHIEVED.value
            ),
            1.0,
        ),
        (
            or_(
                model.status == PlanStatus.ABANDONED.value,
                model.evaluation == Evaluation.NOT_APPLICABLE.value,
            ),
            null(),
        ),
        (model.evaluation == Evaluation.PARTIAL.value, 0.5),
        else_=0.0,
    )


def _leaf_scores():
    """(plan_id, chantier_id, score) of every means and target, as a subquery."""
    parts = [
        select(
            Orientation.plan_id.label("plan_id"),
            Orientation.chantier_id.label("chantier_id"),
            _score_sql(model).label("score"),
        ).join(Orientation, Orientation.id == model.orientation_id)
        for model in (Means, Target)
    ]
    return union_all(*parts).subquery()


def _progress(done: float | None, counted: int | None) -> float | None:
    return (done or 0.0) / counted if counted else None


def _node(kind, id_, number, title, children=(), status=None, evaluation=None) -> PlanNode:
    if kind in ("means", "target"):
        score = leaf_score(status, evaluation)
        done, counted = (score or 0.0), (0 if score is None else 1)
    else:
        done = sum(child.done for child in children)
        counted = sum(child.counted for child in children)
    return PlanNode(
        kind=kind,
        id=id_,
        number=number,
        title=title,
        status=status,
        evaluation=evaluation,
        progress=_progress(done, counted),
        done=done,
        counted=counted,
        children=tuple(children),
    )


def _number(parent: str, index: int) -> str:
    return f"{parent}.{index}" if parent else str(index)


def build_tree(session: Session, plan_id: int) -> PlanNode:
    """The whole plan as a tree, in six queries. For services that already hold a session."""
    plan = session.get(ActionPlan, plan_id)
    if plan is None:
        raise NotFoundError(_("Ce plan d'action n'existe plus."))

    def ordered(model, *where):
        return list(session.scalars(select(model).where(*where).order_by(model.position, model.id)))

    pillars = ordered(Pillar, Pillar.plan_id == plan_id)
    chantiers = ordered(Chantier, Chantier.plan_id == plan_id)
    orientations = ordered(Orientation, Orientation.plan_id == plan_id)
    leaves: dict[int, list[tuple[str, object]]] = defaultdict(list)
    for kind, model in (("means", Means), ("target", Target)):
        rows = session.scalars(
            select(model)
            .join(Orientation, Orientation.id == model.orientation_id)
            .where(Orientation.plan_id == plan_id)
            .order_by(model.position, model.id)
        )
        for leaf in rows:
            leaves[leaf.orientation_id].append((kind, leaf))

    pillar_ids = {p.id for p in pillars}
    chantier_ids = {c.id for c in chantiers}
    chantiers_of: dict[int | None, list[Chantier]] = defaultdict(list)
    for chantier in chantiers:
        chantiers_of[chantier.pillar_id if chantier.pillar_id in pillar_ids else None].append(
            chantier
        )
    by_chantier: dict[int, list[Orientation]] = defaultdict(list)
    by_pillar: dict[int | None, list[Orientation]] = defaultdict(list)
    for orientation in orientations:
        if orientation.chantier_id in chantier_ids:
            by_chantier[orientation.chantier_id].append(orientation)
        else:
            pillar = orientation.pillar_id if orientation.pillar_id in pillar_ids else None
            by_pillar[pillar].append(orientation)

    def orientation_node(orientation: Orientation, number: str) -> PlanNode:
        children = [
            _node(kind, leaf.id, _number(number, i), leaf.title, (), leaf.status, leaf.evaluation)
            for i, (kind, leaf) in enumerate(leaves[orientation.id], start=1)
        ]
        return _node("orientation", orientation.id, number, orientation.title, children)

    def chantier_node(chantier: Chantier, number: str) -> PlanNode:
        children = [
            orientation_node(o, _number(number, i))
            for i, o in enumerate(by_chantier[chantier.id], start=1)
        ]
        return _node("chantier", chantier.id, number, chantier.name, children)

    def level(parent: str, pillar_id: int | None, before: int = 0) -> list[PlanNode]:
        """Chantiers then orientations of a pillar (or of the plan itself when None)."""
        nodes: list[PlanNode] = []
        for chantier in chantiers_of[pillar_id]:
            nodes.append(chantier_node(chantier, _number(parent, before + len(nodes) + 1)))
        for orientation in by_pillar[pillar_id]:
            nodes.append(orientation_node(orientation, _number(parent, before + len(nodes) + 1)))
        return nodes

    top: list[PlanNode] = []
    for pillar in pillars:
        number = _number("", len(top) + 1)
        top.append(_node("pillar", pillar.id, number, pillar.name, level(number, pillar.id)))
    top.extend(level("", None, before=len(top)))
    return _node("plan", plan.id, "", plan.title, top)


def plan_tree(db: Database, plan_id: int) -> PlanNode:
    with db.session() as session:
        return build_tree(session, plan_id)


def list_plans(db: Database) -> list[PlanSummary]:
    """Every plan, the most recent first, with counts and overall progress."""
    scores = _leaf_scores()

    with db.session() as session:
        plans = session.scalars(
            select(ActionPlan).order_by(ActionPlan.start_year.desc(), ActionPlan.id.desc())
        ).all()
        tallies = {
            model: dict(
                session.execute(
                    select(model.plan_id, func.count(model.id)).group_by(model.plan_id)
                ).all()
            )
            for model in (Pillar, Chantier, Orientation)
        }
        progress = {
            plan_id: _progress(done, counted)
            for plan_id, done, counted in session.execute(
                select(
                    scores.c.plan_id, func.sum(scores.c.score), func.count(scores.c.score)
                ).group_by(scores.c.plan_id)
            )
        }
        return [
            PlanSummary(
                id=plan.id,
                title=plan.title,
                start_year=plan.start_year,
                end_year=plan.end_year,
                pillars=tallies[Pillar].get(plan.id, 0),
                chantiers=tallies[Chantier].get(plan.id, 0),
                orientations=tallies[Orientation].get(plan.id, 0),
                progress=progress.get(plan.id),
            )
            for plan in plans
        ]


def _active(today: dt.date):
    return and_(
        or_(Assignment.start_date.is_(None), Assignment.start_date <= today),
        or_(Assignment.end_date.is_(None), Assignment.end_date >= today),
        Person.archived_at.is_(None),
    )


def _lead_names(session: Session, today: dt.date, plan_id: int | None) -> dict[int, list[str]]:
    query = (
        select(Assignment.chantier_id, Person.first_name, Person.last_name)
        .join(Person, Person.id == Assignment.person_id)
        .join(Chantier, Chantier.id == Assignment.chantier_id)
        .where(Assignment.role.in_(LEAD_ROLES), _active(today))
        .order_by(
            case((Assignment.role == AssignmentRole.LEAD.value, 0), else_=1),
            Person.last_name,
            Person.first_name,
        )
    )  # no DISTINCT (PostgreSQL refuses it ordered by the role): the loop keeps names once
    if plan_id is not None:
        query = query.where(Chantier.plan_id == plan_id)
    names: dict[int, list[str]] = defaultdict(list)
    for chantier_id, first, last in session.execute(query):
        name = f"{first} {last}".strip()
        if name not in names[chantier_id]:
            names[chantier_id].append(name)
    return names


def chantier_columns() -> list[Column]:
    return [
        Column("plan", _("Plan d'action")),
        Column("pillar", _("Pilier")),
        Column("chantier", _("Chantier")),
        Column("members", _("Participant·es"), "int"),
        Column("leads", _("Porteur·es")),
        Column("orientations", _("Orientations"), "int"),
        Column("progress", _("Avancement"), "percent"),
    ]


def list_chantiers(
    db: Database, plan_id: int | None = None, *, today: dt.date | None = None
) -> Table:
    """Chantiers with their active participants and leads (on ``today``) and progress."""
    today = today or dt.date.today()
    scores = _leaf_scores()
    base = (
        select(Chantier.id, ActionPlan.title, Pillar.name, Chantier.name)
        .join(ActionPlan, ActionPlan.id == Chantier.plan_id)
        .outerjoin(Pillar, Pillar.id == Chantier.pillar_id)
        .order_by(
            ActionPlan.start_year.desc(),
            ActionPlan.id,
            Pillar.id.is_(None),
            Pillar.position,
            Chantier.position,
            Chantier.id,
        )
    )
    members = (
        select(Assignment.chantier_id, func.count(Assignment.person_id.distinct()))
        .join(Person, Person.id == Assignment.person_id)
        .where(_active(today))
        .group_by(Assignment.chantier_id)
    )
    orientations = select(Orientation.chantier_id, func.count(Orientation.id)).group_by(
        Orientation.chantier_id
    )
    progress = select(
        scores.c.chantier_id, func.sum(scores.c.score), func.count(scores.c.score)
    ).group_by(scores.c.chantier_id)
    if plan_id is not None:
        base = base.where(Chantier.plan_id == plan_id)
        orientations = orientations.where(Orientation.plan_id == plan_id)
        progress = progress.where(scores.c.plan_id == plan_id)
    table = Table(chantier_columns())
    with db.session() as session:
        member_counts = dict(session.execute(members).all())
        orientation_counts = dict(session.execute(orientations).all())
        progress_of = {
            chantier_id: _progress(done, counted)
            for chantier_id, done, counted in session.execute(progress)
        }
        leads = _lead_names(session, today, plan_id)
        for chantier_id, plan_title, pillar_name, name in session.execute(base):
            table.ids.append(chantier_id)
            table.rows.append(
                (
                    plan_title,
                    pillar_name or "—",
                    name,
                    member_counts.get(chantier_id, 0),
                    ", ".join(leads.get(chantier_id, [])) or "—",
                    orientation_counts.get(chantier_id, 0),
                    progress_of.get(chantier_id),
                )
            )
    return table


def chantiers_without_lead(
    db: Database, plan_id: int, *, today: dt.date | None = None
) -> list[ChantierRef]:
    """Chantiers of the plan with no active porteur·e or co-porteur·e on ``today``."""
    today = today or dt.date.today()
    with db.session() as session:
        leads = _lead_names(session, today, plan_id)
        rows = session.execute(
            select(Chantier.id, Chantier.name, Pillar.name)
            .outerjoin(Pillar, Pillar.id == Chantier.pillar_id)
            .where(Chantier.plan_id == plan_id)
            .order_by(Pillar.id.is_(None), Pillar.position, Chantier.position, Chantier.id)
        )
        return [
            ChantierRef(chantier_id, name, pillar or "")
            for chantier_id, name, pillar in rows
            if chantier_id not in leads
        ]


def plan_choices(db: Database) -> list[Choice]:
    """Action plans, the most recent first (the first is the current plan)."""
    with db.session() as session:
        rows = session.execute(
            select(ActionPlan.id, ActionPlan.title).order_by(
                ActionPlan.start_year.desc(), ActionPlan.id.desc()
            )
        ).all()
    return [Choice(i, title) for i, title in rows]


def current_plan_id(session: Session) -> int | None:
    return session.scalar(
        select(ActionPlan.id).order_by(ActionPlan.start_year.desc(), ActionPlan.id.desc()).limit(1)
    )
