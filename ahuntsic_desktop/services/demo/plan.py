"""Demo step 3: the current action plan, the evaluated previous one, and who sits on which
chantier."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ...domain import ActionPlan, Assignment, Chantier, Means, Orientation, Pillar, Target
from ...domain.enums import AssignmentRole, Evaluation, PlanStatus, Sector
from ...i18n import N_, _
from .common import Demo
from .evaluated_texts import (
    EVALUATED_CHANTIERS,
    EVALUATED_MEANS,
    EVALUATED_TARGETS_PER_ORIENTATION,
    EVALUATED_TITLE,
    EVALUATED_VISION,
    EVALUATED_YEARS,
)
from .plan_texts import (
    CHANTIERS,
    CURRENT_TITLE,
    CURRENT_VISION,
    CURRENT_YEARS,
    GENERIC_MEANS,
    GENERIC_TARGETS,
    PILLARS,
    ChantierText,
)

# Chantiers (by index) left without a porteur, as happens: the table looks for one.
NO_LEAD = (6, 13)
STATUS_WEIGHTS = (
    (PlanStatus.TODO, 20),
    (PlanStatus.IN_PROGRESS, 45),
    (PlanStatus.DONE, 30),
    (PlanStatus.ABANDONED, 5),
)
EVALUATION_WEIGHTS = (
    (Evaluation.ACHIEVED, 45),
    (Evaluation.PARTIAL, 30),
    (Evaluation.NOT_ACHIEVED, 18),
    (Evaluation.NOT_APPLICABLE, 7),
)
EVALUATED_STATUS = {
    Evaluation.ACHIEVED: PlanStatus.DONE,
    Evaluation.PARTIAL: PlanStatus.IN_PROGRESS,
    Evaluation.NOT_ACHIEVED: PlanStatus.ABANDONED,
    Evaluation.NOT_APPLICABLE: PlanStatus.ABANDONED,
}
EVALUATION_COMMENTS = {
    Evaluation.ACHIEVED: None,
    Evaluation.PARTIAL: N_("Poursuivi dans le plan d'action suivant."),
    Evaluation.NOT_ACHIEVED: N_("Financement non obtenu."),
    Evaluation.NOT_APPLICABLE: N_("Devenu sans objet en cours de route."),
}
EVALUATED_ON = dt.date(2020, 3, 31)


class _PlanRows:
    """Rows of one plan, written together in dependency order."""

    def __init__(self) -> None:
        self.plans: list[dict] = []
        self.pillars: list[dict] = []
        self.chantiers: list[dict] = []
        self.orientations: list[dict] = []
        self.means: list[dict] = []
        self.targets: list[dict] = []

    def write(self, demo: Demo) -> None:
        demo.write(ActionPlan, self.plans)
        demo.write(Pillar, self.pillars)
        demo.write(Chantier, self.chantiers)
        demo.write(Orientation, self.orientations)
        demo.write(Means, self.means)
        demo.write(Target, self.targets)


def _titles(demo: Demo, own: tuple, generic: tuple, subject: str) -> list:
    """A chantier's own items in random order, then generic ones about its subject."""
    items = list(own)
    demo.rng.shuffle(items)
    extra = [
        (g[0].format(subject=subject), *g[1:])
        if isinstance(g, tuple)
        else g.format(subject=subject)
        for g in generic
    ]
    demo.rng.shuffle(extra)
    return items + extra


def _value(number: float) -> Decimal:
    return Decimal(round(number)).quantize(Decimal("0.01"))


def _plan_header(demo: Demo, rows: _PlanRows, title: str, years, vision: str) -> int:
    plan_id = demo.new_id("action_plan")
    rows.plans.append(
        {
            "id": plan_id,
            "title": title,
            "start_year": years[0],
            "end_year": years[1],
            "vision": vision,
        }
    )
    return plan_id


def _chantier(demo, rows, plan_id, pillar_id, position, text: ChantierText) -> int:
    chantier_id = demo.new_id("chantier")
    rows.chantiers.append(
        {
            "id": chantier_id,
            "plan_id": plan_id,
            "pillar_id": pillar_id,
            "position": position,
            "name": text.name,
            "mandate": text.mandate,
        }
    )
    return chantier_id


