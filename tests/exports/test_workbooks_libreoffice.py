"""Every workbook opens in LibreOffice (headless), whose CSV export shows the values as a
spreadsheet computes them: a name that looks like a formula must come out as typed."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ahuntsic_desktop.exports.catalog import KINDS, run_export
from ahuntsic_desktop.services.plan import roundtrip as plan_roundtrip

from . import test_workbooks_data as data
from .test_workbooks_data import EVIL_COMMENT, EVIL_FIRST, EVIL_LAST, EVIL_ORG, options

sample = data.sample  # fixture

LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    LIBREOFFICE is None,
    reason="LibreOffice absent : apt-get install -y --no-install-recommends libreoffice-calc",
)
# UTF-8, comma-separated, every sheet in its own file, raw values (not as formatted).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def convert(files: list[Path], target: str, out: Path, profile: Path) -> None:
    out.mkdir(exist_ok=True)
    result = subprocess.run(
        [
            LIBREOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "HOME": str(profile)},
    )
    assert result.returncode == 0, result.stderr


def read(out: Path, stem: str, sheet: str) -> list[list[str]]:
    with (out / f"{stem}-{sheet}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def converted(sample, tmp_path):
    db, ids = sample
    files = [
        run_export(db, kind.key, tmp_path / f"{kind.key}.xlsx", options(funder_id=ids["funder"]))
        for kind in KINDS
        if kind.suffix == ".xlsx"
        and kind.key not in ("activites", "contributions")  # need a démarche
    ]
    out = tmp_path / "csv"
    convert(files, CSV_FILTER, out, tmp_path / "lo-profile")
    return out


def test_libreoffice_reads_every_workbook(converted):
    names = sorted(p.name for p in converted.glob("*.csv"))
    for key in ("membres", "presences", "chantiers", "plan", "suivis", "reddition"):
        assert any(name.startswith(f"{key}-") for name in names), key
    persons = read(converted, "membres", "Personnes")
    assert persons[0][0].startswith("Confidentiel : renseignements personnels")
    assert persons[1][:3] == ["Nom", "Prénom", "Organismes représentés"]
    evil = next(row for row in persons if row[1] == EVIL_FIRST)
    assert evil[0] == EVIL_LAST  # not a number, not a formula
    organizations = read(converted, "membres", "Organismes")
    assert any(row[0] == EVIL_ORG and row[1] == "-moins" for row in organizations)
    plan = read(converted, "plan", "Plan test 2024-2027")
    assert any(row[5] == EVIL_COMMENT for row in plan)  # not computed to 2
    attendance = read(converted, "presences", "Personnes")
    alice = next(row for row in attendance if row[1] == "Alice")
    assert alice[3:] == ["P", "", "P", "2", "0", "0", "100%"]  # not at the walk
    meetings = read(converted, "presences", "Rencontres")
    assert meetings[2][0] == "2025-06-10"  # a real date (under the mark and the header)
    summary = read(converted, "reddition", "Sommaire")
    assert ["Rencontres tenues", "3", "", "", ""] in summary


def test_plan_saved_again_by_libreoffice_comes_back_unchanged(sample, tmp_path):
    db, ids = sample
    path = run_export(db, "plan", tmp_path / "plan.xlsx", options())
    out = tmp_path / "resaved"
    convert([path], "xlsx", out, tmp_path / "lo-profile")
    preview = plan_roundtrip.preview_import(db, out / "plan.xlsx")
    assert preview.problems == []
    assert (preview.unchanged, preview.changes, preview.conflicts) == (3, [], [])
