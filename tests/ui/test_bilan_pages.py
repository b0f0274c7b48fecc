"""The Bilan and Portrait pages, driven like a coordinator would on the demo file: the
démarches intégrées and projets phares, a refused then saved projet phare, the yearly
evolution grid, the timeline, and a census profile imported with a preview."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from ahuntsic_desktop.services import evaluation, portrait
from ahuntsic_desktop.ui.evaluation.bilan_page import BilanPage
from ahuntsic_desktop.ui.evaluation.dialogs import EventDialog, WorkDialog
from ahuntsic_desktop.ui.evaluation.portrait_page import (
    CENSUS,
    IndicatorImportDialog,
    PortraitPage,
)
from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY
from .typing import type_into

CENSUS_MAKER = Path(__file__).resolve().parents[1] / "fixtures" / "census" / "make_census_csv.py"


@pytest.fixture
def window(qtbot, demo_db):
    win = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_page(qtbot, window, title: str):
    nav = window.navigation
    titles = [nav.item(i).text() for i in range(nav.count())]
    rect = nav.visualItemRect(nav.item(titles.index(title)))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return window.current_page()


def drive(monkeypatch, cls, driver) -> list[QDialog]:
    """Run ``driver(dialog)`` instead of blocking in the dialog's exec()."""
    opened: list[QDialog] = []

    def exec_(dialog):
        opened.append(dialog)
        dialog.show()
        driver(dialog)
        if dialog.isVisible():
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", exec_)
    return opened


def ok(qtbot, dialog) -> None:
    button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_bilan_lists_then_adds_a_projet_phare(qtbot, window, monkeypatch):
    page = open_page(qtbot, window, "Bilan du plan")
    assert isinstance(page, BilanPage)
    assert page.plan_combo.currentText().startswith("Plan d'action 2009-2019")
    approaches = page.works[evaluation.APPROACH].list
    projects = page.works[evaluation.PROJECT].list
    assert approaches.model.rowCount() == 4 and projects.model.rowCount() == 7
    messages = []

    def fill(dialog: WorkDialog) -> None:
        ok(qtbot, dialog)  # no title yet: refused, the dialog stays open
        messages.append(dialog.error.text())
        assert dialog.isVisible()
        type_into(qtbot, dialog.title, "Jardin des aînés")
        dialog.start_year.setValue(2016)
        dialog.end_year.setValue(2019)
        dialog.chantiers.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.evaluation.setCurrentIndex(dialog.evaluation.findData("atteinte"))
        ok(qtbot, dialog)

    opened = drive(monkeypatch, WorkDialog, fill)
    tab = page.works[evaluation.PROJECT]
    page.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1 and "obligatoire" in messages[0]
    assert projects.model.rowCount() == 8
    titles = projects.model.table.values("title")
    row = projects.model.table.rows[titles.index("Jardin des aînés")]
    assert row[1] == "2016–2019" and row[3] == "Atteinte"


