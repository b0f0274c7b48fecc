"""Walk through the main window on the demo file as a coordinator would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QTreeWidget

from ahuntsic_desktop.store import Database
from ahuntsic_desktop.text import fold_for_search
from ahuntsic_desktop.ui.main_window import MainWindow
from ahuntsic_desktop.ui.pages.base import TabbedListPage

from ..dates import DEMO_TODAY
from .typing import type_text


@pytest.fixture
def window(qtbot, demo_db):
    win = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def click_nav(qtbot, window, row: int) -> None:
    nav = window.navigation
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == row


def test_every_page_shows_data_from_the_file(qtbot, window):
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [
        "Tableau de bord",
        "Membres",
        "Organismes",
        "Partenaires et financement",
        "Rencontres",
        "Chantiers",
        "Instances et sièges",
        "Plan d'action",
        "Démarche de planification",
        "Bilan du plan",
        "Portrait",
        "Exports",
        "Vie privée",
        "Journal",
        "Paramètres",
    ]
    for row in range(window.navigation.count()):
        click_nav(qtbot, window, row)
        page = window.current_page()
        if isinstance(page, TabbedListPage):
            for index in range(page.tabs.count()):  # a registry tab loads when shown
                page.tabs.tabBar().setCurrentIndex(index)
            for tab in page.lists:
                assert tab.model.rowCount() > 0, f"{page.title}: empty tab"
                assert tab.count_label.text()
        tree = page.findChild(QTreeWidget)
        if tree is not None:
            assert tree.topLevelItemCount() >= 4  # the pillars of the current plan
    assert "démo fictive" in window.windowTitle()
    assert str(window.db.path) in window.file_label.text()


def test_search_ignores_accents_and_case(qtbot, window):
    click_nav(qtbot, window, 2)
    organizations = window.current_page().organizations
    total = organizations.proxy.rowCount()
    type_text(qtbot, organizations.search, "montreal")
    shown = organizations.proxy.rowCount()
    assert 0 < shown < total
    for row in range(shown):
        text = " ".join(
            organizations.proxy.index(row, c).data() or ""
            for c in range(organizations.proxy.columnCount())
        )
        assert "montréal" in text.lower() or "montreal" in text.lower()
    assert "sur" in organizations.count_label.text()
    organizations.search.clear()
    assert organizations.proxy.rowCount() == total


def test_sorting_a_column_by_click(qtbot, window):
    click_nav(qtbot, window, 2)
    view = window.current_page().organizations.view
    header = view.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2),
    )
    names = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
    assert names in (
        sorted(names, key=fold_for_search),
        sorted(names, key=fold_for_search, reverse=True),
    )


def test_settings_dialog_saves_and_refuses_bad_input(qtbot, window, monkeypatch, demo_db):
    from ahuntsic_desktop.services.core import settings
    from ahuntsic_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(demo_db, window)
    qtbot.addWidget(dialog)
    dialog.table_name.clear()
    dialog.accept()
    assert dialog.error.isVisible() or not dialog.error.isHidden()
    assert "obligatoire" in dialog.error.text()
    assert "démo fictive" in settings.load(demo_db).table_name  # nothing saved

    dialog.table_name.clear()
    type_text(qtbot, dialog.table_name, "Table de quartier de test")
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = settings.load(demo_db)
    assert stored.table_name == "Table de quartier de test"
    assert stored.paper_size == "a4"


def test_save_a_copy_writes_a_file_that_opens(qtbot, window, monkeypatch, tmp_path):
    target = tmp_path / "copie.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.copy_action.trigger()
    copy = Database.open(target, read_only=True)
    copy.close()
    assert "copie.sqlite" in window.statusBar().currentMessage()


def test_opening_a_bad_file_explains_and_keeps_the_current_one(
    qtbot, window, monkeypatch, tmp_path, message_boxes
):
    bad = tmp_path / "pas-une-base.sqlite"
    bad.write_text("Nom;Courriel\nTremblay;a@b.ca\n", encoding="utf-8")
    current = window.db
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.open_action.trigger()
    assert window.db is current
    assert message_boxes and "n'est pas un fichier de données" in message_boxes[-1][1]
    assert bad.read_text(encoding="utf-8").startswith("Nom;Courriel")


def test_new_file_then_recent_file(qtbot, window, monkeypatch, tmp_path, demo_path):
    new = tmp_path / "nouvelle-table.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(new), ""))
    window.new_action.trigger()
    assert Path(window.db.path) == new
    assert window.current_page().title == "Tableau de bord"
    assert str(demo_path) in window.recent_files()
    window._fill_recent_menu()
    actions = [a for a in window.recent_menu.actions() if a.text() == str(demo_path)]
    actions[0].trigger()
    assert Path(window.db.path) == demo_path


def test_unexpected_error_is_logged_and_shown_in_french(qtbot, window, message_boxes, tmp_path):
    import sys

    from ahuntsic_desktop.ui.errors import install_excepthook

    install_excepthook()
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert message_boxes[-1][0] == "critical"
    assert "erreur inattendue" in message_boxes[-1][1].lower()
    assert "journal" in message_boxes[-1][1]


def test_pages_are_built_when_first_shown_with_the_navigation_title(qtbot, demo_db):
    from ahuntsic_desktop.ui.page_table import PAGES

    win = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(win)
    assert win.pages.built[0] is not None  # the dashboard, shown first
    assert all(page is None for page in win.pages.built[1:])
    for row in range(len(PAGES)):
        page = win.pages[row]
        assert page.title == win.navigation.item(row).text()
        assert type(page).__name__ == PAGES[row].name  # the dashboard's links name it so
        assert win.stack.widget(row).widget() is page  # in its scroll area


def test_start_up_paints_the_window_before_reading_the_dashboard(qtbot, demo_db):
    win = MainWindow(demo_db, today=lambda: DEMO_TODAY, load_later=True)
    qtbot.addWidget(win)
    assert win.pages.built[0] is None  # nothing read yet: the window paints first
    win.show()
    qtbot.waitUntil(lambda: win.pages.built[0] is not None)
    assert win.current_page() is win.pages.built[0]
    assert win.current_page().summary is not None  # its figures, read from the file
    # then the other pages are built while the window waits, so a first click only reads
    qtbot.waitUntil(lambda: all(page is not None for page in win.pages.built), timeout=20000)
    assert win.current_page() is win.pages.built[0]
