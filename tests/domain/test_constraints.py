"""The database is the last line: it refuses what the services should never let through."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert, text
from sqlalchemy.exc import IntegrityError

from ahuntsic_desktop.domain import (
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Representation,
    Resolution,
)


def add(db, *objects):
    with db.session() as session:
        session.add_all(objects)


def test_organization_names_are_unique_ignoring_case_and_spacing(db):
    add(db, Organization(name="CJE Ahuntsic", sector="communautaire"))
    with pytest.raises(IntegrityError):
        add(db, Organization(name="cje  AHUNTSIC ", sector="communautaire"))


def test_core_inserts_also_fill_the_name_key(db):
    with db.session() as session:
        session.execute(insert(Organization), [{"name": "Éco-quartier", "sector": "autre"}])
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(insert(Organization), [{"name": "ÉCO-QUARTIER", "sector": "autre"}])


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO organization (name, name_key, sector) VALUES ('X', 'x', 'inconnu')",
        "INSERT INTO meeting (kind, body, title, date, status) "
        "VALUES ('fete', 'CC', 'T', '2026-01-01', 'prevue')",
        "INSERT INTO meeting (kind, body, title, date, status) "
        "VALUES ('aga', 'AG', 'T', '2026-01-01', 'peut-etre')",
        "INSERT INTO organization (name, name_key, sector) VALUES ('   ', '', 'autre')",
        "INSERT INTO person (first_name, last_name) VALUES ('', ' ')",
    ],
    ids=["sector", "meeting-kind", "meeting-status", "blank-name", "blank-person"],
)
def test_bad_values_are_refused(db, statement):
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(text(statement))


def test_orphan_rows_are_refused(db):
    with pytest.raises(IntegrityError):
        add(db, Representation(person_id=999, organization_id=998, role="delegue"))


def test_one_membership_per_member_and_year(db):
    category = MembershipCategory(name="Régulier")
    person = Person(first_name="Léa", last_name="Côté")
    add(db, category, person)
    add(db, Membership(year=2026, category_id=category.id, person_id=person.id))
    with pytest.raises(IntegrityError):
        add(db, Membership(year=2026, category_id=category.id, person_id=person.id))


def test_membership_has_exactly_one_member(db):
    category = MembershipCategory(name="Régulier")
    person = Person(first_name="Léa", last_name="Côté")
    org = Organization(name="Maison", sector="communautaire")
    add(db, category, person, org)
    with pytest.raises(IntegrityError):
        add(db, Membership(year=2026, category_id=category.id))
    with pytest.raises(IntegrityError):
        add(
            db,
            Membership(
                year=2026, category_id=category.id, person_id=person.id, organization_id=org.id
            ),
        )


def test_referenced_person_cannot_be_deleted_underneath_history(db):
    person = Person(first_name="Léa", last_name="Côté")
    meeting = Meeting(kind="aga", body="AG", title="AGA", date=date(2026, 6, 1))
    add(db, person, meeting)
    add(
        db,
        Resolution(
            meeting_id=meeting.id,
            body="AG",
            year=2026,
            sequence=1,
            number="AG-2026-001",
            title="Adoption",
            moved_by_id=person.id,
        ),
    )
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(text("DELETE FROM person WHERE id = :id"), {"id": person.id})


def test_resolution_numbers_are_unique(db):
    meeting = Meeting(kind="comite_coordination", body="CC", title="CC", date=date(2026, 1, 1))
    add(db, meeting)
    fields = dict(meeting_id=meeting.id, body="CC", year=2026, title="R")
    add(db, Resolution(sequence=1, number="CC-2026-001", **fields))
    with pytest.raises(IntegrityError):
        add(db, Resolution(sequence=1, number="CC-2026-001", **fields))
