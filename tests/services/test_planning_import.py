"""Contributions imported from a spreadsheet: a preview with each refused row's number and
reason, then all or nothing; unknown layouts and oversized files refused in French."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from ahuntsic_desktop.domain import Contribution
from ahuntsic_desktop.services import planning
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.planning import ActivityData, ProcessData
from ahuntsic_desktop.services.planning import contribution_import as importing

TODAY = dt.date(2026, 5, 15)


@pytest.fixture
def activity(db):
    process = planning.create_process(db, ProcessData("Démarche", dt.date(2025, 9, 1)))
    type_id = planning.list_activity_types(db)[3].id
    planning.create_theme(db, "Logement")
    return planning.create_activity(
        db, process, ActivityData(type_id, "Atelier", dt.date(2025, 10, 4))
    )


def workbook(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["Atelier du 4 octobre (notes)"])  # a title above the headers
    sheet.append(["Contribution", "Nature", "Thèmes", "Population", "Gommettes"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Contribution))


def test_a_clean_sheet_previews_then_imports_with_new_themes(db, activity, tmp_path):
    path = workbook(
        tmp_path / "notes.xlsx",
        [
            ["Loyers trop chers", "Constat", "logement", "Familles", 5],
            [None, None, None, None, None],
            ["Un marché l'été", "idée", "Sécurité alimentaire; Logement", None, "2"],
        ],
    )
    preview = importing.preview_contributions(db, activity, path, TODAY)
    assert preview.ok and [n for n, _d in preview.rows] == [3, 5]
    assert preview.new_themes == ("Sécurité alimentaire",)
    assert count(db) == 0  # nothing written by the preview
    result = importing.import_contributions(db, preview, TODAY)
    assert len(result.ids) == 2
    process = planning.list_processes(db)[0].id
    lines = planning.list_contributions(db, process, TODAY)
    assert [(c.text, c.kind, c.votes, c.themes) for c in lines] == [
        ("Loyers trop chers", "constat", 5, ("Logement",)),
        ("Un marché l'été", "idee", 2, ("Logement", "Sécurité alimentaire")),
    ]


def test_refused_rows_come_with_their_spreadsheet_row_and_nothing_is_written(
    db, activity, tmp_path
):
    path = workbook(
        tmp_path / "notes.xlsx",
        [
            ["Bon", "Constat", None, None, 1],
            ["Mauvaise nature", "Souhait", None, None, 1],
            ["Votes négatifs", "Idée", None, None, -3],
        ],
    )
    preview = importing.preview_contributions(db, activity, path, TODAY)
    assert not preview.ok
    assert [(p.row, p.field) for p in preview.problems] == [(4, "kind"), (5, "votes")]
    with pytest.raises(ValidationError, match="rien n'a été importé"):
        importing.import_contributions(db, preview, TODAY)
    assert count(db) == 0


def test_a_csv_in_windows_1252_with_semicolons(db, activity, tmp_path):
    path = tmp_path / "notes.csv"
    path.write_bytes("Idée;Type;Points\nDes bancs à l'ombre;besoin;3\n".encode("cp1252"))
    preview = importing.preview_contributions(db, activity, path, TODAY)
    assert preview.ok and preview.rows[0][1].text == "Des bancs à l'ombre"
    importing.import_contributions(db, preview, TODAY)
    assert count(db) == 1


def test_unknown_layout_and_big_files_are_refused(db, activity, tmp_path, monkeypatch):
    path = tmp_path / "autre.csv"
    path.write_text("Nom;Courriel\nRoy;a@b.ca\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="Colonnes attendues : « Contribution »"):
        importing.preview_contributions(db, activity, path, TODAY)
    monkeypatch.setattr(importing, "MAX_BYTES", 10)
    with pytest.raises(ValidationError, match="trop volumineux"):
        importing.preview_contributions(db, activity, path, TODAY)
    with pytest.raises(ValidationError, match="Impossible de lire"):
        importing.preview_contributions(db, activity, tmp_path / "absent.xlsx", TODAY)
