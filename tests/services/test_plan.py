"""The action plan: numbered tree, rolled-up progress, chantiers and their leads."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ahuntsic_desktop.domain import (
    ActionPlan,
    Assignment,
    Chantier,
    Means,
    Orientation,
    Person,
    Pillar,
    Target,
)
from ahuntsic_desktop.services.core.errors import NotFoundError
from ahuntsic_desktop.services.plan import plans as plan_service

TODAY = date(2026, 6, 1)


@pytest.fixture
def plan_ids(db):
    """Plan 2021-2025. Pillar « Vivre » (position 0) holds chantier « Alimentation » with
    orientation O1 (4 means, 1 target) and an orientation of its own; pillar « Agir »
    (position 1, inserted first) holds an empty chantier; chantier « Mobilité » has no
    pillar."""
    with db.session() as session:
        old = ActionPlan(title="Plan 2009-2019", start_year=2009, end_year=2019)
        plan = ActionPlan(title="Plan 2021-2025", start_year=2021, end_year=2025)
        agir = Pillar(plan=plan, name="Agir", position=1)
        vivre = Pillar(plan=plan, name="Vivre", position=0)
        food = Chantier(plan=plan, pillar=vivre, name="Alimentation", position=0)
        empty = Chantier(plan=plan, pillar=agir, name="Logement", position=0)
        mobility = Chantier(plan=plan, name="Mobilité", position=0)
        session.add_all([old, plan, agir, vivre, food, empty, mobility])
        session.flush()
        o1 = Orientation(plan_id=plan.id, chantier_id=food.id, title="Accès", position=0)
        own = Orientation(plan_id=plan.id, pillar_id=vivre.id, title="Concertation", position=0)
        far = Orientation(plan_id=plan.id, chantier_id=mobility.id, title="Transport")
        session.add_all([o1, own, far])
        session.flush()
        session.add_all(
            [
                Means(orientation_id=o1.id, position=3, title="Frigo", status="abandonne"),
                Means(orientation_id=o1.id, position=0, title="Marché", status="realise"),
                Means(
                    orientation_id=o1.id,
                    position=1,
                    title="Jardins",
                    status="en_cours",
                    evaluation="partielle",
                ),
                Means(orientation_id=o1.id, position=2, title="Cuisines", status="a_venir"),
                Target(
                    orientation_id=o1.id,
                    position=0,
                    title="500 familles",
                    status="en_cours",
                    evaluation="atteinte",
                ),
                Means(orientation_id=own.id, title="Forum", status="en_cours"),
                Means(orientation_id=far.id, title="Navette", evaluation="sans_objet"),
                Means(orientation_id=far.id, title="Abandonné", status="abandonne"),
            ]
        )
        return {
            "plan": plan.id,
            "old": old.id,
            "food": food.id,
            "empty": empty.id,
            "mobility": mobility.id,
        }


def test_tree_numbers_follow_positions(db, plan_ids):
    tree = plan_service.plan_tree(db, plan_ids["plan"])
    numbered = [(n.number, n.kind, n.title) for n in tree.walk()]
    assert numbered == [
        ("", "plan", "Plan 2021-2025"),
        ("1", "pillar", "Vivre"),
        ("1.1", "chantier", "Alimentation"),
        ("1.1.1", "orientation", "Accès"),
        ("1.1.1.1", "means", "Marché"),
        ("1.1.1.2", "means", "Jardins"),
        ("1.1.1.3", "means", "Cuisines"),
        ("1.1.1.4", "means", "Frigo"),
        ("1.1.1.5", "target", "500 familles"),
        ("1.2", "orientation", "Concertation"),
        ("1.2.1", "means", "Forum"),
        ("2", "pillar", "Agir"),
        ("2.1", "chantier", "Logement"),
        ("3", "chantier", "Mobilité"),
        ("3.1", "orientation", "Transport"),
        ("3.1.1", "means", "Navette"),
        ("3.1.2", "means", "Abandonné"),
    ]


def test_progress_rolls_up(db, plan_ids):
    tree = plan_service.plan_tree(db, plan_ids["plan"])
    nodes = {n.number: n for n in tree.walk()}
    assert [nodes[f"1.1.1.{i}"].progress for i in range(1, 6)] == [1.0, 0.5, 0.0, None, 1.0]
    assert nodes["1.1.1"].progress == pytest.approx(2.5 / 4)
    assert nodes["1.1"].progress == pytest.approx(2.5 / 4)
    assert nodes["1"].progress == pytest.approx(2.5 / 5)  # the pillar's own orientation at 0
    assert (nodes["1"].done, nodes["1"].counted) == (2.5, 5)
    assert nodes["2"].progress is None  # nothing to measure yet
    assert nodes["3"].progress is None  # only excluded means
    assert tree.progress == pytest.approx(0.5)


def test_list_plans(db, plan_ids):
    plans = plan_service.list_plans(db)
    assert [p.title for p in plans] == ["Plan 2021-2025", "Plan 2009-2019"]
    latest = plans[0]
    assert (latest.pillars, latest.chantiers, latest.orientations) == (2, 3, 3)
    assert latest.progress == pytest.approx(0.5)
    assert plans[1].progress is None
    with pytest.raises(NotFoundError):
        plan_service.plan_tree(db, 999)


def test_chantiers_members_leads_and_progress(db, plan_ids):
    with db.session() as session:
        lea, max_, old, gone = (
            Person(first_name="Léa", last_name="Roy"),
            Person(first_name="Max", last_name="Côté"),
            Person(first_name="Ancien", last_name="Porteur"),
            Person(first_name="Archivée", last_name="X", archived_at=datetime(2026, 1, 1)),
        )
        session.add_all([lea, max_, old, gone])
        session.flush()
        food = plan_ids["food"]
        session.add_all(
            [
                Assignment(person_id=lea.id, chantier_id=food, role="porteur"),
                Assignment(person_id=max_.id, chantier_id=food, role="co_porteur"),
                Assignment(person_id=max_.id, chantier_id=plan_ids["mobility"], role="membre"),
                Assignment(
                    person_id=old.id,
                    chantier_id=plan_ids["empty"],
                    role="porteur",
                    start_date=date(2022, 1, 1),
                    end_date=date(2025, 12, 31),
                ),
                Assignment(person_id=gone.id, chantier_id=food, role="membre"),
            ]
        )
    table = plan_service.list_chantiers(db, plan_ids["plan"], today=TODAY)
    assert [c.key for c in table.columns] == [
        "plan",
        "pillar",
        "chantier",
        "members",
        "leads",
        "orientations",
        "progress",
    ]
    assert table.values("chantier") == ["Alimentation", "Logement", "Mobilité"]
    assert table.values("pillar") == ["Vivre", "Agir", "—"]
    assert table.values("members") == [2, 0, 1]
    assert table.values("leads") == ["Léa Roy, Max Côté", "—", "—"]
    assert table.values("orientations") == [1, 0, 1]
    assert table.values("progress") == [pytest.approx(0.625), None, None]
    assert len(plan_service.list_chantiers(db, today=TODAY)) == 3  # the old plan has none

    missing = plan_service.chantiers_without_lead(db, plan_ids["plan"], today=TODAY)
    assert [(c.name, c.pillar_name) for c in missing] == [("Logement", "Agir"), ("Mobilité", "")]
    earlier = plan_service.chantiers_without_lead(db, plan_ids["plan"], today=date(2024, 1, 1))
    assert [c.name for c in earlier] == ["Mobilité"]
