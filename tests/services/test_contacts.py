"""Copying email addresses honours the consent to be contacted by email."""

from __future__ import annotations

from datetime import date

from ahuntsic_desktop.domain import Consent
from ahuntsic_desktop.services.registry.contacts import email_addresses, members_of_memberships
from ahuntsic_desktop.services.registry.memberships import (
    CategoryData,
    MembershipData,
    create_category,
    create_membership,
)
from ahuntsic_desktop.services.registry.organizations import OrganizationData, create_organization
from ahuntsic_desktop.services.registry.persons import PersonData, save_person

TODAY = date(2026, 11, 26)


def consent(db, person_id, granted, withdrawn=None, purpose="contact_courriel"):
    with db.session() as session:
        session.add(
            Consent(
                person_id=person_id, purpose=purpose, granted_on=granted, withdrawn_on=withdrawn
            )
        )


def test_only_consenting_persons_and_organisations(db):
    yes = save_person(db, None, PersonData("Ana", "Oui", email="ana@exemple.org"))
    withdrawn = save_person(db, None, PersonData("Bo", "Retiré", email="bo@exemple.org"))
    photos_only = save_person(db, None, PersonData("Cy", "Photos", email="cy@exemple.org"))
    no_email = save_person(db, None, PersonData("Di", "Sans"))
    org = create_organization(db, OrganizationData("Centre", email="info@centre.org"))
    org_no_email = create_organization(db, OrganizationData("Muet"))
    consent(db, yes, date(2025, 1, 1))
    consent(db, withdrawn, date(2025, 1, 1), withdrawn=date(2026, 1, 1))
    consent(db, photos_only, date(2025, 1, 1), purpose="photos")
    consent(db, no_email, date(2025, 1, 1))
    result = email_addresses(
        db,
        person_ids=[yes, withdrawn, photos_only, no_email, yes],
        organization_ids=[org, org_no_email],
        today=TODAY,
    )
    assert result.addresses == ("info@centre.org", "ana@exemple.org")
    assert result.text == "info@centre.org; ana@exemple.org"
    assert result.without_consent == 2
    assert result.without_email == 2


def test_members_of_memberships(db):
    category = create_category(db, CategoryData("Régulier"))
    org = create_organization(db, OrganizationData("Centre"))
    person = save_person(db, None, PersonData("Ana", "Oui"))
    ids = [
        create_membership(db, MembershipData(2026, category, organization_id=org)),
        create_membership(db, MembershipData(2026, category, person_id=person)),
    ]
    assert members_of_memberships(db, ids) == ([org], [person])
