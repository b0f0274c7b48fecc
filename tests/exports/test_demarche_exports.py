"""The démarche's documents: the summary (PDF, read back with pypdf) and the participation
workbook for funders (read back with python-calamine), from the service and the CLI. Their
figures equal the demo's data and change when the data change."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from ahuntsic_desktop.cli import main
from ahuntsic_desktop.domain import ActionPlan, Person
from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.i18n import format_number
from ahuntsic_desktop.services import planning
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.demo import generate_demo
from ahuntsic_desktop.services.planning import Headcount
from ahuntsic_desktop.store import Database

TODAY = dt.date(2026, 5, 15)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("demarche") / "demo.sqlite"
    db = Database.open(path, create=True)
    generate_demo(db, today=TODAY)
    db.close()
    return path


@pytest.fixture
def demo(demo_file, tmp_path):
    """A copy of the demo file that a test may change."""
    copy = tmp_path / "copie.sqlite"
    copy.write_bytes(demo_file.read_bytes())
    db = Database.open(copy)
    yield db
    db.close()


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def past_process(db) -> int:
    return next(p.id for p in planning.list_processes(db) if "2019-2020" in p.title)


def test_the_summary_pdf_shows_the_figures_of_the_data(demo, tmp_path):
    path = run_export(demo, "demarche", tmp_path / "r.pdf", ExportOptions(today=TODAY))
    text = pdf_text(path)
    summary = planning.process_summary(demo, past_process(demo))
    assert summary.title in text
    assert len(summary.activities) >= 25 and summary.participants > 100
    assert f"{format_number(summary.participants)} participant·es distinct·es" in text
    assert f"{len(summary.activities)} activités du" in text
    assert f"{summary.contributions} contributions recueillies" in text
    for section in ("Mandat", "Échéancier", "Stratégie d'enquête", "Portée et limites"):
        assert section in text
    for figure in summary.by_type:
        assert f"{figure.name} {figure.activities} {figure.participations}" in text
    for element in summary.salient:
        assert element.title in text
    # the figure follows the data
    activity = summary.activities[0].id
    before = planning.headcounts(demo, activity)
    planning.set_headcounts(demo, activity, [*before, Headcount("autre", 7, "Passant·es")])
    again = pdf_text(run_export(demo, "demarche", tmp_path / "r2.pdf", ExportOptions(today=TODAY)))
    total = format_number(summary.participants + 7)
    assert f"{total} participant·es distinct·es" in again


def test_the_plan_option_picks_the_process_that_produced_or_evaluated_it(demo, tmp_path):
    with demo.session() as s:
        current = s.scalar(
            select(ActionPlan.id).where(ActionPlan.title == "Plan d'action 2021-2025")
        )
    text = pdf_text(
        run_export(
            demo, "demarche", tmp_path / "r.pdf", ExportOptions(plan_id=current, today=TODAY)
        )
    )
    assert "Démarche de planification 2019-2020" in text  # produced it
    with demo.session() as s:
        s.add(ActionPlan(title="Plan sans démarche", start_year=2030, end_year=2034))
        s.flush()
        lonely = s.scalar(select(ActionPlan.id).where(ActionPlan.title == "Plan sans démarche"))
    with pytest.raises(ValidationError, match="Aucune démarche"):
        run_export(demo, "demarche", tmp_path / "x.pdf", ExportOptions(plan_id=lonely, today=TODAY))
    assert not (tmp_path / "x.pdf").exists()


def test_the_workbook_gives_counts_only(demo, tmp_path):
    path = run_export(demo, "activites", tmp_path / "a.xlsx", ExportOptions(today=TODAY))
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["Totaux", "Activités"]
    summary = planning.process_summary(demo, past_process(demo))
    rows = book.get_sheet_by_name("Activités").to_python()
    assert rows[0][:4] == ["Date", "Activité", "Type d'activité", "Phase"]
    assert len(rows) - 1 == len(summary.activities)
    assert sum(row[7] for row in rows[1:]) == sum(a.participants for a in summary.activities)
    totals = book.get_sheet_by_name("Totaux").to_python()
    facts = {row[0]: row[1] for row in totals if row and row[0]}
    assert facts["Activités"] == len(summary.activities)
    assert facts["Participant·es distinct·es"] == summary.participants
    by_type = {
        row[0]: (row[1], row[2]) for row in totals if row[0] in {t.name for t in summary.by_type}
    }
    assert by_type == {t.name: (t.activities, t.participations) for t in summary.by_type}
    sector_total = next(r for r in totals[::-1] if r[0] == "Total")
    assert sector_total[1:4] == [
        summary.named_participants,
        summary.anonymous_participants,
        summary.participants,
    ]
    # no person's name anywhere, and no formula
    with demo.session() as s:
        names = {f"{a} {b}" for a, b in s.execute(select(Person.first_name, Person.last_name))}
    cells = " | ".join(
        str(v) for n in book.sheet_names for r in book.get_sheet_by_name(n).to_python() for v in r
    )
    assert not [n for n in names if n in cells]
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert not re.search(rb"<f[ >]", archive.read(name)), name


def test_a_file_without_a_process_is_refused_in_french(db, tmp_path):
    with pytest.raises(ValidationError, match="Aucune démarche de planification"):
        run_export(db, "activites", tmp_path / "a.xlsx", ExportOptions(today=TODAY))


def test_the_cli_exports_both_documents(demo_file, tmp_path, capsys):
    code = main(["export", "demarche", "--db", str(demo_file), "--out", str(tmp_path / "r.pdf")])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and "Résumé de la démarche de planification (PDF)" in out
    assert "participant·es distinct·es" in pdf_text(tmp_path / "r.pdf")
    code = main(["export", "activites", "--db", str(demo_file), "--out", str(tmp_path / "a")])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert CalamineWorkbook.from_path(str(tmp_path / "a.xlsx")).sheet_names == [
        "Totaux",
        "Activités",
    ]
