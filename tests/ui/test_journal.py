"""The Journal page and the record history widget, driven as a coordinator would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from sqlalchemy import insert

from ahuntsic_desktop.domain import AuditEntry
from ahuntsic_desktop.services.registry import organizations, persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.ui.main_window import MainWindow
from ahuntsic_desktop.ui.pages.journal_page import JournalPage
from ahuntsic_desktop.ui.record_history import RecordHistory

from ..dates import DEMO_TODAY


@pytest.fixture
def window(qtbot, demo_db):
    win = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def open_journal(qtbot, window) -> JournalPage:
    nav = window.navigation
    titles = [nav.item(i).text() for i in range(nav.count())]
    row = titles.index("Journal")
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(row)).center()
    )
    page = window.current_page()
    assert isinstance(page, JournalPage)
    return page


def shown(page: JournalPage, column: int) -> list[str]:
    model = page.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


@pytest.fixture
def history(window):
    db = window.db
    pid = persons.save_person(db, None, PersonData(first_name="Nadia", last_name="Roy"))
    persons.save_person(
        db, pid, PersonData(first_name="Nadia", last_name="Roy", email="nadia@exemple.org")
    )
    persons.archive_person(db, pid)
    org = organizations.list_organizations(db).ids[0]
    organizations.archive_organization(db, org)
    return pid, org


def test_the_journal_lists_filters_and_details(qtbot, window, history):
    pid, org = history
    page = open_journal(qtbot, window)
    assert page.model.rowCount() == 4
    assert shown(page, 4) == ["Archivage", "Archivage", "Modification", "Création"]
    assert shown(page, 2)[:2] == ["Organisme", "Personne"]
    assert shown(page, 3)[1] == "Nadia Roy"  # the record's name, not its number
    assert "courriel : (vide) → « nadia@exemple.org »" in shown(page, 5)[2]
    assert page.count_label.text() == "4 entrées"

    page.entity.setCurrentIndex(page.entity.findText("Personne"))
    assert shown(page, 3) == ["Nadia Roy"] * 3
    page.action.setCurrentIndex(page.action.findText("Archivage"))
    assert shown(page, 4) == ["Archivage"]
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 4

    tomorrow = QDate.currentDate().addDays(1)
    page.start.setDate(tomorrow)
    assert page.model.rowCount() == 0 and page.count_label.text() == "0 entrée"
    page.start.setDate(QDate.currentDate())
    page.end.setDate(QDate.currentDate())
    assert page.model.rowCount() == 4

    view = page.view
    rect = view.visualRect(page.model.index(2, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    details = page.details.toPlainText()
    assert f"Modification : Personne « Nadia Roy » (n° {pid})" in details
    assert "courriel : (vide) → « nadia@exemple.org »" in details


def test_the_journal_opens_100_000_entries_quickly(qtbot, window):
    start = dt.datetime(2025, 1, 1)
    with window.db.session() as session:
        session.execute(
            insert(AuditEntry.__table__),
            [
                {
                    "at": start + dt.timedelta(minutes=i),
                    "user": "coordination",
                    "entity": "meeting" if i % 10 else "person",
                    "entity_id": i % 300 + 1,
                    "action": "modification",
                    "changes": {"title": [f"Avant {i}", f"Après {i}"]},
                }
                for i in range(100_000)
            ],
        )
    page = open_journal(qtbot, window)
    page.refresh()
    # How fast this opens is measured by benchmarks/bench_scale.py, not asserted here.
    assert page.model.rowCount() == 100_000
    assert shown(page, 5)[0] == "titre : « Avant 99999 » → « Après 99999 »"
    page.view.scrollToBottom()
    last = page.model.index(99_999, 5).data()
    assert last == "titre : « Avant 0 » → « Après 0 »"
    page.entity.setCurrentIndex(page.entity.findText("Personne"))
    assert page.model.rowCount() == 10_000


def test_record_history_widget(qtbot, window, history):
    pid, _org = history
    widget = RecordHistory()
    qtbot.addWidget(widget)
    widget.show_record(window.db, "person", pid)
    table = widget.table
    actions = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert actions == ["Archivage", "Modification", "Création"]
    assert table.item(0, 1).text()  # who
    assert widget.count_label.text() == "3 entrées au journal"
    widget.show_record(window.db, "person", None)  # a record not saved yet
    assert table.rowCount() == 0 and "Aucune entrée" in widget.count_label.text()


def test_the_journal_shows_labels_and_names_as_they_were(qtbot, window):
    """Issue 14 item 4: « En cours » → « Réalisé », not en_cours → realise; the meeting's
    name at the time of each entry, not « Rencontre n° 41 »; who, from Settings."""
    db = window.db
    with db.session() as session:
        session.execute(
            insert(AuditEntry.__table__),
            [
                {"at": dt.datetime(2026, 5, 1, 9), "user": "Julie", "entity": "meeting",
                 "entity_id": 41, "action": "creation", "changes": {"title": "CC de mai"}},
                {"at": dt.datetime(2026, 5, 2, 9), "user": "Julie", "entity": "meeting",
                 "entity_id": 41, "action": "modification",
                 "changes": {"title": ["CC de mai", "Comité de coordination de mai"]}},
                {"at": dt.datetime(2026, 5, 3, 9), "user": "Julie", "entity": "means",
                 "entity_id": 9, "action": "modification",
                 "changes": {"status": ["en_cours", "realise"]}},
            ],
        )  # fmt: skip
    page = open_journal(qtbot, window)
    page.entity.setCurrentIndex(page.entity.findText("Rencontre"))
    assert shown(page, 3) == ["Comité de coordination de mai", "CC de mai"]
    page.entity.setCurrentIndex(page.entity.findText("Moyen"))
    assert shown(page, 5) == ["statut : « En cours » → « Réalisé »"]
    assert page.who_hint.isVisible()  # no name in Settings yet: it says so
