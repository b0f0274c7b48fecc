"""Portrait indicators: validation, the long-layout spreadsheet import and Statistics
Canada's census profile CSV (Latin-1), all or nothing, and the comparison table."""

from __future__ import annotations

import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from ahuntsic_desktop.domain import Indicator
from ahuntsic_desktop.services import portrait
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.portrait import CensusOptions, IndicatorForm

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "census"


def _load_maker():
    spec = importlib.util.spec_from_file_location(
        "make_census_csv", FIXTURES / "make_census_csv.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


census = _load_maker()


def count(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Indicator))


def form(**changes) -> IndicatorForm:
    values = dict(
        theme="Démographie",
        name="Population âgée de 65 ans et plus",
        territory="Ahuntsic",
        year=2021,
        value="21,4 %",
        unit="%",
        source="Recensement (fictif)",
    )
    values.update(changes)
    return IndicatorForm(**values)


def test_values_are_read_the_quebec_way_and_kept_exact(db):
    portrait.save_indicator(db, form())
    portrait.save_indicator(db, form(territory="Montréal", value="1 762 949,5", unit="nombre"))
    rows = {r.territory: r for r in portrait.list_indicators(db)}
    assert rows["Ahuntsic"].value == Decimal("21.4")
    assert rows["Ahuntsic"].territory_level == "quartier"
    assert rows["Montréal"].value == Decimal("1762949.5")
    assert rows["Montréal"].territory_level == "ville"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"name": "  "}, "name", "obligatoire"),
        ({"territory": ""}, "territory", "obligatoire"),
        ({"year": "deux mille"}, "year", "année valide"),
        ({"year": 1700}, "year", "année valide"),
        ({"value": "beaucoup"}, "value", "n'est pas un nombre"),
        ({"value": None}, "value", "valeur numérique"),
        ({"territory_level": "planète"}, "territory_level", "Valeur inconnue"),
    ],
)
def test_bad_values_are_refused_in_french(db, changes, field, words):
    with pytest.raises(ValidationError) as error:
        portrait.save_indicator(db, form(**changes))
    assert error.value.field == field and words in error.value.message
    assert count(db) == 0


def test_a_second_value_for_the_same_key_is_refused(db):
    portrait.save_indicator(db, form())
    with pytest.raises(ValidationError, match="existe déjà"):
        portrait.save_indicator(db, form(name="population ÂGÉE de 65 ans et plus".lower()))
    portrait.save_indicator(db, form(year=2016))
    assert count(db) == 2


