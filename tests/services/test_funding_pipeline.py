"""Funding applications and instalments: from the request to the last payment."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import func, select

from ahuntsic_desktop.domain import FundingAgreement, FundingApplication, FundingInstalment
from ahuntsic_desktop.services.core import Period, ValidationError
from ahuntsic_desktop.services.funding import ConfirmationNeeded
from ahuntsic_desktop.services.funding.agreements import get_agreement
from ahuntsic_desktop.services.funding.applications import (
    ApplicationData,
    accept_application,
    agreement_of,
    create_application,
    delete_application,
    get_application,
    list_applications,
    update_application,
)
from ahuntsic_desktop.services.funding.instalments import (
    InstalmentData,
    add_instalment,
    balance,
    late_instalments,
    list_instalments,
    record_payment,
    update_instalment,
)
from ahuntsic_desktop.services.registry.organizations import OrganizationData, create_organization

TODAY = date(2026, 11, 15)


@contextmanager
def refused(field: str | None, kind=ValidationError):
    with pytest.raises(kind) as info:
        yield info
    assert info.value.field == field
    assert info.value.message


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def centraide(db):
    return create_organization(db, OrganizationData("Centraide", sector="communautaire"))


def request(funder, **kw) -> ApplicationData:
    values = {
        "programme": "Projet impact collectif",
        "amount_requested_cents": "50 000",
        "period_start": date(2026, 4, 1),
        "period_end": date(2027, 3, 31),
    }
    values.update(kw)
    return ApplicationData(funder, **values)


def submitted(funder, **kw) -> ApplicationData:
    return request(funder, **{"status": "deposee", "submitted_on": date(2026, 2, 1), **kw})


def test_an_application_goes_from_preparation_to_an_agreement(db, centraide):
    app_id = create_application(db, request(centraide, deadline="2026-02-15"))
    assert get_application(db, app_id).status == "en_preparation"
    update_application(db, app_id, submitted(centraide))
    agreement_id = accept_application(
        db, app_id, decided_on="2026-03-20", granted_cents="42 500,50", conditions="Bilan"
    )
    data = get_application(db, app_id)
    assert data.status == "acceptee_en_partie"
    assert data.amount_granted_cents == 4_250_050
    assert agreement_of(db, app_id) == agreement_id
    agreement = get_agreement(db, agreement_id)
    assert (agreement.funder_id, agreement.programme) == (centraide, "Projet impact collectif")
    assert agreement.amount_cents == 4_250_050
    assert (agreement.start_date, agreement.end_date) == (date(2026, 4, 1), date(2027, 3, 31))
    assert agreement.conditions == "Bilan"
    with refused("status"):
        accept_application(db, app_id, decided_on="2026-03-21")
    with refused("status"):  # it became an agreement: the decision stays
        update_application(db, app_id, submitted(centraide))
    delete_application(db, app_id)
    assert count(db, FundingAgreement) == 1


def test_accepting_in_full_grants_the_requested_amount(db, centraide):
    app_id = create_application(db, submitted(centraide))
    agreement_id = accept_application(db, app_id, decided_on=date(2026, 3, 1))
    assert get_application(db, app_id).status == "acceptee"
    assert get_agreement(db, agreement_id).amount_cents == 5_000_000


@pytest.mark.parametrize(
    ("amount", "field"),
    [("-5", "amount_requested"), ("10 000 000,01", "amount_requested"), ("", "amount_requested")],
)
def test_amounts_negative_or_past_ten_million_are_refused(db, centraide, amount, field):
    with refused(field):
        create_application(db, request(centraide, amount_requested_cents=amount))
    create_application(db, request(centraide, amount_requested_cents="10 000 000"))
    assert count(db, FundingApplication) == 1


def test_a_granted_amount_above_the_request_needs_confirmation(db, centraide):
    app_id = create_application(db, submitted(centraide))
    with refused("amount_granted", ConfirmationNeeded) as info:
        accept_application(db, app_id, decided_on="2026-03-01", granted_cents="55 000")
    assert "dépasse" in info.value.message
    assert count(db, FundingAgreement) == 0  # nothing half-written
    assert get_application(db, app_id).status == "deposee"
    agreement_id = accept_application(
        db, app_id, decided_on="2026-03-01", granted_cents="55 000", confirm=True
    )
    assert get_agreement(db, agreement_id).amount_cents == 5_500_000


def test_dates_out_of_order_and_inconsistent_statuses_are_refused(db, centraide):
    with refused("period_end"):
        create_application(db, request(centraide, period_end=date(2026, 1, 1)))
    with refused("decided_on"):
        create_application(db, submitted(centraide, status="refusee", decided_on=date(2026, 1, 15)))
    with refused("submitted_on"):
        create_application(db, request(centraide, status="deposee"))
    with refused("submitted_on"):
        create_application(db, request(centraide, submitted_on=date(2026, 1, 1)))
    with refused("decided_on"):
        create_application(db, submitted(centraide, status="refusee"))
    with refused("amount_granted"):
        create_application(db, submitted(centraide, amount_granted_cents=100))
    with refused("amount_granted"):
        create_application(
            db,
            submitted(centraide, status="acceptee_en_partie", decided_on=date(2026, 3, 1)),
        )
    with refused("status"):
        create_application(
            db,
            submitted(
                centraide, status="acceptee", decided_on="2026-03-01", amount_granted_cents=10
            ),
        )
    with refused("status"):
        create_application(db, request(centraide, status="perdue"))
    assert count(db, FundingApplication) == 0


def test_list_of_applications_by_fiscal_year(db, centraide):
    create_application(db, request(centraide, programme="Fonds A", deadline="2027-05-01"))
    create_application(db, submitted(centraide, programme="Fonds B"))
    create_application(
        db,
        submitted(centraide, programme="Fonds C", status="refusee", decided_on="2026-03-01"),
    )
    table = list_applications(db)
    assert table.values("programme") == ["Fonds A", "Fonds B", "Fonds C"]
    assert table.values("status")[2] == "Refusée"
    year = Period(date(2025, 4, 1), date(2026, 3, 31))
    assert list_applications(db, year).values("programme") == ["Fonds B", "Fonds C"]


@pytest.fixture
def agreement(db, centraide):
    app_id = create_application(db, submitted(centraide, amount_requested_cents="30 000"))
    return accept_application(db, app_id, decided_on="2026-03-01")


def instalment(day, amount, **kw):
    return InstalmentData(day, amount, **kw)


def test_instalments_are_checked_against_the_agreement_to_the_cent(db, agreement):
    first = add_instalment(db, agreement, instalment("2026-04-15", "10 000,01"))
    second = add_instalment(db, agreement, instalment("2026-09-15", "9 999,99"))
    with refused("expected_cents") as info:
        add_instalment(db, agreement, instalment("2027-01-15", "10 000,01"))
    assert "0,01" in info.value.message
    third = add_instalment(db, agreement, instalment("2027-01-15", "10 000"))
    assert balance(db, agreement).balanced
    record_payment(db, first, "2026-04-20", "10 000,01", "Virement 1234")
    record_payment(db, second, "2026-10-01", "9 999,99", "Chèque 88")
    sums = balance(db, agreement)
    assert (sums.received_cents, sums.outstanding_cents) == (2_000_000, 1_000_000)
    with refused("received_cents"):  # more than granted
        record_payment(db, third, "2027-01-20", "10 000,01")
    assert balance(db, agreement).received_cents == 2_000_000


def test_what_is_late(db, agreement):
    late = add_instalment(db, agreement, instalment("2026-10-01", "15 000"))
    add_instalment(db, agreement, instalment("2027-01-15", "15 000"))
    assert [(i.id, i.days_late) for i in late_instalments(db, TODAY)] == [(late, 45)]
    table = list_instalments(db, TODAY, agreement)
    assert table.values("state") == ["En retard", "Prévu"]
    record_payment(db, late, "2026-11-10", "14 000")
    assert late_instalments(db, TODAY) == []
    assert list_instalments(db, TODAY).values("state") == ["Reçu en partie", "Prévu"]


def test_a_payment_after_the_agreement_needs_confirmation(db, agreement):
    last = add_instalment(db, agreement, instalment("2027-03-01", "30 000"))
    with refused("received_on", ConfirmationNeeded):
        record_payment(db, last, "2027-04-10", "30 000")
    assert balance(db, agreement).received_cents == 0
    record_payment(db, last, "2027-04-10", "30 000", confirm=True)
    assert balance(db, agreement).received_cents == 3_000_000


def test_bad_instalments_are_refused_and_nothing_is_written(db, agreement):
    bad = [
        (instalment("2025-12-01", "1"), "due_date"),  # before the agreement
        (instalment("2026-05-01", "-1"), "expected_cents"),
        (instalment("2026-05-01", "10 000 001"), "expected_cents"),
        (instalment("2026-05-01", "1", received_on="2026-05-02"), "received_cents"),
        (instalment("2026-05-01", "1", received_cents="1"), "received_on"),
        (instalment("2026-05-01", "1", received_on="2026-01-02", received_cents=1), "received_on"),
        (instalment("pas une date", "1"), "due_date"),
    ]
    for data, field in bad:
        with refused(field):
            add_instalment(db, agreement, data)
    assert count(db, FundingInstalment) == 0
    good = add_instalment(db, agreement, instalment("2026-05-01", "1"))
    with refused("expected_cents"):
        update_instalment(db, good, instalment("2026-05-01", "30 000,01"))


def test_the_funding_year_per_funder(db, centraide, agreement):
    from ahuntsic_desktop.services.funding.overview import funding_year

    ville = create_organization(db, OrganizationData("Ville", sector="municipal"))
    create_application(
        db, submitted(ville, status="refusee", decided_on="2026-03-01", programme="Fonds B")
    )
    create_application(db, submitted(ville, programme="Fonds C"))  # no decision yet
    create_application(db, request(ville, deadline="2026-06-01"))  # next year
    paid = add_instalment(db, agreement, instalment("2026-04-15", "12 345,67"))
    record_payment(db, paid, "2026-04-20", "12 345,67")
    year = funding_year(db, Period(date(2025, 4, 1), date(2026, 3, 31)))
    assert [y.funder for y in year] == ["Centraide", "Ville", "Total"]
    centraide_year, ville_year, total = year
    assert (centraide_year.requested_cents, centraide_year.granted_cents) == (3_000_000, 3_000_000)
    assert centraide_year.success_rate == 1
    assert (ville_year.applications, ville_year.decided, ville_year.success_rate) == (2, 1, 0)
    assert total.success_rate == 0.5
    assert total.received_cents == 0  # received in the next fiscal year
    next_year = funding_year(db, Period(date(2026, 4, 1), date(2027, 3, 31)))
    assert next_year[-1].received_cents == 1_234_567
    assert next_year[-1].applications == 1 and next_year[-1].success_rate is None
