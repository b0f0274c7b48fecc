"""The « Suivis » tab of the Rencontres page on the demo file: every follow-up, overdue ones
first; the status, body and chantier filters; printing the list as filtered."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ahuntsic_desktop.services.meetings import followups
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.pages.work import MeetingsPage

from ..dates import DEMO_TODAY
from .meeting_fixtures import click, click_tab

TODAY = DEMO_TODAY


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def page(qtbot, demo_db):
    page = MeetingsPage(Context(demo_db, today=lambda: TODAY))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    click_tab(qtbot, page.tabs, "Suivis")
    return page


def shown(tab) -> int:
    return tab.proxy.rowCount()


def pick(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_open_follow_ups_overdue_first(page, demo_db):
    tab = page.follow_ups
    assert page.tabs.currentWidget() is tab
    assert not page.kind_combo.isVisible()  # the meeting type filter is for meetings
    assert tab.status.currentText() == "À faire ou en cours"
    expected = followups.list_follow_ups(demo_db, open_only=True, today=TODAY)
    assert shown(tab) == len(expected) > 0
    overdue = tab.model.table.values("overdue")
    assert overdue[0] is True
    assert overdue == sorted(overdue, reverse=True)  # every overdue one before the others
    assert "Oui" in tab.model.index(0, tab.model.table.column_index("overdue")).data()


def test_filters_change_the_count(page, demo_db):
    tab = page.follow_ups
    pick(tab.status, "Tous les suivis")
    everything = followups.list_follow_ups(demo_db, today=TODAY)
    assert shown(tab) == len(everything)
    assert tab.count_label.text() == f"{len(everything)} éléments"

    pick(tab.body, "AH")
    by_body = followups.list_follow_ups(demo_db, body="AH", today=TODAY)
    assert 0 < shown(tab) == len(by_body) < len(everything)
    assert set(tab.model.table.values("body")) == {"AH"}

    pick(tab.body, "Toutes les instances")
    chantier_id = next(
        tab.chantier.itemData(i)
        for i in range(1, tab.chantier.count())
        if tab.chantier.itemText(i) == "Persévérance scolaire"
    )
    pick(tab.chantier, "Persévérance scolaire")
    by_chantier = followups.list_follow_ups(demo_db, chantier_id=chantier_id, today=TODAY)
    assert 0 < shown(tab) == len(by_chantier) < len(everything)
    assert set(tab.model.table.values("chantier")) == {"Persévérance scolaire"}

    # the search field finds an owner
    pick(tab.chantier, "Tous les chantiers")
    owner = everything.rows[0][everything.column_index("owner")]
    tab.search.setText(owner.split()[0])
    assert 0 < shown(tab) < len(everything)


def test_refresh_keeps_the_filters(page):
    tab = page.follow_ups
    pick(tab.status, "Tous les suivis")
    pick(tab.body, "CC")
    count = shown(tab)
    page.refresh()
    assert tab.body.currentText() == "CC"
    assert shown(tab) == count


def test_print_the_list_as_filtered(qtbot, page, demo_db, monkeypatch, tmp_path):
    tab = page.follow_ups
    # An open CC follow-up of the demo (its wording depends on the demo's draws).
    open_cc = followups.list_follow_ups(demo_db, body="CC", open_only=True, today=TODAY)
    first_cc = open_cc.values("description")[0]
    pick(tab.body, "CC")
    asked: list[str] = []

    def answer(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(tmp_path / Path(suggested).name), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)  # « Fermer »
    urls: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", urls.append)

    click(qtbot, tab.print_button)

    assert [Path(s).name for s in asked] == [f"suivis-CC-{TODAY.isoformat()}.pdf"]
    text = pdf_text(tmp_path / f"suivis-CC-{TODAY.isoformat()}.pdf")
    assert "Liste des suivis" in text
    assert "Instance : CC" in text
    assert "Suivis à faire ou en cours seulement" in text
    assert first_cc[:40] in text
    assert "Rédiger une demande de financement" not in text  # an AH follow-up
    assert urls == []
