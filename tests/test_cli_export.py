"""``ahuntsic-desktop-cli export KIND --db FILE --out PATH``: documents without the window,
clear French errors and exit code 1 when something is wrong."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.cli import main
from ahuntsic_desktop.store import Database
from tests.exports.test_workbooks_data import build_sample


@pytest.fixture(scope="module")
def data_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "table.sqlite"
    db = Database.open(path, create=True)
    ids = build_sample(db)
    db.close()
    return path, ids


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_a_workbook(data_file, tmp_path, capsys):
    path, _ids = data_file
    out = tmp_path / "présences.xlsx"
    code, stdout, stderr = run(
        capsys, "presences", "--db", str(path), "--out", str(out),
        "--from", "2025-04-01", "--to", "2026-03-31", "--body", "cc",
    )  # fmt: skip
    assert (code, stderr) == (0, "")
    assert "Suivi des présences (Excel) écrit dans" in stdout
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Rencontres").to_python()
    assert rows[0][0].startswith("Confidentiel")  # then the header
    assert [row[4] for row in rows[2:]] == ["CC", "CC"]


def test_export_a_funder_report_and_the_directory(data_file, tmp_path, capsys):
    path, ids = data_file
    code, _out, _err = run(
        capsys, "reddition", "--db", str(path), "--out", str(tmp_path / "r.xlsx"),
        "--from", "2025-04-01", "--to", "2026-03-31", "--funder", str(ids["funder"]),
        "--include-contacts",
    )  # fmt: skip
    assert code == 0
    assert "Contacts" in CalamineWorkbook.from_path(str(tmp_path / "r.xlsx")).sheet_names
    code, _out, _err = run(capsys, "bottin", "--db", str(path), "--out", str(tmp_path / "b"))
    assert code == 0
    assert len(PdfReader(str(tmp_path / "b.pdf")).pages) >= 1  # the suffix was added


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["inconnu"], "Document inconnu « inconnu »"),
        (["presences"], "Indiquez le début et la fin de la période. (--from AAAA-MM-JJ"),
        (["presences", "--from", "2025-02-30", "--to", "2025-12-31"], "--from : date invalide"),
        (["presences", "--from", "2025-12-31", "--to", "2025-01-01"], "précède son début"),
        (
            ["reddition", "--from", "2025-04-01", "--to", "2026-03-31"],
            "Choisissez le bailleur de fonds. (--funder ID) Bailleurs de fonds connus : ",
        ),
        (
            ["reddition", "--from", "2025-04-01", "--to", "2026-03-31", "--funder", "999"],
            "Aucun organisme ne porte le numéro 999",
        ),
        (["membres", "--funder", "abc"], "--funder : « abc » n'est pas un numéro."),
    ],
)
def test_errors_are_french_with_exit_code_1(data_file, tmp_path, capsys, args, message):
    path, _ids = data_file
    kind, *rest = args
    code, stdout, stderr = run(
        capsys, kind, "--db", str(path), "--out", str(tmp_path / "x.xlsx"), *rest
    )
    assert code == 1
    assert stderr.startswith("Erreur : ") and message in stderr, stderr
    assert "Traceback" not in stderr and stdout == ""
    assert not (tmp_path / "x.xlsx").exists()


def test_missing_file_or_folder(tmp_path, capsys):
    code, _out, err = run(
        capsys,
        "membres",
        "--db",
        str(tmp_path / "absent.sqlite"),
        "--out",
        str(tmp_path / "m.xlsx"),
    )
    assert code == 1 and "n'existe pas" in err
    code, _out, err = run(
        capsys, "membres", "--db", str(tmp_path / "absent.sqlite"),
        "--out", str(tmp_path / "nulle-part" / "m.xlsx"),
    )  # fmt: skip
    assert code == 1 and "le dossier" in err


def test_export_the_deadlines_calendar(tmp_path, capsys):
    import datetime as dt

    from icalendar import Calendar

    from ahuntsic_desktop.domain import (
        FundingAgreement,
        FundingApplication,
        Organization,
        ReportingDeadline,
    )

    path = tmp_path / "table.sqlite"
    db = Database.open(path, create=True)
    with db.session() as session:
        funder = Organization(name="Centraide, Grand Montréal", sector="communautaire")
        agreement = FundingAgreement(
            funder=funder, programme="Impact collectif", start_date=dt.date(2026, 4, 1)
        )
        agreement.deadlines = [ReportingDeadline(title="Bilan", due_date=dt.date(2027, 3, 31))]
        session.add_all(
            [
                agreement,
                FundingApplication(
                    funder=funder, programme="Mobilité", deadline=dt.date(2026, 12, 21)
                ),
            ]
        )
    db.close()
    out = tmp_path / "x.ics"
    code, stdout, stderr = run(
        capsys, "echeances", "--db", str(path), "--out", str(out), "--today", "2026-11-26"
    )
    assert (code, stderr) == (0, "")
    assert "Échéances (calendrier .ics) écrit dans" in stdout
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert sorted((e.decoded("DTSTART"), str(e["SUMMARY"])) for e in events) == [
        (dt.date(2026, 12, 21), "Date limite de dépôt : Mobilité (Centraide, Grand Montréal)"),
        (dt.date(2027, 3, 31), "Reddition de comptes : Bilan (Centraide, Grand Montréal)"),
    ]
