"""Dashboard cards agree with their number: « 1 reddition de comptes en retard », « 0 suivi
ouvert » (French puts 0 and 1 in the singular), « 7 adhésions à renouveler »."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ahuntsic_desktop.services.reports import dashboard
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.pages.dashboard import DashboardPage

from ..dates import DEMO_TODAY


def cards(page) -> dict[str, str]:
    values = [label.text() for label in page.findChildren(QLabel, "cardValue")]
    titles = [label.text() for label in page.findChildren(QLabel, "cardTitle")]
    return dict(zip(titles, values, strict=True))


def test_card_titles_follow_their_numbers(qtbot, demo_db):
    page = DashboardPage(Context(demo_db, today=lambda: DEMO_TODAY))
    qtbot.addWidget(page)
    page.refresh()
    shown = cards(page)
    data = dashboard.summary(demo_db, DEMO_TODAY)
    overdue = len(data.deadlines_overdue)
    expected = (
        "reddition de comptes en retard" if overdue < 2 else "redditions de comptes en retard"
    )
    assert shown[expected] == str(overdue)
    assert shown["organismes actifs"] == str(data.organizations_active)


def test_an_empty_file_says_zero_in_the_singular(qtbot, db):
    page = DashboardPage(Context(db, today=lambda: DEMO_TODAY))
    qtbot.addWidget(page)
    page.refresh()
    shown = cards(page)
    assert shown["organisme actif"] == "0"
    assert shown["suivi ouvert"] == "0"
    assert shown["reddition de comptes en retard"] == "0"
    assert "organismes actifs" not in shown
