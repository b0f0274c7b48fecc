"""The ``contributions`` workbook: exported (read back with python-calamine), edited with
openpyxl as in Excel, previewed with per-row refusals and applied all or nothing; the CLI
writes it too."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from ahuntsic_desktop.cli import main
from ahuntsic_desktop.domain import Contribution, Theme
from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.services import planning
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.planning import (
    ActivityData,
    ContributionData,
    ProcessData,
)

from ..dates import DEMO_TODAY

TODAY = dt.date(2026, 5, 15)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    from ahuntsic_desktop.services.demo import write_demo_file

    path = tmp_path_factory.mktemp("contributions") / "demo.sqlite"
    write_demo_file(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def contributions(db):
    process = planning.create_process(db, ProcessData("Démarche test", dt.date(2026, 1, 1)))
    type_id = planning.list_activity_types(db)[0].id
    activity = planning.create_activity(
        db, process, ActivityData(type_id, "Idéation au parc", dt.date(2026, 3, 2))
    )
    planning.create_theme(db, "Logement")
    result = planning.add_contributions(
        db,
        activity,
        [
            ContributionData("Plus de logements sociaux", "besoin", ["Logement"], "Familles", 3),
            ContributionData("=Une ruelle verte", "idée", [], None, 1),
            ContributionData("Le parc est sûr", "force", [], None, 0),
        ],
        TODAY,
    )
    assert result.ok
    return db, process, list(result.ids)


def export(db, process, path):
    from ahuntsic_desktop.exports.xlsx.contributions import write_contributions

    return write_contributions(db, process, path, TODAY)


def rows(path):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Contributions").to_python()


def test_the_export_lists_every_contribution_with_its_coding(contributions, tmp_path):
    db, process, ids = contributions
    data = rows(export(db, process, tmp_path / "c.xlsx"))
    assert data[0] == [
        "Identifiant", "Activité", "Date", "Nature", "Contribution", "Thèmes",
        "Population concernée", "Votes",
    ]  # fmt: skip
    by_id = {int(r[0]): r for r in data[1:]}
    assert set(by_id) == set(ids)
    assert by_id[ids[0]][3:] == ["Besoin", "Plus de logements sociaux", "Logement", "Familles", 3]
    assert by_id[ids[1]][4] == "=Une ruelle verte"  # kept as text, not run as a formula
    assert by_id[ids[0]][2] == dt.date(2026, 3, 2)


def edit(path, changes: dict[int, dict[str, object]]):
    """Change cells of the rows whose identifier is a key: {id: {header: value}}."""
    book = load_workbook(path)
    ws = book["Contributions"]
    headers = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        cid = row[0].value
        for header, value in changes.get(cid, {}).items():
            row[headers.index(header)].value = value
    book.save(path)


def test_preview_then_apply_the_coded_themes(contributions, tmp_path):
    db, process, ids = contributions
    path = export(db, process, tmp_path / "c.xlsx")
    edit(path, {ids[1]: {"Thèmes": "Logement; Verdissement", "Votes": 4},
                ids[2]: {"Nature": "Constat", "Thèmes": " logement "}})  # fmt: skip
    preview = planning.preview_roundtrip(db, path)
    assert preview.ok and preview.unchanged == 1
    changes = {c.id: c for c in preview.changes}
    assert changes[ids[1]].themes_added == ("Logement", "Verdissement")
    assert changes[ids[1]].current.votes == 1 and changes[ids[1]].incoming.votes == 4
    assert changes[ids[2]].kind_changed and changes[ids[2]].incoming.kind == "constat"
    assert changes[ids[2]].themes_added == ("Logement",)
    assert preview.new_themes == ["Verdissement"]
    assert planning.apply_roundtrip(db, preview) == 2
    lines = {c.id: c for c in planning.list_contributions(db, process, TODAY)}
    assert lines[ids[1]].themes == ("Logement", "Verdissement") and lines[ids[1]].votes == 4
    assert lines[ids[2]].kind == "constat" and lines[ids[2]].themes == ("Logement",)
    assert planning.preview_roundtrip(db, path).changes == []  # applied: nothing left to do


def test_a_bad_row_is_refused_with_its_row_number_and_nothing_is_written(contributions, tmp_path):
    db, process, ids = contributions
    path = export(db, process, tmp_path / "c.xlsx")
    edit(path, {ids[0]: {"Thèmes": ""}, ids[1]: {"Nature": "rumeur"},
                ids[2]: {"Votes": "beaucoup", "Identifiant": 999_999}})  # fmt: skip
    preview = planning.preview_roundtrip(db, path)
    problems = {p.row: p.message for p in preview.problems}
    sheet = {int(r[0]): n for n, r in enumerate(rows(path)[1:], start=2)}
    assert "Nature inconnue « rumeur »" in problems[sheet[ids[1]]]
    assert "Identifiant inconnu « 999999 »" in problems[sheet[999_999]]
    assert [c.id for c in preview.changes] == [ids[0]]
    with pytest.raises(ValidationError, match="2 ligne"):
        planning.apply_roundtrip(db, preview)
    with db.session() as s:
        assert s.scalar(select(Contribution.kind).where(Contribution.id == ids[1])) == "idee"
        assert s.scalar(select(Theme.id).where(Theme.name == "Logement")) is not None
    assert planning.list_contributions(db, process, TODAY)[0].themes == ("Logement",)


def test_a_change_made_in_the_app_since_the_preview_stops_the_import(contributions, tmp_path):
    db, process, ids = contributions
    path = export(db, process, tmp_path / "c.xlsx")
    edit(path, {ids[2]: {"Votes": 7}})
    preview = planning.preview_roundtrip(db, path)
    planning.update_contribution(db, ids[2], ContributionData("Le parc est sûr", "force"), TODAY)
    planning.update_contribution(
        db, ids[2], ContributionData("Le parc est sûr", "force", votes=2), TODAY
    )
    with pytest.raises(ValidationError, match="refaites l'aperçu"):
        planning.apply_roundtrip(db, preview)


def test_a_workbook_that_is_not_ours_is_refused_in_french(db, tmp_path):
    from openpyxl import Workbook

    path = tmp_path / "autre.xlsx"
    Workbook().save(path)
    with pytest.raises(ValidationError, match="n'est pas une liste de contributions"):
        planning.preview_roundtrip(db, path)
    (tmp_path / "texte.xlsx").write_text("pas un classeur")
    with pytest.raises(ValidationError, match="n'est pas un classeur Excel lisible"):
        planning.preview_roundtrip(db, tmp_path / "texte.xlsx")


def test_the_catalogue_and_the_cli_write_it(contributions, tmp_path, demo_file):
    db, _process, _ids = contributions
    path = run_export(db, "contributions", tmp_path / "c.xlsx", ExportOptions(today=TODAY))
    assert len(rows(path)) == 4
    out = tmp_path / "demo-contributions.xlsx"
    command = ["export", "contributions", "--db", str(demo_file), "--out", str(out)]
    assert main([*command, "--today", DEMO_TODAY.isoformat()]) == 0  # the démarche ended by then
    assert len(rows(out)) > 10
