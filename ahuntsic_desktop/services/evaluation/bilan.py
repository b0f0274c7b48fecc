"""The figures of an evaluated plan and everything its global evaluation shows: targets,
strategies and orientations met or not, chantiers, démarches intégrées and projets phares
evaluated, and the evolution of the orientations."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import exists, or_, select

from ...domain import (
    ActionPlan,
    Chantier,
    ChantierEvaluation,
    FlagshipProject,
    IntegratedApproach,
    Means,
    Orientation,
    OrientationYearStatus,
    PlanEvaluationSection,
    Target,
)
from ...domain.enums import Evaluation, PlanStatus
from ...i18n import _
from ...store import Database
from ..core import NotFoundError
from ..plan import PlanNode
from ..plan import plans as plan_service
from .chantiers import ChantierEvaluationRow, chantier_evaluations
from .evolution import EvolutionGrid, evolution_grid
from .sections import RecommendationRow, SectionRow, evaluation_sections, recommendations
from .works import APPROACH, PROJECT, WorkRow, list_works

NOT_EVALUATED = "non_evaluee"
# How an orientation's last yearly status reads as an outcome.
_STATUS_OUTCOME = {
    PlanStatus.DONE.value: Evaluation.ACHIEVED.value,
    PlanStatus.IN_PROGRESS.value: Evaluation.PARTIAL.value,
    PlanStatus.ABANDONED.value: Evaluation.NOT_ACHIEVED.value,
    PlanStatus.TODO.value: Evaluation.NOT_ACHIEVED.value,
}


def leaf_outcome(node: PlanNode) -> str:
    """How a means or target ended: its evaluation, or else what its status says."""
    if node.evaluation:
        return node.evaluation
    if node.status == PlanStatus.DONE:
        return Evaluation.ACHIEVED.value
    if node.status == PlanStatus.ABANDONED:
        return Evaluation.NOT_ACHIEVED.value
    return NOT_EVALUATED


@dataclass(frozen=True)
class Count:
    """How many items of one kind, by outcome (atteinte, partielle, ..., non_evaluee)."""

    outcomes: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.outcomes.values())

    @property
    def achieved(self) -> int:
        return self.outcomes[Evaluation.ACHIEVED.value]

    @property
    def evaluated(self) -> int:
        return self.total - self.outcomes[NOT_EVALUATED]


@dataclass(frozen=True)
class BilanFigures:
    plan_id: int
    title: str
    start_year: int
    end_year: int
    orientations: Count
    targets: Count
    strategies: Count
    chantiers: Count
    integrated_approaches: Count
    flagship_projects: Count


def _count(values) -> Count:
    return Count(Counter(values))


ACHIEVED_SHARE, PARTIAL_SHARE = 0.75, 0.4
_SCORES = {Evaluation.ACHIEVED.value: 1.0, Evaluation.PARTIAL.value: 0.5}


def items_outcome(outcomes: list[str]) -> str:
    """An orientation's outcome from its means' and targets' outcomes: achieved when they
    score three quarters or more (partial counting half), partial from two fifths, else not
    achieved; not evaluated while any of them is not (« sans objet » is left out)."""
    counted = [o for o in outcomes if o != Evaluation.NOT_APPLICABLE.value]
    if not counted or NOT_EVALUATED in counted:
        return NOT_EVALUATED
    score = sum(_SCORES.get(o, 0.0) for o in counted) / len(counted)
    if score >= ACHIEVED_SHARE:
        return Evaluation.ACHIEVED.value
    if score >= PARTIAL_SHARE:
        return Evaluation.PARTIAL.value
    return Evaluation.NOT_ACHIEVED.value


def _orientation_outcome(node: PlanNode, last_status: str | None) -> str:
    """An orientation's outcome: its last yearly status when kept, else its items'."""
    if last_status is not None:
        return _STATUS_OUTCOME[last_status]
    return items_outcome([leaf_outcome(n) for n in node.children if n.kind in ("means", "target")])


def bilan_figures(db: Database, plan_id: int) -> BilanFigures:
    """The evaluated plan's figures, every one computed from the data."""
    tree = plan_service.plan_tree(db, plan_id)
    with db.session() as session:
        plan = session.get(ActionPlan, plan_id)
        last_status = {}
        for oid, _year, status in session.execute(
            select(
                OrientationYearStatus.orientation_id,
                OrientationYearStatus.year,
                OrientationYearStatus.status,
            )
            .join(Orientation, Orientation.id == OrientationYearStatus.orientation_id)
            .where(Orientation.plan_id == plan_id)
            .order_by(OrientationYearStatus.year)
        ):
            last_status[oid] = status
        chantier_outcomes = dict(
            session.execute(
                select(Chantier.id, ChantierEvaluation.evaluation)
                .outerjoin(ChantierEvaluation, ChantierEvaluation.chantier_id == Chantier.id)
                .where(Chantier.plan_id == plan_id)
            ).all()
        )
        works = {
            kind: session.scalars(select(model.evaluation).where(model.plan_id == plan_id)).all()
            for kind, model in ((APPROACH, IntegratedApproach), (PROJECT, FlagshipProject))
        }
    nodes = list(tree.walk())
    return BilanFigures(
        plan_id,
        plan.title,
        plan.start_year,
        plan.end_year,
        orientations=_count(
            _orientation_outcome(n, last_status.get(n.id)) for n in nodes if n.kind == "orientation"
        ),
        targets=_count(leaf_outcome(n) for n in nodes if n.kind == "target"),
        strategies=_count(leaf_outcome(n) for n in nodes if n.kind == "means"),
        chantiers=_count(e or NOT_EVALUATED for e in chantier_outcomes.values()),
        integrated_approaches=_count(e or NOT_EVALUATED for e in works[APPROACH]),
        flagship_projects=_count(e or NOT_EVALUATED for e in works[PROJECT]),
    )


@dataclass(frozen=True)
class GlobalEvaluation:
    """Everything the « bilan global » document shows."""

    figures: BilanFigures
    sections: list[SectionRow]
    recommendations: list[RecommendationRow]
    approaches: list[WorkRow]
    projects: list[WorkRow]
    chantiers: list[ChantierEvaluationRow]
    evolution: EvolutionGrid


def global_evaluation(db: Database, plan_id: int) -> GlobalEvaluation:
    return GlobalEvaluation(
        bilan_figures(db, plan_id),
        evaluation_sections(db, plan_id),
        recommendations(db, plan_id),
        list_works(db, plan_id, APPROACH),
        list_works(db, plan_id, PROJECT),
        chantier_evaluations(db, plan_id),
        evolution_grid(db, plan_id),
    )


def evaluated_plan_id(db: Database, plan_id: int | None = None) -> int:
    """``plan_id`` when given, else the latest plan that has an evaluation."""
    with db.session() as session:
        if plan_id is not None:
            if session.get(ActionPlan, plan_id) is None:
                raise NotFoundError(_("Ce plan d'action n'existe plus."), "plan_id")
            return plan_id
        p = ActionPlan.id
        evaluated = or_(
            exists().where(PlanEvaluationSection.plan_id == p),
            exists().where(IntegratedApproach.plan_id == p),
            exists().where(FlagshipProject.plan_id == p),
            *(
                exists()
                .where(model.orientation_id == Orientation.id, Orientation.plan_id == p)
                .where(model.evaluation.is_not(None))
                for model in (Means, Target)
            ),
        )
        found = session.scalar(
            select(p).where(evaluated).order_by(ActionPlan.end_year.desc(), p.desc()).limit(1)
        )
    if found is None:
        raise NotFoundError(_("Aucun plan d'action évalué : évaluez d'abord un plan."), "plan_id")
    return found
