"""The funder report (reddition) adds the funded chantiers' activity over each agreement's
period, read back with python-calamine and checked against the meeting counts of the
activity report (another path through the same meetings)."""

from __future__ import annotations

import pytest
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.services.core import Period
from ahuntsic_desktop.services.demo import generate_demo
from ahuntsic_desktop.services.funding.overview import fiscal_year
from ahuntsic_desktop.services.funding.report import funder_choices
from ahuntsic_desktop.services.reports.activity import activity_stats
from ahuntsic_desktop.store import Database

from ..dates import DEMO_TODAY


@pytest.fixture(scope="module")
def demo():
    db = Database.in_memory()
    generate_demo(db, today=DEMO_TODAY)
    yield db
    db.close()


def funder(db, start: str) -> int:
    return next(c.value for c in funder_choices(db) if c.text.startswith(start))


def test_the_report_counts_each_funded_chantier_over_its_agreement(demo, tmp_path):
    year = fiscal_year(demo, DEMO_TODAY)
    options = ExportOptions(
        start=year.start, end=year.end, funder_id=funder(demo, "Centraide"), today=DEMO_TODAY
    )
    path = run_export(demo, "reddition", tmp_path / "r.xlsx", options)
    book = CalamineWorkbook.from_path(str(path))
    assert "Chantiers financés" in book.sheet_names
    rows = book.get_sheet_by_name("Chantiers financés").to_python()
    assert rows[0] == [
        "Chantier", "Entente", "Montant alloué", "Du", "Au", "Rencontres tenues", "Présences",
        "Participant·es anonymes",
    ]  # fmt: skip
    lines = rows[1:]
    assert len(lines) >= 2
    assert any(line[5] > 0 for line in lines)  # the demo's funded chantiers met
    for chantier, _programme, cents, start, end, held, presences, anonymous in lines:
        assert cents > 0
        assert start <= end <= DEMO_TODAY  # counted up to today, from the agreement's start
        meetings = [
            m for m in activity_stats(demo, Period(start, end), DEMO_TODAY).meetings
            if m.chantier == chantier
        ]  # fmt: skip
        assert held == len(meetings)
        assert presences == sum(m.present for m in meetings)
        assert anonymous == sum(m.anonymous for m in meetings)
    summary = [row[0] for row in book.get_sheet_by_name("Sommaire").to_python()]
    assert "Chantiers financés (période de l'entente)" in summary
    funded = summary.index("Chantiers financés (période de l'entente)")
    assert [row for row in summary[funded + 1 : funded + 1 + len(lines)]] == [
        f"{line[0]} — {line[1]}" for line in lines
    ]


def test_a_funder_without_funded_chantiers_gets_no_such_sheet(demo, tmp_path):
    year = fiscal_year(demo, DEMO_TODAY)
    options = ExportOptions(
        start=year.start, end=year.end, funder_id=funder(demo, "Fondation"), today=DEMO_TODAY
    )
    book = CalamineWorkbook.from_path(
        str(run_export(demo, "reddition", tmp_path / "f.xlsx", options))
    )
    assert "Chantiers financés" not in book.sheet_names