def _sheet(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["Indicateurs du quartier (fictifs)"])
    sheet.append(["Thème", "Indicateur", "Territoire", "Groupe", "Année", "Valeur", "Unité"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_long_sheet_import_previews_then_writes_everything(db, tmp_path):
    path = _sheet(
        tmp_path / "indicateurs.xlsx",
        [
            ["Revenu", "Taux de faible revenu", "Ahuntsic", "", 2016, 15.2, "%"],
            ["Revenu", "Taux de faible revenu", "Ahuntsic", "", 2021, "13,1", "%"],
            ["Revenu", "Taux de faible revenu", "Montréal", None, 2021, 16.0, "%"],
        ],
    )
    preview = portrait.preview_sheet(db, path)
    assert preview.ok and [r.number for r in preview.rows] == [3, 4, 5]
    assert preview.rows[0].values["value"] == Decimal("15.2")
    assert portrait.commit_preview(db, preview) == 3
    table = portrait.comparison(db, "Taux de faible revenu")
    assert table.territories == ("Ahuntsic", "Montréal")
    assert table.years == (2016, 2021)
    assert table.value("Ahuntsic", 2021) == Decimal("13.1")
    assert table.value("Montréal", 2016) is None


def test_long_sheet_with_bad_rows_writes_nothing_and_says_where(db, tmp_path):
    path = _sheet(
        tmp_path / "indicateurs.xlsx",
        [
            ["Revenu", "Taux de faible revenu", "Ahuntsic", "", 2021, 13.1, "%"],
            ["Revenu", "Taux de faible revenu", "Ahuntsic", "", "vingt", 13.1, "%"],
            ["Revenu", "Taux de faible revenu", "Montréal", "", 2021, "n.d.", "%"],
            ["Revenu", "Taux de faible revenu", "Ahuntsic", "", 2021, 14, "%"],
        ],
    )
    preview = portrait.preview_sheet(db, path)
    problems = {(p.row, p.column): p.message for p in preview.problems}
    assert "année valide" in problems[(4, "Année")]
    assert "n'est pas un nombre" in problems[(5, "Valeur")]
    assert "ligne 3" in next(m for (row, _c), m in problems.items() if row == 6)
    with pytest.raises(ValidationError, match="rien n'a été importé"):
        portrait.commit_preview(db, preview)
    assert count(db) == 0


def test_a_sheet_without_the_required_columns_is_refused(db, tmp_path):
    book = Workbook()
    book.active.append(["Nom", "Chiffre"])
    book.active.append(["Quelque chose", 3])
    book.save(tmp_path / "autre.xlsx")
    with pytest.raises(ValidationError, match="Colonnes obligatoires"):
        portrait.preview_sheet(db, tmp_path / "autre.xlsx")


def test_census_csv_in_latin1_imports_with_a_preview(db, tmp_path):
    path = census.make_census_csv(tmp_path / "98-401-X2021006_Montreal.csv")
    assert "âgée".encode("latin-1") in path.read_bytes()
    options = CensusOptions(theme="Démographie")
    preview = portrait.preview_census(db, path, options)
    assert preview.ok, preview.problems
    assert preview.encoding == "Windows-1252"
    # header is line 1; Montréal's rows are 2-5, Ahuntsic-Cartierville's 6-9
    aged = [r for r in preview.rows if r.values["name"] == "Population âgée de 65 ans et plus"]
    assert [(r.number, r.values["territory"], r.values["unit"]) for r in aged] == [
        (3, "Montréal", "nombre"),
        (3, "Montréal", "%"),
        (7, "Ahuntsic-Cartierville", "nombre"),
        (7, "Ahuntsic-Cartierville", "%"),
    ]
    assert aged[3].values["value"] == Decimal("21.4")
    assert aged[2].values["territory_level"] == "arrondissement"
    assert aged[0].values["territory_level"] == "ville"
    indented = [r for r in preview.rows if r.values["name"].startswith("Ménages privés")]
    assert indented, "leading spaces of indented characteristics are stripped"
    assert preview.skipped == 5  # 2 populations without a rate, x, .., and a rate « x »
    assert portrait.commit_preview(db, preview) == len(preview.rows) == 11
    table = portrait.comparison(db, "Population âgée de 65 ans et plus", unit="%")
    assert table.territories == ("Ahuntsic-Cartierville", "Montréal")
    assert table.value("Montréal", 2021) == Decimal("17.8")
    assert "Recensement de la population 2021" in table.sources[0]


def test_census_csv_in_utf8_and_a_chosen_characteristic(db, tmp_path):
    path = census.make_census_csv(tmp_path / "profil.csv", "utf-8", year=2016)
    options = CensusOptions(theme="Démographie", characteristic_ids=frozenset({"8"}))
    preview = portrait.preview_census(db, path, options)
    assert preview.encoding == "UTF-8"
    assert {r.values["year"] for r in preview.rows} == {2016}
    assert len(preview.rows) == 4


def test_census_reimport_replaces_the_same_values(db, tmp_path):
    path = census.make_census_csv(tmp_path / "profil.csv")
    options = CensusOptions(theme="Démographie")
    portrait.commit_preview(db, portrait.preview_census(db, path, options))
    again = portrait.preview_census(db, path, options)
    assert all(r.replaces for r in again.rows)
    portrait.commit_preview(db, again)
    assert count(db) == 11


def test_census_csv_with_an_unknown_layout_is_refused_with_expected_columns(db, tmp_path):
    path = tmp_path / "autre.csv"
    path.write_bytes("Géographie;Caractéristique;Total\nMontréal;Population;1\n".encode("latin-1"))
    with pytest.raises(ValidationError) as error:
        portrait.preview_census(db, path, CensusOptions(theme="Démographie"))
    message = error.value.message
    assert "Colonnes attendues" in message and "CHARACTERISTIC_NAME" in message
    assert "C1_COUNT_TOTAL" in message and "Géographie" in message
    assert count(db) == 0


def test_census_bad_value_is_reported_with_its_row(db, tmp_path):
    path = census.make_census_csv(tmp_path / "profil.csv")
    text = path.read_bytes().decode("latin-1").replace('"134245"', '"beaucoup"')
    path.write_bytes(text.encode("latin-1"))
    preview = portrait.preview_census(db, path, CensusOptions(theme="Démographie"))
    assert [(p.row, p.column, p.value) for p in preview.problems] == [
        (6, "C1_COUNT_TOTAL", "beaucoup")
    ]
    with pytest.raises(ValidationError):
        portrait.commit_preview(db, preview)
    assert count(db) == 0


def test_files_too_large_are_refused(db, tmp_path, monkeypatch):
    from ahuntsic_desktop.services.portrait import preview as preview_module

    path = census.make_census_csv(tmp_path / "profil.csv")
    monkeypatch.setattr(preview_module, "MAX_BYTES", 100)
    with pytest.raises(ValidationError, match="trop volumineux"):
        portrait.preview_census(db, path, CensusOptions(theme="Démographie"))
