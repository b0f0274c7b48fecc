"""A hostile workbook chosen in the wizard is refused on the first page with its reason,
and the wizard stays usable (issue 11, item 6)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import Qt

from ahuntsic_desktop.ui.importing import ImportWizard

from .typing import type_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def _load():
    spec = importlib.util.spec_from_file_location(
        "make_hostile_files", FIXTURES / "make_hostile_files.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hostile = _load()


def test_a_zip_bomb_is_refused_on_the_first_page(qtbot, file_db, tmp_path):
    bomb = hostile.bomb(tmp_path, 64 * 1024 * 1024, "membres.xlsx")
    wizard = ImportWizard(file_db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.file_page
    type_text(qtbot, page.path_edit, str(bomb))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "bombe zip" in page.info.text(), timeout=15_000)
    assert "membres.xlsx" in page.info.text()
    assert not page.isComplete()

    good = hostile.normal(tmp_path, persons=20)
    page.path_edit.clear()
    type_text(qtbot, page.path_edit, str(good))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=15_000)
    assert wizard.file_page.loaded_path is not None
    wizard.reject()
