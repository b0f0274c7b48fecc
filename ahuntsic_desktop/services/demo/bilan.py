"""Demo step: the evaluation of the 2009-2019 plan (4 démarches intégrées, 7 projets phares,
the evaluation of its 5 chantiers, the yearly evolution of its 11 orientations, the global
evaluation and its recommendations) and a timeline of twenty years."""

from __future__ import annotations

from sqlalchemy import select

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
    Recommendation,
    Target,
    TimelineEvent,
)
from ...domain.enums import Evaluation, EvaluationSectionKey, PlanStatus
from ...domain.evaluation import flagship_project_chantier, integrated_approach_chantier
from ...domain.labels import label
from ..evaluation import NOT_EVALUATED, items_outcome
from .bilan_texts import (
    APPROACHES,
    CHANTIER_EVALUATIONS,
    PROJECTS,
    RECOMMENDATIONS,
    SECTIONS,
    TIMELINE,
    WorkText,
)
from .common import Demo
from .evaluated_texts import EVALUATED_TITLE, EVALUATED_YEARS


def _plan_and_chantiers(demo: Demo) -> tuple[int, list[int]]:
    session = demo.session
    plan_id = session.scalar(select(ActionPlan.id).where(ActionPlan.title == EVALUATED_TITLE))
    chantiers = session.scalars(
        select(Chantier.id).where(Chantier.plan_id == plan_id).order_by(Chantier.position)
    ).all()
    return plan_id, list(chantiers)


def _works(demo: Demo, plan_id: int, chantiers: list[int], model, link, texts) -> None:
    rows, links = [], []
    table = model.__tablename__
    for position, text in enumerate(texts, start=1):
        work: WorkText = text
        work_id = demo.new_id(table)
        rows.append(
            {
                "id": work_id,
                "plan_id": plan_id,
                "position": position,
                "title": work.title,
                "description": work.description,
                "start_year": work.years[0],
                "end_year": work.years[1],
                "evaluation": work.evaluation,
                "evaluation_text": work.evaluation_text,
            }
        )
        links += [{f"{table}_id": work_id, "chantier_id": chantiers[i]} for i in work.chantiers]
    demo.write(model, rows)
    if links:
        demo.session.execute(link.insert(), links)


def _chantier_evaluations(demo: Demo, chantiers: list[int]) -> None:
    rows = [
        {
            "id": demo.new_id("chantier_evaluation"),
            "chantier_id": chantier_id,
            "evaluation": evaluation,
            "achievements": achievements,
            "challenges": challenges,
            "lessons": lessons,
        }
        for chantier_id, (evaluation, achievements, challenges, lessons) in zip(
            chantiers, CHANTIER_EVALUATIONS, strict=True
        )
    ]
    demo.write(ChantierEvaluation, rows)


_FINAL = {
    Evaluation.ACHIEVED.value: PlanStatus.DONE.value,
    Evaluation.PARTIAL.value: PlanStatus.IN_PROGRESS.value,
    Evaluation.NOT_ACHIEVED.value: PlanStatus.ABANDONED.value,
}


def _final_status(evaluations: list[str | None]) -> str:
    """Where an orientation ended, by the rule the bilan applies to its items."""
    return _FINAL.get(items_outcome([e or NOT_EVALUATED for e in evaluations]), "en_cours")


def _evolution(demo: Demo, plan_id: int) -> None:
    session, rng = demo.session, demo.rng
    first, last = EVALUATED_YEARS
    orientations = session.scalars(
        select(Orientation.id).where(Orientation.plan_id == plan_id).order_by(Orientation.id)
    ).all()
    evaluations: dict[int, list[str | None]] = {oid: [] for oid in orientations}
    for model in (Means, Target):
        for oid, evaluation in session.execute(
            select(model.orientation_id, model.evaluation).where(
                model.orientation_id.in_(orientations)
            )
        ):
            evaluations[oid].append(evaluation)
    rows = []
    for oid in orientations:
        final = _final_status(evaluations[oid])
        started = rng.randint(first, first + 2)
        ended = rng.randint(first + 4, last) if final != PlanStatus.IN_PROGRESS.value else last + 1
        for year in range(first, last + 1):
            if year < started:
                status = PlanStatus.TODO.value
            elif year < ended:
                status = PlanStatus.IN_PROGRESS.value
            else:
                status = final
            rows.append(
                {
                    "id": demo.new_id("orientation_year_status"),
                    "orientation_id": oid,
                    "year": year,
                    "status": status,
                    "comment": None,
                    "from_journal": False,
                }
            )
    demo.write(OrientationYearStatus, rows)


def _global_evaluation(demo: Demo, plan_id: int) -> None:
    sections = [
        {
            "id": demo.new_id("plan_evaluation_section"),
            "plan_id": plan_id,
            "key": key.value,
            "title": label(key),
            "text": SECTIONS[key.value],
            "position": position,
        }
        for position, key in enumerate(EvaluationSectionKey, start=1)
    ]
    demo.write(PlanEvaluationSection, sections)
    demo.write(
        Recommendation,
        [
            {
                "id": demo.new_id("recommendation"),
                "plan_id": plan_id,
                "position": position,
                "text": text,
            }
            for position, text in enumerate(RECOMMENDATIONS, start=1)
        ],
    )


def _timeline(demo: Demo) -> None:
    rows = [
        {
            "id": demo.new_id("timeline_event"),
            "year": year,
            "month": month,
            "day": None,
            "title": title,
            "description": description or None,
            "category": category,
        }
        for year, month, category, title, description in TIMELINE
        if year <= demo.today.year
    ]
    demo.write(TimelineEvent, rows)


def write_evaluation(demo: Demo) -> None:
    """The evaluation of the previous plan (written by :mod:`.plan`) and the timeline."""
    plan_id, chantiers = _plan_and_chantiers(demo)
    if plan_id is None:
        return
    _works(demo, plan_id, chantiers, IntegratedApproach, integrated_approach_chantier, APPROACHES)
    _works(demo, plan_id, chantiers, FlagshipProject, flagship_project_chantier, PROJECTS)
    _chantier_evaluations(demo, chantiers)
    _evolution(demo, plan_id)
    _global_evaluation(demo, plan_id)
    _timeline(demo)
