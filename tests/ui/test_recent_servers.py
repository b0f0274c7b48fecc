"""Recent files and office servers in one list (issue 18): a server comes back as its
connection form filled in, never with a password kept in the preferences."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ahuntsic_desktop.ui import recent
from ahuntsic_desktop.ui.server_dialog import ServerDialog

from .registry_helpers import window_fixture  # noqa: F401 (the « window » fixture)

SERVER = "postgresql://coord@192.0.2.10:5433/table_ahuntsic"


def test_a_recent_server_opens_its_form_filled_in(qtbot, window, demo_path):
    recent.remember(window.preferences, SERVER)
    assert window.recent_files()[:2] == [SERVER, str(demo_path)]
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[:2] == ["Serveur : coord@192.0.2.10:5433/table_ahuntsic", str(demo_path)]
    seen = {}

    def look_and_cancel():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ServerDialog)
        seen.update(
            host=dialog.host.text(),
            port=dialog.port.value(),
            database=dialog.database_name.text(),
            user=dialog.user.text(),
            password=dialog.password.text(),
        )
        dialog.reject()

    QTimer.singleShot(0, look_and_cancel)
    window.recent_menu.actions()[0].trigger()
    assert seen == {
        "host": "192.0.2.10",
        "port": 5433,
        "database": "table_ahuntsic",
        "user": "coord",
        "password": "",
    }
    assert window.db.path is not None  # cancelled: still on the file
