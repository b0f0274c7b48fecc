"""Consent per person and purpose: granted on a date from a source, withdrawn on a date;
lists, exports and email copying give contact details only to those who consent."""

from __future__ import annotations

import datetime as dt

import pytest

from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.privacy import consents
from ahuntsic_desktop.services.privacy.consents import (
    consent_states,
    consenting_ids,
    grant_consent,
    has_consent,
    list_consents,
    withdraw_consent,
    withdraw_purpose,
)
from ahuntsic_desktop.services.privacy.erasure import anonymize_person
from ahuntsic_desktop.services.registry import contacts, register
from ahuntsic_desktop.services.registry.persons import PersonData, save_person

TODAY = dt.date(2026, 5, 15)


@pytest.fixture
def marie(db):
    return save_person(
        db, None, PersonData(first_name="Marie", last_name="Côté", email="marie@exemple.org")
    )


def test_a_consent_is_in_force_from_its_date_until_withdrawn(db, marie):
    consent = grant_consent(
        db, marie, "contact_courriel", dt.date(2026, 1, 10), "Formulaire d'adhésion"
    )
    assert not has_consent(db, marie, "contact_courriel", on=dt.date(2026, 1, 9))
    assert has_consent(db, marie, "contact_courriel", on=dt.date(2026, 1, 10))
    assert not has_consent(db, marie, "bottin", on=TODAY)
    withdraw_consent(db, consent, dt.date(2026, 3, 1))
    assert has_consent(db, marie, "contact_courriel", on=dt.date(2026, 2, 28))
    assert not has_consent(db, marie, "contact_courriel", on=dt.date(2026, 3, 1))
    [line] = list_consents(db, marie)
    assert (line.purpose_label, line.source, line.withdrawn_on) == (
        "Contact par courriel",
        "Formulaire d'adhésion",
        dt.date(2026, 3, 1),
    )


def test_has_consent_takes_a_session_too(db, marie):
    grant_consent(db, marie, "photos", dt.date(2026, 1, 1))
    with db.session() as session:
        assert has_consent(session, marie, "photos", on=TODAY)
        assert consenting_ids(session, [marie, 999], "photos", on=TODAY) == {marie}
    assert consenting_ids(db, None, "photos", on=TODAY) == {marie}


def test_states_per_purpose_show_the_latest_record(db, marie):
    first = grant_consent(db, marie, "bottin", dt.date(2025, 1, 1), "Assemblée")
    withdraw_consent(db, first, dt.date(2025, 6, 1))
    grant_consent(db, marie, "contact_courriel", dt.date(2026, 1, 1))
    states = {s.purpose: s for s in consent_states(db, marie, on=TODAY)}
    assert states["contact_courriel"].in_force
    assert states["contact_courriel"].summary == "Consenti le 1er janvier 2026"
    assert not states["bottin"].in_force
    assert states["bottin"].summary == "Retiré le 1er juin 2025"
    assert states["photos"].summary == "Aucun consentement"


@pytest.mark.parametrize(
    ("action", "field"),
    [
        (lambda db, p, c: grant_consent(db, p, "contact_courriel", dt.date(2026, 2, 1)), "purpose"),
        (lambda db, p, c: grant_consent(db, p, "publicite", dt.date(2026, 2, 1)), "purpose"),
        (lambda db, p, c: grant_consent(db, p, "photos", "31/02/2026"), "granted_on"),
        (lambda db, p, c: grant_consent(db, p, "photos", None, "a\x00b"), "source"),
        (lambda db, p, c: withdraw_consent(db, c, dt.date(2025, 12, 31)), "withdrawn_on"),
    ],
    ids=["already", "unknown purpose", "bad date", "control char", "before grant"],
)
def test_bad_consents_are_refused(db, marie, action, field):
    consent = grant_consent(db, marie, "contact_courriel", dt.date(2026, 1, 1))
    with pytest.raises(ValidationError) as caught:
        action(db, marie, consent)
    assert caught.value.field == field
    assert len(list_consents(db, marie)) == 1


def test_a_withdrawal_is_recorded_once_and_a_new_consent_may_follow(db, marie):
    consent = grant_consent(db, marie, "photos", dt.date(2026, 1, 1))
    assert withdraw_purpose(db, marie, "photos", on=dt.date(2026, 2, 1))
    with pytest.raises(ValidationError):
        withdraw_consent(db, consent, dt.date(2026, 3, 1))
    assert not withdraw_purpose(db, marie, "photos", on=TODAY)
    grant_consent(db, marie, "photos", dt.date(2026, 4, 1), "Courriel")
    assert has_consent(db, marie, "photos", on=TODAY)
    assert len(list_consents(db, marie)) == 2


def test_email_copying_gives_only_consenting_persons(db, marie):
    paul = save_person(
        db, None, PersonData(first_name="Paul", last_name="Roy", email="paul@ex.org")
    )
    consent = grant_consent(db, marie, "contact_courriel", dt.date(2026, 1, 1))
    grant_consent(db, paul, "bottin", dt.date(2026, 1, 1))  # another purpose: no email
    selection = contacts.email_addresses(db, person_ids=[marie, paul], today=TODAY)
    assert selection.addresses == ("marie@exemple.org",)
    assert selection.without_consent == 1
    withdraw_consent(db, consent, dt.date(2026, 5, 1))
    selection = contacts.email_addresses(db, person_ids=[marie, paul], today=TODAY)
    assert selection.addresses == ()
    assert selection.without_consent == 2


def test_the_member_register_shows_contacts_only_with_consent(db, marie):
    paul = save_person(
        db, None, PersonData(first_name="Paul", last_name="Roy", email="paul@ex.org")
    )
    grant_consent(db, paul, "bottin", dt.date(2026, 1, 1))
    persons = register.member_register(db, TODAY, include_contacts=True).persons
    email = persons.column_index("email")
    by_id = dict(zip(persons.ids, persons.rows, strict=True))
    assert by_id[paul][email] == "paul@ex.org"
    assert by_id[marie][email] == ""


def test_an_anonymised_person_has_no_consent_and_cannot_give_one(db, marie):
    grant_consent(db, marie, "contact_courriel", dt.date(2026, 1, 1))
    anonymize_person(db, marie)
    assert not has_consent(db, marie, "contact_courriel", on=TODAY)
    assert list_consents(db, marie) == []
    with pytest.raises(ValidationError):
        grant_consent(db, marie, "contact_courriel", TODAY)


def test_purposes_are_those_of_the_domain():
    assert [p.value for p in consents.PURPOSES] == [
        "contact_courriel",
        "bottin",
        "photos",
        "nom_contributions",
        "bailleurs_de_fonds",
        "histoire_portrait",
    ]


def test_sharing_with_funders_is_a_purpose_on_the_consent_screen(db, marie):
    """Law 25: a funder receiving contact details needs its own consent, shown with the
    others and independent of the consent to be contacted by email."""
    grant_consent(db, marie, "contact_courriel", dt.date(2026, 1, 1), source="Formulaire")
    states = {s.purpose: s for s in consents.consent_states(db, marie, TODAY)}
    funders = states["bailleurs_de_fonds"]
    assert funders.purpose_label == "Communication de mes coordonnées aux bailleurs de fonds"
    assert not funders.in_force and funders.summary == "Aucun consentement"
    grant_consent(db, marie, "bailleurs_de_fonds", dt.date(2026, 1, 2), source="Formulaire")
    assert has_consent(db, marie, "bailleurs_de_fonds", on=TODAY)
