"""The démarche page, driven like a coordinator transcribing sticky notes: pick the
activity, type a contribution, Enter for the next one, save; a bad row stays red and
nothing is written. (Its screenshots: docs/make_screenshots.py.)"""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from ahuntsic_desktop.services import planning
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.planning.page import PlanningPage

from ..dates import DEMO_TODAY
from .typing import type_text

TODAY = DEMO_TODAY


@pytest.fixture
def page(qtbot, demo_db):
    widget = PlanningPage(Context(demo_db, today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def past(page) -> int:
    return next(p.id for p in planning.list_processes(page.context.db) if "2019" in p.title)


def type_in_cell(qtbot, page, row: int, column: int, text: str, enter: bool = False) -> None:
    """Open the cell's editor with a double-click, type (accented text as an input
    method would), then Tab to the next cell or Enter to the next contribution."""
    table = page.grid.table
    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return if enter else Qt.Key.Key_Tab)


def test_the_page_shows_the_process_and_its_activities(page):
    assert page.process_combo.count() == 2
    page.process_combo.setCurrentIndex(page.process_combo.findData(past(page)))
    summary = planning.process_summary(page.context.db, past(page))
    assert f"{len(summary.activities)} activités" in page.figures.text()
    assert f"{summary.participants} participant·es distinct·es" in page.figures.text()
    assert page.activities.model.rowCount() == len(summary.activities) >= 25


def test_typing_contributions_with_enter_then_saving(qtbot, page):
    page.process_combo.setCurrentIndex(page.process_combo.findData(past(page)))
    activities = page.activities
    index = activities.proxy.index(0, 1)
    center = activities.view.visualRect(index).center()
    qtbot.mouseClick(activities.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseClick(page.enter_button, Qt.MouseButton.LeftButton)  # « Saisir ses contributions »
    assert page.tabs.currentIndex() == 1
    activity = page.activity_id()
    assert activity == activities.model.row_id(activities.proxy.mapToSource(index).row())
    before = page.contributions.model.rowCount()

    type_in_cell(qtbot, page, 0, 0, "Un jardin près de l'école")
    type_in_cell(qtbot, page, 0, 1, "proposition")
    type_in_cell(qtbot, page, 0, 2, "Verdissement et espaces publics; Jeunesse", enter=True)
    assert page.grid.table.rowCount() == 2 and page.grid.table.currentRow() == 1
    type_in_cell(qtbot, page, 1, 0, "Des bancs")
    type_in_cell(qtbot, page, 1, 1, "rêve", enter=True)
    assert page.grid.table.rowCount() == 3

    qtbot.mouseClick(page.grid.save_button, Qt.MouseButton.LeftButton)
    assert page.grid.error.isVisible()
    assert "Ligne 2 : Nature inconnue « rêve »" in page.grid.error.text()
    assert page.grid.table.item(1, 0).toolTip().startswith("Nature inconnue")
    assert page.contributions.model.rowCount() == before  # nothing written

    type_in_cell(qtbot, page, 1, 1, "besoin")
    type_in_cell(qtbot, page, 1, 4, "4")
    qtbot.mouseClick(page.grid.save_button, Qt.MouseButton.LeftButton)
    assert not page.grid.error.isVisible()
    assert page.grid.message.text() == "2 contributions enregistrées."
    assert page.grid.table.rowCount() == 1 and page.grid.cell(0, 0) == ""
    assert page.activity_id() == activity
    lines = planning.list_contributions(page.context.db, past(page), TODAY, activity_id=activity)
    added = {(c.text, c.kind, c.votes, c.themes) for c in lines}
    assert ("Un jardin près de l'école", "proposition", 0,
            ("Verdissement et espaces publics", "Jeunesse")) in added  # fmt: skip
    assert ("Des bancs", "besoin", 4, ()) in added
    assert page.contributions.model.rowCount() == before + 2


def test_printing_the_summary_from_the_page(qtbot, page, tmp_path, monkeypatch):
    page.process_combo.setCurrentIndex(page.process_combo.findData(past(page)))
    target = tmp_path / "resume.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Démarche de planification 2019-2020" in text
