"""The open-data list of 167 places through the wizard (issue 11, item 8): the preview
flags the « Catégorie » column whose every value is refused; the user maps its values (or
ignores the column) by clicking, and all 167 places are imported. The choice is
remembered for the next import of the file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWizard
from sqlalchemy import func, select

from ahuntsic_desktop.domain import Membership, Organization
from ahuntsic_desktop.services.registry import memberships as membership_service
from ahuntsic_desktop.ui.importing import ImportWizard

from .typing import type_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
PARTNER = "Membre partenaire"


def _load():
    spec = importlib.util.spec_from_file_location("make_places", FIXTURES / "make_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


places = _load()


@pytest.fixture
def table(file_db):
    membership_service.create_category(file_db, membership_service.CategoryData("Membre régulier"))
    membership_service.create_category(
        file_db, membership_service.CategoryData(PARTNER, voting=False, for_persons=False)
    )
    return file_db


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def click(qtbot, widget) -> None:
    assert widget is not None and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_wizard(qtbot, db, path: Path) -> ImportWizard:
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.file_page
    type_text(qtbot, page.path_edit, str(path))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=15_000)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.mapping_page
    return wizard


def to_preview(qtbot, wizard):
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=15_000)
    return wizard.preview_page


def wait_checked_again(qtbot, wizard, ready: int) -> None:
    qtbot.waitUntil(
        lambda: wizard.preview is not None and wizard.preview.ready_count == ready,
        timeout=15_000,
    )


def import_all(qtbot, wizard) -> str:
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    click(qtbot, commit)
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=15_000)
    status = wizard.run_page.status.text()
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    return status


def test_map_the_place_types_then_import_all_167(qtbot, table, tmp_path):
    path = places.write(tmp_path)
    wizard = open_wizard(qtbot, table, path)
    assert wizard.mapping_page.combos[3].currentData() == "category"  # the wrong guess
    preview = to_preview(qtbot, wizard)
    assert preview.counts.text() == "0 ligne prête, 167 à corriger"
    assert preview.troubles.isVisible()
    flag = preview.findChild(type(preview.counts), "trouble_3")
    assert "« Catégorie »" in flag.text() and "167 valeurs sur 167" in flag.text()
    header = preview.model.headerData(5, Qt.Orientation.Horizontal)
    assert header == "⚠ Catégorie"

    click(qtbot, preview.findChild(QPushButton, "map_values_3"))
    dialog = preview.value_dialog
    qtbot.waitExposed(dialog)
    shown = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert sorted(shown) == sorted(places.TYPES)
    assert all(c.currentData() is None for c in dialog.combos)  # ignored until chosen
    centre = dialog.combos[shown.index("Centre communautaire")]
    assert [centre.itemText(i) for i in range(centre.count())][1:] == [PARTNER, "Membre régulier"]
    centre.setCurrentIndex(centre.findData(PARTNER))
    click(qtbot, dialog.buttons.button(dialog.buttons.StandardButton.Ok))

    wait_checked_again(qtbot, wizard, 167)
    assert preview.counts.text() == "167 lignes prêtes"
    assert not preview.troubles.isVisible()
    status = import_all(qtbot, wizard)
    memberships = places.count_of("Centre communautaire")
    assert "167 fiches créées" in status and f"{memberships} adhésions" in status
    assert count(table, Organization) == 167
    assert count(table, Membership) == memberships

    # Next year's list: the value map comes back with the column mapping.
    again = open_wizard(qtbot, table, places.write(tmp_path))
    assert "retrouvée" in again.mapping_page.note.text()
    to_preview(qtbot, again)
    assert again.preview.ready_count == 0  # now all are duplicates of last year's...
    assert not any(p.reason == "categorie_inconnue" for p in again.preview.problems)
    again.reject()


def test_ignore_the_column_then_import_all_167(qtbot, table, tmp_path):
    wizard = open_wizard(qtbot, table, places.write(tmp_path))
    preview = to_preview(qtbot, wizard)
    click(qtbot, preview.findChild(QPushButton, "ignore_column_3"))
    wait_checked_again(qtbot, wizard, 167)
    assert wizard.columns[3] is None
    assert "167 fiches créées" in import_all(qtbot, wizard)
    assert count(table, Organization) == 167 and count(table, Membership) == 0

    again = open_wizard(qtbot, table, places.write(tmp_path))
    assert again.mapping_page.combos[3].currentData() is None  # remembered as ignored
    again.reject()
