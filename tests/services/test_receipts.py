"""Membership receipts: amounts in words and receipt numbering."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.registry.memberships import (
    CategoryData,
    MembershipData,
    create_category,
    create_membership,
    delete_membership,
)
from ahuntsic_desktop.services.registry.organizations import OrganizationData, create_organization
from ahuntsic_desktop.services.registry.receipts import amount_in_words, receipt_data


@pytest.mark.parametrize(
    ("cents", "words"),
    [
        (0, "zéro dollar"),
        (100, "un dollar"),
        (5000, "cinquante dollars"),
        (2500, "vingt-cinq dollars"),
        (7100, "soixante et onze dollars"),
        (8000, "quatre-vingts dollars"),
        (20000, "deux cents dollars"),
        (20100, "deux cent un dollars"),
        (123456, "mille deux cent trente-quatre dollars et cinquante-six cents"),
        (5001, "cinquante dollars et un cent"),
        (100_000_000, "un million de dollars"),
        (150_000_000, "un million cinq cent mille dollars"),
    ],
)
def test_amount_in_words_in_french(cents, words):
    assert amount_in_words(cents, "fr_CA") == words


def test_amount_in_words_in_english_and_refusals():
    assert amount_in_words(5025, "en_CA") == "fifty dollars and twenty-five cents"
    with pytest.raises(TypeError):
        amount_in_words(50.0)  # money is never a float
    with pytest.raises(ValueError):
        amount_in_words(-1)


def test_receipt_data_numbers_paid_memberships_and_refuses_unpaid(db):
    category = create_category(db, CategoryData("Membre régulier", default_dues_cents="50"))
    org = create_organization(
        db,
        OrganizationData(
            "Centre Le Pont", address="10, rue Fleury", city="Montréal", postal_code="h3l2l9"
        ),
    )
    other = create_organization(db, OrganizationData("Autre"))
    paid = create_membership(
        db,
        MembershipData(
            2026, category, organization_id=org, paid_on="2026-05-02", payment_method="cheque"
        ),
    )
    unpaid = create_membership(db, MembershipData(2026, category, organization_id=other))
    [receipt] = receipt_data(db, [paid], today=date(2026, 5, 3))
    assert receipt.receipt_number == "2026-0001"
    assert receipt.amount_cents == 5000
    assert receipt.amount_words == "cinquante dollars"
    assert receipt.member_address == "10, rue Fleury\nMontréal (Québec)  H3L 2L9"
    assert receipt.payment_method == "Chèque"
    assert receipt.year_label == "2026-2027"
    with pytest.raises(ValidationError) as info:
        receipt_data(db, [paid, unpaid])
    assert "Autre" in info.value.message


def test_receipt_number_of_a_deleted_membership_is_never_reissued(db):
    # Issue 13, item 6: the number printed for a deleted membership is not given again.
    category = create_category(db, CategoryData("Membre régulier", default_dues_cents="50"))
    first, second, third = (
        create_organization(db, OrganizationData(name)) for name in ("Un", "Deux", "Trois")
    )
    paid = MembershipData(2026, category, paid_on="2026-05-02", payment_method="cheque")
    create_membership(db, replace(paid, organization_id=first))
    highest = create_membership(db, replace(paid, organization_id=second))
    assert receipt_data(db, [highest], today=date(2026, 5, 3))[0].receipt_number == "2026-0002"
    delete_membership(db, highest)
    newest = create_membership(db, replace(paid, organization_id=third))
    assert receipt_data(db, [newest], today=date(2026, 5, 3))[0].receipt_number == "2026-0003"


def test_receipt_number_typed_by_hand_is_not_reissued_either(db):
    category = create_category(db, CategoryData("Membre régulier", default_dues_cents="50"))
    first, second = (create_organization(db, OrganizationData(n)) for n in ("Un", "Deux"))
    paid = MembershipData(2026, category, paid_on="2026-05-02", payment_method="cheque")
    typed = create_membership(db, replace(paid, organization_id=first, receipt_number="2026-0040"))
    delete_membership(db, typed)
    newest = create_membership(db, replace(paid, organization_id=second))
    assert receipt_data(db, [newest], today=date(2026, 5, 3))[0].receipt_number == "2026-0041"
