"""Saving files (issue 14 item 6): default names that say what and when, one remembered
documents folder, Qt's French file dialog, the same end dialog everywhere, and a button
that cannot start its work twice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ahuntsic_desktop.services.registry import memberships
from ahuntsic_desktop.ui.app import install_qt_translations
from ahuntsic_desktop.ui.widgets.files import LAST_FOLDER_KEY, document_name

from .registry_helpers import (
    MEMBERS,
    click,
    click_row,
    open_page,
    window_fixture,  # noqa: F401 (the « window » fixture)
)


def paid_row(tab) -> int:
    table = tab.list.model.table
    paid, dues = table.column_index("paid_on"), table.column_index("dues")
    return next(
        r
        for r in range(tab.list.proxy.rowCount())
        if tab.list.proxy.index(r, paid).data()
        and tab.list.proxy.index(r, dues).data() != "0,00\xa0$"
    )


def answering_save_dialog(monkeypatch, folder: Path, asked: list, also=None):
    def answer(_parent, _title, suggested, _filter):
        asked.append(suggested)
        if also is not None:
            also()
        return str(folder / Path(suggested).name), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def test_a_receipt_is_named_by_its_number_and_member(qtbot, window, demo_db, monkeypatch, tmp_path):
    tab = open_page(qtbot, window, MEMBERS).memberships
    membership_id = click_row(qtbot, tab.list, paid_row(tab))
    data = memberships.get_membership(demo_db, membership_id)
    asked: list[str] = []
    enabled_while_asking: list[bool] = []
    out = tmp_path / "reçus"
    out.mkdir()
    answering_save_dialog(
        monkeypatch, out, asked, lambda: enabled_while_asking.append(tab.receipt_button.isEnabled())
    )
    clicked: list[str] = []

    def open_folder(box):
        clicked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Ouvrir le dossier").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", open_folder)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))

    click(qtbot, tab.receipt_button)

    number = memberships.get_membership(demo_db, membership_id).data.receipt_number
    name = f"recu-{number}-{data.member_name.replace(' ', '-')}.pdf"
    assert [Path(s).name for s in asked] == [name]
    assert (out / name).exists()
    assert enabled_while_asking == [False]  # a double click cannot export twice
    assert tab.receipt_button.isEnabled()
    assert clicked and name in clicked[0]  # the end dialog, as for every document
    assert opened == [str(out)]
    assert QSettings().value(LAST_FOLDER_KEY) == str(out)


def test_every_document_starts_in_the_one_remembered_folder(qtbot, window, monkeypatch, tmp_path):
    QSettings().setValue(LAST_FOLDER_KEY, str(tmp_path))
    tab = open_page(qtbot, window, MEMBERS).memberships
    click_row(qtbot, tab.list, paid_row(tab))
    asked: list[str] = []
    answering_save_dialog(monkeypatch, tmp_path, asked)
    click(qtbot, tab.receipt_button)
    click(qtbot, tab.export_button)
    qtbot.waitUntil(lambda: tab.export_task is None, timeout=10_000)
    assert len(asked) == 2
    assert {Path(s).parent for s in asked} == {tmp_path}
    assert Path(asked[1]).name == f"adhesions-{window.context.today().isoformat()}.xlsx"


def test_names_say_what_and_when():
    import datetime as dt

    day = dt.date(2026, 11, 12)
    assert document_name(["proces-verbal", "CC", day], ".pdf") == "proces-verbal-CC-2026-11-12.pdf"
    assert document_name(["suivis", "", "A/B c"], ".pdf") == "suivis-A-B-c.pdf"


def test_the_file_dialog_speaks_french(qapp):
    translator = install_qt_translations(qapp, "fr_CA")
    try:
        assert translator is not None
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "Voir dans\xa0:"
        assert (
            QCoreApplication.translate("QFileDialog", "Files of type:") == "Fichiers de type\xa0:"
        )
    finally:
        qapp.removeTranslator(translator)


def test_the_end_dialog_buttons_do_what_they_say_in_the_real_window(qtbot, window, monkeypatch):
    """The window's keyboard defaults filter every widget's first show; a button is then
    told apart by its name (a Python ``is`` on it failed, and « Ouvrir le document » did
    nothing)."""
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ahuntsic_desktop.ui.widgets import files

    opened: list[Path] = []
    monkeypatch.setattr(files, "open_path", opened.append)
    monkeypatch.setattr(files, "run_box", lambda box: box.exec())
    document = Path("/nowhere/recu-2026-0012.pdf")
    for text, expected in (
        ("Ouvrir le document", document),
        ("Ouvrir le dossier", document.parent),
    ):

        def answer(text=text):
            box = QApplication.activeModalWidget()
            next(b for b in box.buttons() if b.text() == text).click()

        QTimer.singleShot(0, answer)
        files.offer_to_open(window, document)
        assert opened[-1] == expected
