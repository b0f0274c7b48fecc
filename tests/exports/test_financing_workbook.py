"""The ``financement`` workbook, read back with python-calamine: per funder (requested,
granted, received, success rate), applications and instalments of the fiscal year."""

from __future__ import annotations

import datetime as dt

import pytest
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.catalog import ExportOptions, get_kind, run_export
from ahuntsic_desktop.services.core import Period
from ahuntsic_desktop.services.demo import generate_demo
from ahuntsic_desktop.services.funding.overview import fiscal_year, funding_year
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
    assert list(book) == ["Par bailleur", "Demandes", "Versements"]
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


def test_a_chosen_period_and_an_empty_one(demo, tmp_path):
    options = ExportOptions(start=dt.date(1990, 1, 1), end=dt.date(1990, 12, 31), today=DEMO_TODAY)
    book = sheets(run_export(demo, "financement", tmp_path / "vide.xlsx", options))
    assert book["Par bailleur"][1:] == [["Total", 0, 0, 0, 0, "", 0, 0]]
    assert len(book["Demandes"]) == len(book["Versements"]) == 1  # headers only
