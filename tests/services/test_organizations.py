from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, func, insert, select
from sqlalchemy.exc import IntegrityError

from ahuntsic_desktop.domain import (
    Membership,
    MembershipCategory,
    Organization,
    PartnerRole,
    Person,
    Representation,
)
from ahuntsic_desktop.services.core.errors import NotFoundError, ValidationError
from ahuntsic_desktop.services.funding import agreements as funding
from ahuntsic_desktop.services.registry import memberships, persons
from ahuntsic_desktop.services.registry.organizations import (
    OrganizationData,
    archive_organization,
    create_organization,
    delete_organization,
    get_organization,
    list_organizations,
    list_representatives,
    restore_organization,
    update_organization,
)

TODAY = date(2026, 5, 15)  # membership year 2026 (starting in April)


@contextmanager
def refused(field: str | None):
    with pytest.raises(ValidationError) as info:
        yield info
    assert info.value.field == field
    assert info.value.message


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_create_and_get_normalises_fields(db):
    org_id = create_organization(
        db,
        OrganizationData(
            name="  CJE Ahuntsic ",
            sector="communautaire",
            acronym="CJE",
            email="Info@CJE-Ahuntsic.ORG",
            phone="(514) 555-1234 poste 22",
            website="cje-ahuntsic.org",
            postal_code="h2c1a1",
            notes="Première ligne\nDeuxième",
        ),
    )
    data = get_organization(db, org_id)
    assert data.name == "CJE Ahuntsic"
    assert data.email.endswith("@cje-ahuntsic.org")
    assert data.phone == "514 555-1234 poste 22"
    assert data.website == "https://cje-ahuntsic.org"
    assert data.postal_code == "H2C 1A1"
    assert data.notes == "Première ligne\nDeuxième"
    assert data.archived is False


def test_duplicate_name_ignoring_case_refused(db):
    create_organization(db, OrganizationData("CJE Ahuntsic"))
    with refused("name") as info:
        create_organization(db, OrganizationData("cje ahuntsic"))
    assert "CJE Ahuntsic" in info.value.message
    with refused("name"):
        create_organization(db, OrganizationData("  CJE   AHUNTSIC "))
    assert count(db, Organization) == 1


def test_duplicate_name_on_update_refused_and_nothing_changed(db):
    create_organization(db, OrganizationData("CJE Ahuntsic"))
    other = create_organization(db, OrganizationData("Maison des jeunes"))
    with refused("name"):
        update_organization(db, other, OrganizationData("cje ahuntsic", acronym="MDJ"))
    assert get_organization(db, other) == OrganizationData("Maison des jeunes")
    update_organization(db, other, OrganizationData("Maison des Jeunes", acronym="MDJ"))
    assert get_organization(db, other).name == "Maison des Jeunes"


def test_duplicate_of_archived_suggests_restoring(db):
    org_id = create_organization(db, OrganizationData("CJE Ahuntsic"))
    archive_organization(db, org_id)
    with refused("name") as info:
        create_organization(db, OrganizationData("cje ahuntsic"))
    assert "archivé" in info.value.message


def test_unique_name_key_enforced_by_database(db):
    create_organization(db, OrganizationData("CJE Ahuntsic"))
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Organization(name="cje ahuntsic", sector="communautaire"))


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("name", OrganizationData("   ")),
        ("email", OrganizationData("A", email="pas-un-courriel")),
        ("phone", OrganizationData("A", phone="555-12")),
        ("postal_code", OrganizationData("A", postal_code="H3L 2L")),
        ("website", OrganizationData("A", website="intranet")),
        ("sector", OrganizationData("A", sector="bancaire")),
        ("notes", OrganizationData("A", notes="\x1b[31m")),
    ],
)
def test_bad_input_refused_and_nothing_saved(db, field, data):
    with refused(field):
        create_organization(db, data)
    assert count(db, Organization) == 0


def test_bad_enum_value_refused_by_database_check(db):
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Organization(name="X", sector="bancaire"))
    with pytest.raises(IntegrityError), db.session() as session:
        session.execute(insert(Organization).values(name="   ", name_key="", sector="autre"))
    assert count(db, Organization) == 0


def test_orphan_partner_role_refused_by_foreign_key(db):
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(PartnerRole(organization_id=999, kind="bailleur"))


def test_archive_restore_and_list_filter(db):
    kept = create_organization(db, OrganizationData("Bibliothèque"))
    gone = create_organization(db, OrganizationData("Ancien organisme"))
    archive_organization(db, gone)
    assert list_organizations(db, today=TODAY).ids == [kept]
    table = list_organizations(db, include_archived=True, today=TODAY)
    assert table.ids == [gone, kept]
    assert table.values("archived") == [True, False]
    assert get_organization(db, gone).archived
    restore_organization(db, gone)
    assert len(list_organizations(db, today=TODAY)) == 2


def test_delete_unreferenced_with_its_partner_roles(db):
    org_id = create_organization(db, OrganizationData("Caisse populaire", sector="prive"))
    funding.add_partner_role(db, org_id, "communautaire")
    delete_organization(db, org_id)
    assert count(db, Organization) == 0
    assert count(db, PartnerRole) == 0
    with pytest.raises(NotFoundError):
        get_organization(db, org_id)


def test_delete_referenced_organisation_refused(db):
    org_id = create_organization(db, OrganizationData("CJE Ahuntsic"))
    person_id = persons.save_person(db, None, persons.PersonData("Marie", "Tremblay"))
    persons.add_representation(db, person_id, org_id, "delegue", date(2024, 1, 1))
    with refused(None) as info:
        delete_organization(db, org_id)
    assert "archivez" in info.value.message
    assert count(db, Organization) == 1
    assert count(db, Representation) == 1


