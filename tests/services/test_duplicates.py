"""Similar persons and organisations: accents, case, hyphens, word order, email, phone."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import insert

from ahuntsic_desktop.domain import Organization, Person
from ahuntsic_desktop.services.registry.duplicates import (
    DuplicateIndex,
    name_key,
    phone_key,
    similar_organizations,
    similar_persons,
)


@pytest.fixture
def people(db):
    rows = [
        {"first_name": "Marie", "last_name": "Côté-Lévesque", "email": "Marie.Cote@Exemple.org"},
        {"first_name": "Jean", "last_name": "Tremblay", "phone": "514 555-1234"},
        {"first_name": "Jeanne", "last_name": "Tremblay"},
        {"first_name": "Œdipe", "last_name": "Roy"},
        {"first_name": "Ancien", "last_name": "Membre", "archived_at": datetime(2025, 1, 1)},
        {"first_name": "Effacé", "last_name": "Anonyme", "anonymized_at": datetime(2025, 1, 1)},
    ]
    with db.session() as session:
        ids = session.scalars(
            insert(Person).returning(Person.id, sort_by_parameter_order=True), rows
        ).all()
    return dict(
        zip(["marie", "jean", "jeanne", "oedipe", "archived", "anonymous"], ids, strict=True)
    )


def test_name_key_ignores_accents_case_hyphens_and_word_order():
    assert name_key("Côté-Lévesque Marie") == name_key("marie cote levesque")
    assert name_key("Marie", "Côté-Lévesque") == "cote levesque marie"
    assert name_key("L’Œuvre  de  l'Île") == name_key("l oeuvre de l ile")
    assert name_key("Jean") != name_key("Jeanne")


def test_phone_key_keeps_digits_without_extension():
    assert phone_key("(514) 555-1234 poste 22") == "5145551234"
    assert phone_key("1-514-555-1234") == "5145551234"
    assert phone_key("+1 514.555.1234") == "5145551234"
    assert phone_key("555") is None
    assert phone_key(None) is None


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("marie cote", "levesque"),
        ("MARIE", "COTE LEVESQUE"),
        ("Lévesque Côté", "Marie"),
        ("", "Côté-Lévesque Marie"),
    ],
)
def test_similar_person_by_name(db, people, first, last):
    matches = similar_persons(db, first, last)
    assert [m.id for m in matches] == [people["marie"]]
    assert matches[0].reasons == ("name",)
    assert matches[0].name == "Marie Côté-Lévesque"
    assert matches[0].reason_text == "même nom"


def test_similar_person_by_email_and_phone(db, people):
    matches = similar_persons(db, "X", "Y", email="  marie.cote@exemple.ORG ")
    assert [(m.id, m.reasons) for m in matches] == [(people["marie"], ("email",))]
    matches = similar_persons(db, None, None, phone="+1 (514) 555-1234 ext. 9")
    assert [(m.id, m.reasons) for m in matches] == [(people["jean"], ("phone",))]
    both = similar_persons(db, "jean", "TREMBLAY", phone="5145551234")
    assert both[0].reasons == ("name", "phone")


def test_no_match_for_other_names_and_exclusion(db, people):
    assert similar_persons(db, "Jean", "Tremblais") == []
    assert similar_persons(db, "", "") == []
    assert similar_persons(db, "Jean", "Tremblay", exclude_id=people["jean"]) == []
    assert [m.id for m in similar_persons(db, "oedipe", "roy")] == [people["oedipe"]]


def test_archived_are_flagged_and_anonymised_ignored(db, people):
    (match,) = similar_persons(db, "ancien", "membre")
    assert match.archived
    assert similar_persons(db, "ancien", "membre", include_archived=False) == []
    assert similar_persons(db, "Effacé", "Anonyme") == []


def test_similar_organizations(db):
    with db.session() as session:
        session.add_all(
            [
                Organization(
                    name="Centre des femmes d'Ahuntsic",
                    sector="communautaire",
                    email="info@cfa.org",
                    phone="514 555-0001",
                ),
                Organization(name="Maison des jeunes", sector="communautaire"),
            ]
        )
    (match,) = similar_organizations(db, "centre des FEMMES d’ahuntsic")
    assert match.kind == "organization" and match.reasons == ("name",)
    assert similar_organizations(db, "Autre", email="INFO@cfa.org")[0].reasons == ("email",)
    assert similar_organizations(db, "Autre", phone="(514) 555-0001")[0].reasons == ("phone",)
    assert similar_organizations(db, "Maison des jeunes Ahuntsic") == []


def test_index_finds_the_same(db, people):
    index = DuplicateIndex.load(db, "person")
    assert len(index) == 5  # the anonymised person is left out
    assert [m.id for m in index.find(("marie cote", "levesque"))] == [people["marie"]]
    assert index.find(("x",), email="MARIE.COTE@exemple.org")[0].reasons == ("email",)
    assert index.find(("Jean", "Tremblay"), reasons=["email"]) == []


def test_found_among_many_persons(db):
    # Speed is measured by benchmarks/bench_scale.py, not asserted here.
    rows = [
        {
            "first_name": f"Prénom{i % 977}",
            "last_name": f"Nom-{i % 1013}",
            "email": f"p{i}@x.org",
            "phone": f"514 5{i % 100:02d}-{i % 10000:04d}",
        }
        for i in range(100_000)
    ]
    with db.session() as session:
        session.execute(insert(Person), rows)
    matches = similar_persons(db, "Nom 5", "Prénom5", email="p77@x.org")
    assert {"name", "email"} <= {r for m in matches for r in m.reasons}
