"""Demo step 5: the démarches de planification. The 2019-2020 one evaluated the plan
2009-2019 and produced the plan 2021-2025: its frame, five phases, thirty activities of the
usual types over two years, named demo persons and anonymous headcounts (well over a
hundred distinct participants), contributions with themes and votes, syntheses and salient
elements. A second démarche, for the next plan, is under way around the demo's today; some
of its activities are the demo's participation meetings.

Runs last, so it draws from the dice after every other step: the rest of the demo does not
change with it."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ...domain import (
    ActionPlan,
    ActivityHeadcount,
    ActivityParticipant,
    ActivityType,
    Contribution,
    ContributionTheme,
    Meeting,
    PlanningProcess,
    ProcessActivity,
    ProcessPhase,
    ProcessSection,
    Synthesis,
    SynthesisContribution,
    Theme,
)
from ...domain.enums import MeetingKind, ParticipationFormat, Sector
from ...domain.planning import PhaseStatus
from ...i18n import _
from ..planning import section_title
from .common import Demo
from .evaluated_texts import EVALUATED_TITLE
from .plan_texts import CURRENT_TITLE as CURRENT_PLAN_TITLE
from .planning_texts import (
    COMMITTEE_BODY,
    CONTRIBUTIONS,
    CURRENT_PHASES,
    CURRENT_START,
    CURRENT_TITLE,
    FRAME,
    PAST_ACTIVITIES,
    PAST_PHASES,
    PAST_TITLE,
    SALIENT,
    THEMES,
)

PAST_START = dt.date(2019, 1, 14)
FORMAT_TYPES = {
    ParticipationFormat.MICRO_TROTTOIR.value: "Micro-trottoir",
    ParticipationFormat.FOCUS_GROUP.value: "Groupe de discussion",
    ParticipationFormat.IDEATION.value: "Atelier d'idéation",
    ParticipationFormat.INTERVIEW.value: "Entretien avec des résident·es",
    ParticipationFormat.WALK.value: "Visite de quartier",
    ParticipationFormat.CODESIGN.value: "Atelier de conception participative",
}
PLACES = ("Centre communautaire", "Bibliothèque de quartier", "Parc des Hirondelles",
          "École primaire du Ruisseau", "Local de la table", "Marché public")  # fmt: skip
FACILITATORS = ("Coordination de la table", "Comité de planification",
                "Agente de mobilisation citoyenne", "Firme d'animation (fictive)")  # fmt: skip
# (sector, weight) of anonymous headcounts
HEADCOUNT_SECTORS = ((Sector.CITIZEN, 6), (Sector.COMMUNITY, 3), (Sector.INSTITUTIONAL, 1),
                     (Sector.SCHOOL, 1), (Sector.HEALTH, 1))  # fmt: skip


def _ids_by_name(demo: Demo, model) -> dict[str, int]:
    return {name: i for i, name in demo.session.execute(select(model.id, model.name))}


def _plan_id(demo: Demo, title: str) -> int | None:
    return demo.session.scalar(select(ActionPlan.id).where(ActionPlan.title == title))


def _process(demo: Demo, title: str, start, end, evaluated, produced) -> int:
    process_id = demo.new_id("planning_process")
    row = {"id": process_id, "title": title, "start_date": start, "end_date": end,
           "evaluated_plan_id": evaluated, "produced_plan_id": produced,
           "committee_body": COMMITTEE_BODY, "notes": None}  # fmt: skip
    demo.write(PlanningProcess, [row])
    sections = [
        {"process_id": process_id, "key": key, "title": section_title(key), "text": _(text),
         "position": position}
        for position, (key, text) in enumerate(FRAME, start=1)
    ]  # fmt: skip
    demo.write(ProcessSection, sections)
    return process_id


def _phases(
    demo: Demo, process_id: int, start: dt.date, specs
) -> list[tuple[int, dt.date, dt.date]]:
    rows, phases = [], []
    for position, (name, first, last, deliverables) in enumerate(specs, start=1):
        begin, end = start + dt.timedelta(days=first), start + dt.timedelta(days=last)
        if end < demo.today:
            status = PhaseStatus.DONE
        elif begin <= demo.today:
            status = PhaseStatus.IN_PROGRESS
        else:
            status = PhaseStatus.PLANNED
        phase_id = demo.new_id("process_phase")
        rows.append({"id": phase_id, "process_id": process_id, "name": _(name),
                     "start_date": begin, "end_date": end, "status": status.value,
                     "deliverables": _(deliverables), "position": position})  # fmt: skip
        phases.append((phase_id, begin, end))
    demo.write(ProcessPhase, rows)
    return phases


def _activity_row(demo: Demo, process_id, phase_id, type_id, title, day, meeting_id=None):
    rng = demo.rng
    return {
        "id": demo.new_id("process_activity"),
        "process_id": process_id,
        "phase_id": phase_id,
        "type_id": type_id,
        "title": title,
        "date": day,
        "place": rng.choice(PLACES),
        "facilitators": rng.choice(FACILITATORS),
        "target_population": None,
        "meeting_id": meeting_id,
        "notes": None,
    }


def _participants(demo: Demo, activity_id: int, type_name: str, pool: list[int]):
    """Named demo persons and anonymous headcounts, shaped by the kind of activity."""
    rng = demo.rng
    if type_name.startswith("Entretien"):
        named, anonymous = rng.randint(1, 3), 0
    elif type_name == "Micro-trottoir":
        named, anonymous = 0, rng.randint(18, 30)
    elif type_name == "Suivi et ajustement":
        named, anonymous = rng.randint(4, 8), 0
    else:
        named, anonymous = rng.randint(3, 9), rng.randint(4, 16)
    people = [{"activity_id": activity_id, "person_id": pid} for pid in rng.sample(pool, named)]
    counts: dict[tuple[str, str], int] = {}
    sectors = [s for s, _w in HEADCOUNT_SECTORS]
    weights = [w for _s, w in HEADCOUNT_SECTORS]
    for _n in range(anonymous):
        sector = rng.choices(sectors, weights)[0].value
        key = (sector, "")
        counts[key] = counts.get(key, 0) + 1
    heads = [
        {"activity_id": activity_id, "sector": s, "population": p, "count": n}
        for (s, p), n in sorted(counts.items())
    ]
    return people, heads


def _past_activities(demo: Demo, process_id, phases, types) -> list[tuple[int, str]]:
    """The activities in date order (ids follow the dates), with their participants."""
    rng = demo.rng
    pool = [p.id for p in demo.persons[: max(120, len(demo.persons) // 2)]]
    planned = []
    for type_name, phase_index, how_many, titles in PAST_ACTIVITIES:
        phase_id, begin, end = phases[phase_index]
        for title in list(titles)[:how_many]:
            planned.append((demo.day_between(begin, end), type_name, _(title), phase_id))
    planned.sort(key=lambda p: (p[0], p[2]))
    rows, people, heads, made = [], [], [], []
    for day, type_name, title, phase_id in planned:
        row = _activity_row(demo, process_id, phase_id, types[type_name], title, day)
        rows.append(row)
        made.append((row["id"], type_name))
        named, counted = _participants(demo, row["id"], type_name, pool)
        people += named
        heads += counted
    demo.write(ProcessActivity, rows)
    demo.write(ActivityParticipant, people)
    demo.write(ActivityHeadcount, heads)
    rng.shuffle(made)
    return made


def _themes(demo: Demo) -> list[int]:
    existing = _ids_by_name(demo, Theme)
    rows, ids = [], []
    for position, name in enumerate(THEMES, start=1):
        text = _(name)
        if text in existing:
            ids.append(existing[text])
            continue
        theme_id = demo.new_id("theme")
        rows.append({"id": theme_id, "name": text, "position": position})
        ids.append(theme_id)
    demo.write(Theme, rows)
    return ids


def _contributions(demo: Demo, activities, theme_ids) -> dict[int, list[int]]:
    """Contributions at the workshops and discussions; returns their ids by theme index."""
    rng = demo.rng
    talking = [a for a, kind in activities if not kind.startswith(("Entretien", "Suivi"))]
    rows, links, by_theme, positions = [], [], {}, {}
    for text, kind, themes in CONTRIBUTIONS:
        activity_id = rng.choice(talking)
        positions[activity_id] = positions.get(activity_id, 0) + 1
        contribution_id = demo.new_id("contribution")
        rows.append({"id": contribution_id, "activity_id": activity_id, "text": _(text),
                     "kind": kind, "population": None, "votes": rng.randint(0, 14),
                     "person_id": None, "position": positions[activity_id]})  # fmt: skip
        for index in themes:
            links.append({"contribution_id": contribution_id, "theme_id": theme_ids[index]})
            by_theme.setdefault(index, []).append(contribution_id)
    demo.write(Contribution, rows)
    demo.write(ContributionTheme, links)
    return by_theme


def _syntheses(demo: Demo, process_id, phases, theme_ids, by_theme) -> None:
    rows, links = [], []
    for position, (title, text, theme) in enumerate(SALIENT, start=1):
        synthesis_id = demo.new_id("synthesis")
        rows.append({"id": synthesis_id, "process_id": process_id, "phase_id": phases[3][0],
                     "theme_id": theme_ids[theme], "title": _(title), "text": _(text),
                     "salient": True, "position": position})  # fmt: skip
        links += [
            {"synthesis_id": synthesis_id, "contribution_id": c} for c in by_theme.get(theme, [])
        ]
    for offset, (phase_id, _begin, _end) in enumerate(phases[1:3], start=len(rows) + 1):
        rows.append({"id": demo.new_id("synthesis"), "process_id": process_id,
                     "phase_id": phase_id, "theme_id": None,
                     "title": _("Synthèse de la phase"), "text": _(
                         "Ce que les activités de la phase ont fait ressortir, présenté au "
                         "comité de planification puis en assemblée."),
                     "salient": False, "position": offset})  # fmt: skip
    demo.write(Synthesis, rows)
    demo.write(SynthesisContribution, links)


def _current(demo: Demo, types: dict[str, int]) -> None:
    """The démarche for the next plan, under way: its first phases, a few activities, and
    the demo's participation meetings that fall within it."""
    start = demo.today + dt.timedelta(days=CURRENT_START)
    end = start + dt.timedelta(days=CURRENT_PHASES[-1][2])
    process_id = _process(
        demo, _(CURRENT_TITLE), start, end, _plan_id(demo, CURRENT_PLAN_TITLE), None
    )
    phases = _phases(demo, process_id, start, CURRENT_PHASES)

    def phase_of(day: dt.date) -> int | None:
        return next((p for p, b, e in phases if b <= day <= e), None)

    rows, people, heads = [], [], []
    pool = [p.id for p in demo.persons]
    meetings = demo.session.execute(
        select(Meeting.id, Meeting.date, Meeting.title, Meeting.participation_format).where(
            Meeting.kind == MeetingKind.PARTICIPATION.value,
            Meeting.date.between(start, end),
        )
    ).all()
    for meeting_id, day, title, fmt in meetings:
        type_id = types[FORMAT_TYPES.get(fmt, "Groupe de discussion")]
        rows.append(_activity_row(demo, process_id, phase_of(day), type_id, title, day, meeting_id))
    for type_name, title in (
        ("Réflexion collective", _("Réflexion collective sur le bilan 2021-2025")),
        ("Entretien avec des partenaires", _("Entretien avec le CLSC")),
        ("Visite de quartier", _("Visite du secteur nord")),
        ("Atelier d'idéation", _("Atelier d'idéation : le prochain plan")),
    ):
        day = demo.day_between(start + dt.timedelta(days=10), demo.today - dt.timedelta(days=3))
        row = _activity_row(demo, process_id, phase_of(day), types[type_name], title, day)
        rows.append(row)
        named, counted = _participants(demo, row["id"], type_name, pool)
        people += named
        heads += counted
    rows.sort(key=lambda r: (r["date"], r["id"]))
    demo.write(ProcessActivity, rows)
    demo.write(ActivityParticipant, people)
    demo.write(ActivityHeadcount, heads)


def write_processes(demo: Demo) -> None:
    types = _ids_by_name(demo, ActivityType)
    wanted = {name for name, *_rest in PAST_ACTIVITIES} | set(FORMAT_TYPES.values())
    missing = [
        {"name": name, "position": 100 + i} for i, name in enumerate(sorted(wanted - set(types)))
    ]
    if missing:  # the seeded vocabulary was edited: add what the demo needs
        demo.write(ActivityType, missing)
        types = _ids_by_name(demo, ActivityType)
    past = _process(
        demo,
        _(PAST_TITLE),
        PAST_START,
        PAST_START + dt.timedelta(days=PAST_PHASES[-1][2]),
        _plan_id(demo, EVALUATED_TITLE),
        _plan_id(demo, CURRENT_PLAN_TITLE),
    )
    phases = _phases(demo, past, PAST_START, PAST_PHASES)
    activities = _past_activities(demo, past, phases, types)
    theme_ids = _themes(demo)
    by_theme = _contributions(demo, activities, theme_ids)
    _syntheses(demo, past, phases, theme_ids, by_theme)
    _current(demo, types)
