"""The Excel workbooks, read back with python-calamine (a reader independent of openpyxl)
for their contents and with openpyxl for their print set-up and drop-down lists."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.catalog import KINDS, run_export

from . import test_workbooks_data as data
from .test_workbooks_data import END, EVIL_COMMENT, EVIL_FIRST, EVIL_LAST, EVIL_ORG, START, options

sample = data.sample  # fixture

# The démarche's workbooks need a démarche: tests/exports/test_demarche_exports.py and
# tests/exports/test_contributions_roundtrip.py.
WORKBOOKS = [
    kind.key
    for kind in KINDS
    if kind.suffix == ".xlsx" and kind.key not in ("activites", "contributions")
]
MARKED = {"membres", "presences", "chantiers", "suivis"}  # they hold personal information
SHEETS = {
    "membres": ["Organismes", "Personnes", "Adhésions", "Catégories", "Cotisations par année"],
    "presences": ["Personnes", "Organismes", "Rencontres", "Notes"],
    "chantiers": ["Participation", "Chantiers", "Affectations"],
    "plan": ["Plan test 2024-2027", "À propos", "_ahuntsic"],
    "suivis": ["Suivis"],
    "reddition": ["Sommaire", "Rencontres", "Participation", "Résolutions", "Plan d'action"],
    "couverture": ["Orientations", "Enjeux", "Matrice"],
    "financement": [
        "Par bailleur",
        "Par programme",
        "Demandes",
        "Versements",
        "Renouvellements",
        "Répartition",
    ],
}


def export(sample, key, tmp_path, **changes):
    db, ids = sample
    changes.setdefault("funder_id", ids["funder"])
    return run_export(db, key, tmp_path / f"{key}.xlsx", options(**changes))


def sheet(path, name) -> list[list]:
    """The table of sheet ``name``: from its header on, below the confidential mark of a
    workbook holding personal information (tested in test_privacy_marks.py)."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()
    if rows and str(rows[0][0]).startswith("Confidentiel"):
        return rows[1:]
    return rows


def as_dicts(rows: list[list]) -> list[dict]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.mark.parametrize("key", WORKBOOKS)
def test_every_workbook_reads_back_with_its_sheets(sample, tmp_path, key):
    path = export(sample, key, tmp_path)
    assert CalamineWorkbook.from_path(str(path)).sheet_names == SHEETS[key]
    assert not list(tmp_path.glob(".*.tmp")), "temporary file left behind"


@pytest.mark.parametrize("key", WORKBOOKS)
def test_no_cell_is_a_formula(sample, tmp_path, key):
    """Text starting with = + - @ is stored as text: no <f> element in any sheet."""
    path = export(sample, key, tmp_path)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert b"<f>" not in archive.read(name), name
                assert b"<f " not in archive.read(name), name


def test_names_that_look_like_formulas_stay_text(sample, tmp_path):
    path = export(sample, "membres", tmp_path)
    persons = as_dicts(sheet(path, "Personnes"))
    evil = next(p for p in persons if p["Prénom"] == EVIL_FIRST)
    assert evil["Nom"] == EVIL_LAST
    organizations = as_dicts(sheet(path, "Organismes"))
    risky = next(o for o in organizations if o["Nom"] == EVIL_ORG)
    assert risky["Sigle"] == "-moins"
    workbook = load_workbook(path)
    cells = [c for row in workbook["Personnes"].iter_rows() for c in row if c.value == EVIL_FIRST]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_member_register_dates_numbers_and_formats(sample, tmp_path):
    path = export(sample, "membres", tmp_path)
    memberships = as_dicts(sheet(path, "Adhésions"))
    alpha = next(m for m in memberships if m["Membre"] == "Centre Alpha")
    assert alpha["Payée le"] == dt.date(2025, 5, 1)
    assert alpha["Cotisation"] == 50.0
    assert alpha["Droit de vote"] == "Oui"
    dues = as_dicts(sheet(path, "Cotisations par année"))
    assert dues[0]["Année d'adhésion"] == "2025-2026"
    assert (dues[0]["Adhésions"], dues[0]["Payées"]) == (4, 3)
    assert dues[0]["Cotisations perçues"] == 50.0 and dues[0]["Reste à percevoir"] == 50.0
    workbook = load_workbook(path)
    ws = workbook["Adhésions"]
    header = [c.value for c in ws[2]]  # under the confidential mark
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == "Centre Alpha")
    money = ws.cell(row, header.index("Cotisation") + 1)
    assert "$" in money.number_format and "#,##0.00" in money.number_format
    assert ws.cell(row, header.index("Payée le") + 1).number_format == "yyyy-mm-dd"


