"""A real open-data list imported nothing (issue 11, item 8): its « Catégorie » column of
place types was guessed as the membership category. The preview now names the column;
ignoring it or mapping its values imports all 167 places, and the value maps are saved
with the column mapping."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from ahuntsic_desktop.domain import Membership, Organization
from ahuntsic_desktop.domain.enums import PaymentMethod, Sector
from ahuntsic_desktop.services.importing import (
    ImportKind,
    ImportOptions,
    Reason,
    check_rows,
    commit_rows,
    distinct_values,
    initial_mapping,
    read_source,
    save_mapping,
    troubled_columns,
    value_choices,
)
from ahuntsic_desktop.services.importing.value_maps import value_key
from ahuntsic_desktop.services.registry import memberships as membership_service

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TODAY = date(2026, 5, 1)
PARTNER = "Membre partenaire"


def _load():
    spec = importlib.util.spec_from_file_location("make_places", FIXTURES / "make_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


places = _load()


@pytest.fixture
def table(db):
    membership_service.create_category(
        db, membership_service.CategoryData("Membre régulier", for_organizations=True)
    )
    membership_service.create_category(
        db, membership_service.CategoryData(PARTNER, voting=False, for_persons=False)
    )
    membership_service.create_category(
        db, membership_service.CategoryData("Citoyen·ne", for_organizations=False)
    )
    return db


@pytest.fixture
def source(tmp_path):
    return read_source(places.write(tmp_path))


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_the_guessed_category_column_refuses_every_row_and_is_named(table, source):
    mapping = initial_mapping(table, source)
    assert mapping.kind is ImportKind.ORGANIZATIONS
    assert mapping.columns == ["name", "address", "postal_code", "category"]
    preview = check_rows(table, source, mapping.kind, mapping.columns, today=TODAY)
    assert len(preview.rows) == places.COUNT == 167
    assert preview.ready_count == 0
    assert {p.reason for p in preview.problems} == {Reason.UNKNOWN_CATEGORY}

    (trouble,) = troubled_columns(preview)
    assert (trouble.index, trouble.key, trouble.title) == (3, "category", "Catégorie")
    assert (trouble.refused, trouble.filled) == (167, 167)
    assert trouble.mappable
    assert set(trouble.examples) == set(places.TYPES)
    assert "Catégorie" in trouble.summary() and "167" in trouble.summary()


def test_a_few_bad_values_do_not_flag_the_column(table, tmp_path):
    path = tmp_path / "membres.csv"
    rows = [f"Organisme {n};Membre régulier" for n in range(10)] + ["Autre;Inconnue"]
    path.write_text("Nom;Catégorie\n" + "\n".join(rows) + "\n", encoding="utf-8")
    source = read_source(path)
    preview = check_rows(table, source, ImportKind.ORGANIZATIONS, ["name", "category"], today=TODAY)
    assert preview.error_count == 1
    assert troubled_columns(preview) == []


def test_ignoring_the_column_imports_all_167(table, source):
    mapping = initial_mapping(table, source)
    columns = list(mapping.columns)
    columns[3] = None
    preview = check_rows(table, source, mapping.kind, columns, today=TODAY)
    assert preview.ready_count == 167 and troubled_columns(preview) == []
    assert commit_rows(table, preview).created == 167
    assert count(table, Organization) == 167 and count(table, Membership) == 0


def test_mapping_the_values_imports_all_167_and_is_remembered(table, source, tmp_path):
    kind = ImportKind.ORGANIZATIONS
    assert distinct_values(source, 3) == [
        (t, places.count_of(t)) for t in sorted(places.TYPES, key=lambda t: -places.count_of(t))
    ]
    choices = value_choices(table, kind, "category")
    assert [name for name, _label in choices] == ["Membre partenaire", "Membre régulier"]
    assert ("Citoyen·ne", "Citoyen·ne") not in choices  # for persons only

    maps = {"category": {value_key("Centre communautaire"): PARTNER}}
    maps["category"].update({value_key(t): None for t in ("Bibliothèque", "Parc", "École")})
    columns = initial_mapping(table, source).columns
    options = ImportOptions(value_maps=maps)
    preview = check_rows(table, source, kind, columns, options, today=TODAY)
    assert preview.ready_count == 167
    save_mapping(table, source, kind, columns, maps)
    result = commit_rows(table, preview)
    assert result.created == 167
    assert result.memberships == places.count_of("Centre communautaire") == count(table, Membership)

    again = read_source(places.write(tmp_path))  # the same list, next year
    remembered = initial_mapping(table, again)
    assert remembered.remembered and remembered.values == maps
    assert remembered.columns == columns


def test_sectors_and_payment_methods_can_be_mapped_too(table):
    sectors = value_choices(table, "organismes", "sector")
    assert [code for code, _label in sectors] == [s.value for s in Sector]
    methods = value_choices(table, "personnes", "payment_method")
    assert [code for code, _label in methods] == [m.value for m in PaymentMethod]
    with pytest.raises(ValueError):
        value_choices(table, "personnes", "email")


def test_a_mapped_sector_is_checked_as_the_value_it_maps_to(table, tmp_path):
    path = tmp_path / "organismes.csv"
    path.write_text("Nom;Secteur\nA;Loisirs\nB;Loisirs\nC;Sport\n", encoding="utf-8")
    source = read_source(path)
    maps = {"sector": {value_key("loisirs"): Sector.COMMUNITY.value}}
    options = ImportOptions(value_maps=maps)
    preview = check_rows(
        table, source, ImportKind.ORGANIZATIONS, ["name", "sector"], options, today=TODAY
    )
    assert [r.ok for r in preview.rows] == [True, True, False]
    assert preview.rows[0].values["sector"] == Sector.COMMUNITY.value
    assert preview.rows[2].problems[0].value == "Sport"  # the file's value, not a mapped one
