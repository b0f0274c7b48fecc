"""The demo's evaluated 2009-2019 plan reproduces the seed's figures, with its évaluation
(démarches intégrées, projets phares, chantiers, yearly evolution, global evaluation), a
twenty-year timeline and portrait indicators."""

from __future__ import annotations

from datetime import date

import pytest

from ahuntsic_desktop.services import evaluation as ev
from ahuntsic_desktop.services import portrait
from ahuntsic_desktop.services.demo.generate import generate_demo
from ahuntsic_desktop.store import Database

TODAY = date(2026, 11, 1)


@pytest.fixture(scope="module")
def demo():
    database = Database.in_memory()
    summary = generate_demo(database, today=TODAY)
    yield database, summary
    database.close()


def test_evaluated_plan_has_the_seed_figures(demo):
    db, summary = demo
    plan_id = ev.evaluated_plan_id(db)
    figures = ev.bilan_figures(db, plan_id)
    assert (figures.start_year, figures.end_year) == (2009, 2019)
    assert figures.orientations.total == 11
    assert figures.targets.total == 33
    assert figures.strategies.total == 73
    assert figures.chantiers.total == 5
    assert figures.integrated_approaches.total == 4
    assert figures.flagship_projects.total == 7
    assert (summary.integrated_approaches, summary.flagship_projects) == (4, 7)
    for count in (figures.chantiers, figures.integrated_approaches, figures.flagship_projects):
        assert count.evaluated == count.total  # every one of them evaluated
    assert 0 < figures.targets.achieved < 33 and 0 < figures.strategies.achieved < 73


def test_evaluation_content_is_complete(demo):
    db, _summary = demo
    plan_id = ev.evaluated_plan_id(db)
    whole = ev.global_evaluation(db, plan_id)
    assert all(row.saved and row.text for row in whole.sections)
    assert len(whole.recommendations) >= 3
    assert all(work.chantiers for work in whole.approaches + whole.projects)
    assert all(c.achievements and c.lessons for c in whole.chantiers)
    grid = whole.evolution
    assert grid.years == tuple(range(2009, 2020))
    assert len(grid.rows) == 11 and all(None not in row.statuses for row in grid.rows)
    # the orientations' last yearly status is what the bilan counts
    last = [row.statuses[-1] for row in grid.rows]
    assert whole.figures.orientations.achieved == last.count("realise")


def test_timeline_covers_twenty_years(demo):
    db, summary = demo
    events = ev.timeline_events(db)
    assert 15 <= len(events) <= 25 and summary.timeline_events == len(events)
    assert events[-1].year - events[0].year >= 20
    assert {e.category for e in events} >= {"fondation", "plan", "projet", "assemblee"}


def test_portrait_indicators_compare_territories_and_years(demo):
    db, summary = demo
    tables = portrait.comparisons(db)
    assert summary.indicators == sum(len(t.values) for t in tables)
    assert len(portrait.themes(db)) >= 3
    for table in tables:
        assert table.years == (2011, 2016, 2021)
        assert table.territories[-1] == "Montréal" and len(table.territories) == 4


def test_same_seed_same_evaluation():
    first, second = Database.in_memory(), Database.in_memory()
    try:
        generate_demo(first, today=TODAY)
        generate_demo(second, today=TODAY)
        grids = [ev.evolution_grid(db, ev.evaluated_plan_id(db)).rows for db in (first, second)]
        assert grids[0] == grids[1]
        values = [[r.value for r in portrait.list_indicators(db)] for db in (first, second)]
        assert values[0] == values[1]
    finally:
        first.close()
        second.close()
