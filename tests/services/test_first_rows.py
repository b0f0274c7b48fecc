"""The first rows of the persons and memberships lists, read alone (what the window shows
while it reads the whole list), are the whole list's first rows; the persons' sort key
that gives them is kept by the store however a person is written: created, renamed,
imported in bulk, or already there when the file is migrated."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from sqlalchemy import insert, select

from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.services.registry import lists, memberships, person_list
from ahuntsic_desktop.services.registry.persons import (
    PersonData,
    archive_persons,
    save_person,
)
from ahuntsic_desktop.text import fold_for_key

TODAY = date(2026, 11, 26)
NAMES = [
    ("Zoé", "Éthier"),
    ("Ana", "ebert"),
    ("Luc", "Œuvray"),
    ("Al", "Abé"),
    ("Bea", "Abe"),
    ("Émile", "Abe"),
    ("carl", "D'Amours"),
    ("Ève", "Ébert"),
    ("Yan", "Zhang"),
    ("Ilse", "Ødegaard"),
]


@pytest.fixture
def people(db):
    return [save_person(db, None, PersonData(first, last)) for first, last in NAMES]


def keys(db) -> dict[int, tuple[str | None, str | None]]:
    with db.session() as session:
        rows = session.execute(select(Person.id, Person.sort_last, Person.sort_first))
        return {row[0]: (row[1], row[2]) for row in rows}


def test_the_first_persons_are_the_whole_lists_first_in_french_order(db, people):
    archive_persons(db, people[3:4])  # « Abé » archived: not in the list
    whole = lists.persons_table(db, today=TODAY)
    assert [row[0] for row in whole.rows[:4]] == ["Abe", "Abe", "D'Amours", "ebert"]
    for count in (1, 3, 6, len(NAMES) + 5):
        first = lists.persons_table(db, today=TODAY, first=count)
        assert first.ids == whole.ids[:count]
        assert first.rows == whole.rows[:count]
        assert first.columns == whole.columns
    with_archived = lists.persons_table(db, today=TODAY, include_archived=True)
    assert with_archived.ids[0] == people[3]  # « Abé » first, then the two « Abe »
    first = lists.persons_table(db, today=TODAY, include_archived=True, first=4)
    assert first.ids == with_archived.ids[:4]


def test_the_key_follows_a_change_of_name(db, people):
    person_id = people[-1]  # Ilse Ødegaard
    assert keys(db)[person_id] == ("odegaard", "ilse")
    save_person(db, person_id, PersonData("Ilse", "Aalto"))
    assert keys(db)[person_id] == ("aalto", "ilse")
    save_person(db, person_id, PersonData("Élise", "Aalto"))
    assert keys(db)[person_id] == ("aalto", "elise")
    assert person_list.first_person_ids(db, 1) == [person_id]


def test_persons_written_without_the_orm_get_their_key(db):
    """Imports and demo data insert persons in bulk (Core): the column's default keys
    them."""
    with db.session() as session:
        session.execute(
            insert(Person.__table__),
            [
                {"first_name": "Josée", "last_name": "Lévesque", "is_resident": True},
                {"first_name": "Marc", "last_name": "Côté", "is_resident": False},
            ],
        )
        session.commit()
    assert set(keys(db).values()) == {("levesque", "josee"), ("cote", "marc")}
    assert [row[0] for row in lists.persons_table(db, today=TODAY, first=2).rows] == [
        "Côté",
        "Lévesque",
    ]


def test_the_first_memberships_are_the_whole_lists_first(db, people):
    category = memberships.create_category(
        db,
        memberships.CategoryData(
            "Membre citoyen", for_organizations=False, default_dues_cents=1000
        ),
    )
    MembershipData = memberships.MembershipData
    for i, person_id in enumerate(people):
        paid = date(2026, 4, 1) if i % 2 else None  # « À jour » and « Jamais » both
        memberships.create_membership(
            db, MembershipData(2026, category, person_id=person_id, paid_on=paid)
        )
    whole = memberships.list_memberships(db, 2026, today=TODAY)
    assert len(whole.rows) == len(people)
    for count in (1, 4, len(people)):
        first = memberships.list_memberships(db, 2026, today=TODAY, first=count)
        assert first.ids == whole.ids[:count]
        assert first.rows == whole.rows[:count]


def test_migration_0017_keys_the_persons_already_there(tmp_path):
    from tests.store.test_migration_0008 import run

    path = tmp_path / "m.sqlite"
    run(path, "upgrade", "0016")
    with sqlite3.connect(path) as connection:
        for i, (first, last) in enumerate(NAMES, start=1):
            connection.execute(
                "INSERT INTO person (id, first_name, last_name, is_resident, is_elected, "
                "created_at, updated_at) VALUES (?, ?, ?, 0, 0, CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP)",
                (i, first, last),
            )
    run(path, "upgrade", "0017")
    with sqlite3.connect(path) as connection:
        found = {
            row[0]: (row[1], row[2])
            for row in connection.execute("SELECT id, sort_last, sort_first FROM person")
        }
        plan = " ".join(
            str(row)
            for row in connection.execute(
                "EXPLAIN QUERY PLAN SELECT id FROM person WHERE archived_at IS NULL "
                "ORDER BY sort_last, sort_first LIMIT 5"
            )
        )
    assert found == {
        i: (fold_for_key(last), fold_for_key(first)) for i, (first, last) in enumerate(NAMES, 1)
    }
    assert "ix_person_sort_key" in plan and "TEMP B-TREE" not in plan
    run(path, "downgrade", "0016")
    run(path, "upgrade", "head")