def _orientation(demo, rows, plan_id, pillar_id, chantier_id, position, title) -> int:
    orientation_id = demo.new_id("orientation")
    rows.orientations.append(
        {
            "id": orientation_id,
            "plan_id": plan_id,
            "pillar_id": pillar_id,
            "chantier_id": chantier_id,
            "position": position,
            "title": title,
            "description": None,
        }
    )
    return orientation_id


def _item(demo: Demo, table: str, orientation_id: int, position: int, title: str) -> dict:
    return {
        "id": demo.new_id(table),
        "orientation_id": orientation_id,
        "position": position,
        "title": title,
        "status": PlanStatus.TODO.value,
        "evaluation": None,
        "comment": None,
        "status_date": None,
    }


def _target(demo: Demo, orientation_id, position, spec) -> dict:
    title, indicator, unit, low, high = spec
    row = _item(demo, "target", orientation_id, position, title)
    row.update(
        indicator=indicator,
        unit=unit,
        target_value=_value(demo.rng.randint(low, high)),
        actual_value=None,
    )
    return row


def write_current_plan(demo: Demo) -> None:
    rng = demo.rng
    rows = _PlanRows()
    plan_id = _plan_header(demo, rows, CURRENT_TITLE, CURRENT_YEARS, CURRENT_VISION)
    pillar_ids = []
    for position, (name, description) in enumerate(PILLARS, start=1):
        pillar_id = demo.new_id("pillar")
        pillar_ids.append(pillar_id)
        rows.pillars.append(
            {
                "id": pillar_id,
                "plan_id": plan_id,
                "position": position,
                "name": name,
                "description": description,
            }
        )
    statuses = [s for s, _w in STATUS_WEIGHTS]
    weights = [w for _s, w in STATUS_WEIGHTS]
    plan_start = dt.date(CURRENT_YEARS[0], 6, 1)
    for position, text in enumerate(CHANTIERS, start=1):
        pillar_id = pillar_ids[text.pillar]
        chantier_id = _chantier(demo, rows, plan_id, pillar_id, position, text)
        demo.chantier_ids.append(chantier_id)
        demo.chantier_names[chantier_id] = text.name
        means_titles = _titles(demo, text.means, GENERIC_MEANS, text.subject)
        target_specs = _titles(demo, text.targets, (), text.subject)
        for o_position, title in enumerate(text.orientations, start=1):
            orientation_id = _orientation(
                demo, rows, plan_id, pillar_id, chantier_id, o_position, title
            )
            for m_position in range(1, rng.randint(2, 4) + 1):
                row = _item(demo, "means", orientation_id, m_position, means_titles.pop(0))
                status = rng.choices(statuses, weights)[0]
                row["status"] = status.value
                if status != PlanStatus.TODO:
                    row["status_date"] = demo.day_between(plan_start, demo.today)
                rows.means.append(row)
                demo.means_ids.append(row["id"])
                demo.means_by_chantier.setdefault(chantier_id, []).append(row["id"])
            if target_specs and demo.chance(0.7):
                row = _target(demo, orientation_id, 1, target_specs.pop(0))
                progress = rng.uniform(0.2, 1.25)
                if demo.chance(0.85):
                    row["actual_value"] = _value(float(row["target_value"]) * progress)
                    row["status_date"] = demo.day_between(plan_start, demo.today)
                    done = progress >= 1
                    row["status"] = (PlanStatus.DONE if done else PlanStatus.IN_PROGRESS).value
                rows.targets.append(row)
    rows.write(demo)


def _evaluate(demo: Demo, row: dict) -> Evaluation:
    evaluations = [e for e, _w in EVALUATION_WEIGHTS]
    weights = [w for _e, w in EVALUATION_WEIGHTS]
    evaluation = demo.rng.choices(evaluations, weights)[0]
    comment = EVALUATION_COMMENTS[evaluation]
    row.update(
        evaluation=evaluation.value,
        status=EVALUATED_STATUS[evaluation].value,
        status_date=EVALUATED_ON,
        comment=_(comment) if comment and demo.chance(0.6) else None,
    )
    return evaluation


