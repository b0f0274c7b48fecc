"""The window on a shared office server (``--db postgresql://…``): it opens, says where
the data are (never a password), and an unreachable server is explained, not a crash.
The first test needs AHUNTSIC_TEST_DB (the PostgreSQL pass of .ci/run)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.store import Database
from ahuntsic_desktop.ui.file_opening import open_server
from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY
from .privacy_helpers import dialogs_fixture  # noqa: F401 (the « dialogs » fixture)
from .typing import type_into


def test_the_window_opens_on_a_server_and_names_it(qtbot, server_database):
    db = open_server(None, server_database)
    assert db is not None and db.on_server
    try:
        persons.save_person(db, None, PersonData("Ana", "Roy"))
        window = MainWindow(db, today=lambda: DEMO_TODAY)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert db.url in window.file_label.text()
        # Remembered among the recent files, by its address without a password.
        assert window.recent_files()[0] == db.url
        assert ":" not in db.url.split("//", 1)[1].split("@", 1)[0]
        assert window.copy_action.isEnabled()  # pg_dump: test_server_backups_ui.py
        window.close()
    finally:
        db.close()


def test_an_unreachable_server_is_explained(message_boxes):
    assert open_server(None, "postgresql://coord:secret@127.0.0.1:1/table") is None
    [(kind, text)] = message_boxes
    assert kind == "critical"
    assert "ne répond pas ou refuse la connexion" in text
    assert "secret" not in text


class MemoryKeyring:
    """A keyring in memory, standing for the operating system's."""

    def __init__(self):
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, account):
        return self.kept.get((service, account))

    def set_password(self, service, account, password):
        self.kept[(service, account)] = password


def fill_server_form(qtbot, dialog, url: str, password: str = "") -> None:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    type_into(qtbot, dialog.host, parsed.host)
    dialog.port.setValue(parsed.port)
    type_into(qtbot, dialog.database_name, parsed.database)
    type_into(qtbot, dialog.user, parsed.username)
    if password:
        type_into(qtbot, dialog.password, password)


def test_connecting_from_the_file_menu_keeps_the_password_only_when_asked(
    qtbot, server_database, monkeypatch, dialogs
):
    import keyring

    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_password", memory.get_password)
    monkeypatch.setattr(keyring, "set_password", memory.set_password)
    window = MainWindow(Database.in_memory(), today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    window.show()

    def connect(remember: bool):
        def drive(dialog):
            fill_server_form(qtbot, dialog, server_database, password="pas-requis")
            dialog.remember.setChecked(remember)
            qtbot.mouseClick(
                dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
            )

        return drive

    dialogs.append(connect(remember=False))
    window.server_action.trigger()
    assert window.db.on_server and window.db.url in window.file_label.text()
    assert memory.kept == {}  # not ticked: nothing kept anywhere
    dialogs.append(connect(remember=True))
    window.server_action.trigger()
    assert list(memory.kept.values()) == ["pas-requis"]
    window.close()
    window.db.close()
