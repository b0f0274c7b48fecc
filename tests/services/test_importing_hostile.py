"""Hostile and broken files (issue 11, items 6 and 7): a zip bomb, a value in the last cell
of a sheet, a million empty styled rows, a 10 MB cell, an unclosed quote. Each is refused
with its real reason, or only its bad row is. The files are written by
tests/fixtures/import/make_hostile_files.py into a temporary folder; their speed and
memory are measured by benchmarks/bench_hostile_imports.py, not here."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from openpyxl.worksheet import _reader

from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.importing import (
    ImportKind,
    Reason,
    check_rows,
    commit_rows,
    initial_mapping,
    limits,
    read_source,
    sheet_names,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TODAY = date(2026, 5, 1)


def _load():
    spec = importlib.util.spec_from_file_location(
        "make_hostile_files", FIXTURES / "make_hostile_files.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = _load()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("hostile")


def refusal(path) -> str:
    with pytest.raises(ValidationError) as info:
        read_source(path)
    return info.value.message


@pytest.fixture
def no_parsing(monkeypatch):
    """Fail the test if openpyxl starts reading the workbook."""

    def load_workbook(*args, **kwargs):
        raise AssertionError("the workbook was opened by openpyxl")

    monkeypatch.setattr("openpyxl.load_workbook", load_workbook)


def test_a_one_gigabyte_zip_bomb_is_refused_from_the_zip_directory(folder, no_parsing):
    path = hostile.bomb(folder)
    assert path.stat().st_size < 2 * 1024 * 1024
    message = refusal(path)
    assert "bombe zip" in message and "bomb.xlsx" in message
    with pytest.raises(ValidationError, match="bombe zip"):
        sheet_names(path)  # the wizard lists the sheets first: refused there too


def test_a_small_bomb_is_refused_for_its_compression_ratio(folder, no_parsing):
    path = hostile.bomb(folder, 64 * 1024 * 1024, "bomb-64mb.xlsx")
    assert path.stat().st_size < 200_000
    message = refusal(path)
    assert "bombe zip" in message and "compressé 1" in message


def test_a_value_in_the_last_cell_of_the_sheet_is_refused_by_name(folder):
    message = refusal(hostile.far_cell(folder))
    assert "XFD1048576" in message and "200 colonnes" in message


def test_a_million_empty_styled_rows_are_not_read_one_by_one(folder, monkeypatch):
    parsed = []
    original = _reader.WorkSheetParser.parse

    def counting(self):
        for row in original(self):
            parsed.append(row[0])
            yield row

    monkeypatch.setattr(_reader.WorkSheetParser, "parse", counting)
    source = read_source(hostile.styled_rows(folder))
    assert [row.cells[0] for row in source.rows] == [f"Nom{n}" for n in range(1, 11)]
    assert len(parsed) <= 11 + limits.EMPTY_ROWS_GAP  # not 1,048,576
    assert source.row_problems == {}


def test_a_value_after_a_long_run_of_empty_rows_is_not_silently_dropped(folder):
    last = 11 + limits.EMPTY_ROWS_GAP + 500
    message = refusal(hostile.styled_rows(folder, last=last, value_at_end=True))
    assert f"A{last}" in message and "lignes vides" in message


@pytest.mark.parametrize("make", [hostile.big_cell, hostile.big_cell_csv], ids=["xlsx", "csv"])
def test_a_ten_megabyte_cell_refuses_only_its_row(db, folder, make):
    source = read_source(make(folder))
    row = hostile.BIG_CELL_ROW
    assert [r.number for r in source.rows] == [2, 3, 4, 5, 6]
    assert set(source.row_problems) == {row}
    reason = source.row_problems[row]
    assert f"D{row}" in reason and f"ligne {row}" in reason and "32\xa0767" in reason
    assert all(len(str(c or "")) <= limits.MAX_CELL_LENGTH for r in source.rows for c in r.cells)

    mapping = initial_mapping(db, source)
    assert mapping.kind is ImportKind.PERSONS
    preview = check_rows(db, source, mapping.kind, mapping.columns, today=TODAY)
    assert preview.ready_count == 4
    (refused,) = [r for r in preview.rows if not r.ok]
    assert refused.number == row
    assert [p.reason for p in refused.problems] == [Reason.UNREADABLE_ROW]
    assert commit_rows(db, preview, skip_errors=True).created == 4


def test_too_many_rows_are_refused(folder, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 500)
    assert "plus de 500 lignes" in refusal(hostile.normal(folder))
    csv_path = folder / "long.csv"
    csv_path.write_text("Nom;Prénom\n" + "Roy;Marie\n" * 600, encoding="utf-8")
    assert "plus de 500 lignes" in refusal(csv_path)


def test_a_csv_row_past_the_column_limit_refuses_the_file(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("Nom;Prénom\nRoy;Marie" + ";x" * 300 + "\n", encoding="utf-8")
    message = refusal(path)
    assert "200 colonnes" in message
    assert "GS2" in message  # the first column past the limit, on line 2


# -- unclosed quotes ----------------------------------------------------------------------

LINES = [
    "Nom;Prénom;Courriel",
    "Roy;Marie;marie@exemple.org",
    'Côté;"Paul;paul@exemple.org',  # line 3: a quote opened and never closed
    "Tremblay;Luc;luc@exemple.org",
    "Gagnon;Anne;anne@exemple.org",
    "Bouchard;Jean;jean@exemple.org",
]


@pytest.mark.parametrize(
    "tail",
    [[], ['Lavoie;Sophie "Sophie";sophie@exemple.org', "Pelletier;Éva;eva@exemple.org"]],
    ids=["never-closed", "closed-by-a-later-quote"],
)
def test_an_unclosed_quote_is_reported_with_the_line_where_it_opened(db, tmp_path, tail):
    path = tmp_path / "membres.csv"
    path.write_text("\n".join(LINES + tail) + "\n", encoding="utf-8")
    source = read_source(path)
    assert set(source.row_problems) == {3}
    reason = source.row_problems[3]
    assert "Guillemet non fermé" in reason and "ligne 3" in reason
    preview = check_rows(
        db, source, ImportKind.PERSONS, ["last_name", "first_name", "email"], today=TODAY
    )
    messages = [p.message for p in preview.problems]
    assert messages == [reason]
    assert not any("invisibles" in m for m in messages)
    assert [r.number for r in preview.ready][0] == 2
    if tail:  # the rows after the closing quote are read again, with their line numbers
        assert [r.number for r in preview.rows][-1] == 8


def test_a_quoted_note_on_several_lines_is_not_an_unclosed_quote(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text(
        'Nom;Prénom;Notes\nRoy;Marie;"Première ligne\nseconde ligne"\nCôté;Paul;\n',
        encoding="utf-8",
    )
    source = read_source(path)
    assert source.row_problems == {}
    assert [r.number for r in source.rows] == [2, 4]  # Paul starts on line 4 of the file
    assert source.rows[0].cells[2] == "Première ligne\nseconde ligne"
