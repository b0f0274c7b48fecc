"""Aide menu: the guide opens offline in the interface's language, with its screenshots;
À propos lists the bundled libraries with their licences and Qt's LGPL notice."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog

from ahuntsic_desktop.ui.help.about import AboutDialog
from ahuntsic_desktop.ui.help.guide import GuideDialog, guide_path
from ahuntsic_desktop.ui.main_window import MainWindow
from tests.dates import DEMO_TODAY

ROOT = Path(__file__).resolve().parents[2]


def help_action(window: MainWindow, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Aide")
    return next(a for a in menu.actions() if a.text() == text)


def test_f1_opens_the_french_guide_with_its_screenshots(qtbot, demo_db):
    window = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    action = help_action(window, "&Guide d'utilisation")
    assert action.shortcut().toString() == "F1"
    action.trigger()
    dialog = window.findChild(GuideDialog)
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert dialog.path.name == "fr.html"
    text = dialog.text.toPlainText()
    assert "Premier démarrage" in text and "Loi 25" in text
    html = dialog.path.read_text(encoding="utf-8")
    images = [part.split('"')[0] for part in html.split('<img src="')[1:]]
    assert len(images) >= 8
    missing = [name for name in images if not (dialog.path.parent / name).resolve().is_file()]
    assert missing == []


def test_the_english_interface_gets_the_english_guide():
    assert guide_path("en_CA").name == "en.html"
    assert guide_path("fr_CA").name == "fr.html"
    assert "User guide" in guide_path("en_CA").read_text(encoding="utf-8")


def test_about_lists_libraries_and_their_licences(qtbot, monkeypatch, demo_db):
    shown: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(self) or 0)
    window = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    help_action(window, "À &propos d'Ahuntsic Desktop").trigger()
    assert len(shown) == 1 and isinstance(shown[0], QDialog)
    text = shown[0].text.toPlainText()
    assert "PySide6_Essentials" in text and "LGPL-3.0-only" in text
    assert "SQLAlchemy" in text and "MIT" in text
    assert "pytest" not in text  # test tools are not shipped
    assert "GNU LGPL" in text and "DejaVu-LICENSE.txt" in text


def test_shipped_guide_is_the_one_its_markdown_gives():
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build_guide.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout
