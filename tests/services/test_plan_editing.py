"""Editing a plan: create, add, rename, reorder, move, statuses, values, delete."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from ahuntsic_desktop.domain import Means, Orientation, Person, Target
from ahuntsic_desktop.services.core.errors import NotFoundError, ValidationError
from ahuntsic_desktop.services.meetings import followups, meetings
from ahuntsic_desktop.services.plan import chantiers
from ahuntsic_desktop.services.plan import editing as pe
from ahuntsic_desktop.services.plan import plans as plan
from ahuntsic_desktop.services.plan.editing import NodeRef


def numbered(db, plan_id):
    return [(n.number, n.kind, n.title) for n in plan.plan_tree(db, plan_id).walk()][1:]


@pytest.fixture
def built(db):
    """Pillars « Vivre » (chantiers Alimentation, Logement) and « Agir » (Mobilisation),
    one orientation with two means and a target under Alimentation."""
    plan_id = pe.create_plan(db, "Plan 2021-2025", 2021, 2025, "Un quartier solidaire")
    root = NodeRef("plan", plan_id)
    ids = {"plan": root}
    ids["vivre"] = pe.add_node(db, "pillar", root, "Vivre")
    ids["agir"] = pe.add_node(db, "pillar", root, "Agir")
    ids["food"] = pe.add_node(db, "chantier", ids["vivre"], "Alimentation")
    ids["housing"] = pe.add_node(db, "chantier", ids["vivre"], "Logement")
    ids["mobilize"] = pe.add_node(db, "chantier", ids["agir"], "Mobilisation")
    ids["access"] = pe.add_node(db, "orientation", ids["food"], "Accès aux aliments")
    ids["market"] = pe.add_node(db, "means", ids["access"], "Marché")
    ids["gardens"] = pe.add_node(db, "means", ids["access"], "Jardins")
    ids["families"] = pe.add_node(db, "target", ids["access"], "500 familles")
    return ids


def test_building_a_plan_numbers_follow_order(db, built):
    assert numbered(db, built["plan"].id) == [
        ("1", "pillar", "Vivre"),
        ("1.1", "chantier", "Alimentation"),
        ("1.1.1", "orientation", "Accès aux aliments"),
        ("1.1.1.1", "means", "Marché"),
        ("1.1.1.2", "means", "Jardins"),
        ("1.1.1.3", "target", "500 familles"),
        ("1.2", "chantier", "Logement"),
        ("2", "pillar", "Agir"),
        ("2.1", "chantier", "Mobilisation"),
    ]
    detail = pe.node_detail(db, built["plan"])
    assert (detail.title, detail.start_year, detail.end_year) == ("Plan 2021-2025", 2021, 2025)
    assert detail.description == "Un quartier solidaire"


def test_plan_fields_are_checked(db, built):
    with pytest.raises(ValidationError) as error:
        pe.create_plan(db, "plan 2021-2025 ", 2026, 2030)
    assert error.value.field == "title" and "déjà" in error.value.message
    with pytest.raises(ValidationError) as error:
        pe.create_plan(db, "Autre", 2026, 2020)
    assert error.value.field == "end_year"
    with pytest.raises(ValidationError):
        pe.create_plan(db, "   ", 2026, 2030)
    pe.update_plan(db, built["plan"].id, "Plan 2021-2026", 2021, 2026, None)
    assert [p.title for p in plan.list_plans(db)] == ["Plan 2021-2026"]


def test_default_titles_are_unique_and_names_too(db, built):
    first = pe.add_node(db, "chantier", built["agir"])
    second = pe.add_node(db, "chantier", built["plan"])
    titles = {n.id: n.title for n in plan.plan_tree(db, built["plan"].id).walk()}
    assert titles[first.id] == "Nouveau chantier"
    assert titles[second.id] == "Nouveau chantier 2"
    with pytest.raises(ValidationError) as error:
        pe.rename(db, second, "alimentation")
    assert "déjà un chantier" in error.value.message
    pe.rename(db, built["market"], "Marché solidaire")
    assert pe.node_detail(db, built["market"]).title == "Marché solidaire"
    with pytest.raises(ValidationError):
        pe.rename(db, built["market"], "  ")


def test_reorder_within_a_parent(db, built):
    pe.move(db, built["gardens"], built["access"], 0)
    pe.move(db, built["housing"], built["vivre"], 0)
    pe.move(db, built["agir"], built["plan"], 0)
    assert numbered(db, built["plan"].id)[:6] == [
        ("1", "pillar", "Agir"),
        ("1.1", "chantier", "Mobilisation"),
        ("2", "pillar", "Vivre"),
        ("2.1", "chantier", "Logement"),
        ("2.2", "chantier", "Alimentation"),
        ("2.2.1", "orientation", "Accès aux aliments"),
    ]
    titles = [t for _n, k, t in numbered(db, built["plan"].id) if k in ("means", "target")]
    assert titles == ["Jardins", "Marché", "500 familles"]


def test_move_a_chantier_under_another_pillar(db, built):
    pe.move(db, built["food"], built["agir"])
    tree = numbered(db, built["plan"].id)
    assert ("2.2", "chantier", "Alimentation") in tree
    assert ("2.2.1.1", "means", "Marché") in tree
    assert ("1.1", "chantier", "Logement") in tree
    with db.session() as session:  # the orientation follows its chantier's pillar
        assert session.get(Orientation, built["access"].id).pillar_id == built["agir"].id
    places = pe.move_targets(db, built["food"])
    assert [(p.ref.kind, p.number) for p in places] == [
        ("plan", ""),
        ("pillar", "1"),
        ("pillar", "2"),
    ]
    assert pe.move_targets(db, built["market"])[0].title == "Accès aux aliments"


def test_impossible_moves_are_refused(db, built):
    other = pe.create_plan(db, "Plan 2009-2019", 2009, 2019)
    with pytest.raises(ValidationError, match="pilier ou directement sous le plan"):
        pe.move(db, built["food"], built["access"])
    with pytest.raises(ValidationError, match="sous une orientation"):
        pe.move(db, built["market"], built["food"])
    with pytest.raises(ValidationError, match="autre"):
        pe.move(db, built["vivre"], NodeRef("plan", other))
    with pytest.raises(NotFoundError):
        pe.move(db, NodeRef("chantier", 999), built["agir"])
    with pytest.raises(ValidationError):
        pe.add_node(db, "pillar", built["vivre"])


def test_status_and_evaluation_roll_up(db, built):
    tree = {n.id: n for n in plan.plan_tree(db, built["plan"].id).walk() if n.kind == "pillar"}
    assert tree[built["vivre"].id].progress == 0.0
    pe.set_status(db, built["market"], "realise", None, "Tenu en juin", date(2024, 6, 30))
    pe.set_status(db, built["families"], "en_cours", "partielle")
    pe.set_status(db, built["gardens"], "abandonne")
    nodes = {(n.kind, n.id): n for n in plan.plan_tree(db, built["plan"].id).walk()}
    assert nodes[built["access"]].progress == pytest.approx(0.75)
    assert nodes[built["food"]].progress == pytest.approx(0.75)
    assert nodes[built["vivre"]].progress == pytest.approx(0.75)
    detail = pe.node_detail(db, built["market"])
    assert (detail.status, detail.comment, detail.status_date) == (
        "realise",
        "Tenu en juin",
        date(2024, 6, 30),
    )
    with pytest.raises(ValidationError) as error:
        pe.set_status(db, built["market"], "fini")
    assert error.value.field == "status"
    with pytest.raises(ValidationError):
        pe.set_status(db, built["market"], "realise", "bof")
    with pytest.raises(ValidationError):
        pe.set_status(db, built["food"], "realise")


def test_target_values(db, built):
    pe.set_target_values(db, built["families"].id, "Familles rejointes", "1 234,5", 320, "familles")
    detail = pe.node_detail(db, built["families"])
    assert detail.target_value == Decimal("1234.50")
    assert detail.actual_value == Decimal("320.00")
    assert (detail.indicator, detail.unit) == ("Familles rejointes", "familles")
    with pytest.raises(ValidationError) as error:
        pe.set_target_values(db, built["families"].id, None, "beaucoup", None, None)
    assert error.value.field == "target_value" and "beaucoup" in error.value.message


def test_descriptions(db, built):
    pe.set_description(db, built["food"], "Nourrir le quartier")
    pe.set_description(db, built["vivre"], "Vivre ensemble")
    texts = pe.descriptions(db, built["plan"].id)
    assert texts[built["food"]] == "Nourrir le quartier"
    assert texts[built["plan"]] == "Un quartier solidaire"
    assert pe.node_detail(db, built["food"]).description == "Nourrir le quartier"


def test_delete_a_subtree(db, built):
    pe.delete(db, built["vivre"])
    assert numbered(db, built["plan"].id) == [
        ("1", "pillar", "Agir"),
        ("1.1", "chantier", "Mobilisation"),
    ]
    with db.session() as session:
        assert session.scalar(select(func.count(Means.id))) == 0
        assert session.scalar(select(func.count(Target.id))) == 0
    pe.delete(db, built["plan"])
    assert plan.list_plans(db) == []


def test_delete_refused_while_history_refers_to_it(db, built):
    with db.session() as session:
        person = Person(first_name="Léa", last_name="Roy")
        session.add(person)
        session.flush()
        person_id = person.id
    meeting_id = meetings.create_meeting(
        db,
        meetings.MeetingData(
            kind="chantier", title="Rencontre", date=date(2024, 3, 1), chantier_id=built["food"].id
        ),
    )
    followups.add_follow_up(
        db, followups.FollowUpData("Réserver la salle", means_id=built["gardens"].id)
    )
    chantiers.join(db, built["housing"].id, person_id, "porteur", start_date=date(2024, 1, 1))
    before = numbered(db, built["plan"].id)
    with pytest.raises(ValidationError) as error:
        pe.delete(db, built["vivre"])
    assert "1 rencontre" in error.value.message
    assert "1 suivi" in error.value.message
    assert "1 participation à un chantier" in error.value.message
    with pytest.raises(ValidationError, match="1 suivi"):
        pe.delete(db, built["gardens"])
    assert numbered(db, built["plan"].id) == before
    assert pe.node_detail(db, built["gardens"]).follow_ups[0].text == "Réserver la salle"
    assert meeting_id
    pe.delete(db, built["market"])  # nothing refers to it
    assert ("1.1.1.1", "means", "Jardins") in numbered(db, built["plan"].id)


def test_the_side_panel_saves_everything_or_nothing(db, built):
    from ahuntsic_desktop.services.plan.progress import NodeForm, save_node

    form = NodeForm(
        title="500 familles rejointes",
        status="en_cours",
        evaluation="partielle",
        comment="À mi-parcours",
        status_date="2025-03-31",
        indicator="Familles",
        target_value="500",
        actual_value="250,5",
        unit="familles",
    )
    save_node(db, built["families"], form)
    detail = pe.node_detail(db, built["families"])
    assert (detail.title, detail.evaluation, detail.status_date) == (
        "500 familles rejointes",
        "partielle",
        date(2025, 3, 31),
    )
    assert detail.actual_value == Decimal("250.50")
    with pytest.raises(ValidationError) as error:
        save_node(db, built["families"], replace(form, title="Autre titre", actual_value="x"))
    assert error.value.field == "actual_value"
    assert pe.node_detail(db, built["families"]).title == "500 familles rejointes"
    save_node(db, built["food"], NodeForm(title="Alimentation saine", description="Mandat"))
    assert pe.node_detail(db, built["food"]).description == "Mandat"
    with pytest.raises(ValidationError):
        save_node(db, built["housing"], NodeForm(title="Alimentation saine"))
    save_node(db, built["plan"], NodeForm("Plan 2021-2026", "Vision", 2021, 2026))
    assert pe.node_detail(db, built["plan"]).end_year == 2026
