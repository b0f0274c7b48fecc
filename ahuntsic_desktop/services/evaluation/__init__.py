"""The evaluation of an ending plan: démarches intégrées, projets phares, chantier
evaluations, the orientations' yearly evolution, the global evaluation, the timeline."""

from ...domain import (
    ChantierEvaluation,
    FlagshipProject,
    IntegratedApproach,
    OrientationYearStatus,
    PlanEvaluationSection,
    Recommendation,
    TimelineEvent,
)
from ..core import audit
from .bilan import (
    NOT_EVALUATED,
    BilanFigures,
    Count,
    GlobalEvaluation,
    bilan_figures,
    evaluated_plan_id,
    global_evaluation,
    items_outcome,
    leaf_outcome,
)
from .chantiers import ChantierEvaluationRow, chantier_evaluations, save_chantier_evaluation
from .evolution import (
    EvolutionGrid,
    YearProposal,
    clear_year_status,
    evolution_grid,
    fill_from_journal,
    propose_from_journal,
    set_year_status,
)
from .sections import (
    add_recommendation,
    delete_recommendation,
    evaluation_sections,
    recommendations,
    save_section,
    update_recommendation,
)
from .tables import timeline_table, works_table
from .timeline import EventForm, EventRow, delete_event, save_event, timeline_events
from .works import APPROACH, PROJECT, WorkForm, WorkRow, delete_work, list_works, save_work

# The evaluation's records keep their history in the journal like the plan's.
for _model in (
    IntegratedApproach,
    FlagshipProject,
    ChantierEvaluation,
    OrientationYearStatus,
    PlanEvaluationSection,
    Recommendation,
    TimelineEvent,
):
    audit.track(_model)

__all__ = [
    "NOT_EVALUATED",
    "works_table",
    "timeline_table",
    "APPROACH",
    "PROJECT",
    "BilanFigures",
    "ChantierEvaluationRow",
    "Count",
    "EventForm",
    "EventRow",
    "EvolutionGrid",
    "GlobalEvaluation",
    "WorkForm",
    "WorkRow",
    "YearProposal",
    "add_recommendation",
    "bilan_figures",
    "chantier_evaluations",
    "clear_year_status",
    "delete_event",
    "delete_recommendation",
    "delete_work",
    "evaluated_plan_id",
    "evolution_grid",
    "fill_from_journal",
    "global_evaluation",
    "items_outcome",
    "leaf_outcome",
    "list_works",
    "propose_from_journal",
    "recommendations",
    "save_chantier_evaluation",
    "save_event",
    "save_section",
    "set_year_status",
    "timeline_events",
    "evaluation_sections",
    "save_work",
    "update_recommendation",
]