def test_member_register_shares_only_consented_contacts(sample, tmp_path):
    without = as_dicts(sheet(export(sample, "membres", tmp_path), "Personnes"))
    assert "Courriel" not in without[0]
    path = export(sample, "membres", tmp_path, include_contacts=True)
    persons = {p["Prénom"]: p for p in as_dicts(sheet(path, "Personnes"))}
    assert persons["Alice"]["Courriel"] == "alice@example.org"  # contact consent
    assert persons["Dany"]["Courriel"] == "dany@example.org"  # directory consent
    assert persons["Bob"]["Courriel"] == ""  # none
    assert persons["Chloé"]["Courriel"] == ""  # withdrawn


def test_attendance_marks_totals_and_rates(sample, tmp_path):
    path = export(sample, "presences", tmp_path, body="CC")
    rows = sheet(path, "Personnes")
    assert rows[0][:3] == ["Nom", "Prénom", "Organisme"]
    assert rows[0][3:5] == ["2025-06-10 · CC", "2025-09-10 · CC"]  # the cancelled one left out
    people = {row[1]: row for row in rows[1:]}
    assert people["Alice"][3:] == ["P", "P", 2, 0, 0, 1.0]
    assert people["Bob"][3:] == ["E", "P", 1, 1, 0, 0.5]
    assert people[EVIL_FIRST][3:] == ["A", "", 0, 0, 1, 0.0]
    organizations = {row[0]: row for row in sheet(path, "Organismes")[1:]}
    assert organizations["Centre Alpha"][2:4] == ["P", "P"]
    meetings = as_dicts(sheet(path, "Rencontres"))
    assert meetings[0]["Date"] == dt.date(2025, 6, 10)
    assert meetings[0]["Heure"] == dt.time(19, 0)
    assert (meetings[0]["Présent·es"], meetings[0]["Taux de présence"]) == (1, pytest.approx(1 / 3))


def test_chantier_roster_shows_roles(sample, tmp_path):
    path = export(sample, "chantiers", tmp_path)
    rows = sheet(path, "Participation")
    assert rows[0] == ["Nom", "Prénom", "Organisme", "Alimentation", "Chantiers"]
    roles = {row[1]: row[3] for row in rows[1:]}
    assert roles == {"Alice": "Porteur·euse", "Bob": "Membre", EVIL_FIRST: "Personne-ressource"}
    summary = as_dicts(sheet(path, "Chantiers"))
    assert summary[0]["Chantier"] == "Alimentation" and summary[0]["Participant·es"] == 3


def test_follow_ups_with_owner_due_date_and_origin(sample, tmp_path):
    rows = as_dicts(sheet(export(sample, "suivis", tmp_path), "Suivis"))
    first = rows[0]
    assert first["Suivi"] == "Appeler le propriétaire"
    assert first["Responsable"].startswith(EVIL_FIRST)
    assert first["Échéance"] == dt.date(2025, 7, 1)
    assert first["En retard"] == "Oui"
    assert first["Rencontre d'origine"] == "CC de juin"
    assert first["Rencontre du"] == dt.date(2025, 6, 10)
    assert first["Résolution"] == "CC-2025-001"
    assert rows[1]["Fait le"] == dt.date(2025, 9, 20)


