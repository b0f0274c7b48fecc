"""Membership receipts: amounts in words and receipt numbering."""

from __future__ import annotations

from datetime import date

import pytest

from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.registry.memberships import (
    CategoryData,
    MembershipData,
    create_category,
    create_membership,
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
    assert receipt.member_address == "10, rue Fleury\nMontréal H3L 2L9"
    assert receipt.payment_method == "Chèque"
    assert receipt.year_label == "2026-2027"
    with pytest.raises(ValidationError) as info:
        receipt_data(db, [paid, unpaid])
    assert "Autre" in info.value.message
