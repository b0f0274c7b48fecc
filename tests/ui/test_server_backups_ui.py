"""Fichier › Enregistrer une copie… and › Restaurer une sauvegarde… on a server: a
``pg_dump`` saved where the user says, then loaded back once confirmed, the content of
the moment kept first. PostgreSQL pass only (AHUNTSIC_TEST_DB)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.ui import server_backups
from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY


def last_names(db) -> list[str]:
    with db.session() as session:
        return sorted(session.scalars(select(Person.last_name)))


@pytest.fixture
def window(qtbot, db, tmp_path, monkeypatch):
    monkeypatch.setenv("AHUNTSIC_DATA_DIR", str(tmp_path / "data"))
    if not db.on_server:
        pytest.skip("needs AHUNTSIC_TEST_DB (PostgreSQL)")
    persons.save_person(db, None, PersonData("Ana", "Roy"))
    made = MainWindow(db, today=lambda: DEMO_TODAY)
    made.context.now = lambda: dt.datetime(2026, 12, 7, 14, 30)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_a_server_is_dumped_and_restored_from_the_file_menu(
    window, tmp_path, monkeypatch, message_boxes
):
    dump = tmp_path / "choisi.dump"
    offered: list[str] = []

    def ask_save(parent, title, default_name, file_filter, **kwargs):
        offered.append(default_name)
        return dump

    monkeypatch.setattr(server_backups, "ask_save_path", ask_save)
    window.copy_action.trigger()
    assert offered[0].endswith("-20261207-143000.dump")
    assert dump.read_bytes().startswith(b"PGDMP")
    assert "Sauvegarde enregistrée" in window.statusBar().currentMessage()

    persons.save_person(window.db, None, PersonData("Zoé", "Après"))
    monkeypatch.setattr(server_backups, "ask_open_path", lambda *a, **k: dump)
    asked: list[str] = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    old = window.db
    window.restore_action.trigger()  # « Non »: nothing happens
    assert window.db is old and last_names(old) == ["Après", "Roy"]
    window.restore_action.trigger()
    assert "Remplacer tout le contenu de la base" in asked[1]
    assert window.db is not old and window.db.on_server
    assert last_names(window.db) == ["Roy"]
    [(kind, text)] = [shown for shown in message_boxes if shown[0] == "information"]
    assert "choisi.dump" in text and "avant-restauration.dump" in text
    [kept] = (tmp_path / "data" / "sauvegardes" / "serveurs").iterdir()
    assert str(kept) in text and kept.read_bytes().startswith(b"PGDMP")


def test_a_missing_pg_dump_is_said_in_french_and_nothing_is_written(
    window, tmp_path, monkeypatch, message_boxes
):
    from ahuntsic_desktop.store import server_backup as dumps

    monkeypatch.setattr(dumps, "find_tool", lambda name, major=None: None)
    monkeypatch.setattr(server_backups, "ask_save_path", lambda *a, **k: tmp_path / "x.dump")
    window.copy_action.trigger()
    [(kind, text)] = message_boxes
    assert kind == "critical" and "« pg_dump » de PostgreSQL est introuvable" in text
    assert not (tmp_path / "x.dump").exists()
