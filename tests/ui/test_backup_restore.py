"""Backups in the window: restore dialog, refused files explained, the reminder to keep a
copy elsewhere, and the automatic backup of the day."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from ahuntsic_desktop.domain import Setting
from ahuntsic_desktop.services.core import backup, journal
from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.store import Database, backups
from ahuntsic_desktop.ui.backup_dialogs import RestoreDialog
from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def count(path: Path, query: str) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute(query).fetchone()[0]


@pytest.fixture
def window(qtbot, demo_db):
    win = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def interact(qtbot, monkeypatch, cls, steps):
    """Replace ``cls.exec`` by ``steps(dialog)`` run on the shown dialog."""

    def run(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        steps(dialog)
        return dialog.result()

    monkeypatch.setattr(cls, "exec", run)


def click_row(qtbot, table, row: int) -> None:
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_restore_lists_backups_and_puts_the_chosen_one_back(
    qtbot, window, monkeypatch, message_boxes
):
    db = window.db
    [opening_copy] = backups.list_backups(db.path)
    members = count(
        opening_copy.path,
        "SELECT count(*) FROM membership WHERE year = (SELECT max(year) FROM membership)",
    )
    persons.save_person(db, None, PersonData(first_name="Ajoutée", last_name="Après"))
    before = count(db.path, "SELECT count(*) FROM person")
    seen = {}

    def steps(dialog):
        table = dialog.table
        seen["rows"] = [
            [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]
        click_row(qtbot, table, 0)
        assert dialog.restore_button.isEnabled()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    interact(qtbot, monkeypatch, RestoreDialog, steps)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.restore_action.trigger()

    [row] = seen["rows"]
    assert row[1] == "Automatique" and row[5] == "Vérifiée"
    assert row[2].endswith(("Ko", "Mo")) and row[3] == str(members) and int(row[4]) > 0
    assert window.db is not db and not window.db.read_only
    assert count(window.db.path, "SELECT count(*) FROM person") == before - 1
    [safety] = [b for b in backups.list_backups(db.path) if b.kind == "avant-restauration"]
    assert count(safety.path, "SELECT count(*) FROM person") == before
    assert message_boxes[-1][0] == "information" and safety.path.name in message_boxes[-1][1]
    [event] = journal.entries(window.db, journal.JournalFilter(entity="fichier"))
    assert event.action == "restauration" and opening_copy.path.name in event.summary


def test_a_damaged_backup_is_listed_but_not_offered(qtbot, window, monkeypatch):
    folder = Path(window.db.path).parent / "sauvegardes"
    damaged = folder / f"{Path(window.db.path).stem}-20260101-120000.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 84 + b"abimee" * 500)
    dialog = RestoreDialog(Path(window.db.path), folder, window)
    qtbot.addWidget(dialog)
    texts = [dialog.table.item(r, 5).text() for r in range(dialog.table.rowCount())]
    assert texts[0] == "Vérifiée" and "endommagé" in texts[1]
    assert dialog.selected().usable  # the good one is chosen, not the damaged one
    dialog.table.clearSelection()
    click_row(qtbot, dialog.table, 1)
    assert dialog.selected() is None and not dialog.restore_button.isEnabled()


def test_a_corrupt_file_is_explained_untouched_and_a_backup_put_back(
    qtbot, window, monkeypatch, tmp_path, demo_path
):
    path = tmp_path / "table.sqlite"
    shutil.copy(demo_path, path)
    Database.open(path).close()  # its opening backup
    data = bytearray(path.read_bytes())
    for start in range(3 * 4096, len(data) - 4096, 5 * 4096):
        data[start + 8 : start + 512] = b"\x5a" * 504
    path.write_bytes(bytes(data))
    before = digest(path)
    current = window.db
    shown = {}

    def refusal(box):
        box.show()
        qtbot.waitExposed(box)
        box.adjustSize()
        qtbot.wait(50)
        assert box.grab().save(str(tmp_path / "dialog-fichier-corrompu.png"))
        shown["text"], shown["advice"] = box.text(), box.informativeText()
        shown["buttons"] = [b.text() for b in box.buttons()]
        box.close()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", refusal)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qt_french = QTranslator()  # Qt's own buttons in French, as the application shows them
    qt_french.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    QApplication.installTranslator(qt_french)
    try:
        window.open_action.trigger()
    finally:
        QApplication.removeTranslator(qt_french)
    assert window.db is current  # nothing else opened
    assert "endommagé" in shown["text"] and "n'a pas été modifié" in shown["advice"]
    assert "Restaurer une sauvegarde…" in shown["buttons"]
    assert "Choisir un autre fichier…" in shown["buttons"]
    assert digest(path) == before

    # Now the way out: « Restaurer une sauvegarde… », the latest one, confirmed.
    def choose_restore(box):
        button = next(b for b in box.buttons() if b.text() == "Restaurer une sauvegarde…")
        button.click()
        return 0

    def steps(dialog):
        assert dialog.recovering and dialog.table.rowCount() == 1
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    monkeypatch.setattr(QMessageBox, "exec", choose_restore)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    interact(qtbot, monkeypatch, RestoreDialog, steps)
    window.open_action.trigger()
    assert Path(window.db.path) == path and window.db.integrity_ok()
    [aside] = (tmp_path / "sauvegardes").glob("*-endommage.sqlite")
    assert digest(aside) == before  # the damaged file, set aside byte for byte


def test_a_file_in_use_can_be_opened_read_only(qtbot, window, monkeypatch, tmp_path, demo_path):
    path = tmp_path / "partage.sqlite"
    shutil.copy(demo_path, path)
    other = Database.open(path)  # "another window"
    try:

        def read_only(box):
            assert "autre fenêtre" in box.text()
            next(b for b in box.buttons() if b.text() == "Ouvrir en lecture seule").click()
            return 0

        monkeypatch.setattr(QMessageBox, "exec", read_only)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
        window.open_action.trigger()
        assert Path(window.db.path) == path and window.db.read_only
        assert not window.restore_action.isEnabled()
        assert "lecture seule" in window.file_label.text()
    finally:
        other.close()


def reminder(window) -> QLabel | None:
    """The reminder now on the dashboard (the replaced widgets wait for deleteLater)."""
    layout = window.pages[0].body_layout
    widgets = (layout.itemAt(i).widget() for i in range(layout.count()))
    return next((w for w in widgets if w and w.objectName() == "backupReminder"), None)


def test_the_dashboard_reminds_to_keep_a_copy_elsewhere(
    qtbot, window, monkeypatch, tmp_path_factory, message_boxes
):
    assert "clé USB" in reminder(window).text()  # never copied elsewhere
    inside = Path(window.db.path).parent / "copie-locale.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(inside), ""))
    window.copy_action.trigger()
    assert reminder(window) is not None  # a copy beside the file does not count
    usb = tmp_path_factory.mktemp("cle-usb")  # outside the data file's folder
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(usb / "table.sqlite"), "")
    )
    window.copy_action.trigger()
    assert reminder(window) is None
    assert backup.last_external_copy(window.db).date() == datetime.now().date()
    with window.db.session() as session:
        old = (datetime.combine(DEMO_TODAY, datetime.min.time()) - timedelta(days=40)).isoformat()
        session.merge(Setting(key=backup.LAST_EXTERNAL_COPY, value=old))
    window.pages[0].refresh()
    assert "40 jours" in reminder(window).text()


def test_the_automatic_backup_of_the_day(qtbot, window):
    assert window.backup_timer.isActive()
    assert window.backup_timer.interval() == 60 * 60 * 1000
    db = window.db
    [opening] = backups.list_backups(db.path)
    yesterday = opening.path.with_name(
        f"{Path(db.path).stem}-{(datetime.now() - timedelta(days=1)):%Y%m%d-%H%M%S}.sqlite"
    )
    opening.path.rename(yesterday)
    window.backup_timer.timeout.emit()  # nothing written since: no copy
    assert len(backups.list_backups(db.path)) == 1
    persons.save_person(db, None, PersonData(last_name="Nouvelle"))
    window.backup_timer.timeout.emit()
    copies = backups.list_backups(db.path)
    assert len(copies) == 2 and copies[0].taken_at.date() == datetime.now().date()
    assert "Sauvegarde automatique" in window.statusBar().currentMessage()
    window.backup_timer.timeout.emit()  # once a day
    assert len(backups.list_backups(db.path)) == 2
