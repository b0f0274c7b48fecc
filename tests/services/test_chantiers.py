"""Chantiers: roster with roles and history, the chantier's page, the participation matrix."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from ahuntsic_desktop.domain import Organization, Person, Representation
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.meetings import attendance, followups, meetings
from ahuntsic_desktop.services.plan import chantiers
from ahuntsic_desktop.services.plan import editing as pe
from ahuntsic_desktop.services.plan.chantier_matrix import participation_matrix
from ahuntsic_desktop.services.plan.editing import NodeRef

TODAY = date(2026, 6, 1)


@pytest.fixture
def table(db):
    """A plan with two pillars and three chantiers; four persons, two organisations."""
    plan_id = pe.create_plan(db, "Plan 2021-2025", 2021, 2025)
    root = NodeRef("plan", plan_id)
    vivre = pe.add_node(db, "pillar", root, "Vivre")
    agir = pe.add_node(db, "pillar", root, "Agir")
    ids = {
        "plan": plan_id,
        "food": pe.add_node(db, "chantier", vivre, "Alimentation").id,
        "housing": pe.add_node(db, "chantier", vivre, "Logement").id,
        "mobilize": pe.add_node(db, "chantier", agir, "Mobilisation").id,
    }
    orientation = pe.add_node(db, "orientation", NodeRef("chantier", ids["food"]), "Accès")
    ids["orientation"] = orientation
    ids["market"] = pe.add_node(db, "means", orientation, "Marché")
    ids["gardens"] = pe.add_node(db, "means", orientation, "Jardins")
    with db.session() as session:
        cuisine = Organization(name="Cuisine collective Ahuntsic", sector="communautaire")
        cdc = Organization(name="CIUSSS du Nord", sector="sante")
        people = [
            Person(first_name="Léa", last_name="Roy"),
            Person(first_name="Max", last_name="Côté"),
            Person(first_name="Inès", last_name="Gagnon", is_resident=True),
            Person(first_name="Archivée", last_name="X", archived_at=datetime(2026, 1, 1)),
        ]
        session.add_all([cuisine, cdc, *people])
        session.flush()
        session.add_all(
            [
                Representation(person_id=people[0].id, organization_id=cuisine.id, role="delegue"),
                Representation(person_id=people[1].id, organization_id=cdc.id, role="employe"),
            ]
        )
        ids.update(
            cuisine=cuisine.id,
            cdc=cdc.id,
            lea=people[0].id,
            max=people[1].id,
            ines=people[2].id,
            archived=people[3].id,
        )
    return ids


def test_join_leave_and_change_role_keep_history(db, table):
    lea = chantiers.join(
        db, table["food"], table["lea"], "porteur", organization_id=table["cuisine"],
        start_date=date(2024, 1, 10),
    )  # fmt: skip
    max_ = chantiers.join(
        db, table["food"], table["max"], "membre", organization_id=table["cdc"],
        start_date=date(2024, 2, 1),
    )  # fmt: skip
    chantiers.join(db, table["food"], table["ines"], "observateur", start_date=date(2024, 3, 1))
    with pytest.raises(ValidationError, match="participe déjà"):
        chantiers.join(db, table["food"], table["lea"], "membre", today=TODAY)
    with pytest.raises(ValidationError, match="personne active"):
        chantiers.join(db, table["food"], table["archived"], "membre")
    with pytest.raises(ValidationError):
        chantiers.join(db, table["food"], table["ines"], "chef")

    roster = chantiers.roster(db, table["food"], today=TODAY)
    assert [(e.person_name, e.role_label, e.organization_name) for e in roster] == [
        ("Léa Roy", "Porteur·euse", "Cuisine collective Ahuntsic"),
        ("Max Côté", "Membre", "CIUSSS du Nord"),
        ("Inès Gagnon", "Observateur·trice", ""),
    ]

    new_line = chantiers.change_role(db, max_, "co_porteur", on=date(2025, 1, 1))
    assert new_line != max_
    chantiers.leave(db, lea, date(2025, 12, 31))
    with pytest.raises(ValidationError, match="déjà quitté"):
        chantiers.leave(db, lea, date(2026, 1, 31))
    with pytest.raises(ValidationError):
        chantiers.leave(db, new_line, date(2020, 1, 1))  # before arriving

    active = chantiers.roster(db, table["food"], today=TODAY)
    assert [(e.person_name, e.role) for e in active] == [
        ("Max Côté", "co_porteur"),
        ("Inès Gagnon", "observateur"),
    ]
    history = chantiers.roster(db, table["food"], today=TODAY, include_past=True)
    past = [(e.person_name, e.role, e.start_date, e.end_date) for e in history if not e.active]
    assert past == [
        ("Léa Roy", "porteur", date(2024, 1, 10), date(2025, 12, 31)),
        ("Max Côté", "membre", date(2024, 2, 1), date(2024, 12, 31)),
    ]
    # Léa may come back later as a member: a new line
    chantiers.join(db, table["food"], table["lea"], "membre", start_date=date(2026, 3, 1))
    assert len(chantiers.roster(db, table["food"], today=TODAY)) == 3
    chantiers.remove_assignment(db, new_line)
    assert len(chantiers.roster(db, table["food"], today=TODAY, include_past=True)) == 4


def test_person_choices_offer_the_organisations_represented(db, table):
    choices = {c.name: c for c in chantiers.person_choices(db, today=TODAY)}
    assert "Archivée X" not in choices
    assert choices["Léa Roy"].organizations == ((table["cuisine"], "Cuisine collective Ahuntsic"),)
    assert choices["Inès Gagnon"].organizations == ()


def test_chantier_detail(db, table):
    chantiers.join(db, table["food"], table["lea"], "porteur", organization_id=table["cuisine"],
                   start_date=date(2024, 1, 1))  # fmt: skip
    chantiers.join(db, table["food"], table["max"], "membre", start_date=date(2024, 1, 1))
    pe.set_status(db, table["market"], "realise")
    pe.set_description(db, NodeRef("chantier", table["food"]), "Nourrir le quartier")
    held = meetings.create_meeting(
        db,
        meetings.MeetingData(
            kind="chantier", title="Rencontre de mars", date=date(2026, 3, 4),
            chantier_id=table["food"], status="tenue",
        ),
    )  # fmt: skip
    attendance.set_attendance(db, held, table["lea"], "present")
    attendance.set_attendance(db, held, table["max"], "present")
    attendance.set_attendance(db, held, table["ines"], "excuse")
    attendance.set_attendance(db, held, table["archived"], "absent")
    meetings.create_meeting(
        db,
        meetings.MeetingData(
            kind="chantier", title="Rencontre de juin", date=date(2026, 6, 10),
            chantier_id=table["food"],
        ),
    )  # fmt: skip
    followups.add_follow_up(
        db,
        followups.FollowUpData(
            "Trouver un local", meeting_id=held, due_date=date(2026, 4, 1),
            means_id=table["gardens"].id,
        ),
    )  # fmt: skip
    followups.add_follow_up(
        db, followups.FollowUpData("Déjà fait", meeting_id=held, status="fait"), today=TODAY
    )
    detail = chantiers.chantier_detail(db, table["food"], today=TODAY)
    assert (detail.number, detail.name, detail.pillar_name) == ("1.1", "Alimentation", "Vivre")
    assert detail.mandate == "Nourrir le quartier"
    assert [(o.number, o.title, o.progress) for o in detail.node.children] == [
        ("1.1.1", "Accès", 0.5)
    ]
    assert [(m.title, m.present, m.recorded, m.rate) for m in detail.meetings] == [
        ("Rencontre de juin", 0, 0, None),
        ("Rencontre de mars", 2, 4, 0.5),
    ]
    assert detail.attendance_rate == 0.5
    assert detail.follow_ups.values("description") == ["Trouver un local"]
    assert detail.follow_ups.values("overdue") == [True]
    assert [e.person_name for e in detail.leads] == ["Léa Roy"]
    links = pe.node_detail(db, table["gardens"]).follow_ups
    assert [(f.text, f.status) for f in links] == [("Trouver un local", "À faire")]


def test_participation_matrix(db, table):
    chantiers.join(db, table["food"], table["lea"], "porteur", organization_id=table["cuisine"],
                   start_date=date(2024, 1, 1))  # fmt: skip
    chantiers.join(db, table["housing"], table["lea"], "membre", organization_id=table["cuisine"],
                   start_date=date(2024, 1, 1))  # fmt: skip
    chantiers.join(db, table["food"], table["max"], "ressource",
                   organization_id=table["cdc"], start_date=date(2024, 1, 1))  # fmt: skip
    chantiers.join(db, table["mobilize"], table["ines"], "co_porteur", start_date=date(2024, 1, 1))
    gone = chantiers.join(db, table["housing"], table["max"], "porteur",
                          organization_id=table["cdc"], start_date=date(2024, 1, 1))  # fmt: skip
    chantiers.leave(db, gone, date(2025, 1, 1))

    matrix = participation_matrix(db, table["plan"], today=TODAY)
    assert [(c.number, c.name, c.has_lead) for c in matrix.columns] == [
        ("1.1", "Alimentation", True),
        ("1.2", "Logement", False),
        ("2.1", "Mobilisation", True),
    ]
    assert [r.name for r in matrix.rows] == [
        "CIUSSS du Nord",
        "Cuisine collective Ahuntsic",
        "À titre personnel (sans organisme)",
    ]
    assert [matrix.cell_text(1, c) for c in range(3)] == ["Porteur·euse", "Membre", ""]
    assert [matrix.cell_text(0, c) for c in range(3)] == ["Personne-ressource", "", ""]
    assert matrix.cell_text(2, 2) == "Co-porteur·euse"

    by_person = participation_matrix(db, table["plan"], by="person", today=TODAY)
    assert [r.name for r in by_person.rows] == ["Max Côté", "Inès Gagnon", "Léa Roy"]
    earlier = participation_matrix(db, table["plan"], today=date(2024, 6, 1))
    assert [c.has_lead for c in earlier.columns] == [True, True, True]
