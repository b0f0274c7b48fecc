"""Another user's save on the shared server refreshes the open list (LISTEN/NOTIFY), and
the list follows without a click. PostgreSQL pass only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ahuntsic_desktop.services.registry import organizations
from ahuntsic_desktop.services.registry.organizations import OrganizationData
from ahuntsic_desktop.store import Database
from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY

ORGANISATIONS = 2  # navigation row of the Organismes page


@pytest.fixture
def window(qtbot, db):
    if not db.on_server:
        pytest.skip("needs AHUNTSIC_TEST_DB (PostgreSQL)")
    organizations.create_organization(db, OrganizationData("Maison des jeunes"))
    made = MainWindow(db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.change_watch.stop()


@pytest.fixture
def other(db):
    second = Database.connect(db.engine.url.render_as_string(hide_password=False))
    yield second
    second.close()


def names(window) -> list[str]:
    listed = window.current_page().organizations
    return sorted(listed.proxy.index(r, 0).data() for r in range(listed.proxy.rowCount()))


def test_another_users_new_organisation_appears_in_the_open_list(qtbot, window, other):
    nav = window.navigation
    rect = nav.visualItemRect(nav.item(ORGANISATIONS))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: names(window) == ["Maison des jeunes"])
    assert window.change_watch.notices.listening.wait(10)
    organizations.create_organization(other, OrganizationData("Café de quartier"))
    qtbot.waitUntil(
        lambda: names(window) == ["Café de quartier", "Maison des jeunes"], timeout=10000
    )
    assert "modifiées sur un autre poste" in window.statusBar().currentMessage()
