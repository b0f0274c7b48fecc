"""The ``financement`` workbook, read back with python-calamine: per funder and per
programme (requested, granted, received, success rate), applications, instalments, the
agreements to renew and the allocations to chantiers, for the fiscal year."""

from __future__ import annotations

import datetime as dt

import pytest
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.catalog import ExportOptions, get_kind, run_export
from ahuntsic_desktop.services.core import Period
from ahuntsic_desktop.services.demo import generate_demo
from ahuntsic_desktop.services.funding.overview import fiscal_year, funding_year, renewals
from ahuntsic_desktop.store import Database

from ..dates import DEMO_TODAY


@pytest.fixture(scope="module")
def demo():
    db = Database.in_memory()
    generate_demo(db, today=DEMO_TODAY)
    yield db
    db.close()


def sheets(path) -> dict[str, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_the_workbook_holds_the_fiscal_year(demo, tmp_path):
    assert get_kind("financement").suffix == ".xlsx"
    path = run_export(demo, "financement", tmp_path / "f", ExportOptions(today=DEMO_TODAY))
    book = sheets(path)
    assert list(book) == [
        "Par bailleur", "Par programme", "Demandes", "Versements", "Renouvellements",
        "Répartition",
    ]  # fmt: skip
    year = fiscal_year(demo, DEMO_TODAY)
    assert year == Period(dt.date(2026, 4, 1), dt.date(2027, 3, 31))
    expected = funding_year(demo, year)
    funders = book["Par bailleur"]
    assert funders[0][:3] == ["Bailleur de fonds", "Demandes", "Montant demandé"]
    assert [row[0] for row in funders[1:]] == [y.funder for y in expected]
    total = funders[-1]
    assert total[0] == "Total"
    assert total[1] == expected[-1].applications >= 5
    assert round(total[2] * 100) == expected[-1].requested_cents
    assert round(total[6] * 100) == expected[-1].granted_cents
    assert round(total[7] * 100) == expected[-1].received_cents > 0
    assert total[5] == pytest.approx(expected[-1].success_rate)
    assert 0 < expected[-1].success_rate < 1  # some refused, some accepted
    statuses = [row[4] for row in book["Demandes"][1:]]
    assert "Refusée" in statuses and "Acceptée en partie" in statuses
    states = [row[7] for row in book["Versements"][1:]]
    assert states.count("En retard") == 1
    assert "Versé" in states

    # per programme: the same totals, a programme on every line but the total
    programmes = book["Par programme"]
    assert programmes[0][:2] == ["Bailleur de fonds", "Programme"]
    assert programmes[-1][0] == "Total" and programmes[-1][2:] == total[1:]
    assert all(row[1] for row in programmes[1:-1])
    assert len(programmes) > len(funders)
    # the agreements ending this fiscal year, and whether a renewal is on its way
    ending = book["Renouvellements"][1:]
    assert [row[1] for row in ending] == [r.programme for r in renewals(demo, year)]
    assert {row[3] for row in ending} == {dt.date(2027, 3, 31)}
    assert "En préparation" in [row[4] for row in ending]
    assert "Aucune demande" in [row[4] for row in ending]
    # allocations: chantiers funded, never more than their agreement
    allocations = book["Répartition"]
    assert allocations[0][4:7] == ["Chantier", "Projet", "Montant"]
    rows = allocations[1:]
    assert len({row[4] for row in rows if row[4]}) >= 3
    per_agreement: dict = {}
    for row in rows:
        key = (row[0], row[1], row[2])
        per_agreement[key] = per_agreement.get(key, 0) + round(row[6] * 100)
        assert per_agreement[key] <= round(row[7] * 100)


def test_a_chosen_period_and_an_empty_one(demo, tmp_path):
    options = ExportOptions(start=dt.date(1990, 1, 1), end=dt.date(1990, 12, 31), today=DEMO_TODAY)
    book = sheets(run_export(demo, "financement", tmp_path / "vide.xlsx", options))
    assert book["Par bailleur"][1:] == [["Total", 0, 0, 0, 0, "", 0, 0]]
    assert book["Par programme"][1:] == [["Total", "", 0, 0, 0, 0, "", 0, 0]]
    for name in ("Demandes", "Versements", "Renouvellements", "Répartition"):
        assert len(book[name]) == 1  # headers only
