from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, func, insert, select
from sqlalchemy.exc import IntegrityError

from ahuntsic_desktop.domain import Consent, Person, Representation
from ahuntsic_desktop.services.core.errors import NotFoundError, ValidationError
from ahuntsic_desktop.services.registry import memberships
from ahuntsic_desktop.services.registry.organizations import (
    OrganizationData,
    archive_organization,
    create_organization,
)
from ahuntsic_desktop.services.registry.persons import (
    PersonData,
    add_representation,
    archive_person,
    delete_person,
    delete_representation,
    end_representation,
    get_person,
    list_person_representations,
    list_persons,
    restore_person,
    save_person,
)

TODAY = date(2026, 5, 15)


@contextmanager
def refused(field: str | None):
    with pytest.raises(ValidationError) as info:
        yield info
    assert info.value.field == field
    assert info.value.message


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def org(db):
    return create_organization(db, OrganizationData("CJE Ahuntsic"))


def test_create_and_get(db):
    person_id = save_person(
        db,
        None,
        PersonData(
            first_name=" Josée ",
            last_name="Lévesque",
            email="Josee@Exemple.CA",
            phone="514 555 0199",
            postal_code="h2c 1a1",
            is_resident=True,
            sector="citoyen",
        ),
    )
    data = get_person(db, person_id)
    assert (data.first_name, data.last_name) == ("Josée", "Lévesque")
    assert data.email == "Josee@exemple.ca"
    assert data.phone == "514 555-0199"
    assert data.postal_code == "H2C 1A1"
    assert data.is_resident and data.sector == "citoyen"


def test_one_name_is_enough_but_not_none(db):
    assert save_person(db, None, PersonData(first_name="Ginette"))
    with refused("last_name"):
        save_person(db, None, PersonData(" ", "  "))
    assert count(db, Person) == 1


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("email", PersonData("A", "B", email="a@b")),
        ("phone", PersonData("A", "B", phone="12")),
        ("postal_code", PersonData("A", "B", postal_code="90210")),
        ("sector", PersonData("A", "B", sector="extraterrestre")),
        ("last_name", PersonData("A", "B" * 101)),
        ("first_name", PersonData("A\x00", "B")),
    ],
)
def test_bad_input_refused_and_nothing_saved(db, field, data):
    with refused(field):
        save_person(db, None, data)
    assert count(db, Person) == 0


def test_update_refused_keeps_old_values(db):
    person_id = save_person(db, None, PersonData("Marie", "Tremblay", email="marie@exemple.ca"))
    with refused("email"):
        save_person(db, person_id, PersonData("Marie", "Gagnon", email="marie@"))
    assert get_person(db, person_id).last_name == "Tremblay"
    save_person(db, person_id, PersonData("Marie", "Gagnon"))
    assert get_person(db, person_id) == PersonData("Marie", "Gagnon")


def test_bad_sector_refused_by_database_check(db):
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Person(first_name="A", last_name="B", sector="extraterrestre"))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Person(first_name=" ", last_name=""))
    assert count(db, Person) == 0


def test_list_persons_with_current_organisations(db, org):
    other = create_organization(db, OrganizationData("Bibliothèque Ahuntsic"))
    former = create_organization(db, OrganizationData("Ancien organisme"))
    marie = save_person(db, None, PersonData("Marie", "Tremblay", is_resident=True))
    paul = save_person(db, None, PersonData("Paul", "Anctil", sector="municipal"))
    andre = save_person(db, None, PersonData("André", "Ébert"))
    add_representation(db, marie, org, "delegue", date(2024, 1, 1))
    add_representation(db, marie, org, "employe", date(2024, 1, 1))  # same org once
    add_representation(db, marie, other, "substitut", date(2025, 1, 1))
    add_representation(db, marie, former, "delegue", date(2020, 1, 1), date(2021, 1, 1))
    add_representation(db, paul, other, "delegue", date(2027, 1, 1))  # not started yet
    table = list_persons(db, today=TODAY)
    assert [c.key for c in table.columns] == [
        "last_name",
        "first_name",
        "organizations",
        "email",
        "phone",
        "resident",
        "sector",
        "archived",
    ]
    assert table.ids == [paul, andre, marie]
    assert table.values("organizations") == ["", "", "Bibliothèque Ahuntsic, CJE Ahuntsic"]
    assert table.values("resident") == [False, False, True]
    assert table.values("sector")[0] == "Municipal et élu·es"


def _statements_to_list(db) -> int:
    statements = []

    def record(*args):
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        list_persons(db, today=date(2026, 11, 26))
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return len(statements)


def test_list_persons_takes_the_same_few_queries_whatever_the_number_of_rows(db):
    """Persons, today's representations and the organisations' names: three queries, not
    one a person."""
    organization = create_organization(db, OrganizationData(name="CJE Ahuntsic"))

    def add(count: int, start: int) -> None:
        with db.session() as session:
            ids = (
                session.execute(
                    insert(Person).returning(Person.id),
                    [
                        {"first_name": f"P{i}", "last_name": f"N{i}"}
                        for i in range(start, start + count)
                    ],
                )
                .scalars()
                .all()
            )
            session.execute(
                insert(Representation),
                [{"person_id": i, "organization_id": organization, "role": "employe"} for i in ids],
            )

    add(200, 0)
    few = _statements_to_list(db)
    add(200, 200)
    assert _statements_to_list(db) == few <= 3
    assert (
        list_persons(db, today=date(2026, 11, 26)).values("organizations") == ["CJE Ahuntsic"] * 400
    )


