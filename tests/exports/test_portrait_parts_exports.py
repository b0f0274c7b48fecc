"""The portrait PDF's issues, images, stories (consented only) and community milieu, and the
coverage workbook, read back with pypdf and python-calamine; both from the ``export``
command too."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.cli import main
from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.services import portrait
from ahuntsic_desktop.services.demo.generate import generate_demo
from ahuntsic_desktop.services.demo.portrait_texts import ISSUES, STORIES
from ahuntsic_desktop.services.portrait import ImageForm, IssueForm, StoryForm
from ahuntsic_desktop.services.privacy import grant_consent
from ahuntsic_desktop.store import Database
from tests.dates import DEMO_TODAY
from tests.portrait_world import jpeg_bytes, make_world, png_bytes

OPTIONS = ExportOptions(today=DEMO_TODAY)


def text_of(path) -> str:
    reader = PdfReader(path)
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def images_in(path) -> int:
    return sum(len(page.images) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("portrait2") / "demo.sqlite"
    db = Database.open(path, create=True)
    generate_demo(db, today=DEMO_TODAY)
    db.close()
    return path


@pytest.fixture
def demo_db(demo_file):
    db = Database.open(demo_file, read_only=True)
    yield db
    db.close()


def test_demo_portrait_prints_issues_images_consented_stories_and_milieu(demo_db, tmp_path):
    out = run_export(demo_db, "portrait", tmp_path / "portrait.pdf", OPTIONS)
    text = text_of(out)
    for heading in ("Enjeux et diagnostics", "Cartes et images", "Histoires de résident·es",
                    "Portrait du milieu communautaire", "Pistes de solution"):  # fmt: skip
        assert heading in text
    for issue in ISSUES:
        assert issue[1] in text
    assert "Ce que disent les indicateurs" in text and "Ce qu'en dit le milieu" in text
    printed = [s for s in STORIES if s[3]]
    for pseudonym, theme, story, _consented in printed:
        assert f"{pseudonym} — {theme}" in text and story[:40] in text
    assert "Gérard" not in text and "jamais être publiée" not in text
    assert "Figure 1 — Carte fictive du quartier" in text and "Figure 2 — Une ruelle" in text
    assert images_in(out) == 2
    milieu = portrait.community_milieu(demo_db, DEMO_TODAY)
    assert f"{milieu.organizations} organismes actifs au registre" in text


def test_demo_leaves_some_issues_unanswered(demo_db):
    cover = portrait.coverage(demo_db, portrait.coverage_plan(demo_db, None, DEMO_TODAY))
    assert "2021-2025" in cover.plan_title
    assert 1 <= len(cover.unanswered_issues) < len(cover.issues) == len(ISSUES)
    assert cover.orientations_on_nothing and len(cover.orientations_on_nothing) < len(
        cover.orientations
    )


def test_a_story_prints_under_its_pseudonym_only_with_consent(db, tmp_path):
    world = make_world(db)
    portrait.save_story(db, StoryForm("Mireille", "Un récit de la rue Fleury.", "Logement",
                                      world.resident))  # fmt: skip
    before = text_of(run_export(db, "portrait", tmp_path / "a.pdf", OPTIONS))
    assert "Mireille" not in before and "Aucune histoire publiable" in before
    grant_consent(db, world.resident, "histoire_portrait", DEMO_TODAY)
    after = text_of(run_export(db, "portrait", tmp_path / "b.pdf", OPTIONS))
    assert "Mireille — Logement" in after and "Un récit de la rue Fleury." in after
    assert "Rose" not in after and "Tremblay" not in after


def test_images_of_both_types_print_with_captions(db, tmp_path):
    portrait.add_image(db, ImageForm("Carte A", source="Ville fictive"), png_bytes(40, 30))
    portrait.add_image(db, ImageForm("Photo B"), jpeg_bytes())
    out = run_export(db, "portrait", tmp_path / "i.pdf", OPTIONS)
    text = text_of(out)
    assert "Figure 1 — Carte A" in text and "Source : Ville fictive" in text
    assert "Figure 2 — Photo B" in text and images_in(out) == 2


def test_coverage_workbook_reads_back(db, tmp_path):
    world = make_world(db)
    housing = portrait.save_issue(db, IssueForm("Logement cher"))
    portrait.save_issue(db, IssueForm("Isolement", "diagnostic"))
    portrait.set_answer(db, "orientation", world.orientations[0], "issue", housing)
    portrait.set_answer(db, "orientation", world.orientations[1], "contribution",
                        world.contributions[0])  # fmt: skip
    out = run_export(db, "couverture", tmp_path / "c", ExportOptions(plan_id=world.plan,
                                                                     today=DEMO_TODAY))  # fmt: skip
    assert out.suffix == ".xlsx"
    book = CalamineWorkbook.from_path(str(out))
    assert book.sheet_names == ["Orientations", "Enjeux", "Matrice"]
    orientations = book.get_sheet_by_name("Orientations").to_python()
    assert [r[0] for r in orientations[1:]] == [
        "Loger dignement", "Manger à sa faim", "Se déplacer sans peine"]  # fmt: skip
    assert [r[4] for r in orientations[1:]] == ["Non", "Non", "Oui"]
    issues = book.get_sheet_by_name("Enjeux").to_python()
    assert issues[1][1:] == ["Logement cher", "Loger dignement", "Non"]
    assert issues[2][0] == "Diagnostic" and issues[2][3] == "Oui"
    matrix = book.get_sheet_by_name("Matrice").to_python()
    assert matrix[0][1] == "Loger dignement" and matrix[1][1] == "✓" and matrix[2][1] == ""


def test_cli_exports_the_coverage_and_the_portrait(demo_file, tmp_path, capsys):
    for kind, name in (("couverture", "c.xlsx"), ("portrait", "p.pdf")):
        out = tmp_path / name
        code = main(["export", kind, "--db", str(demo_file), "--out", str(out),
                     "--today", DEMO_TODAY.isoformat()])  # fmt: skip
        stdout, stderr = capsys.readouterr()
        assert (code, stderr) == (0, "") and "écrit dans" in stdout and out.stat().st_size > 0
    assert "Matrice" in CalamineWorkbook.from_path(str(tmp_path / "c.xlsx")).sheet_names


def test_coverage_without_any_plan_is_a_french_refusal(db, tmp_path):
    from ahuntsic_desktop.services.core.errors import ValidationError

    with pytest.raises(ValidationError, match="Aucun plan d'action"):
        run_export(db, "couverture", tmp_path / "c.xlsx", OPTIONS)
