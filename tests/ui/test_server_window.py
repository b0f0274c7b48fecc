"""The window on a shared office server (``--db postgresql://…``): it opens, says where
the data are (never a password), and an unreachable server is explained, not a crash.
The first test needs AHUNTSIC_TEST_DB (the PostgreSQL pass of .ci/run)."""

from __future__ import annotations

from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.ui.file_opening import open_server
from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY


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
        assert not window.copy_action.isEnabled()  # a file's tools: not for a server
        window.close()
    finally:
        db.close()


def test_an_unreachable_server_is_explained(message_boxes):
    assert open_server(None, "postgresql://coord:secret@127.0.0.1:1/table") is None
    [(kind, text)] = message_boxes
    assert kind == "critical"
    assert "ne répond pas ou refuse la connexion" in text
    assert "secret" not in text
