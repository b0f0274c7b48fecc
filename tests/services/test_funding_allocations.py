"""Funding by chantier and project: an agreement's allocations, never above its amount,
saved with the agreement in one unit of work, and shown on the chantier's side."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from ahuntsic_desktop.domain import AgreementAllocation, FundingAgreement
from ahuntsic_desktop.services.core import Period, ValidationError
from ahuntsic_desktop.services.funding.agreements import (
    AgreementData,
    create_agreement,
    get_agreement,
    update_agreement,
)
from ahuntsic_desktop.services.funding.allocations import (
    AllocationLine,
    chantier_funding,
    list_allocations,
)
from ahuntsic_desktop.services.plan import editing as pe
from ahuntsic_desktop.services.plan.editing import NodeRef
from ahuntsic_desktop.services.registry.organizations import OrganizationData, create_organization


@pytest.fixture
def world(db):
    plan_id = pe.create_plan(db, "Plan 2026-2030", 2026, 2030)
    root = NodeRef("plan", plan_id)
    food = pe.add_node(db, "chantier", root, "Alimentation").id
    housing = pe.add_node(db, "chantier", root, "Logement").id
    funder = create_organization(db, OrganizationData("Centraide", sector="communautaire"))
    return {"food": food, "housing": housing, "funder": funder}


def agreement(world, amount="100 000", lines=None) -> AgreementData:
    return AgreementData(
        world["funder"], "Projet impact collectif", amount, date(2026, 4, 1), date(2027, 3, 31),
        allocations=lines,
    )  # fmt: skip


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_an_agreement_funds_chantiers_and_a_project(db, world):
    lines = (
        AllocationLine(world["food"], None, "60 000"),
        AllocationLine(world["housing"], "Comité logement", "25 000,50"),
        AllocationLine(None, "Fête de quartier", "10 000"),
        AllocationLine(None, "", ""),  # the grid's empty last row
    )
    agreement_id = create_agreement(db, agreement(world, lines=lines))
    saved = get_agreement(db, agreement_id).allocations
    assert [(a.chantier_id, a.project, a.amount_cents) for a in saved] == [
        (world["food"], None, 6_000_000),
        (world["housing"], "Comité logement", 2_500_050),
        (None, "Fête de quartier", 1_000_000),
    ]
    (line,) = chantier_funding(db, world["food"])
    assert (line.funder, line.programme, line.amount_cents) == (
        "Centraide", "Projet impact collectif", 6_000_000,
    )  # fmt: skip
    assert (line.start_date, line.end_date) == (date(2026, 4, 1), date(2027, 3, 31))
    table = list_allocations(db, Period(date(2026, 1, 1), date(2026, 12, 31)))
    assert table.values("chantier") == ["Alimentation", "Logement", ""]
    assert list_allocations(db, Period(date(2020, 1, 1), date(2020, 12, 31))).rows == []

    # Editing other fields keeps the allocations; new lines replace them.
    update_agreement(db, agreement_id, replace(agreement(world), programme="PIC"))
    assert len(get_agreement(db, agreement_id).allocations) == 3
    update_agreement(db, agreement_id, agreement(world, lines=(AllocationLine(None, "X", "1"),)))
    assert count(db, AgreementAllocation) == 1
    assert chantier_funding(db, world["food"]) == []


@pytest.mark.parametrize(
    "lines, words",
    [
        ((AllocationLine(-1, None, "60 000"),), "n'existe plus"),
        ((AllocationLine(None, None, "5 000"),), "chantier ou nommez le projet"),
        ((AllocationLine(None, "A", "-5"),), "négatif"),
        ((AllocationLine(None, "A", "60 000"), AllocationLine(None, "B", "40 000,01")), "dépasse"),
    ],
)
def test_bad_allocations_are_refused_and_nothing_is_written(db, world, lines, words):
    with pytest.raises(ValidationError) as info:
        create_agreement(db, agreement(world, lines=lines))
    assert info.value.field == "allocations"
    assert words in info.value.message
    assert count(db, FundingAgreement) == count(db, AgreementAllocation) == 0


def test_the_amount_cannot_fall_below_the_allocations_nor_pass_ten_millions(db, world):
    lines = (AllocationLine(world["food"], None, "60 000"),)
    agreement_id = create_agreement(db, agreement(world, lines=lines))
    with pytest.raises(ValidationError) as info:
        update_agreement(db, agreement_id, agreement(world, amount="50 000"))
    assert "dépasse le montant de l'entente" in info.value.message
    assert get_agreement(db, agreement_id).amount_cents == 10_000_000
    with pytest.raises(ValidationError) as info:
        update_agreement(db, agreement_id, agreement(world, amount="10 000 000,01"))
    assert info.value.field == "amount"
