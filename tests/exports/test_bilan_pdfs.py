"""The bilan global, the timeline and the portrait, read back with pypdf: the demo's figures,
every démarche intégrée and projet phare, figures that follow the data, the census
indicator's chart, and the ``export`` command."""

from __future__ import annotations

import importlib.util
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from ahuntsic_desktop.cli import main
from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.services import evaluation as ev
from ahuntsic_desktop.services import portrait
from ahuntsic_desktop.services.demo.bilan_texts import APPROACHES, PROJECTS, TIMELINE
from ahuntsic_desktop.services.demo.generate import generate_demo
from ahuntsic_desktop.store import Database

TODAY = date(2026, 11, 1)
OPTIONS = ExportOptions(today=TODAY)
CENSUS = Path(__file__).resolve().parents[1] / "fixtures" / "census" / "make_census_csv.py"


def text_of(path: Path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("bilan") / "demo.sqlite"
    db = Database.open(path, create=True)
    generate_demo(db, today=TODAY)
    db.close()
    return path


@pytest.fixture
def demo_db(demo_file):
    db = Database.open(demo_file, read_only=True)
    yield db
    db.close()


def test_bilan_global_shows_the_seed_figures(demo_db, tmp_path):
    out = run_export(demo_db, "bilan-global", tmp_path / "bilan.pdf", OPTIONS)
    text = text_of(out)
    for total in ("/ 11", "/ 33", "/ 73", "/ 5", "/ 4", "/ 7"):
        assert total in text
    figures = ev.bilan_figures(demo_db, ev.evaluated_plan_id(demo_db))
    assert f"{figures.targets.achieved} / 33" in text
    assert f"{figures.strategies.achieved} / 73" in text
    for work in APPROACHES + PROJECTS:
        assert work.title[:30] in text
    for heading in (
        "Évolution des orientations au fil des ans",
        "Évaluation des chantiers",
        "Évaluation de la méthodologie",
        "Forces",
        "Défis",
        "Recommandations",
    ):
        assert heading in text  # fmt: skip
    assert "2009 2010 2011" in text and "2019" in text  # the year grid's header


def test_bilan_figures_follow_the_data(tmp_path):
    path = tmp_path / "demo.sqlite"
    db = Database.open(path, create=True)
    try:
        generate_demo(db, today=TODAY)
        plan_id = ev.evaluated_plan_id(db)
        ev.save_work(db, plan_id, ev.PROJECT, ev.WorkForm("Projet ajouté", evaluation="atteinte"))
        text = text_of(run_export(db, "bilan-global", tmp_path / "b.pdf", OPTIONS))
    finally:
        db.close()
    assert "/ 8" in text and "Projet ajouté" in text


def test_timeline_lists_every_event_in_order(demo_db, tmp_path):
    text = text_of(run_export(demo_db, "ligne-du-temps", tmp_path / "ligne.pdf", OPTIONS))
    positions = [text.index(title) for _y, _m, _c, title, _d in TIMELINE]
    assert positions == sorted(positions)
    assert "octobre 2000" in text and "Années 2010" in text
    assert re.search(r"De 2000 à 2021 — 20 événements", text)


def test_portrait_charts_every_indicator(demo_db, tmp_path):
    text = text_of(run_export(demo_db, "portrait", tmp_path / "portrait.pdf", OPTIONS))
    for theme in portrait.themes(demo_db):
        assert theme in text
    assert "Personnes à faible revenu (MFR-ApI) — Moins de 18 ans (%)" in text
    assert "Secteur des Saules (fictif)" in text and "Montréal" in text


def test_census_import_shows_in_the_portrait_chart(db, tmp_path):
    spec = importlib.util.spec_from_file_location("make_census_csv", CENSUS)
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    csv_path = maker.make_census_csv(tmp_path / "profil.csv")
    preview = portrait.preview_census(db, csv_path, portrait.CensusOptions(theme="Démographie"))
    portrait.commit_preview(db, preview)
    reader = PdfReader(run_export(db, "portrait", tmp_path / "p.pdf", OPTIONS))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Population âgée de 65 ans et plus" in text
    assert "21,4" in text and "17,8" in text  # bar labels and the table
    assert "Ahuntsic-Cartierville" in text


def test_documents_without_data_say_so(db, tmp_path):
    assert "Aucun événement" in text_of(run_export(db, "ligne-du-temps", tmp_path / "l", OPTIONS))
    assert "Aucun indicateur" in text_of(run_export(db, "portrait", tmp_path / "p", OPTIONS))
    from ahuntsic_desktop.services.core.errors import ValidationError

    with pytest.raises(ValidationError, match="Aucun plan d'action évalué"):
        run_export(db, "bilan-global", tmp_path / "b.pdf", OPTIONS)


@pytest.mark.parametrize("kind", ["bilan-global", "ligne-du-temps", "portrait"])
def test_cli_exports(demo_file, tmp_path, capsys, kind):
    out = tmp_path / f"{kind}.pdf"
    code = main(["export", kind, "--db", str(demo_file), "--out", str(out)])
    stdout, stderr = capsys.readouterr()
    assert (code, stderr) == (0, "")
    assert "écrit dans" in stdout and len(PdfReader(out).pages) >= 1
