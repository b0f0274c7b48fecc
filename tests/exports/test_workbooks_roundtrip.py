"""The plan-tracking workbook edited in a spreadsheet comes back: a preview of what changed,
what did not and what conflicts, and nothing written before confirmation."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from ahuntsic_desktop.domain import Means, Target
from ahuntsic_desktop.exports.catalog import run_export
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.plan import roundtrip as plan_roundtrip

from . import test_workbooks_data as data
from .test_workbooks_data import EVIL_COMMENT, TODAY, options

sample = data.sample  # fixture
SHEET = "Plan test 2024-2027"


def edit(path, changes: dict[str, dict[str, object]]) -> None:
    """Change cells of the plan sheet by row title, as someone would in Excel."""
    workbook = load_workbook(path)
    ws = workbook[SHEET]
    header = {cell.value: cell.column for cell in ws[1]}
    for row in range(2, ws.max_row + 1):
        title = ws.cell(row, header["Intitulé"]).value
        for column, value in changes.get(title, {}).items():
            ws.cell(row, header[column]).value = value
    workbook.save(path)


def leaf(db, model, leaf_id):
    with db.session() as session:
        obj = session.get(model, leaf_id)
        return obj.status, obj.evaluation, obj.comment, obj.status_date


@pytest.fixture
def exported(sample, tmp_path):
    db, ids = sample
    path = run_export(db, "plan", tmp_path / "plan.xlsx", options())
    return db, ids, path


def test_an_untouched_file_changes_nothing(exported):
    db, _ids, path = exported
    preview = plan_roundtrip.preview_import(db, path)
    assert (preview.unchanged, preview.changes, preview.conflicts, preview.problems) == (
        3,
        [],
        [],
        [],
    )


def test_changes_are_previewed_then_applied(exported):
    db, ids, path = exported
    edit(
        path,
        {
            "Frigo": {"Statut": "Réalisé", "Commentaire": "Installé en mai"},
            "Jardins": {"Évaluation": "partiellement atteinte"},  # case ignored
        },
    )
    before = leaf(db, Means, ids["m2"])
    preview = plan_roundtrip.preview_import(db, path)
    assert preview.unchanged == 1 and preview.conflicts == []
    changes = {c.title: c for c in preview.changes}
    assert changes["Frigo"].fields == ("status", "comment")
    assert changes["Frigo"].incoming.status == "realise"
    assert changes["Jardins"].incoming.evaluation == "partielle"
    assert leaf(db, Means, ids["m2"]) == before  # nothing written by the preview
    assert plan_roundtrip.apply_import(db, preview, today=TODAY) == 2
    assert leaf(db, Means, ids["m2"]) == ("realise", None, "Installé en mai", TODAY)
    assert leaf(db, Target, ids["t1"])[:2] == ("en_cours", "partielle")
    assert leaf(db, Means, ids["m1"])[2] == EVIL_COMMENT  # untouched row kept


def test_a_value_changed_in_the_app_since_the_export_is_a_conflict(exported):
    db, ids, path = exported
    with db.session() as session:  # someone edits the app after the export
        session.get(Means, ids["m1"]).comment = "Changé dans l'application"
    edit(path, {"Marché": {"Commentaire": "Changé dans le classeur"}})
    preview = plan_roundtrip.preview_import(db, path)
    assert [c.title for c in preview.conflicts] == ["Marché"]
    assert preview.conflicts[0].current.comment == "Changé dans l'application"
    assert plan_roundtrip.apply_import(db, preview) == 0  # conflicts left alone by default
    assert leaf(db, Means, ids["m1"])[2] == "Changé dans l'application"
    assert plan_roundtrip.apply_import(db, preview, include_conflicts=True) == 1
    assert leaf(db, Means, ids["m1"])[2] == "Changé dans le classeur"


def test_a_change_made_after_the_preview_stops_the_import(exported):
    db, ids, path = exported
    edit(path, {"Frigo": {"Statut": "Abandonné"}})
    preview = plan_roundtrip.preview_import(db, path)
    with db.session() as session:
        session.get(Means, ids["m2"]).status = "realise"
    with pytest.raises(ValidationError, match="refaites l'aperçu"):
        plan_roundtrip.apply_import(db, preview)
    assert leaf(db, Means, ids["m2"])[0] == "realise"


def test_unknown_values_are_reported_by_row(exported):
    db, _ids, path = exported
    edit(path, {"Frigo": {"Statut": "Presque"}})
    preview = plan_roundtrip.preview_import(db, path)
    assert preview.problems == ["Ligne 6 : statut inconnu « Presque »."]
    assert preview.changes == []


def test_a_workbook_from_elsewhere_is_refused(sample, tmp_path):
    db, _ids = sample
    path = run_export(db, "suivis", tmp_path / "suivis.xlsx", options())
    with pytest.raises(ValidationError, match="n'est pas un suivi du plan"):
        plan_roundtrip.preview_import(db, path)
    (tmp_path / "texte.xlsx").write_text("pas un classeur")
    with pytest.raises(ValidationError, match="n'est pas un classeur Excel lisible"):
        plan_roundtrip.preview_import(db, tmp_path / "texte.xlsx")