def write_evaluated_plan(demo: Demo) -> None:
    """The previous plan with its evaluation: 11 orientations, 33 targets, 73 means."""
    rng = demo.rng
    rows = _PlanRows()
    plan_id = _plan_header(demo, rows, EVALUATED_TITLE, EVALUATED_YEARS, EVALUATED_VISION)
    orientation_count = sum(len(text.orientations) for text in EVALUATED_CHANTIERS)
    per_orientation, extra = divmod(EVALUATED_MEANS, orientation_count)
    index = 0
    for position, text in enumerate(EVALUATED_CHANTIERS, start=1):
        chantier_id = _chantier(demo, rows, plan_id, None, position, text)
        means_titles = _titles(demo, text.means, GENERIC_MEANS, text.subject)
        target_specs = _titles(demo, text.targets, GENERIC_TARGETS, text.subject)
        for o_position, title in enumerate(text.orientations, start=1):
            orientation_id = _orientation(demo, rows, plan_id, None, chantier_id, o_position, title)
            count = per_orientation + (1 if index < extra else 0)
            index += 1
            for m_position in range(1, count + 1):
                row = _item(demo, "means", orientation_id, m_position, means_titles.pop(0))
                _evaluate(demo, row)
                rows.means.append(row)
            for t_position in range(1, EVALUATED_TARGETS_PER_ORIENTATION + 1):
                row = _target(demo, orientation_id, t_position, target_specs.pop(0))
                evaluation = _evaluate(demo, row)
                target = float(row["target_value"])
                share = {
                    Evaluation.ACHIEVED: rng.uniform(1.0, 1.3),
                    Evaluation.PARTIAL: rng.uniform(0.4, 0.9),
                    Evaluation.NOT_ACHIEVED: rng.uniform(0.0, 0.4),
                }.get(evaluation)
                row["actual_value"] = _value(target * share) if share is not None else None
                rows.targets.append(row)
    rows.write(demo)


def write_assignments(demo: Demo) -> None:
    """People on the chantiers of the current plan: porteurs, members, resources..."""
    rng = demo.rng
    active = [p for p in demo.persons if p.active and p.id != demo.coordinator_id]
    community = [p for p in active if p.org_id and p.sector == Sector.COMMUNITY]
    public = [
        p
        for p in active
        if p.org_id
        and p.sector in {Sector.INSTITUTIONAL, Sector.HEALTH, Sector.MUNICIPAL, Sector.SCHOOL}
    ] or active
    since = dt.date(CURRENT_YEARS[0], 3, 1)
    latest = demo.today - dt.timedelta(days=60)
    rows = []
    for index, chantier_id in enumerate(demo.chantier_ids):
        seated: set[int] = set()
        people: list[tuple[int, int | None]] = []
        wanted = []
        if index not in NO_LEAD:
            wanted.append((AssignmentRole.LEAD, community, 1))
        if demo.chance(0.5):
            wanted.append((AssignmentRole.CO_LEAD, community, 1))
        wanted += [
            (AssignmentRole.MEMBER, active, rng.randint(4, 8) * demo.scale),
            (AssignmentRole.RESOURCE, public, rng.randint(0, 2) * demo.scale),
            (AssignmentRole.OBSERVER, active, rng.randint(0, 1) * demo.scale),
        ]
        for role, pool, count in wanted:
            for position in rng.sample(range(len(pool)), min(count, len(pool))):
                person = pool[position]
                if person.id in seated:
                    continue
                seated.add(person.id)
                start = demo.day_between(since, latest)
                ended = role not in (AssignmentRole.LEAD, AssignmentRole.CO_LEAD) and demo.chance(
                    0.12
                )
                end = demo.day_between(start + dt.timedelta(days=30), latest) if ended else None
                rows.append(
                    {
                        "id": demo.new_id("assignment"),
                        "person_id": person.id,
                        "chantier_id": chantier_id,
                        "organization_id": person.org_id,
                        "role": role.value,
                        "start_date": start,
                        "end_date": end,
                    }
                )
                if role == AssignmentRole.LEAD:
                    demo.chantier_leads[chantier_id] = person.id
                if end is None:
                    people.append((person.id, person.org_id))
        demo.chantier_people[chantier_id] = people
    demo.write(Assignment, rows)
