"""The chantiers' roster behind the « Participation aux chantiers » workbook: read as it is
written, in French order of names, the same whether SQLite sorts it (the store's
``fold_key``) or Python does (a server)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from ahuntsic_desktop.domain import Assignment, Organization, Person
from ahuntsic_desktop.services.plan import editing as pe
from ahuntsic_desktop.services.plan import roster as roster_module
from ahuntsic_desktop.services.plan.editing import NodeRef
from ahuntsic_desktop.services.plan.roster import chantier_roster
from ahuntsic_desktop.store import french_key
from ahuntsic_desktop.text import fold_for_key

TODAY = date(2026, 6, 1)


@pytest.fixture
def plan(db):
    """Two chantiers under two pillars; namesakes, accents, a ligature, a lower-case name,
    an archived person and an ended assignment."""
    plan_id = pe.create_plan(db, "Plan 2021-2025", 2021, 2025)
    root = NodeRef("plan", plan_id)
    food = pe.add_node(db, "chantier", pe.add_node(db, "pillar", root, "Vivre"), "Alimentation")
    act = pe.add_node(db, "chantier", pe.add_node(db, "pillar", root, "Agir"), "Mobilisation")
    with db.session() as session:
        org = Organization(name="Cuisine collective", sector="communautaire")
        names = [
            ("Marie", "Dubé"),  # met second: only in the second chantier
            ("Marie", "Dube"),  # her namesake once folded, met first
            ("Zoé", "Émond"),
            ("Ann", "Eastman"),
            ("Luc", "Œuvre"),
            ("Ana", "zola"),
            ("Paul", "Archambault"),  # archived
        ]
        people = [Person(first_name=f, last_name=last) for f, last in names]
        people[-1].archived_at = datetime(2026, 1, 1)
        session.add_all([org, *people])
        session.flush()
        p = [person.id for person in people]
        session.add_all(
            [
                Assignment(person_id=p[0], chantier_id=act.id, role="membre"),
                Assignment(person_id=p[1], chantier_id=food.id, role="porteur"),
                Assignment(person_id=p[2], chantier_id=food.id, role="membre",
                           organization_id=org.id),
                Assignment(person_id=p[3], chantier_id=food.id, role="membre",
                           end_date=date(2025, 12, 31)),  # ended
                Assignment(person_id=p[3], chantier_id=act.id, role="observateur"),
                Assignment(person_id=p[4], chantier_id=act.id, role="co_porteur"),
                Assignment(person_id=p[5], chantier_id=food.id, role="membre"),
                Assignment(person_id=p[5], chantier_id=act.id, role="membre",
                           start_date=date(2027, 1, 1)),  # not yet
                Assignment(person_id=p[6], chantier_id=food.id, role="membre"),
            ]
        )  # fmt: skip
    return plan_id


def read(db, plan_id):
    roster = chantier_roster(db, plan_id, TODAY)
    rows = [(r.last_name, r.first_name, r.organization, r.roles, r.count) for r in roster.rows()]
    lines = [(a.chantier, a.last_name, a.active) for a in roster.assignments()]
    return roster, rows, lines


def test_roster_rows_in_french_order_namesakes_as_met(db, plan):
    roster, rows, lines = read(db, plan)
    assert (roster.people, roster.assignment_count) == (6, 9)
    assert [r[:2] for r in rows] == [
        ("Dube", "Marie"),
        ("Dubé", "Marie"),
        ("Eastman", "Ann"),
        ("Émond", "Zoé"),
        ("Œuvre", "Luc"),
        ("zola", "Ana"),
    ]
    assert rows[0][3:] == (("Porteur·euse", ""), 1)
    assert rows[2][3:] == (("", "Observateur·trice"), 1)  # the ended one left out
    assert rows[3][2] == "Cuisine collective"
    assert lines == [
        ("Alimentation", "Dube", True),
        ("Alimentation", "Émond", True),
        ("Alimentation", "zola", True),
        ("Alimentation", "Archambault", False),  # archived
        ("Alimentation", "Eastman", False),  # ended
        ("Mobilisation", "Dubé", True),
        ("Mobilisation", "Eastman", True),
        ("Mobilisation", "Œuvre", True),
        ("Mobilisation", "zola", False),  # not yet
    ]


def test_python_order_when_the_store_cannot_sort_in_french(db, plan, monkeypatch):
    """A server has no ``fold_key``: the rows are sorted in Python, in the same order."""
    expected = read(db, plan)[1:]
    monkeypatch.setattr(roster_module, "french_key", lambda _session: None)
    assert read(db, plan)[1:] == expected


def test_fold_key_in_sql_is_the_applications_key(db):
    names = ["Émond", "Œuvre", "zola", "ÉCOLE", "Ça", "straße", "", "Dubé-Côté"]
    with db.session() as session:
        fold = french_key(session)
        if fold is None:
            pytest.skip("a server sorts in Python")
        for name in names:
            assert session.scalar(select(fold(name))) == fold_for_key(name)
        assert session.scalar(select(fold(None))) == ""
