"""The demo's démarches de planification reproduce the seed's figures: 25+ activities of the
listed types over two years and 100+ distinct participants, the plans they link, and a
démarche under way around the demo's today."""

from __future__ import annotations

import datetime as dt

import pytest

from ahuntsic_desktop.services import planning
from ahuntsic_desktop.services.demo import generate_demo
from ahuntsic_desktop.store import Database

TODAY = dt.date(2026, 5, 15)
LISTED_TYPES = {
    "Micro-trottoir",
    "Entretien avec des partenaires",
    "Entretien avec des résident·es",
    "Atelier d'idéation",
    "Réflexion collective",
    "Visite commentée",
    "Groupe de discussion",
    "Visite de quartier",
    "Atelier de conception participative",
    "Suivi et ajustement",
}


@pytest.fixture(scope="module")
def demo():
    database = Database.in_memory()
    generate_demo(database, today=TODAY)
    yield database
    database.close()


def _by_title(db, start: str) -> planning.ProcessLine:
    return next(p for p in planning.list_processes(db) if p.title.startswith(start))


def test_the_2019_2020_process_has_the_seed_figures(demo):
    line = _by_title(demo, "Démarche de planification 2019-2020")
    assert line.evaluated_plan.startswith("Plan d'action 2009-2019")
    assert line.produced_plan == "Plan d'action 2021-2025"
    summary = planning.process_summary(demo, line.id)
    assert len(summary.activities) >= 25
    assert {t.name for t in summary.by_type} == LISTED_TYPES
    assert (summary.last_activity - summary.first_activity).days > 365
    named, anonymous = planning.distinct_participants(demo, line.id)
    assert named + anonymous > 100 and named > 40
    assert summary.participants == named + anonymous
    assert [s.key for s in summary.sections] == [
        "mandat",
        "echeancier",
        "objectifs",
        "strategie_enquete",
        "approches",
        "methodologie",
        "principes",
        "phases",
        "portee_limites",
    ]
    assert 4 <= len(summary.phases) <= 5
    assert all(p.status == "terminee" for p in summary.phases)
    assert summary.contributions >= 24 and summary.votes > 0 and len(summary.by_theme) >= 6
    assert len(summary.salient) >= 3
    for activity in summary.activities:
        phase = next(p for p in summary.phases if p.name == activity.phase_name)
        assert phase.start_date <= activity.date <= phase.end_date


def test_a_process_is_under_way_around_today_with_meetings_as_activities(demo):
    line = _by_title(demo, "Démarche de planification en cours")
    assert line.start_date < TODAY < line.end_date
    assert line.evaluated_plan == "Plan d'action 2021-2025" and line.produced_plan == ""
    phases = planning.list_phases(demo, line.id)
    assert [p.status for p in phases][:2] == ["terminee", "en_cours"]
    assert phases[-1].status == "a_venir"
    summary = planning.process_summary(demo, line.id)
    assert len(summary.activities) >= 4
    assert any(a.meeting_id is not None for a in summary.activities)


def test_same_seed_and_day_same_processes(demo):
    def figures(database):
        return [
            (
                planning.process_summary(database, p.id),
                planning.list_contributions(database, p.id, TODAY),
            )
            for p in planning.list_processes(database)
        ]

    other = Database.in_memory()
    try:
        generate_demo(other, today=TODAY)
        assert figures(other) == figures(demo)
    finally:
        other.close()
