"""Evaluation of an ending plan: démarches intégrées and projets phares, chantier
evaluations, yearly orientation status (entered or from the journal), global evaluation
sections, recommendations, timeline, and the bilan's figures."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ahuntsic_desktop.domain import (
    ActionPlan,
    AuditEntry,
    Chantier,
    Means,
    Orientation,
    OrientationYearStatus,
    Target,
)
from ahuntsic_desktop.services import evaluation as ev
from ahuntsic_desktop.services.core.errors import NotFoundError, ValidationError

TODAY = date(2026, 6, 1)


@pytest.fixture
def plan(db):
    """Plan 2009-2013 with chantiers A and B; orientation O1 (under A) has two means and a
    target, O2 (under B) one means; another plan has chantier C."""
    with db.session() as s:
        plan = ActionPlan(title="Plan 2009-2013", start_year=2009, end_year=2013)
        other = ActionPlan(title="Plan 2021-2025", start_year=2021, end_year=2025)
        a = Chantier(plan=plan, name="A", position=1)
        b = Chantier(plan=plan, name="B", position=2)
        c = Chantier(plan=other, name="C", position=1)
        s.add_all([plan, other, a, b, c])
        s.flush()
        o1 = Orientation(plan_id=plan.id, chantier_id=a.id, title="O1", position=1)
        o2 = Orientation(plan_id=plan.id, chantier_id=b.id, title="O2", position=1)
        s.add_all([o1, o2])
        s.flush()
        m1 = Means(orientation_id=o1.id, title="M1", status="realise", evaluation="atteinte")
        m2 = Means(orientation_id=o1.id, title="M2", status="en_cours", evaluation="partielle")
        t1 = Target(orientation_id=o1.id, title="T1", status="realise")
        m3 = Means(orientation_id=o2.id, title="M3", status="a_venir")
        s.add_all([m1, m2, t1, m3])
        s.flush()
        return {
            "plan": plan.id, "other": other.id, "a": a.id, "b": b.id, "c": c.id,
            "o1": o1.id, "o2": o2.id, "m1": m1.id, "m2": m2.id, "t1": t1.id, "m3": m3.id,
        }  # fmt: skip


def test_integrated_approach_is_saved_with_its_chantiers(db, plan):
    form = ev.WorkForm(
        "Revitalisation urbaine intégrée",
        description="Une démarche de quartier.",
        start_year="2010",
        end_year=2013,
        evaluation="partielle",
        evaluation_text="Des acquis, un essoufflement.",
        chantier_ids=(plan["b"], plan["a"]),
    )
    work_id = ev.save_work(db, plan["plan"], ev.APPROACH, form)
    (row,) = ev.list_works(db, plan["plan"], ev.APPROACH)
    assert row.id == work_id and row.start_year == 2010 and row.evaluation == "partielle"
    assert row.chantiers == ("A", "B")  # in the plan's order
    assert ev.list_works(db, plan["plan"], ev.PROJECT) == []


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"title": "   "}, "title", "obligatoire"),
        ({"start_year": "2014", "end_year": "2012"}, "end_year", "précède"),
        ({"start_year": "vingt"}, "start_year", "année valide"),
        ({"start_year": 1990}, "start_year", "loin des années du plan"),
        ({"evaluation": "excellente"}, "evaluation", "Valeur inconnue"),
        ({"chantier_ids": (999,)}, "chantier_ids", "chantiers de ce plan"),
    ],
)
def test_work_refusals_are_french_and_write_nothing(db, plan, changes, field, words):
    values = {"title": "Projet", **changes}
    if values.get("chantier_ids") == (999,):
        values["chantier_ids"] = (plan["c"],)  # a chantier of another plan
    with pytest.raises(ValidationError) as error:
        ev.save_work(db, plan["plan"], ev.PROJECT, ev.WorkForm(**values))
    assert error.value.field == field and words in error.value.message
    assert ev.list_works(db, plan["plan"], ev.PROJECT) == []


def test_work_titles_are_unique_per_plan_and_kind(db, plan):
    ev.save_work(db, plan["plan"], ev.PROJECT, ev.WorkForm("Épicerie solidaire"))
    with pytest.raises(ValidationError, match="déjà"):
        ev.save_work(db, plan["plan"], ev.PROJECT, ev.WorkForm("épicerie solidaire"))
    ev.save_work(db, plan["other"], ev.PROJECT, ev.WorkForm("Épicerie solidaire"))
    ev.save_work(db, plan["plan"], ev.APPROACH, ev.WorkForm("Épicerie solidaire"))


def test_chantier_evaluation_is_one_per_chantier(db, plan):
    ev.save_chantier_evaluation(db, plan["a"], achievements="Un marché", evaluation="atteinte")
    ev.save_chantier_evaluation(db, plan["a"], lessons="Tenir bon", evaluation="partielle")
    rows = ev.chantier_evaluations(db, plan["plan"])
    assert [(r.name, r.evaluation, r.lessons, r.achievements) for r in rows] == [
        ("A", "partielle", "Tenir bon", None),
        ("B", None, None, None),
    ]
    with pytest.raises(NotFoundError):
        ev.save_chantier_evaluation(db, 999, lessons="x")
    with pytest.raises(ValidationError, match="Valeur inconnue"):
        ev.save_chantier_evaluation(db, plan["b"], evaluation="bof")


def test_year_status_is_unique_per_orientation_and_year(db, plan):
    ev.set_year_status(db, plan["o1"], 2010, "en_cours", "Démarrage")
    ev.set_year_status(db, plan["o1"], "2010", "realise")
    grid = ev.evolution_grid(db, plan["plan"])
    assert grid.years == (2009, 2010, 2011, 2012, 2013)
    assert grid.rows[0].statuses == (None, "realise", None, None, None)
    assert grid.count(2010, "realise") == 1
    with db.session() as s:
        s.add(OrientationYearStatus(orientation_id=plan["o1"], year=2010, status="a_venir"))
        with pytest.raises(IntegrityError):
            s.flush()
        s.rollback()


@pytest.mark.parametrize(
    ("year", "status", "field", "words"),
    [
        (2015, "realise", "year", "pas une année du plan"),
        ("", "realise", "year", "obligatoire"),
        (2011, "fini", "status", "Valeur inconnue"),
    ],
)
def test_year_status_refusals(db, plan, year, status, field, words):
    with pytest.raises(ValidationError) as error:
        ev.set_year_status(db, plan["o1"], year, status)
    assert error.value.field == field and words in error.value.message


def _journal(db, entity: str, entity_id: int, when: datetime, action: str, changes) -> None:
    with db.session() as s:
        s.add(
            AuditEntry(
                at=when, user="test", entity=entity, entity_id=entity_id,
                action=action, changes=changes,
            )
        )  # fmt: skip


def test_statuses_are_proposed_from_the_journal_then_filled(db, plan):
    with db.session() as s:  # the fixture's own entries are not dated in the plan's years
        s.execute(AuditEntry.__table__.delete())
    _journal(db, "means", plan["m1"], datetime(2010, 3, 1), "creation", {"status": "a_venir"})
    _journal(db, "means", plan["m2"], datetime(2010, 5, 1), "creation", {"status": "en_cours"})
    _journal(db, "means", plan["m1"], datetime(2011, 9, 1), "modification",
             {"status": ["a_venir", "realise"]})  # fmt: skip
    _journal(db, "means", plan["m2"], datetime(2012, 2, 1), "modification",
             {"status": ["en_cours", "realise"]})  # fmt: skip
    _journal(db, "target", plan["t1"], datetime(2012, 2, 1), "modification",
             {"comment": ["", "rien sur le statut"]})  # fmt: skip
    proposals = ev.propose_from_journal(db, plan["plan"], TODAY)
    assert [(p.year, p.status, p.items) for p in proposals if p.orientation_id == plan["o1"]] == [
        (2010, "en_cours", 2),
        (2011, "en_cours", 2),
        (2012, "realise", 2),
        (2013, "realise", 2),
    ]
    assert not [p for p in proposals if p.orientation_id == plan["o2"]]
    ev.set_year_status(db, plan["o1"], 2011, "a_venir", "Saisi à la main")
    assert ev.fill_from_journal(db, plan["plan"], TODAY) == 3
    grid = ev.evolution_grid(db, plan["plan"])
    assert grid.rows[0].statuses == (None, "en_cours", "a_venir", "realise", "realise")
    assert ev.fill_from_journal(db, plan["plan"], TODAY) == 0
    assert ev.fill_from_journal(db, plan["plan"], TODAY, replace_entered=True) == 1
    # a plan still running: years after today are not proposed
    assert not ev.propose_from_journal(db, plan["plan"], date(2010, 12, 31))[1:]


def test_sections_and_recommendations(db, plan):
    rows = ev.evaluation_sections(db, plan["plan"])
    assert [r.key for r in rows] == [
        "methode", "constats_apprentissages", "forces", "defis", "recommandations"
    ]  # fmt: skip
    assert rows[2].title == "Forces" and not rows[2].saved
    ev.save_section(db, plan["plan"], "forces", "Une concertation vivante.")
    ev.save_section(db, plan["plan"], "forces", "Une concertation très vivante.")
    saved = {r.key: r for r in ev.evaluation_sections(db, plan["plan"])}
    assert saved["forces"].text == "Une concertation très vivante." and saved["forces"].saved
    with pytest.raises(ValidationError, match="Valeur inconnue"):
        ev.save_section(db, plan["plan"], "faiblesses", "x")
    first = ev.add_recommendation(db, plan["plan"], "Consolider le financement")
    ev.add_recommendation(db, plan["plan"], "Mieux mesurer")
    with pytest.raises(ValidationError, match="obligatoire"):
        ev.add_recommendation(db, plan["plan"], "  ")
    ev.update_recommendation(db, first, "Consolider le financement de base")
    assert [(r.position, r.text) for r in ev.recommendations(db, plan["plan"])] == [
        (1, "Consolider le financement de base"),
        (2, "Mieux mesurer"),
    ]


def test_timeline_events_are_dated_by_day_or_year_and_month(db):
    ev.save_event(db, ev.EventForm("Fondation de la table", "fondation", year=2001))
    ev.save_event(db, ev.EventForm("AGA", "assemblee", day="2015-06-10"))
    ev.save_event(db, ev.EventForm("Lancement du plan", "plan", year=2009, month="9"))
    rows = ev.timeline_events(db)
    assert [(r.title, r.when) for r in rows] == [
        ("Fondation de la table", "2001"),
        ("Lancement du plan", "septembre 2009"),
        ("AGA", "10 juin 2015"),
    ]
    assert [r.title for r in ev.timeline_events(db, 2005, 2010)] == ["Lancement du plan"]
    ev.save_event(db, ev.EventForm("Fondation officielle", "fondation", year=2001), rows[0].id)
    assert ev.timeline_events(db)[0].title == "Fondation officielle"


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"title": "", "category": "plan", "year": 2010}, "title", "obligatoire"),
        ({"title": "X", "category": "fete", "year": 2010}, "category", "Valeur inconnue"),
        ({"title": "X", "category": "plan"}, "year", "obligatoire"),
        ({"title": "X", "category": "plan", "year": 2010, "month": 13}, "month", "entre 1 et 12"),
        ({"title": "X", "category": "plan", "month": 3}, "year", "obligatoire"),
        ({"title": "X", "category": "plan", "year": 2011, "day": "2010-05-01"}, "day",
         "ne concorde pas"),
        ({"title": "X", "category": "plan", "day": "hier"}, "day", "date valide"),
    ],
)  # fmt: skip
def test_timeline_refusals(db, values, field, words):
    with pytest.raises(ValidationError) as error:
        ev.save_event(db, ev.EventForm(**values))
    assert error.value.field == field and words in error.value.message
    assert ev.timeline_events(db) == []


def test_bilan_figures_count_what_was_met(db, plan):
    ev.save_work(db, plan["plan"], ev.APPROACH, ev.WorkForm("D1", evaluation="atteinte"))
    ev.save_work(db, plan["plan"], ev.APPROACH, ev.WorkForm("D2"))
    ev.save_work(db, plan["plan"], ev.PROJECT, ev.WorkForm("P1", evaluation="non_atteinte"))
    ev.save_chantier_evaluation(db, plan["a"], evaluation="atteinte")
    figures = ev.bilan_figures(db, plan["plan"])
    assert (figures.strategies.total, figures.strategies.achieved) == (3, 1)
    assert (figures.targets.total, figures.targets.achieved) == (1, 1)
    assert figures.orientations.total == 2
    assert figures.orientations.achieved == 1  # O1: two achieved, one partial (5/6)
    assert figures.orientations.outcomes["non_evaluee"] == 1  # O2: M3 not evaluated
    assert (figures.chantiers.total, figures.chantiers.achieved) == (2, 1)
    assert (figures.integrated_approaches.total, figures.integrated_approaches.evaluated) == (2, 1)
    assert figures.flagship_projects.outcomes["non_atteinte"] == 1
    ev.set_year_status(db, plan["o1"], 2013, "abandonne")  # the last year's status wins
    assert ev.bilan_figures(db, plan["plan"]).orientations.outcomes["non_atteinte"] == 1
    assert ev.evaluated_plan_id(db) == plan["plan"]


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        (["atteinte", "atteinte", "partielle"], "atteinte"),
        (["atteinte", "partielle", "non_atteinte"], "partielle"),
        (["partielle", "non_atteinte", "non_atteinte"], "non_atteinte"),
        (["atteinte", "sans_objet"], "atteinte"),
        (["atteinte", "non_evaluee"], "non_evaluee"),
        ([], "non_evaluee"),
    ],
)
def test_orientation_outcome_rule(outcomes, expected):
    assert ev.items_outcome(outcomes) == expected


def test_no_evaluated_plan_is_explained(db):
    with pytest.raises(NotFoundError, match="Aucun plan d'action évalué"):
        ev.evaluated_plan_id(db)
    with db.session() as s:
        assert s.scalar(select(ActionPlan.id)) is None


def test_evaluation_changes_are_kept_in_the_journal(db, plan):
    from ahuntsic_desktop.services.core import journal

    work_id = ev.save_work(db, plan["plan"], ev.PROJECT, ev.WorkForm("Marché d'été"))
    ev.save_work(db, plan["plan"], ev.PROJECT, ev.WorkForm("Marché public d'été"), work_id)
    history = journal.record_history(db, "flagship_project", work_id)
    assert len(history) == 2
    assert journal.entity_label("flagship_project") == "Projet phare"
