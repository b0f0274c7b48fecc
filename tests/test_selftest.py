"""``--self-test``: what CI runs inside the PyInstaller bundle, run here from the source."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ahuntsic_desktop import selftest
from tests.dates import DEMO_TODAY


def test_self_test_command_passes_and_writes_nothing_in_the_data_folder(tmp_path):
    env = dict(os.environ, AHUNTSIC_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="")
    done = subprocess.run(
        [sys.executable, "-m", "ahuntsic_desktop", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Fenêtre ouverte hors écran (offscreen)" in done.stdout
    assert "membres.xlsx" in done.stdout and "bottin.pdf" in done.stdout
    assert "guide en français et en anglais" in done.stdout
    assert not (tmp_path / "data").exists()


def test_self_test_reports_a_broken_export_as_a_failure():
    said: list[str] = []

    def broken(path: Path) -> str:
        raise RuntimeError("plug-in absent")

    assert selftest.run(DEMO_TODAY, open_window=broken, say=said.append) == 1
    assert said[-1] == "Autotest échoué : plug-in absent"


def test_pdf_check_refuses_a_truncated_file(tmp_path):
    path = tmp_path / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n")
    try:
        selftest.check_pdf(path)
    except selftest.SelfTestError as error:
        assert "n'est pas un PDF complet" in str(error)
    else:
        raise AssertionError("a truncated PDF passed")


def test_a_lone_file_path_opens_that_file():
    from ahuntsic_desktop.cli import build_parser, file_argument

    args = build_parser().parse_args(file_argument(["/tmp/table de quartier.sqlite"]))
    assert str(args.db) == "/tmp/table de quartier.sqlite" and args.command is None
    assert build_parser().parse_args(file_argument(["check", "--db", "x"])).command == "check"
