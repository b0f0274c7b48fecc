"""Retention and consents at their edges (issue 13, "Rules that are wrong today", item 10):
an unpaid renewal is not activity, and a consent dated in the future is refused."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from ahuntsic_desktop.domain import Consent, Membership, MembershipCategory, Person
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.privacy import grant_consent
from ahuntsic_desktop.services.privacy.retention import due_for_anonymisation

TODAY = dt.date(2026, 5, 15)


def test_an_unpaid_renewal_is_not_activity(db):
    with db.session() as s:
        category = MembershipCategory(name="Membre citoyen")
        lapsed = Person(first_name="Renouvelé", last_name="Impayé", is_resident=True)
        paid = Person(first_name="Renouvelé", last_name="Payé", is_resident=True)
        s.add_all([category, lapsed, paid])
        s.flush()
        old_paid = dict(category_id=category.id, year=2015, paid_on=dt.date(2015, 5, 1))
        s.add_all(
            [
                Membership(person_id=lapsed.id, **old_paid),
                Membership(person_id=paid.id, **old_paid),
                # a renewal drawn up in bulk for 2025, never paid
                Membership(person_id=lapsed.id, year=2025, category_id=category.id),
                Membership(person_id=paid.id, year=2025, category_id=category.id, paid_on=TODAY),
            ]
        )
        s.flush()
        s.execute(update(Person).values(created_at=dt.datetime(2015, 1, 1)))
        ids = lapsed.id, paid.id
    due = {c.person_id: c for c in due_for_anonymisation(db, TODAY)}
    assert set(due) == {ids[0]}
    assert due[ids[0]].last_activity == dt.date(2016, 3, 31)  # end of the 2015 year, paid
    assert due[ids[0]].status == "Ancien·ne membre"
    # A payment dated after today has not happened yet either.
    assert {c.person_id for c in due_for_anonymisation(db, TODAY - dt.timedelta(days=1))} == set(
        ids
    )


def test_a_consent_dated_in_the_future_is_refused(db):
    with db.session() as s:
        person = Person(first_name="Marie", last_name="Avenir")
        s.add(person)
        s.flush()
        person_id = person.id
    with pytest.raises(ValidationError) as caught:
        grant_consent(db, person_id, "bottin", dt.date(2099, 1, 1), today=TODAY)
    assert caught.value.field == "granted_on"
    assert caught.value.message == (
        "La date du consentement (1er janvier 2099) est dans l'avenir : notez un consentement "
        "le jour où il a été donné, au plus tard aujourd'hui (15 mai 2026)."
    )
    with pytest.raises(ValidationError):
        grant_consent(db, person_id, "bottin", "2026-05-16", today=TODAY)
    with db.session() as s:
        assert s.query(Consent).count() == 0  # nothing written
    grant_consent(db, person_id, "bottin", TODAY, today=TODAY)  # today itself is fine
    grant_consent(db, person_id, "photos", today=TODAY)  # no date: today
    with db.session() as s:
        assert sorted(c.granted_on for c in s.query(Consent)) == [TODAY, TODAY]
