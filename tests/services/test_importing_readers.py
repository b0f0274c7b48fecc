"""Messy files are read correctly: merged headers, empty rows, trailing spaces, formulas,
dates as text, accents in UTF-8 and Windows-1252, semicolons, 10,000 rows."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.importing import (
    ImportKind,
    guess_kind,
    guess_mapping,
    read_source,
    sheet_names,
)
from ahuntsic_desktop.services.importing.readers import decode, sniff_delimiter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def load_messy():
    spec = importlib.util.spec_from_file_location(
        "make_messy_files", FIXTURES / "make_messy_files.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


messy = load_messy()
PERSON_FIELDS = ["last_name", "first_name", "email", "phone", "postal_code", "sector",
                 "organization", "category", "year", "dues", "paid_on", "notes"]  # fmt: skip


@pytest.fixture(scope="session")
def files(tmp_path_factory):
    return messy.write_all(tmp_path_factory.mktemp("messy"))


@pytest.mark.parametrize("name", ["xlsx", "utf8-bom", "cp1252", "utf8"])
def test_every_format_gives_the_same_rows(files, name):
    source = read_source(files[name])
    assert source.headers == [h.strip() for h in messy.HEADERS]
    assert guess_kind(source.headers) is ImportKind.PERSONS
    assert guess_mapping(source.headers, ImportKind.PERSONS) == PERSON_FIELDS
    assert len(source.rows) == len(messy.ROWS)  # empty rows and title rows left out
    first = source.rows[0].cells
    assert first[:2] == ("Côté-Lévesque", "Marie")
    nguyen = source.rows[9].cells
    assert nguyen[:3] == ("Nguyen", "Chloé", "chloe@exemple.org")  # trailing spaces gone
    assert source.rows[10].cells[11] == "Résidente d'Ahuntsic, « bénévole »"
    assert source.rows[8].cells[11] == "=ceci n'est pas une formule"  # text, not a formula


def test_csv_encodings_and_delimiters(files):
    assert read_source(files["utf8-bom"]).encoding == "UTF-8 (BOM)"
    assert read_source(files["cp1252"]).encoding == "Windows-1252"
    assert read_source(files["utf8"]).encoding == "UTF-8"
    assert read_source(files["cp1252"]).delimiter == ";"
    assert read_source(files["utf8"]).delimiter == ","
    # a semicolon file whose values hold commas is still read with semicolons
    assert sniff_delimiter("Nom;Courriel;Cotisation\nRoy, Paul;p@x.org;1 234,56\n") == ";"
    assert decode("Côté".encode("cp1252")) == ("Côté", "Windows-1252")


def test_csv_row_numbers_are_the_file_lines(files):
    numbers = [row.number for row in read_source(files["cp1252"]).rows]
    assert numbers[:5] == [2, 3, 4, 5, 7]  # line 6 is empty


def test_workbook_layout(files):
    source = read_source(files["xlsx"])
    assert source.sheet == "Membres 2026" and source.sheets == ("Membres 2026",)
    assert source.header_row == 4  # under the title and the merged group headers
    assert source.ignored_rows == [12]  # the merged section title between the data
    numbers = [row.number for row in source.rows]
    assert numbers[:4] == [5, 6, 8, 9]  # row 7 is empty
    cells = {row.number: row.cells for row in source.rows}
    assert cells[5][10] == date(2026, 4, 1)  # a date cell
    assert cells[15][10] == "1er avril 2026"  # a date as text
    assert cells[15][9] == 25  # the cached value of =20+5
    assert cells[17][1] == "Zoé"  # the cached value of a text formula
    assert cells[16][5] == cells[17][5] == "Communautaire"  # a cell merged down two rows
    assert sheet_names(files["xlsx"]) == ["Membres 2026"]


def test_headers_in_english_and_variants():
    headers = ["Last name", "First name", "E-mail", "Phone", "Postal code", "Sector",
               "Organization", "Category", "Year", "Dues", "Paid on", "Comments", "Whatever"]  # fmt: skip
    assert guess_mapping(headers, "personnes") == [*PERSON_FIELDS, None]
    assert guess_mapping(["Organisme", "Courriel / Email", "Payée le (AAAA-MM-JJ)",
                          "Cotisation ($)", "Tél."], "organismes") == [
        "name", "email", "paid_on", "dues", "phone"
    ]  # fmt: skip
    assert guess_kind(["Name", "Email"]) is ImportKind.ORGANIZATIONS


def test_unreadable_files(tmp_path):
    bad = tmp_path / "pas-un-classeur.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ValidationError, match="pas un classeur"):
        read_source(bad)
    with pytest.raises(ValidationError, match="non pris en charge"):
        read_source(tmp_path / "x.pdf")
    empty = tmp_path / "vide.csv"
    empty.write_bytes(b"\r\n\r\n")
    with pytest.raises(ValidationError, match="vide"):
        read_source(empty)


@pytest.fixture(scope="session")
def big_files(tmp_path_factory):
    return messy.write_big(tmp_path_factory.mktemp("big"))


def test_ten_thousand_rows(big_files):
    xlsx, csv_path = big_files
    for path in (xlsx, csv_path):
        source = read_source(path)
        assert len(source.rows) == 10_000
        assert source.rows[-1].number == 10_001
        assert source.rows[-1].cells[0] == "Éthier-9999"
