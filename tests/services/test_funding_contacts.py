"""An application's contact person (a person of the registry, carried to the agreement)
and the paths of the documents attached to it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.services.core import ValidationError
from ahuntsic_desktop.services.funding.agreements import get_agreement
from ahuntsic_desktop.services.funding.applications import (
    ApplicationData,
    accept_application,
    create_application,
    get_application,
    list_applications,
    update_application,
)
from ahuntsic_desktop.services.registry.organizations import OrganizationData, create_organization


@pytest.fixture
def world(db):
    funder = create_organization(db, OrganizationData("Centraide", sector="communautaire"))
    with db.session() as session:
        person = Person(first_name="Nadia", last_name="Brisebois")
        session.add(person)
        session.flush()
        return funder, person.id


def data(funder, contact, documents) -> ApplicationData:
    return ApplicationData(
        funder, "Projet impact collectif", "50 000", "deposee",
        submitted_on=date(2026, 2, 1), period_start=date(2026, 4, 1),
        contact_person_id=contact, documents=documents,
    )  # fmt: skip


def test_contact_and_documents_are_kept_and_go_to_the_agreement(db, world):
    funder, person = world
    paths = (" C:\\Demandes\\Centraide\\formulaire.pdf ", "", "/srv/partage/budget.xlsx")
    app_id = create_application(db, data(funder, person, paths))
    saved = get_application(db, app_id)
    assert saved.contact_person_id == person
    assert saved.documents == (
        "C:\\Demandes\\Centraide\\formulaire.pdf",
        "/srv/partage/budget.xlsx",
    )
    # None leaves the documents as they are; a tuple replaces them
    update_application(db, app_id, data(funder, person, None))
    assert len(get_application(db, app_id).documents) == 2
    update_application(db, app_id, data(funder, None, ("/srv/partage/budget.xlsx",) * 2))
    saved = get_application(db, app_id)
    assert (saved.contact_person_id, saved.documents) == (None, ("/srv/partage/budget.xlsx",))
    update_application(db, app_id, replace(saved, contact_person_id=person))
    agreement_id = accept_application(db, app_id, decided_on=date(2026, 3, 1))
    assert get_agreement(db, agreement_id).contact_person_id == person
    assert get_application(db, app_id).documents == ("/srv/partage/budget.xlsx",)


def test_a_contact_gone_or_a_path_too_long_is_refused(db, world):
    funder, _person = world
    with pytest.raises(ValidationError) as info:
        create_application(db, data(funder, 99_999, ()))
    assert info.value.field == "contact_person_id"
    with pytest.raises(ValidationError) as info:
        create_application(db, data(funder, None, ("x" * 1001,)))
    assert info.value.field == "documents"
    assert list_applications(db).rows == []
