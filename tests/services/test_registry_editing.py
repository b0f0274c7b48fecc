"""Saving the registry's forms: a person with their representations in one unit of work,
a membership's form and payment, partner roles, and the lists the filters work on."""

from __future__ import annotations

from datetime import date

import pytest

from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.funding import partners
from ahuntsic_desktop.services.funding.partners import RoleState
from ahuntsic_desktop.services.registry import lists as registry_lists
from ahuntsic_desktop.services.registry import memberships, persons
from ahuntsic_desktop.services.registry.memberships import (
    CategoryData,
    MembershipData,
    create_category,
    create_membership,
)
from ahuntsic_desktop.services.registry.organizations import (
    OrganizationData,
    archive_organization,
    create_organization,
    list_representatives,
)
from ahuntsic_desktop.services.registry.persons import (
    PersonData,
    RepresentationChanges,
    RepresentationDraft,
    save_person,
)

TODAY = date(2026, 11, 26)


def test_a_new_person_and_their_representation_are_saved_together(db):
    org = create_organization(db, OrganizationData("Centre Le Pont"))
    person = save_person(
        db,
        None,
        PersonData("Hélène", "Tremblay", phone="5145551234 poste 12"),
        RepresentationChanges(added=(RepresentationDraft(org, "delegue", date(2026, 1, 1)),)),
    )
    assert persons.get_person(db, person).phone == "514 555-1234 poste 12"
    table = list_representatives(db, org, today=TODAY)
    assert table.rows[0][0] == "Hélène Tremblay"


def test_a_refused_representation_saves_nothing(db):
    org = create_organization(db, OrganizationData("Centre Le Pont"))
    archive_organization(db, org)
    with pytest.raises(ValidationError) as info:
        save_person(
            db,
            None,
            PersonData("Hélène", "Tremblay"),
            RepresentationChanges(added=(RepresentationDraft(org, "delegue"),)),
        )
    assert info.value.field == "organization_id"
    assert len(persons.list_persons(db, include_archived=True)) == 0


def test_ending_and_removing_representations(db):
    org = create_organization(db, OrganizationData("Centre Le Pont"))
    other = create_organization(db, OrganizationData("Autre"))
    person = save_person(db, None, PersonData("Ana", "Roy"))
    first = persons.add_representation(db, person, org, "delegue", "2025-01-01")
    second = persons.add_representation(db, person, other, "substitut")
    save_person(
        db,
        person,
        PersonData("Ana", "Roy"),
        RepresentationChanges(ended={first: TODAY}, removed=(second,)),
    )
    table = persons.list_person_representations(db, person, today=date(2027, 1, 1))
    assert table.rows == [("Centre Le Pont", "Délégué·e", date(2025, 1, 1), TODAY, False)]
    with pytest.raises(ValidationError):  # an end before the start
        save_person(
            db,
            person,
            PersonData("Ana", "Roy"),
            RepresentationChanges(ended={first: date(2020, 1, 1)}),
        )


def test_membership_form_and_payment(db):
    regular = create_category(db, CategoryData("Régulier", default_dues_cents="50"))
    citizen = create_category(db, CategoryData("Citoyen", for_organizations=False))
    org = create_organization(db, OrganizationData("Centre"))
    membership = create_membership(db, MembershipData(2026, regular, organization_id=org))
    detail = memberships.get_membership(db, membership)
    assert (detail.member_name, detail.member_kind, detail.year_label) == (
        "Centre",
        "organization",
        "2026-2027",
    )
    assert detail.data.dues_cents == 5000 and detail.voting
    with pytest.raises(ValidationError) as info:
        memberships.update_membership(
            db, membership, MembershipData(2026, citizen, dues_cents="50")
        )
    assert info.value.field == "category_id"
    with pytest.raises(ValidationError) as info:
        memberships.update_membership(
            db, membership, MembershipData(2026, regular, dues_cents="-5")
        )
    assert info.value.field == "dues"
    with pytest.raises(ValidationError) as info:
        memberships.update_membership(
            db, membership, MembershipData(2026, regular, dues_cents="50", payment_method="cheque")
        )
    assert info.value.field == "paid_on"
    number = memberships.pay_membership(db, membership, TODAY, "virement", "75,00 $")
    assert number == "2026-0001"
    data = memberships.get_membership(db, membership).data
    assert (data.dues_cents, data.paid_on, data.payment_method) == (7500, TODAY, "virement")
    with pytest.raises(ValidationError) as info:
        memberships.pay_membership(db, membership, TODAY, "virement", "cinquante")
    assert info.value.field == "amount"


def test_partner_roles_are_saved_as_a_whole(db):
    org = create_organization(db, OrganizationData("Centraide"))
    partners.save_partner_roles(
        db,
        org,
        {
            "bailleur": RoleState("bailleur", date(2020, 4, 1), None),
            "communautaire": RoleState("communautaire", None, None),
        },
    )
    assert set(partners.partner_roles_of(db, org)) == {"bailleur", "communautaire"}
    partners.save_partner_roles(db, org, {"bailleur": RoleState("bailleur", None, "fidèle")})
    roles = partners.partner_roles_of(db, org)
    assert list(roles) == ["bailleur"] and roles["bailleur"].notes == "fidèle"


def test_lists_carry_the_columns_the_filters_need(db):
    regular = create_category(db, CategoryData("Régulier"))
    org = create_organization(db, OrganizationData("Centre", acronym="CLP"))
    person = save_person(db, None, PersonData("Ana", "Roy"))
    create_membership(
        db,
        MembershipData(
            2026, regular, organization_id=org, paid_on="2026-05-01", payment_method="cheque"
        ),
    )
    create_membership(db, MembershipData(2026, regular, person_id=person))
    orgs = registry_lists.organizations_table(db, today=TODAY)
    assert orgs.values("category") == ["Régulier"]
    assert orgs.values("membership") == ["À jour"]
    people = registry_lists.persons_table(db, today=TODAY)
    assert people.values("membership") == ["Jamais"]  # not paid
    assert people.values("category") == ["Régulier"]
    assert [c.label for c in registry_lists.organization_choices(db)] == ["Centre (CLP)"]
    save_person(db, None, PersonData("Ana", "Roy", email="ana2@exemple.org"))
    labels = [c.label for c in registry_lists.person_choices(db)]
    assert "Ana Roy — ana2@exemple.org" in labels and len(set(labels)) == 2
