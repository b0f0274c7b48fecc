"""The démarche's documents: the summary (PDF, read back with pypdf) and the participation
workbook for funders (read back with python-calamine), from the service and the CLI. Their
figures equal the demo's data and change when the data change."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections import Counter

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from ahuntsic_desktop.cli import main
from ahuntsic_desktop.domain import ActionPlan, Person
from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.exports.pdf.demarche import write_summary
from ahuntsic_desktop.i18n import format_number
from ahuntsic_desktop.services import evaluation, planning, portrait
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.demo import generate_demo
from ahuntsic_desktop.services.plan import plans as plan_service
from ahuntsic_desktop.services.planning import Headcount
from ahuntsic_desktop.store import Database

from ..dates import DEMO_TODAY

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


@pytest.fixture(scope="module")
def cycle_file(tmp_path_factory):
    """The demo as the suite pins it, whose 2019-2020 démarche evaluated one plan and
    produced the next."""
    path = tmp_path_factory.mktemp("cycle") / "demo.sqlite"
    db = Database.open(path, create=True)
    generate_demo(db, today=DEMO_TODAY)
    db.close()
    return path


def test_the_summary_has_the_four_parts_of_the_cycle(cycle_file, tmp_path):
    copy = tmp_path / "copie.sqlite"
    copy.write_bytes(cycle_file.read_bytes())
    db = Database.open(copy)
    try:
        options = ExportOptions(today=DEMO_TODAY)
        text = pdf_text(run_export(db, "demarche", tmp_path / "r.pdf", options))
        process_id = past_process(db)
        summary = planning.process_summary(db, process_id)
        cycle = planning.cycle_summary(db, process_id, DEMO_TODAY)
        # 1. the démarche
        assert len(summary.activities) >= 25 and summary.participants > 100
        assert f"{format_number(summary.participants)} participant·es distinct·es" in text
        # 2. the evaluated plan, its figures as the evaluation service counts them
        evaluated = planning.process_data(db, process_id).evaluated_plan_id
        figures = evaluation.bilan_figures(db, evaluated)
        expected = {
            "Orientations": (figures.orientations, 11),
            "Cibles": (figures.targets, 33),
            "Stratégies d'action": (figures.strategies, 73),
            "Chantiers": (figures.chantiers, 5),
            "Démarches intégrées": (figures.integrated_approaches, 4),
            "Projets phares": (figures.flagship_projects, 7),
        }
        for name, (count, seeded) in expected.items():
            assert count.total == seeded, name
            line = f"{name} {count.total} {count.evaluated} {count.achieved}"
            assert line in text, line
        events = evaluation.timeline_events(db)
        assert f"{len(events)} événements de {events[0].year} à {events[-1].year}." in text
        assert cycle.evaluation.section_titles
        for title in cycle.evaluation.section_titles:
            assert f"• {title}" in text
        # 3. the portrait
        indicators = portrait.list_indicators(db)
        assert f"{len(indicators)} indicateurs en" in text
        issues = portrait.list_issues(db)
        diagnostics = [i for i in issues if i.kind == "diagnostic"]
        assert f"{len(issues) - len(diagnostics)} enjeux vus par le milieu" in text
        assert all(f"• {i.title}" in text for i in issues)
        consented = sum(s.consented for s in portrait.list_stories(db, DEMO_TODAY))
        assert f"{consented} récits publiables" in text
        milieu = portrait.community_milieu(db, DEMO_TODAY)
        assert f"{milieu.organizations} organismes actifs" in text
        # 4. the produced plan, its figures as the plan's tree has them
        produced = planning.process_data(db, process_id).produced_plan_id
        tree = plan_service.plan_tree(db, produced)
        kinds = Counter(n.kind for n in tree.walk())
        assert (kinds["pillar"], kinds["chantier"], kinds["orientation"]) == (4, 14, 31)
        assert "1 vision" in text and cycle.plan.vision.split()[0] in text
        assert f"4 piliers, {kinds['chantier']} chantiers, {kinds['orientation']} orientations" in (
            text
        )
        for pillar in tree.children:
            assert pillar.title in text
        # a figure follows the data: one more projet phare, not evaluated yet
        evaluation.save_work(db, evaluated, evaluation.PROJECT, evaluation.WorkForm("Un de plus"))
        again = pdf_text(run_export(db, "demarche", tmp_path / "r2.pdf", options))
        projects = figures.flagship_projects
        assert f"Projets phares {projects.total + 1} {projects.evaluated} " in again
    finally:
        db.close()


def test_a_part_without_data_says_so_in_one_line(db, tmp_path):
    process_id = planning.create_process(
        db, planning.ProcessData("Démarche vide", dt.date(2026, 1, 5))
    )
    path = write_summary(db, process_id, tmp_path / "vide.pdf", DEMO_TODAY)
    text = pdf_text(path)
    assert "Aucun plan évalué n'est lié à cette démarche." in text
    assert "Aucune donnée de portrait n'est encore saisie." in text
    assert "Aucun plan produit n'est lié à cette démarche." in text
