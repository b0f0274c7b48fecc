"""Import a messy workbook through the wizard, by clicking, and find the rows in the file."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from python_calamine import CalamineWorkbook
from sqlalchemy import func, select

from ahuntsic_desktop.domain import Membership, Person, Representation
from ahuntsic_desktop.services.registry import memberships as membership_service
from ahuntsic_desktop.services.registry import organizations, persons
from ahuntsic_desktop.ui.importing import ImportWizard

from ..dates import DEMO_TODAY
from .typing import type_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def load_messy():
    spec = importlib.util.spec_from_file_location(
        "make_messy_files", FIXTURES / "make_messy_files.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


messy = load_messy()


@pytest.fixture
def table(file_db):
    membership_service.create_category(
        file_db, membership_service.CategoryData(messy.CATEGORY, default_dues_cents=5000)
    )
    organizations.create_organization(file_db, organizations.OrganizationData(messy.ORGANIZATION))
    first, last, email = messy.EXISTING_PERSON
    persons.save_person(file_db, None, persons.PersonData(first, last, email))
    return file_db


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName() or widget.text()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def wizard(qtbot, table):
    dialog = ImportWizard(table)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.stop_work()


def choose_file(qtbot, wizard, path: Path) -> None:
    page = wizard.file_page
    type_text(qtbot, page.path_edit, str(path))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=15_000)


def test_import_a_messy_workbook_by_clicking(qtbot, wizard, table, tmp_path, monkeypatch):
    files = messy.write_all(tmp_path / "files")
    before = count(table, Person)
    next_button = wizard.button(QWizard.WizardButton.NextButton)

    choose_file(qtbot, wizard, files["xlsx"])
    assert wizard.file_page.persons.isChecked()  # guessed from « Prénom »
    assert "titres à la ligne 4" in wizard.file_page.info.text()
    click(qtbot, next_button)

    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping
    assert [c.currentData() for c in mapping.combos][:3] == ["last_name", "first_name", "email"]
    assert "devinée" in mapping.note.text()
    notes = mapping.combos[11]
    notes.setCurrentIndex(0)  # ignore the notes column
    assert mapping.isComplete()
    click(qtbot, next_button)

    preview = wizard.preview_page
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=15_000)
    assert preview.counts.text() == "4 lignes prêtes, 8 à corriger"
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "Importer" and not commit.isEnabled()
    click(qtbot, preview.errors_only)
    assert preview.proxy.rowCount() == 8
    first_bad = preview.proxy.index(0, 0).data()
    assert first_bad == 6 and "courriel" in preview.proxy.index(0, 1).data()

    report = tmp_path / "rapport.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information", lambda *a, **k: None)
    click(qtbot, preview.report_button)
    qtbot.waitUntil(lambda: wizard.report_path is not None, timeout=15_000)
    rows = CalamineWorkbook.from_path(str(report)).get_sheet_by_name("À corriger").to_python()
    assert rows[0][0].startswith("Confidentiel")  # the rows of people it copies
    assert [int(r[0]) for r in rows[2:]] == [6, 8, 9, 10, 11, 13, 14, 18]

    click(qtbot, preview.skip)
    assert commit.isEnabled()
    click(qtbot, commit)
    run = wizard.run_page
    qtbot.waitUntil(lambda: run.done, timeout=15_000)
    assert "4 fiches créées" in run.status.text()
    assert "3 adhésions" in run.status.text()
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))

    assert count(table, Person) == before + 4
    assert count(table, Membership) == 3
    assert count(table, Representation) == 1
    with table.session() as s:
        names = set(s.scalars(select(Person.last_name)).all())
        notes_kept = s.scalar(select(Person.notes).where(Person.last_name == "L'Heureux"))
    assert {"Côté-Lévesque", "Éthier", "Nguyen", "L'Heureux"} <= names
    assert notes_kept is None  # the notes column was ignored

    # the mapping is remembered for the next import of this file
    again = ImportWizard(table)
    qtbot.addWidget(again)
    again.show()
    choose_file(qtbot, again, files["xlsx"])
    click(qtbot, again.button(QWizard.WizardButton.NextButton))
    assert "retrouvée" in again.mapping_page.note.text()
    assert again.mapping_page.combos[11].currentData() is None
    again.reject()


def test_ten_thousand_rows_keep_the_window_alive(qtbot, wizard, table, tmp_path):
    membership_service.create_category(
        table, membership_service.CategoryData("Membre associé", default_dues_cents=0)
    )
    _xlsx, big = messy.write_big(tmp_path, xlsx=False)
    choose_file(qtbot, wizard, big)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    steps: list[int] = []
    wizard.preview_page.task.progressed.connect(lambda done, _total: steps.append(done))
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=60_000)
    assert len(steps) >= 5  # progress arrived while the rows were being checked
    counts = wizard.preview_page.counts.text().replace("\xa0", " ").replace("\u202f", " ")
    assert counts == "9 800 lignes prêtes, 200 à corriger"
    click(qtbot, wizard.preview_page.skip)
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    qtbot.waitUntil(lambda: wizard.run_page.done, timeout=60_000)
    assert wizard.result_.created == 9_800
    assert count(table, Membership) == 9_800


def test_a_file_that_cannot_be_read(qtbot, wizard, tmp_path):
    bad = tmp_path / "notes.xlsx"
    bad.write_text("pas un classeur")
    page = wizard.file_page
    type_text(qtbot, page.path_edit, str(bad))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "pas un classeur lisible" in page.info.text(), timeout=10_000)
    assert not page.isComplete()


def test_template_button(qtbot, wizard, tmp_path, monkeypatch):
    target = tmp_path / "modele.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(
        qtbot,
        wizard.file_page.findChild(
            type(wizard.button(QWizard.WizardButton.NextButton)), "template"
        ),
    )
    book = CalamineWorkbook.from_path(str(target))
    assert book.sheet_names == ["Personnes", "Instructions"]
    assert book.get_sheet_by_name("Personnes").to_python()[0][:2] == ["Nom", "Prénom"]


def test_cancelling_a_big_import_writes_nothing(qtbot, wizard, table, tmp_path):
    _xlsx, big = messy.write_big(tmp_path, xlsx=False)
    before = count(table, Person)
    choose_file(qtbot, wizard, big)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=60_000)
    click(qtbot, wizard.preview_page.skip)
    run = wizard.run_page
    seen: list[int] = []
    click(qtbot, wizard.button(QWizard.WizardButton.CommitButton))
    run.task.progressed.connect(lambda done, _total: seen.append(done) or run.cancel())
    qtbot.waitUntil(lambda: run.done, timeout=60_000)
    assert "rien n'a été enregistré" in run.status.text()
    assert wizard.result_ is None
    assert count(table, Person) == before


def test_file_menu_opens_the_wizard(qtbot, demo_db, monkeypatch):
    from ahuntsic_desktop.ui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(ImportWizard, "exec", lambda self: opened.append(self) or 0)
    window = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    actions = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Importer des membres…" in actions
    window.import_action.trigger()
    assert len(opened) == 1 and opened[0].db is demo_db