def test_archive_and_restore(db):
    person_id = save_person(db, None, PersonData("Marie", "Tremblay"))
    archive_person(db, person_id)
    assert len(list_persons(db)) == 0
    assert list_persons(db, include_archived=True).values("archived") == [True]
    restore_person(db, person_id)
    assert len(list_persons(db)) == 1


def test_add_representation_validation(db, org):
    person_id = save_person(db, None, PersonData("Marie", "Tremblay"))
    with refused("role"):
        add_representation(db, person_id, org, "presidente")
    with refused("end_date"):
        add_representation(db, person_id, org, "delegue", date(2026, 2, 1), date(2026, 1, 1))
    with refused("start_date"):
        add_representation(db, person_id, org, "delegue", "hier")
    with pytest.raises(NotFoundError):
        add_representation(db, person_id, 999, "delegue")
    with pytest.raises(NotFoundError):
        add_representation(db, 999, org, "delegue")
    assert count(db, Representation) == 0


def test_overlapping_representation_refused(db, org):
    person_id = save_person(db, None, PersonData("Marie", "Tremblay"))
    add_representation(db, person_id, org, "delegue", date(2024, 1, 1), date(2024, 12, 31))
    with refused("role"):
        add_representation(db, person_id, org, "delegue", date(2024, 6, 1))
    add_representation(db, person_id, org, "delegue", date(2025, 1, 1))  # after the first one
    add_representation(db, person_id, org, "substitut", date(2024, 6, 1))  # another role
    assert count(db, Representation) == 3


def test_representation_of_archived_organisation_refused(db, org):
    person_id = save_person(db, None, PersonData("Marie", "Tremblay"))
    archive_organization(db, org)
    with refused("organization_id"):
        add_representation(db, person_id, org, "delegue")


def test_end_representation(db, org):
    person_id = save_person(db, None, PersonData("Marie", "Tremblay"))
    rep = add_representation(db, person_id, org, "delegue", date(2024, 1, 1))
    with refused("end_date"):
        end_representation(db, rep, date(2023, 1, 1))
    end_representation(db, rep, date(2026, 3, 31))
    table = list_person_representations(db, person_id, today=TODAY)
    assert table.rows == [("CJE Ahuntsic", "Délégué·e", date(2024, 1, 1), date(2026, 3, 31), False)]
    assert list_persons(db, today=TODAY).values("organizations") == [""]
    with pytest.raises(NotFoundError):
        end_representation(db, 999)


def test_representation_constraints_in_database(db, org):
    person_id = save_person(db, None, PersonData("Marie", "Tremblay"))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Representation(person_id=person_id, organization_id=org, role="presidente"))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Representation(person_id=999, organization_id=org, role="delegue"))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(
            Representation(
                person_id=person_id,
                organization_id=org,
                role="delegue",
                start_date=date(2026, 1, 2),
                end_date=date(2026, 1, 1),
            )
        )
    assert count(db, Representation) == 0


def test_delete_person(db, org):
    free = save_person(db, None, PersonData("Libre", "Comme l'air"))
    with db.session() as session:
        session.add(Consent(person_id=free, purpose="bottin", granted_on=TODAY))
    delete_person(db, free)
    assert count(db, Consent) == 0

    busy = save_person(db, None, PersonData("Marie", "Tremblay"))
    rep = add_representation(db, busy, org, "delegue")
    with refused(None) as info:
        delete_person(db, busy)
    assert "archivez" in info.value.message
    delete_representation(db, rep)
    category = memberships.create_category(db, memberships.CategoryData("Citoyen"))
    memberships.create_membership(db, memberships.MembershipData(2026, category, person_id=busy))
    with refused(None):
        delete_person(db, busy)
    assert count(db, Person) == 1


def test_a_save_from_an_older_read_is_refused_as_a_conflict(db):
    """Two users open the same person; the second to save learns of the first's change
    instead of silently overwriting it, and nothing of theirs is written."""
    from dataclasses import replace

    from ahuntsic_desktop.services.core import ConflictError

    person_id = save_person(db, None, PersonData("Ana", "Roy", email="ana@exemple.ca"))
    first, second = get_person(db, person_id), get_person(db, person_id)
    save_person(db, person_id, replace(first, phone="514 555-0101"))
    with pytest.raises(ConflictError) as info:
        save_person(db, person_id, replace(second, email="ana.roy@exemple.ca"))
    assert "modifié cette fiche entre-temps" in info.value.message
    now = get_person(db, person_id)
    assert (now.email, now.phone, now.version) == ("ana@exemple.ca", "514 555-0101", 2)
    save_person(db, person_id, replace(now, email="ana.roy@exemple.ca"))  # from a fresh read
    assert get_person(db, person_id).version == 3