def test_plan_sheet_hierarchy_lists_and_hidden_ids(sample, tmp_path):
    db, ids = sample
    path = export(sample, "plan", tmp_path)
    rows = as_dicts(sheet(path, "Plan test 2024-2027"))
    assert [r["Niveau"] for r in rows] == [
        "Pilier",
        "Chantier",
        "Orientation",
        "Moyen",
        "Moyen",
        "Cible",
    ]
    marche = rows[3]
    assert (marche["Numéro"], marche["Statut"], marche["Commentaire"]) == (
        "1.1.1.1",
        "Réalisé",
        EVIL_COMMENT,
    )
    assert (marche["Type"], marche["Identifiant"]) == ("means", ids["m1"])
    assert rows[5]["Cible"] == 6 and rows[5]["Réel"] == 3
    assert rows[0]["Avancement"] == pytest.approx(1 / 3)
    workbook = load_workbook(path)
    ws = workbook["Plan test 2024-2027"]
    assert ws.column_dimensions["M"].hidden and ws.column_dimensions["N"].hidden
    assert [ws.row_dimensions[r].outlineLevel for r in range(2, 8)] == [0, 1, 2, 3, 3, 3]
    lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
    assert lists == {
        "D5:D7": '"À venir,En cours,Réalisé,Abandonné"',
        "E5:E7": '"Atteinte,Partiellement atteinte,Non atteinte,Sans objet"',
    }
    assert all(v.type == "list" for v in ws.data_validations.dataValidation)
    assert ws.conditional_formatting  # status colours and progress bars
    meta = workbook["_ahuntsic"]
    assert meta.sheet_state == "hidden"
    values = {row[0].value: row[1].value for row in meta.iter_rows() if row[0].value}
    assert values["format"] == "ahuntsic-desktop/suivi-plan"
    assert dt.datetime.fromisoformat(values["exported_at"]).date() == dt.date.today()


@pytest.mark.parametrize("key", WORKBOOKS)
def test_print_setup_and_properties(sample, tmp_path, key):
    path = export(sample, key, tmp_path)
    workbook = load_workbook(path)
    assert workbook.properties.creator == "Ahuntsic Desktop"
    assert workbook.properties.title
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_LETTER)
        assert "Table test && cie" in ws.oddHeader.left.text  # & doubled: it starts codes
        assert workbook.properties.title.replace("&", "&&") in ws.oddHeader.center.text
        assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text
        if ws.title == "Sommaire":
            assert ws.page_setup.orientation == "portrait"
            continue
        assert ws.page_setup.orientation == "landscape"
        top = 2 if key in MARKED else 1  # the header, under the confidential mark
        assert ws.print_title_rows == f"$1:${top}"  # the mark prints on every page
        assert ws.freeze_panes and ws.freeze_panes[-1] == str(top + 1)
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith(f"A{top}:")
        header = ws.cell(top, 1)
        assert header.font.b and header.fill.fgColor.rgb.endswith("1F4E79")


def test_progress_is_reported_to_the_end(sample, tmp_path):
    db, ids = sample
    calls = []
    run_export(db, "membres", tmp_path / "m.xlsx", options(), lambda d, t: calls.append((d, t)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert [d for d, _t in calls] == sorted(d for d, _t in calls)


def test_a_failed_export_leaves_the_previous_file(sample, tmp_path, monkeypatch):
    db, _ids = sample
    target = tmp_path / "m.xlsx"
    target.write_bytes(b"previous")
    from openpyxl import Workbook

    def broken(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", broken)
    from ahuntsic_desktop.services.core.errors import ValidationError

    with pytest.raises(ValidationError, match="Impossible d'écrire"):
        run_export(db, "membres", target, options())
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["m.xlsx"]


def test_period_is_checked_in_french(sample, tmp_path):
    from ahuntsic_desktop.services.core.errors import ValidationError

    with pytest.raises(ValidationError, match="La fin de la période précède son début"):
        export(sample, "presences", tmp_path, start=END, end=START)
    with pytest.raises(ValidationError, match="bailleur de fonds"):
        export(sample, "reddition", tmp_path, funder_id=None)
