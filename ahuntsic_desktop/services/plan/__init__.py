"""The strategic action plan: plans, the numbered tree, editing, progress, chantiers and
their matrix, the workbook import and round trip, and the plan reports.

The public face: other services packages import only what is listed in ``__all__``
(the modules, and the few names other concepts build on)."""

from . import (
    chantier_matrix,
    chantiers,
    editing,
    importing,
    nodes,
    plans,
    progress,
    reporting,
    roster,
    roundtrip,
    workbook,
)
from .plans import PlanNode, build_tree, current_plan_id

__all__ = [
    "build_tree",
    "chantier_matrix",
    "chantiers",
    "current_plan_id",
    "editing",
    "importing",
    "nodes",
    "PlanNode",
    "plans",
    "progress",
    "reporting",
    "roster",
    "roundtrip",
    "workbook",
]
