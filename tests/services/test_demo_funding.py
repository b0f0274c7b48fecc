"""The demo's funding year: applications (some refused, one granted in part),
instalments (one late) and funded chantiers, each of them accepted by the services' own
rules."""

from __future__ import annotations

import datetime as dt

import pytest

from ahuntsic_desktop.services.demo.generate import generate_demo
from ahuntsic_desktop.services.funding.agreements import (
    get_agreement,
    list_agreements,
    update_agreement,
)
from ahuntsic_desktop.services.funding.allocations import (
    chantier_choices,
    chantier_funding,
    list_allocations,
)
from ahuntsic_desktop.services.funding.applications import (
    agreement_of,
    get_application,
    list_applications,
    update_application,
)
from ahuntsic_desktop.services.funding.instalments import (
    balance,
    get_instalment,
    late_instalments,
    list_instalments,
    update_instalment,
)
from ahuntsic_desktop.services.funding.overview import fiscal_year, funding_year
from ahuntsic_desktop.store import Database
from tests.dates import DEMO_TODAY


@pytest.fixture(
    scope="module",
    params=[DEMO_TODAY, dt.date(2026, 4, 2), dt.date(2027, 3, 30)],
    ids=["demo-today", "year-start", "year-end"],
)
def demo(request):
    database = Database.in_memory()
    summary = generate_demo(database, today=request.param)
    yield database, request.param, summary
    database.close()


def test_the_demo_has_a_year_of_applications(demo):
    db, today, summary = demo
    table = list_applications(db)
    statuses = table.values("status")
    assert summary.funding_applications == len(table) >= 6
    assert statuses.count("Refusée") >= 2
    assert statuses.count("Acceptée en partie") == 1
    assert {"En préparation", "Déposée", "Retirée", "Acceptée"} <= set(statuses)
    partly = table.ids[statuses.index("Acceptée en partie")]
    data = get_application(db, partly)
    assert data.amount_granted_cents < data.amount_requested_cents
    assert agreement_of(db, partly) in list_agreements(db, today=today).ids


def test_every_demo_row_passes_the_services_rules(demo):
    db, today, _summary = demo
    applications = list_applications(db)
    for application_id in applications.ids:
        update_application(db, application_id, get_application(db, application_id))
    for instalment_id in list_instalments(db, today).ids:
        update_instalment(db, instalment_id, get_instalment(db, instalment_id))


def test_instalments_add_up_to_each_agreement_and_one_is_late(demo):
    db, today, _summary = demo
    for agreement_id in list_agreements(db, today=today).ids:
        sums = balance(db, agreement_id)
        assert sums.balanced, agreement_id
        assert sums.received_cents <= sums.agreement_cents
    late = late_instalments(db, today)
    assert len(late) == 1
    assert late[0].days_late == 21
    assert list_instalments(db, today).values("state").count("En retard") == 1


def test_the_recent_agreements_fund_chantiers_within_their_amount(demo):
    db, today, _summary = demo
    agreements = list_agreements(db, today=today)
    for agreement_id in agreements.ids:  # the services accept every agreement as it is
        update_agreement(db, agreement_id, get_agreement(db, agreement_id))
    table = list_allocations(db)
    chantiers = {c for c in table.values("chantier") if c}
    assert len(chantiers) >= 3
    funded = next(c.value for c in chantier_choices(db) if c.text in chantiers)
    assert chantier_funding(db, funded)
    if today == DEMO_TODAY:  # the demo's fiscal year: a refusal and a partial grant
        (total,) = [r for r in funding_year(db, fiscal_year(db, today)) if r.funder == "Total"]
        assert total.decided > total.accepted > 0
        assert total.granted_cents < total.requested_cents
