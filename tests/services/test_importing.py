"""Checking rows (problems with row numbers and reasons), committing all or nothing,
remembered mappings, the template and the error report."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from ahuntsic_desktop.domain import AuditEntry, Membership, Organization, Person, Representation
from ahuntsic_desktop.exports.xlsx.import_report import write_import_report
from ahuntsic_desktop.exports.xlsx.import_template import write_import_template
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.importing import (
    Cancelled,
    ImportKind,
    ImportOptions,
    SourceRow,
    SourceTable,
    check_rows,
    commit_rows,
    committing,
    initial_mapping,
    read_source,
    save_mapping,
)
from ahuntsic_desktop.services.registry import memberships as membership_service
from ahuntsic_desktop.services.registry import organizations, persons
from tests import server_db

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TODAY = date(2026, 5, 1)


def load_messy():
    spec = importlib.util.spec_from_file_location(
        "make_messy_files", FIXTURES / "make_messy_files.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


messy = load_messy()


@pytest.fixture(scope="session")
def files(tmp_path_factory):
    return messy.write_all(tmp_path_factory.mktemp("messy"))


@pytest.fixture
def table(db):
    """The category, the organisation and the existing person the messy files refer to."""
    membership_service.create_category(
        db, membership_service.CategoryData(messy.CATEGORY, default_dues_cents=5000)
    )
    membership_service.create_category(
        db, membership_service.CategoryData("Membre citoyen", for_organizations=False)
    )
    organizations.create_organization(db, organizations.OrganizationData(messy.ORGANIZATION))
    first, last, email = messy.EXISTING_PERSON
    persons.save_person(db, None, persons.PersonData(first, last, email))
    return db


def counts(db) -> tuple[int, int, int, int]:
    with db.session() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(model))
            for model in (Person, Organization, Membership, Representation)
        )


def preview_of(db, path, **kwargs):
    source = read_source(path)
    mapping = initial_mapping(db, source)
    return check_rows(db, source, mapping.kind, mapping.columns, today=TODAY, **kwargs)


@pytest.mark.parametrize("name", ["xlsx", "utf8-bom", "cp1252", "utf8"])
def test_problems_have_row_numbers_and_reasons(table, files, name):
    preview = preview_of(table, files[name])
    numbers = [r.number for r in preview.rows]
    found = {numbers.index(r.number): [p.reason.value for p in r.problems] for r in preview.rows}
    assert {i: reasons for i, reasons in found.items() if reasons} == {
        i: [reason] for i, reason in messy.EXPECTED.items()
    }
    assert [numbers.index(r.number) for r in preview.ready] == messy.READY
    assert preview.summary() == "4 lignes prêtes, 8 à corriger"
    bad_email = preview.rows[1].problems[0]
    assert bad_email.column == "Courriel" and bad_email.value == "jean@@exemple"
    assert "jean@@exemple" in bad_email.message
    duplicate = preview.rows[6].problems[0]
    assert duplicate.message == f"Doublon de la ligne {numbers[0]} du fichier."
    assert "Paul Existant" in preview.rows[7].problems[0].message


def test_xlsx_row_numbers_are_excel_rows(table, files):
    preview = preview_of(table, files["xlsx"])
    errors = {p.row: p.reason.value for p in preview.problems}
    assert errors == {6: "courriel_invalide", 8: "nom_manquant", 9: "secteur_inconnu",
                      10: "date_invalide", 11: "montant_invalide", 13: "doublon_fichier",
                      14: "doublon_existant", 18: "categorie_inconnue"}  # fmt: skip


def test_values_are_cleaned(table, files):
    ready = {r.values["last_name"]: r.values for r in preview_of(table, files["xlsx"]).ready}
    marie = ready["Côté-Lévesque"]
    assert marie["phone"] == "514 555-0101" and marie["postal_code"] == "H2C 1A1"
    assert marie["sector"] == "citoyen" and marie["organization_id"] == 1
    assert marie["membership"]["dues_cents"] == 5000
    ethier = ready["Éthier"]["membership"]
    assert (ethier["year"], ethier["dues_cents"], ethier["paid_on"]) == (
        2026,
        2500,
        date(2026, 4, 1),
    )
    assert ready["Nguyen"]["membership"]["paid_on"] == date(2026, 4, 1)  # 01/04/2026
    assert ready["L'Heureux"]["phone"] == "514 555-0111 poste 22"


def test_commit_writes_every_ready_row_in_one_go(table, files):
    before = counts(table)
    preview = preview_of(table, files["xlsx"])
    with pytest.raises(ValidationError, match="en erreur"):
        commit_rows(table, preview)
    assert counts(table) == before
    result = commit_rows(table, preview, skip_errors=True)
    assert (result.created, result.memberships, result.representations, result.skipped) == (
        4,
        3,
        1,
        8,
    )
    assert counts(table) == (before[0] + 4, before[1], before[2] + 3, before[3] + 1)
    with table.session() as s:
        receipts = sorted(s.scalars(select(Membership.receipt_number)).all())
        assert receipts == ["2026-0001", "2026-0002", "2026-0003"]  # all three are paid
        created = select(func.count()).where(AuditEntry.action == "creation")
        assert s.scalar(created.where(AuditEntry.entity == "person")) == 1 + 4  # Paul, then 4
        assert s.scalar(created.where(AuditEntry.entity == "membership")) == 3
        audit = s.scalar(select(AuditEntry).where(AuditEntry.entity == "importation"))
        assert audit.changes["file"] == "persons.xlsx" and audit.changes["created"] == {"person": 4}


def test_nothing_half_written_when_the_commit_fails(table, files, monkeypatch):
    preview = preview_of(table, files["utf8"])
    before = counts(table)
    real = committing._memberships

    def fail_after_persons(*args):
        raise RuntimeError("le disque est plein")

    monkeypatch.setattr(committing, "_memberships", fail_after_persons)
    with pytest.raises(RuntimeError):
        commit_rows(table, preview, skip_errors=True)
    assert counts(table) == before
    monkeypatch.setattr(committing, "_memberships", real)

    def cancel(done, total):
        if done:
            raise Cancelled

    with pytest.raises(Cancelled):
        commit_rows(table, preview, skip_errors=True, progress=cancel)
    assert counts(table) == before


def test_a_database_refusal_rolls_everything_back(table, files):
    preview = preview_of(table, files["utf8"])
    before = counts(table)
    ready = preview.ready
    # two rows given the same receipt number: the database refuses the second one
    for row in ready:
        if "membership" in row.values:
            row.values["membership"]["receipt_number"] = "2026-0042"
    with pytest.raises(ValidationError, match="rien n'a été enregistré"):
        commit_rows(table, preview, skip_errors=True)
    assert counts(table) == before


def test_add_to_existing_records(table, tmp_path):
    path = tmp_path / "renouvellements.csv"
    path.write_text(
        "Prénom;Nom;Courriel;Catégorie;Année;Payé le;Mode de paiement\n"
        "Paul;Existant;;Membre régulier;2026;2026-04-02;chèque\n"
        "Nouvelle;Personne;;Membre citoyen;2026;;\n",
        encoding="utf-8",
    )
    refused = preview_of(table, path)
    assert [p.reason.value for p in refused.problems] == ["doublon_existant"]
    preview = preview_of(table, path, options=ImportOptions(add_to_existing=True))
    assert preview.error_count == 0 and preview.rows[0].existing_id == 1
    result = commit_rows(table, preview)
    assert (result.created, result.added_to_existing, result.memberships) == (1, 1, 2)
    again = preview_of(table, path, options=ImportOptions(add_to_existing=True))
    assert {p.reason.value for p in again.problems} == {"adhesion_existante"}
    with table.session() as s:
        method = s.scalar(select(Membership.payment_method).where(Membership.person_id == 1))
    assert method == "cheque"


def test_organizations_and_their_rules(table, tmp_path):
    path = tmp_path / "organismes.csv"
    path.write_text(
        "Nom,Sigle,Secteur,Courriel,Site web,Catégorie,Cotisation\n"
        'Centre des femmes,CDF,Communautaire,info@cdf.example,cdf.example,Membre régulier,"1 234,56"\n'
        "MAISON DES JEUNES (EXEMPLE),,,,,,\n"
        "École primaire,,scolaire,,,Membre citoyen,\n"
        "CIUSSS,,santé,,site web,,\n"
        "Comptoir,,,,,,25\n",
        encoding="utf-8",
    )
    preview = preview_of(table, path)
    assert preview.kind is ImportKind.ORGANIZATIONS
    reasons = {p.row: p.reason.value for p in preview.problems}
    assert reasons == {3: "doublon_existant", 4: "categorie_inconnue", 5: "site_invalide",
                       6: "categorie_manquante"}  # fmt: skip
    (ok,) = preview.ready
    assert ok.values["membership"]["dues_cents"] == 123456
    commit_rows(table, preview, skip_errors=True)
    with table.session() as s:
        org = s.scalar(select(Organization).where(Organization.acronym == "CDF"))
        assert org.name_key == "centre des femmes" and org.website == "https://cdf.example"


def test_mapping_is_remembered_per_source(table, files):
    source = read_source(files["cp1252"])
    mapping = initial_mapping(table, source)
    assert not mapping.remembered
    columns = list(mapping.columns)
    columns[11] = None  # the user chose to ignore the notes
    save_mapping(table, source, ImportKind.PERSONS, columns)
    again = initial_mapping(table, read_source(files["cp1252"]))
    assert again.remembered and again.columns == columns
    # another file with the same headers gets it too
    assert initial_mapping(table, read_source(files["utf8"])).columns == columns


def test_template_round_trip(table, tmp_path):
    for kind in ImportKind:
        path = write_import_template(tmp_path / f"{kind}.xlsx", kind, categories=[messy.CATEGORY])
        book = CalamineWorkbook.from_path(str(path))
        assert book.sheet_names[-1] == "Instructions"
        source = read_source(path)
        mapping = initial_mapping(table, source)
        assert mapping.kind is kind
        assert None not in mapping.columns  # every template column is recognised
        assert len(source.rows) == 2
        instructions = book.get_sheet_by_name("Instructions").to_python()
        assert any("Courriel" in row for row in instructions)


def test_error_report_is_readable(table, files, tmp_path):
    preview = preview_of(table, files["xlsx"])
    result = commit_rows(table, preview, skip_errors=True)
    path = write_import_report(tmp_path / "rapport.xlsx", preview, result)
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["À corriger", "Problèmes", "Résumé"]
    fix = book.get_sheet_by_name("À corriger").to_python()
    assert fix[0][0].startswith("Confidentiel : renseignements personnels")  # rows of people
    fix = fix[1:]
    assert fix[0][0] == "Ligne" and fix[0][-1] == "Problèmes" and fix[0][1] == "Nom"
    assert [int(r[0]) for r in fix[1:]] == [6, 8, 9, 10, 11, 13, 14, 18]
    assert "n'est pas une adresse courriel valide" in fix[1][-1]
    problems = book.get_sheet_by_name("Problèmes").to_python()[1:]
    assert problems[1][:3] == [6.0, "Courriel", "jean@@exemple"] or problems[1][:3] == [
        6,
        "Courriel",
        "jean@@exemple",
    ]
    summary = book.get_sheet_by_name("Résumé").to_python()
    assert any("4 fiches créées" in str(cell) for row in summary for cell in row)
    # the « À corriger » sheet can be fixed and imported again
    again = read_source(path)
    assert (
        initial_mapping(table, again).columns[1:13]
        == initial_mapping(table, read_source(files["xlsx"])).columns
    )


def test_ten_thousand_rows_import_in_one_go(db, tmp_path):
    membership_service.create_category(db, membership_service.CategoryData(messy.CATEGORY))
    _xlsx, csv_path = messy.write_big(tmp_path, xlsx=False)
    # Speed is measured by benchmarks/bench_import.py, not asserted here.
    preview = preview_of(db, csv_path)
    result = commit_rows(db, preview, skip_errors=True)
    assert (preview.ready_count, preview.error_count) == (9_800, 200)
    assert (result.created, result.memberships) == (9_800, 9_800)
    assert counts(db)[0] == 9_800


@pytest.mark.parametrize("largest_id", [None, 2**63 - 1])
def test_each_row_keeps_its_own_record_id(db, tmp_path, largest_id):
    """Memberships and audit entries go to the person of their own row: new ids are matched
    to rows in order, also when SQLite hands out random rowids (the largest is taken)."""
    if largest_id and server_db.SERVER:
        pytest.skip("SQLite's rowids; a server's ids are 32-bit and come from a sequence")
    membership_service.create_category(db, membership_service.CategoryData(messy.CATEGORY))
    if largest_id is not None:
        with db.session() as s:
            s.add(Person(id=largest_id, first_name="Dernier", last_name="Possible"))
    lines = ["Nom;Prénom;Catégorie;Cotisation"]
    lines += [f"Rang{i};Personne{i};{messy.CATEGORY};{i}" for i in range(1, 41)]
    path = tmp_path / "rangs.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    result = commit_rows(db, preview_of(db, path))
    assert (result.created, result.memberships) == (40, 40)
    with db.session() as s:
        pairs = s.execute(
            select(Person.last_name, Membership.dues_cents).join(
                Membership, Membership.person_id == Person.id
            )
        ).all()
        assert sorted(pairs) == sorted((f"Rang{i}", i * 100) for i in range(1, 41))
        created = select(AuditEntry.entity_id).where(
            AuditEntry.entity == "person", AuditEntry.action == "creation"
        )
        names = s.scalars(select(Person.last_name).where(Person.id.in_(created))).all()
        added = ["Possible"] if largest_id else []  # written by the ORM, audited as such
        assert sorted(names) == sorted([f"Rang{i}" for i in range(1, 41)] + added)
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "membership")).all()
        assert len(entries) == 40 and {e.changes["note"] for e in entries} == {
            "Importé de « rangs.csv »"
        }


def test_a_yes_cell_is_not_taken_for_the_number_one(db):
    """Checked values are remembered by type too: True == 1 in Python, but an Excel « VRAI »
    in the year column is refused as « Oui », not with the message of the number 1."""
    membership_service.create_category(db, membership_service.CategoryData(messy.CATEGORY))
    headers = ["Nom", "Catégorie", "Année", "Payé le"]
    rows = [
        SourceRow(2, ("Un", messy.CATEGORY, 1, 1)),
        SourceRow(3, ("Oui", messy.CATEGORY, True, True)),
    ]
    source = SourceTable("oui.xlsx", headers, 1, rows)
    preview = check_rows(
        db, source, ImportKind.PERSONS, ["last_name", "category", "year", "paid_on"], today=TODAY
    )
    one, yes = ([p.message for p in r.problems] for r in preview.rows)
    assert "« 1 »" in one[0] and "« Oui »" in yes[0]
    assert "hors des limites" in one[1] and "« Oui »" in yes[1]
