"""The rest of a démarche's summary: the evaluation of the plan it evaluates, the
neighbourhood portrait, and the plan it produces. Every figure comes from the other
concepts' public faces; this module only gathers them into plain values."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ...domain import ActionPlan
from ...domain.portrait_parts import IssueKind
from ...store import Database
from .. import evaluation, portrait
from ..plan import plans as plan_service
from .common import require_process


@dataclass(frozen=True)
class Tally:
    """How many items of one kind, and how many of them were met (« atteint·es »)."""

    total: int
    achieved: int
    evaluated: int


@dataclass(frozen=True)
class EvaluationPart:
    plan_title: str
    start_year: int
    end_year: int
    orientations: Tally
    targets: Tally
    strategies: Tally
    chantiers: Tally
    integrated_approaches: Tally
    flagship_projects: Tally
    timeline_events: int
    timeline_first_year: int | None
    timeline_last_year: int | None
    section_titles: tuple[str, ...]  # the global evaluation's written sections
    recommendations: int


@dataclass(frozen=True)
class PortraitPart:
    indicators: int
    indicators_by_theme: tuple[tuple[str, int], ...]
    territories: tuple[str, ...]
    issues: tuple[str, ...]  # titles of the issues seen by the community
    diagnostics: tuple[str, ...]
    stories: int
    consented_stories: int
    organizations: int
    organizations_by_sector: tuple[tuple[str, int], ...]
    partner_roles: tuple[tuple[str, int], ...]
    milieu_sections: tuple[str, ...]  # titles of the milieu's written sections

    @property
    def empty(self) -> bool:
        return not (self.indicators or self.issues or self.diagnostics or self.stories) and not (
            self.organizations or self.milieu_sections
        )


@dataclass(frozen=True)
class PlanPart:
    plan_title: str
    start_year: int
    end_year: int
    vision: str
    pillars: tuple[tuple[str, int, int], ...]  # (pillar, chantiers, orientations)
    chantiers: int
    orientations: int
    strategies: int

    @property
    def visions(self) -> int:
        return 1 if self.vision.strip() else 0


@dataclass(frozen=True)
class CycleSummary:
    """Parts 2 to 4 of a démarche's summary; a part is None when it has no data."""

    evaluation: EvaluationPart | None
    portrait: PortraitPart | None
    plan: PlanPart | None


def _tally(count: evaluation.Count) -> Tally:
    return Tally(count.total, count.achieved, count.evaluated)


def evaluation_part(db: Database, plan_id: int) -> EvaluationPart:
    figures = evaluation.bilan_figures(db, plan_id)
    events = evaluation.timeline_events(db)
    years = [e.year for e in events]
    sections = evaluation.evaluation_sections(db, plan_id)
    return EvaluationPart(
        plan_title=figures.title,
        start_year=figures.start_year,
        end_year=figures.end_year,
        orientations=_tally(figures.orientations),
        targets=_tally(figures.targets),
        strategies=_tally(figures.strategies),
        chantiers=_tally(figures.chantiers),
        integrated_approaches=_tally(figures.integrated_approaches),
        flagship_projects=_tally(figures.flagship_projects),
        timeline_events=len(events),
        timeline_first_year=min(years, default=None),
        timeline_last_year=max(years, default=None),
        section_titles=tuple(s.title for s in sections if s.saved and (s.text or "").strip()),
        recommendations=len(evaluation.recommendations(db, plan_id)),
    )


def portrait_part(db: Database, today: dt.date) -> PortraitPart:
    indicators = portrait.list_indicators(db)
    by_theme = Counter(i.theme for i in indicators)
    issues = portrait.list_issues(db)
    stories = portrait.list_stories(db, today)
    milieu = portrait.community_milieu(db, today)
    return PortraitPart(
        indicators=len(indicators),
        indicators_by_theme=tuple(sorted(by_theme.items())),
        territories=tuple(sorted({i.territory for i in indicators})),
        issues=tuple(i.title for i in issues if i.kind == IssueKind.ISSUE.value),
        diagnostics=tuple(i.title for i in issues if i.kind == IssueKind.DIAGNOSTIC.value),
        stories=len(stories),
        consented_stories=sum(1 for s in stories if s.consented),
        organizations=milieu.organizations,
        organizations_by_sector=milieu.organizations_by_sector,
        partner_roles=milieu.partner_roles,
        milieu_sections=tuple(s.title for s in milieu.sections if s.text.strip()),
    )


def _count(node: plan_service.PlanNode, kind: str) -> int:
    return sum(1 for n in node.walk() if n.kind == kind)


def plan_part(db: Database, plan_id: int) -> PlanPart:
    tree = plan_service.plan_tree(db, plan_id)
    with db.session() as session:
        plan = session.get(ActionPlan, plan_id)
        title, start, end, vision = plan.title, plan.start_year, plan.end_year, plan.vision
    pillars = tuple(
        (p.title, _count(p, "chantier"), _count(p, "orientation"))
        for p in tree.children
        if p.kind == "pillar"
    )
    return PlanPart(
        plan_title=title,
        start_year=start,
        end_year=end,
        vision=vision or "",
        pillars=pillars,
        chantiers=_count(tree, "chantier"),
        orientations=_count(tree, "orientation"),
        strategies=_count(tree, "means"),
    )


def cycle_summary(db: Database, process_id: int, today: dt.date) -> CycleSummary:
    """The evaluated plan's evaluation, the portrait and the produced plan of a démarche."""
    with db.session() as session:
        p = require_process(session, process_id)
        evaluated_id, produced_id = p.evaluated_plan_id, p.produced_plan_id
    part = portrait_part(db, today)
    return CycleSummary(
        evaluation=evaluation_part(db, evaluated_id) if evaluated_id is not None else None,
        portrait=None if part.empty else part,
        plan=plan_part(db, produced_id) if produced_id is not None else None,
    )
