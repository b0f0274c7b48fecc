"""The Exports page: choose a document and its options, pick where to save, watch the
progress without the window freezing, then open the file or its folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.catalog import KINDS
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.pages.exports_page import LAST_FOLDER, ExportsPage

from ..dates import DEMO_TODAY

TODAY = DEMO_TODAY


@pytest.fixture
def page(qtbot, demo_db):
    widget = ExportsPage(Context(demo_db, today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.refresh()
    yield widget
    widget.wait()


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    """QFileDialog.getSaveFileName answering a path in tmp_path; records what it was asked."""
    asked: list[tuple[str, str]] = []

    def answer(parent, caption, directory, filters):
        asked.append((directory, filters))
        return str(tmp_path / "sortie" / Path(directory).name), filters

    (tmp_path / "sortie").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_every_document_is_listed_with_its_options(page):
    assert page.list.count() == len(KINDS)
    page.select_kind("membres")
    assert page.contacts_check.isVisible() and not page.start_edit.isVisible()
    page.select_kind("reddition")
    assert page.start_edit.isVisible() and page.funder_combo.isVisible()
    assert page.funder_combo.count() == 3 and page.funder_combo.currentData() is not None
    assert not page.body_combo.isVisible()
    page.select_kind("presences")
    assert page.body_combo.isVisible() and page.body_combo.itemText(0) == "Toutes les instances"
    assert page.start_edit.date() == QDate(2026, 4, 1)  # the membership year
    assert page.end_edit.date() == QDate(2027, 3, 31)


def test_clicking_through_an_export(qtbot, page, save_dialog, tmp_path, monkeypatch):
    page.select_kind("presences")
    page.start_edit.setDate(QDate(2025, 4, 1))
    page.end_edit.setDate(QDate(2026, 3, 31))
    page.body_combo.setCurrentIndex(page.body_combo.findData("CC"))
    progress: list[int] = []
    page.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(page.finished, timeout=60_000) as finished:
        click(qtbot, page.export_button)
        assert page.progress.isVisible() and not page.export_button.isEnabled()
    path = Path(finished.args[0])
    assert path == tmp_path / "sortie" / "Suivi des présences 2026-03-31.xlsx"
    assert save_dialog[0][1] == "Classeur Excel (*.xlsx)"
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Rencontres").to_python()
    assert rows[0][0].startswith("Confidentiel")  # then the header
    assert {row[4] for row in rows[2:]} == {"CC"}
    qtbot.waitUntil(lambda: page.export_button.isEnabled())
    assert progress and not page.progress.isVisible()
    assert str(path) in page.message.text()
    assert QSettings().value(LAST_FOLDER) == str(tmp_path / "sortie")
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    assert page.open_file_button.isVisible() and page.open_folder_button.isVisible()
    click(qtbot, page.open_file_button)
    click(qtbot, page.open_folder_button)
    assert opened == [str(path), str(path.parent)]


def test_the_next_dialog_starts_in_the_last_folder(qtbot, page, save_dialog, tmp_path):
    QSettings().setValue(LAST_FOLDER, str(tmp_path))
    page.select_kind("bottin")
    with qtbot.waitSignal(page.finished, timeout=60_000):
        click(qtbot, page.export_button)
    assert save_dialog[0][0].startswith(str(tmp_path))
    assert save_dialog[0][0].endswith(".pdf")


def test_a_reversed_period_is_refused_before_asking_where(qtbot, page, save_dialog):
    page.select_kind("rapport-annuel")
    page.start_edit.setDate(QDate(2026, 3, 31))
    page.end_edit.setDate(QDate(2025, 4, 1))
    with qtbot.waitSignal(page.failed, timeout=5_000) as failed:
        click(qtbot, page.export_button)
    assert failed.args[0] == "La fin de la période précède son début."
    assert save_dialog == []
    assert "précède" in page.message.text()


def test_cancelling_the_dialog_exports_nothing(qtbot, page, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    page.select_kind("membres")
    click(qtbot, page.export_button)
    assert not page.is_busy() and page.message.text() == ""


def test_contacts_option_warns_about_personal_information(qtbot, page):
    page.select_kind("reddition")
    assert not page.contacts_note.isVisible()
    page.contacts_check.setChecked(True)
    assert page.contacts_note.isVisible()


def test_importing_an_edited_plan_tracking_workbook(
    qtbot, page, monkeypatch, tmp_path, message_boxes
):
    from openpyxl import load_workbook

    from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
    from ahuntsic_desktop.ui.pages import plan_roundtrip_dialog

    path = run_export(page.context.db, "plan", tmp_path / "plan.xlsx", ExportOptions())
    workbook = load_workbook(path)
    ws = workbook.worksheets[0]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == "Moyen")
    ws.cell(row, 4).value = "Abandonné"
    ws.cell(row, 6).value = "Plus de budget"
    means_id = ws.cell(row, 14).value
    workbook.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(path), ""))
    shown = []

    def accept(dialog):
        shown.append(dialog.table.rowCount())
        assert dialog.import_button.isEnabled()
        return plan_roundtrip_dialog.QDialog.DialogCode.Accepted

    monkeypatch.setattr(plan_roundtrip_dialog.PlanImportDialog, "exec", accept)
    click(qtbot, page.import_button)
    assert shown == [1]
    assert message_boxes == [("information", "1 ligne du plan mise à jour.")]
    from ahuntsic_desktop.domain import Means

    with page.context.db.session() as session:
        means = session.get(Means, means_id)
        assert (means.status, means.comment) == ("abandonne", "Plus de budget")
