"""Bulk renewal with a preview, and the renewals falling due this month."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from ahuntsic_desktop.domain import Membership
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.registry import renewals
from ahuntsic_desktop.services.registry.memberships import (
    CategoryData,
    MembershipData,
    create_category,
    create_membership,
    record_payment,
    update_category,
)
from ahuntsic_desktop.services.registry.organizations import (
    OrganizationData,
    archive_organization,
    create_organization,
)
from ahuntsic_desktop.services.registry.persons import PersonData, save_person


@pytest.fixture
def setup(db):
    regular = create_category(db, CategoryData("Membre régulier", default_dues_cents="50,00"))
    citizen = create_category(
        db, CategoryData("Membre citoyen", default_dues_cents=0, for_organizations=False)
    )
    orgs = [create_organization(db, OrganizationData(name)) for name in ("Zeta", "Alpha", "Béta")]
    person = save_person(db, None, PersonData("Hélène", "Tremblay"))
    ids = [
        create_membership(
            db,
            MembershipData(
                2026, regular, organization_id=org, paid_on="2026-05-01", payment_method="cheque"
            ),
        )
        for org in orgs
    ]
    ids.append(create_membership(db, MembershipData(2026, citizen, person_id=person)))
    return {"regular": regular, "citizen": citizen, "orgs": orgs, "person": person, "ids": ids}


def memberships_of(db, year):
    with db.session() as session:
        return session.execute(
            select(
                Membership.organization_id,
                Membership.person_id,
                Membership.dues_cents,
                Membership.paid_on,
            ).where(Membership.year == year)
        ).all()


def test_preview_lists_who_and_what_without_writing(db, setup):
    update_category(db, setup["regular"], CategoryData("Membre régulier", default_dues_cents="60"))
    preview = renewals.preview_renewal(db, setup["ids"], 2027)
    assert preview.year_label == "2027-2028"
    assert [line.name for line in preview.to_renew] == ["Alpha", "Béta", "Hélène Tremblay", "Zeta"]
    assert {line.dues_cents for line in preview.lines if line.organization_id} == {6000}
    assert preview.total_dues_cents == 18000
    assert memberships_of(db, 2027) == []


def test_renew_creates_unpaid_memberships_and_skips_those_already_renewed(db, setup):
    first = renewals.renew(db, setup["ids"][:1], 2027)
    assert len(first.to_renew) == 1
    result = renewals.renew(db, setup["ids"], 2027)
    assert len(result.to_renew) == 3
    assert [line.name for line in result.skipped] == ["Zeta"]
    assert "déjà une adhésion pour 2027-2028" in result.skipped[0].skipped_because
    rows = memberships_of(db, 2027)
    assert len(rows) == 4
    assert all(row.paid_on is None for row in rows)


def test_archived_members_are_skipped_and_say_why(db, setup):
    archive_organization(db, setup["orgs"][0])
    preview = renewals.preview_renewal(db, setup["ids"], 2027)
    skipped = {line.name: line.skipped_because for line in preview.skipped}
    assert skipped == {"Zeta": "membre archivé"}


def test_a_member_selected_twice_is_renewed_once_from_its_latest_year(db, setup):
    later = renewals.renew(db, setup["ids"][:1], 2027).to_renew[0]
    with db.session() as session:
        new_id = session.scalar(
            select(Membership.id).where(
                Membership.organization_id == later.organization_id, Membership.year == 2027
            )
        )
    preview = renewals.preview_renewal(db, [setup["ids"][0], new_id], 2028)
    assert len(preview.lines) == 1
    assert preview.lines[0].source_id == new_id


def test_renewal_refuses_nothing_selected_and_bad_years(db, setup):
    with pytest.raises(ValidationError):
        renewals.preview_renewal(db, [], 2027)
    with pytest.raises(ValidationError) as info:
        renewals.renew(db, setup["ids"], 1492)
    assert info.value.field == "year"


def test_renewals_this_month(db, setup):
    # membership years start in April: 2026-2027 ends on 31 March 2027
    due = renewals.renewals_this_month(db, date(2027, 3, 10))
    assert due.ends_on == date(2027, 3, 31)
    assert [d.name for d in due.ending] == ["Alpha", "Béta", "Zeta"]  # the unpaid person is not
    assert renewals.renewals_this_month(db, date(2026, 11, 26)).ending == ()
    # once paid for next year, a member is no longer due
    next_year = renewals.renew(db, setup["ids"][:1], 2027)
    with db.session() as session:
        new_id = session.scalar(
            select(Membership.id).where(
                Membership.organization_id == next_year.to_renew[0].organization_id,
                Membership.year == 2027,
            )
        )
    record_payment(db, new_id, "2027-03-01", "virement")
    due = renewals.renewals_this_month(db, date(2027, 3, 10))
    assert [d.name for d in due.ending] == ["Alpha", "Béta"]
    # in the new year, those who did not pay wait for renewal
    waiting = renewals.renewals_this_month(db, date(2027, 4, 15))
    assert waiting.started_on == date(2027, 4, 1)
    assert [d.name for d in waiting.waiting] == ["Alpha", "Béta"]


def test_year_bounds():
    assert renewals.membership_year_bounds(4, 2026) == (date(2026, 4, 1), date(2027, 3, 31))
    assert renewals.membership_year_bounds(1, 2026) == (date(2026, 1, 1), date(2026, 12, 31))
