"""The retention rule lists people with no activity for N years, for review; nothing is
erased until someone confirms."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update

from ahuntsic_desktop.domain import (
    ActionPlan,
    Assignment,
    Attendance,
    Chantier,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Representation,
)
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.privacy import access
from ahuntsic_desktop.services.privacy.retention import (
    anonymize_many,
    due_for_anonymisation,
    retention_rule,
    retention_table,
    years_before,
)

TODAY = dt.date(2026, 5, 15)
LONG_AGO = dt.datetime(2015, 1, 1)


@pytest.fixture
def people(db):
    """Who did what, when: ids by nickname."""
    with db.session() as s:
        category = MembershipCategory(name="Membre citoyen")
        plan = ActionPlan(title="Plan", start_year=2015, end_year=2025)
        names = [
            "old_member",
            "recent_member",
            "old_attendee",
            "recent_attendee",
            "absent_recently",
            "open_assignment",
            "ended_delegate",
            "current_delegate",
            "nothing_old",
            "nothing_new",
            "pending_request",
        ]
        persons = {n: Person(first_name=n, last_name="X", is_resident=True) for n in names}
        s.add_all([category, plan, *persons.values()])
        s.flush()
        ids = {n: p.id for n, p in persons.items()}
        chantier = Chantier(plan_id=plan.id, name="C")
        old = Meeting(kind="aga", body="AG", title="AGA 2017", date=dt.date(2017, 6, 1))
        new = Meeting(kind="aga", body="AG", title="AGA 2025", date=dt.date(2025, 6, 1))
        s.add_all([chantier, old, new])
        s.flush()
        org = Organization(name="Org", sector="communautaire")
        s.add(org)
        s.flush()
        s.add_all(
            [
                # membership year 2018 runs to March 2019 (start month April)
                Membership(
                    person_id=ids["old_member"],
                    year=2018,
                    category_id=category.id,
                    paid_on=dt.date(2018, 5, 1),
                ),
                Membership(
                    person_id=ids["recent_member"],
                    year=2019,
                    category_id=category.id,
                    paid_on=dt.date(2019, 5, 1),
                ),
                Attendance(meeting_id=old.id, person_id=ids["old_attendee"], status="present"),
                Attendance(meeting_id=new.id, person_id=ids["recent_attendee"], status="present"),
                Attendance(meeting_id=new.id, person_id=ids["absent_recently"], status="absent"),
                Assignment(
                    person_id=ids["open_assignment"],
                    chantier_id=chantier.id,
                    start_date=dt.date(2016, 1, 1),
                ),
                Representation(
                    person_id=ids["ended_delegate"],
                    organization_id=org.id,
                    role="delegue",
                    start_date=dt.date(2010, 1, 1),
                    end_date=dt.date(2018, 12, 31),
                ),
                Representation(
                    person_id=ids["current_delegate"],
                    organization_id=org.id,
                    role="delegue",
                    start_date=dt.date(2010, 1, 1),
                ),
            ]
        )
        s.flush()
        # every record but one was entered long ago (an import of old spreadsheets)
        s.execute(update(Person).where(Person.id != ids["nothing_new"]).values(created_at=LONG_AGO))
    access.open_request(db, ids["pending_request"], received_on=TODAY, today=TODAY)
    return ids


def test_people_without_activity_for_seven_years_are_listed(db, people):
    due = {c.first_name: c for c in due_for_anonymisation(db, TODAY)}
    assert set(due) == {
        "old_member",
        "old_attendee",
        "absent_recently",
        "ended_delegate",
        "nothing_old",
    }
    assert due["old_member"].last_activity == dt.date(2019, 3, 31)
    assert due["old_member"].status == "Ancien·ne membre"
    assert due["old_attendee"].activity == "Présence à une rencontre"
    assert due["ended_delegate"].last_activity == dt.date(2018, 12, 31)
    assert due["nothing_old"].last_activity is None
    assert due["nothing_old"].activity == "Aucune activité enregistrée"
    table = retention_table(db, TODAY)
    assert table.rows[0][0:1] == ("X",)
    assert table.rows[-1][3] == dt.date(2019, 3, 31)  # oldest first, the member last


def test_the_rule_follows_the_settings(db, people):
    settings = settings_service.load(db)
    settings.retention_years = 10
    settings_service.save(db, settings)
    assert retention_rule(db, TODAY).cutoff == dt.date(2016, 5, 15)
    assert "(avant le 15 mai 2016)" in retention_rule(db, TODAY).description  # not ISO
    due = {c.first_name for c in due_for_anonymisation(db, TODAY)}
    assert due == {"absent_recently", "nothing_old"}
    settings.retention_enabled = False
    settings_service.save(db, settings)
    assert due_for_anonymisation(db, TODAY) == []
    assert "désactivée" in retention_rule(db, TODAY).description


@pytest.mark.parametrize("years", [0, 101, -3])
def test_retention_years_are_checked(db, years):
    settings = settings_service.load(db)
    settings.retention_years = years
    with pytest.raises(ValidationError) as caught:
        settings_service.save(db, settings)
    assert caught.value.field == "retention_years"


def test_defaults_are_seven_years_enabled(db):
    settings = settings_service.load(db)
    assert (settings.retention_years, settings.retention_enabled) == (7, True)


def test_listing_erases_nothing_and_confirmed_ids_are_anonymised(db, people):
    due_for_anonymisation(db, TODAY)
    with db.session() as s:
        assert s.get(Person, people["old_member"]).anonymized_at is None
    chosen = [people["old_member"], people["nothing_old"], people["old_member"]]
    results = anonymize_many(db, chosen, user="test")
    assert [r.person_id for r in results] == [people["old_member"], people["nothing_old"]]
    assert anonymize_many(db, chosen) == []  # already done: skipped
    due = {c.first_name for c in due_for_anonymisation(db, TODAY)}
    assert due == {"old_attendee", "absent_recently", "ended_delegate"}


def test_a_leap_day_cutoff():
    assert years_before(dt.date(2028, 2, 29), 7) == dt.date(2021, 2, 28)
