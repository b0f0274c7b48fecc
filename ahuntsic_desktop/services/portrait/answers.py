"""From démarche to plan: a plan's orientations and means link to the portrait's issues,
the démarche's contributions and the evaluation's recommendations they answer; the
coverage matrix shows the issues with no answer yet and the orientations resting on
nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Table, delete, insert, select

from ...domain import ActionPlan, Contribution, Means, Orientation, PortraitIssue, Recommendation
from ...domain import portrait_parts as parts
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError

ORIENTATION, MEANS = "orientation", "means"
ISSUE, CONTRIBUTION, RECOMMENDATION = "issue", "contribution", "recommendation"
_TARGETS = {ORIENTATION: Orientation, MEANS: Means}
_SOURCES = {ISSUE: PortraitIssue, CONTRIBUTION: Contribution, RECOMMENDATION: Recommendation}
_TABLES: dict[tuple[str, str], Table] = {
    (ORIENTATION, ISSUE): parts.orientation_issue,
    (ORIENTATION, CONTRIBUTION): parts.orientation_contribution,
    (ORIENTATION, RECOMMENDATION): parts.orientation_recommendation,
    (MEANS, ISSUE): parts.means_issue,
    (MEANS, CONTRIBUTION): parts.means_contribution,
    (MEANS, RECOMMENDATION): parts.means_recommendation,
}


def _table(target: str, source: str) -> tuple[Table, str, str]:
    table = _TABLES.get((target, source))
    if table is None:
        raise ValidationError(_("Ce lien n'est pas possible."), "kind")
    left, right = (c.key for c in table.c)
    return table, left, right


def set_answer(
    db: Database, target: str, target_id: int, source: str, source_id: int, linked: bool = True
) -> None:
    """Link (or unlink) orientation or means ``target_id`` to what it answers."""
    table, left, right = _table(target, source)
    with db.session() as session:
        if session.get(_TARGETS[target], target_id) is None:
            raise NotFoundError(_("Cet élément du plan n'existe plus."), "target")
        if session.get(_SOURCES[source], source_id) is None:
            raise NotFoundError(_("L'élément auquel il répond n'existe plus."), "source")
        where = (table.c[left] == target_id, table.c[right] == source_id)
        exists = session.execute(select(table).where(*where)).first() is not None
        if linked and not exists:
            session.execute(insert(table).values({left: target_id, right: source_id}))
        elif not linked and exists:
            session.execute(delete(table).where(*where))


def answers_of(db: Database, target: str, target_id: int) -> dict[str, frozenset[int]]:
    """What orientation or means ``target_id`` answers: ids by kind of source."""
    found = {}
    with db.session() as session:
        for source in _SOURCES:
            table, left, right = _table(target, source)
            found[source] = frozenset(
                session.scalars(select(table.c[right]).where(table.c[left] == target_id))
            )
    return found


@dataclass(frozen=True)
class OrientationCoverage:
    id: int
    title: str
    issues: tuple[str, ...]  # issue titles, through the orientation or one of its means
    contributions: int
    recommendations: int

    @property
    def rests_on_nothing(self) -> bool:
        return not (self.issues or self.contributions or self.recommendations)


@dataclass(frozen=True)
class IssueCoverage:
    id: int
    kind: str
    title: str
    orientations: tuple[str, ...]  # the orientations answering it (directly or by a means)

    @property
    def unanswered(self) -> bool:
        return not self.orientations


@dataclass(frozen=True)
class Coverage:
    plan_id: int
    plan_title: str
    orientations: tuple[OrientationCoverage, ...]
    issues: tuple[IssueCoverage, ...]
    answered: frozenset[tuple[int, int]] = frozenset()  # (orientation id, issue id)

    @property
    def unanswered_issues(self) -> tuple[IssueCoverage, ...]:
        return tuple(i for i in self.issues if i.unanswered)

    @property
    def orientations_on_nothing(self) -> tuple[OrientationCoverage, ...]:
        return tuple(o for o in self.orientations if o.rests_on_nothing)


def _pairs(session, plan_id: int, source: str) -> set[tuple[int, int]]:
    """(orientation id, source id) for the plan, directly or through a means."""
    direct, _l, _r = _table(ORIENTATION, source)
    by_means, _l2, _r2 = _table(MEANS, source)
    direct_query = (
        select(direct.c.orientation_id, direct.c[_r])
        .join(Orientation, Orientation.id == direct.c.orientation_id)
        .where(Orientation.plan_id == plan_id)
    )
    means_query = (
        select(Means.orientation_id, by_means.c[_r2])
        .join(Means, Means.id == by_means.c.means_id)
        .join(Orientation, Orientation.id == Means.orientation_id)
        .where(Orientation.plan_id == plan_id)
    )
    pairs = {(a, b) for a, b in session.execute(direct_query)}
    pairs |= {(a, b) for a, b in session.execute(means_query)}
    return pairs


def coverage(db: Database, plan_id: int) -> Coverage:
    with db.session() as session:
        plan = session.get(ActionPlan, plan_id)
        if plan is None:
            raise NotFoundError(_("Ce plan d'action n'existe plus."), "plan")
        orientations = session.execute(
            select(Orientation.id, Orientation.title)
            .where(Orientation.plan_id == plan_id)
            .order_by(Orientation.position, Orientation.id)
        ).all()
        issues = session.execute(
            select(PortraitIssue.id, PortraitIssue.kind, PortraitIssue.title).order_by(
                PortraitIssue.position, PortraitIssue.id
            )
        ).all()
        pairs = {source: _pairs(session, plan_id, source) for source in _SOURCES}
        title = plan.title
    issue_titles = {i: t for i, _k, t in issues}
    orientation_titles = {i: t for i, t in orientations}
    rows = tuple(
        OrientationCoverage(
            oid,
            otitle,
            tuple(
                issue_titles[s]
                for o, s in sorted(pairs[ISSUE], key=lambda p: p[1])
                if o == oid and s in issue_titles
            ),
            sum(1 for o, _s in pairs[CONTRIBUTION] if o == oid),
            sum(1 for o, _s in pairs[RECOMMENDATION] if o == oid),
        )  # fmt: skip
        for oid, otitle in orientations
    )
    issue_rows = tuple(
        IssueCoverage(
            iid,
            kind,
            ititle,
            tuple(orientation_titles[o] for o, _t in orientations if (o, iid) in pairs[ISSUE]),
        )  # fmt: skip
        for iid, kind, ititle in issues
    )
    return Coverage(plan_id, title, rows, issue_rows, frozenset(pairs[ISSUE]))


def coverage_plan(db: Database, plan_id: int | None, today: dt.date) -> int:
    """``plan_id``, or the plan under way on ``today`` (the latest begun), for a document."""
    with db.session() as session:
        if plan_id is not None:
            if session.get(ActionPlan, plan_id) is None:
                raise NotFoundError(_("Ce plan d'action n'existe plus."), "plan")
            return plan_id
        found = session.scalar(
            select(ActionPlan.id)
            .order_by((ActionPlan.start_year <= today.year).desc(), ActionPlan.start_year.desc())
            .limit(1)
        )
    if found is None:
        raise ValidationError(_("Aucun plan d'action n'est enregistré."), "plan")
    return found