def test_evolution_grid_sets_a_status_and_fills_from_the_journal(qtbot, window, message_boxes):
    page = open_page(qtbot, window, "Bilan du plan")
    page.tabs.setCurrentWidget(page.evolution)
    view, model = page.evolution.view, page.evolution.model
    assert model.rowCount() == 11 and model.columnCount() == 13
    assert model.headerData(2, Qt.Orientation.Horizontal) == "2009"
    cell = model.index(0, 2)  # first orientation, 2009
    view.selectionModel().select(cell, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    page.evolution.status.setCurrentIndex(page.evolution.status.findData("abandonne"))
    qtbot.mouseClick(page.evolution.apply_button, Qt.MouseButton.LeftButton)
    assert model.status(0, 2) == "abandonne"
    assert model.data(model.index(0, 2)) == "A"
    qtbot.mouseClick(page.evolution.fill_button, Qt.MouseButton.LeftButton)
    assert message_boxes and message_boxes[-1][0] == "information"


def test_timeline_event_added_from_the_page(qtbot, window, monkeypatch):
    page = open_page(qtbot, window, "Bilan du plan")
    page.tabs.setCurrentWidget(page.timeline)
    before = page.timeline.list.model.rowCount()

    def fill(dialog: EventDialog) -> None:
        type_into(qtbot, dialog.title, "Assemblée spéciale")
        dialog.category.setCurrentIndex(dialog.category.findData("assemblee"))
        dialog.year.setValue(2024)
        dialog.month.setCurrentIndex(dialog.month.findData(3))
        ok(qtbot, dialog)

    drive(monkeypatch, EventDialog, fill)
    qtbot.mouseClick(page.timeline.add_button, Qt.MouseButton.LeftButton)
    assert page.timeline.list.model.rowCount() == before + 1
    whens = page.timeline.list.model.table.values("when")
    assert "mars 2024" in whens


def test_census_profile_imports_with_a_preview(qtbot, window, monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("make_census_csv", CENSUS_MAKER)
    maker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(maker)
    good = maker.make_census_csv(tmp_path / "profil.csv")
    bad = tmp_path / "autre.csv"
    bad.write_bytes("Géographie;Total\nMontréal;1\n".encode("latin-1"))
    page = open_page(qtbot, window, "Portrait")
    assert isinstance(page, PortraitPage)
    before = page.indicators.model.rowCount()
    assert before > 0
    seen = {}

    def fill(dialog: IndicatorImportDialog) -> None:
        type_into(qtbot, dialog.path, str(bad))
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.summary.text()
        assert not dialog.import_button.isEnabled()
        type_into(qtbot, dialog.path, str(good))
        type_into(qtbot, dialog.theme, "Démographie")
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        seen["summary"] = dialog.summary.text()
        seen["rows"] = dialog.rows.model.rowCount()
        seen["states"] = dialog.rows.model.table.values("state")
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(page, "import_dialog", lambda layout: IndicatorImportDialog(
        page.context, layout, page))  # fmt: skip
    drive(monkeypatch, IndicatorImportDialog, fill)
    page.import_file(CENSUS)
    assert "Colonnes attendues" in seen["refused"]
    assert seen["summary"].startswith("11 valeurs prêtes") and seen["rows"] == 11
    # the demo's low-income rate of the borough in 2021 is the census's: replaced, not doubled
    assert seen["states"].count("Remplace la valeur existante") == 1
    assert page.indicators.model.rowCount() == before + 10
    assert "Démographie" in [page.theme_combo.itemText(i) for i in range(page.theme_combo.count())]
    table = portrait.comparison(window.context.db, "Population âgée de 65 ans et plus", unit="%")
    assert table.territories == ("Ahuntsic-Cartierville", "Montréal")


def test_chantier_evaluation_and_a_section_are_written_from_the_page(qtbot, window):
    page = open_page(qtbot, window, "Bilan du plan")
    view = page.chantier_evaluation
    page.tabs.setCurrentWidget(view)
    assert view.chantier.count() == 5 and view.achievements.toPlainText()
    view.chantier.setCurrentIndex(1)
    view.evaluation.setCurrentIndex(view.evaluation.findData("atteinte"))
    type_into(qtbot, view.lessons, "Bâtir des alliances durables")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    db = window.context.db
    plan_id = page.plan_id()
    second = evaluation.chantier_evaluations(db, plan_id)[1]
    assert (second.evaluation, second.lessons) == ("atteinte", "Bâtir des alliances durables")
    sections = page.sections
    page.tabs.setCurrentWidget(sections)
    sections.section.setCurrentIndex(sections.section.findData("forces"))
    assert sections.text.toPlainText()  # the demo's text
    type_into(qtbot, sections.text, "Une table qui rassemble")
    qtbot.mouseClick(sections.save_button, Qt.MouseButton.LeftButton)
    saved = {row.key: row.text for row in evaluation.evaluation_sections(db, plan_id)}
    assert saved["forces"] == "Une table qui rassemble"
    assert sections.saved_label.text() == "Section enregistrée."