def test_delete_organisation_with_membership_refused(db):
    org_id = create_organization(db, OrganizationData("CJE Ahuntsic"))
    category = memberships.create_category(db, memberships.CategoryData("Régulier"))
    memberships.create_membership(db, memberships.MembershipData(2026, category, org_id))
    with refused(None):
        delete_organization(db, org_id)
    assert count(db, Organization) == 1


def test_list_columns_sorted_by_name_with_status_and_roles(db):
    category = memberships.create_category(db, memberships.CategoryData("Régulier"))

    def org(name, *years, **fields):
        org_id = create_organization(db, OrganizationData(name, **fields))
        for year in years:
            memberships.create_membership(
                db,
                memberships.MembershipData(year, category, org_id, paid_on=date(year, 5, 1)),
            )
        return org_id

    current = org("Zone jeunesse", 2025, 2026, sector="scolaire", email="z@zone.ca")
    renew = org("école Ahuntsic", 2025)
    lapsed = org("Entraide", 2023)
    never = org("arrondissement", sector="municipal", acronym="ARR")
    funding.add_partner_role(db, never, "institutionnel")
    funding.add_partner_role(db, never, "bailleur")
    table = list_organizations(db, today=TODAY)
    assert [c.key for c in table.columns] == [
        "name",
        "acronym",
        "sector",
        "email",
        "phone",
        "membership",
        "partner",
        "archived",
    ]
    assert table.ids == [never, renew, lapsed, current]
    assert table.values("membership") == ["Jamais", "À renouveler", "Échue", "À jour"]
    assert table.values("partner")[0] == "Bailleur de fonds, Partenaire institutionnel"
    assert table.values("sector")[0] == "Municipal et élu·es"
    assert table.rows[3][3] == "z@zone.ca"


def test_unpaid_membership_does_not_count(db):
    category = memberships.create_category(db, memberships.CategoryData("Régulier"))
    org_id = create_organization(db, OrganizationData("CJE"))
    memberships.create_membership(db, memberships.MembershipData(2026, category, org_id))
    assert list_organizations(db, today=TODAY).values("membership") == ["Jamais"]


def test_list_uses_a_fixed_number_of_queries(db):
    with db.session() as session:
        session.execute(
            insert(Organization),
            [{"name": f"Org {i}", "name_key": f"org {i}", "sector": "autre"} for i in range(300)],
        )
        session.execute(
            insert(MembershipCategory),
            [{"name": "R", "name_key": "r", "voting": True, "default_dues_cents": 0}],
        )
        session.execute(
            insert(Membership),
            [
                {"organization_id": i, "year": 2026, "category_id": 1, "paid_on": TODAY}
                for i in range(1, 301)
            ],
        )
        session.execute(
            insert(PartnerRole), [{"organization_id": i, "kind": "bailleur"} for i in range(1, 50)]
        )
    statements = []

    def record(*args):
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        table = list_organizations(db, today=TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert len(table) == 300
    assert set(table.values("membership")) == {"À jour"}
    assert len(statements) <= 4  # settings, organisations, partner roles


def test_representatives_current_and_past(db):
    org_id = create_organization(db, OrganizationData("CJE Ahuntsic"))
    marie = persons.save_person(db, None, persons.PersonData("Marie", "Tremblay"))
    paul = persons.save_person(db, None, persons.PersonData("Paul", "Anctil"))
    old = persons.add_representation(db, paul, org_id, "delegue", date(2020, 1, 1))
    persons.end_representation(db, old, date(2023, 12, 31))
    now = persons.add_representation(db, marie, org_id, "delegue", date(2024, 1, 1))
    staff = persons.add_representation(db, paul, org_id, "employe", date(2024, 1, 1))
    table = list_representatives(db, org_id, today=TODAY)
    assert table.ids == [staff, now, old]
    assert table.values("person") == ["Paul Anctil", "Marie Tremblay", "Paul Anctil"]
    assert table.values("role") == ["Employé·e", "Délégué·e", "Délégué·e"]
    assert table.values("current") == [True, True, False]
    assert table.values("end_date")[2] == date(2023, 12, 31)


def test_missing_organisation(db):
    with pytest.raises(NotFoundError):
        update_organization(db, 42, OrganizationData("X"))
    with pytest.raises(NotFoundError):
        list_representatives(db, 42)
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(Representation(person_id=1, organization_id=42, role="delegue"))
    assert count(db, Person) == 0


def test_duplicate_caught_from_integrity_error(db, monkeypatch):
    """When the name appears between the check and the insert, the message is the same."""
    from ahuntsic_desktop.services.registry import organizations

    create_organization(db, OrganizationData("CJE Ahuntsic"))
    monkeypatch.setattr(organizations, "_name_taken", lambda *args: None)
    with refused("name") as info:
        create_organization(db, OrganizationData("cje ahuntsic"))
    assert "existe déjà" in info.value.message
    assert count(db, Organization) == 1


def test_an_organisation_saved_from_an_older_read_is_refused_as_a_conflict(db):
    from dataclasses import replace

    from ahuntsic_desktop.services.core import ConflictError

    org = create_organization(db, OrganizationData("Centre Le Pont"))
    first, second = get_organization(db, org), get_organization(db, org)
    update_organization(db, org, replace(first, phone="514 555-0101"))
    with pytest.raises(ConflictError):
        update_organization(db, org, replace(second, acronym="CLP"))
    now = get_organization(db, org)
    assert (now.acronym, now.version) == (None, 2)
