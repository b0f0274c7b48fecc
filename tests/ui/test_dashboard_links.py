"""Every dashboard card and line leads to its list, filtered, by click or by keyboard;
Paramètres is in the navigation (issue 14, item 7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel

from ahuntsic_desktop.i18n import format_date
from ahuntsic_desktop.services.reports import dashboard
from ahuntsic_desktop.ui.page_table import row_of
from ahuntsic_desktop.ui.pages.plan_page import PlanPage
from ahuntsic_desktop.ui.pages.registry import MembersPage, PartnersPage
from ahuntsic_desktop.ui.pages.settings_page import SettingsPage
from ahuntsic_desktop.ui.pages.work import MeetingsPage
from ahuntsic_desktop.ui.widgets.clickable import LinkLabel

from ..dates import DEMO_TODAY
from .registry_helpers import window_fixture  # noqa: F401 (the « window » fixture)


def card_titled(window, title: str) -> QFrame:
    for label in window.pages[0].findChildren(QLabel, "cardTitle"):
        if label.text() == title:
            return label.parentWidget()
    raise AssertionError(f"no card {title!r}")


def line_starting(window, text: str) -> LinkLabel:
    for label in window.pages[0].findChildren(LinkLabel):
        if label.text().startswith(text):
            return label
    raise AssertionError(f"no line {text!r}")


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=widget.rect().center())


def test_renewals_card_leads_to_memberships_to_renew(qtbot, window, demo_db):
    data = dashboard.summary(demo_db, DEMO_TODAY)
    assert data.memberships_to_renew > 0
    click(qtbot, card_titled(window, "adhésions à renouveler"))
    page = window.current_page()
    assert isinstance(page, MembersPage)
    assert window.navigation.currentRow() == row_of(MembersPage.__name__)
    tab = page.memberships
    assert page.tabs.currentWidget() is tab
    status = next(f for f in tab.list.filters if f.key == "status")
    assert status.combo.currentText() == "À renouveler"
    assert tab.list.proxy.rowCount() == data.memberships_to_renew


def test_overdue_follow_ups_card_by_keyboard(qtbot, window, demo_db):
    data = dashboard.summary(demo_db, DEMO_TODAY)
    frame = card_titled(window, "suivis en retard")
    frame.setFocus()
    qtbot.keyClick(frame, Qt.Key.Key_Return)
    page = window.current_page()
    assert isinstance(page, MeetingsPage)
    assert page.tabs.currentWidget() is page.follow_ups
    assert page.follow_ups.status.currentText() == "En retard"
    assert page.follow_ups.proxy.rowCount() == data.overdue_follow_ups_count


def test_an_overdue_follow_up_line_selects_it(qtbot, window, demo_db):
    data = dashboard.summary(demo_db, DEMO_TODAY)
    first = data.overdue_follow_ups[0]
    line = line_starting(window, next(label.text() for label in window.pages[0].findChildren(
        LinkLabel) if first.description in label.text()))  # fmt: skip
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Space)
    page = window.current_page()
    assert page.follow_ups.selected_ids() == [first.id]


def test_overdue_reports_card_and_a_deadline_line(qtbot, window, demo_db):
    data = dashboard.summary(demo_db, DEMO_TODAY)
    click(qtbot, card_titled(window, "reddition de comptes en retard"
                             if len(data.deadlines_overdue) < 2
                             else "redditions de comptes en retard"))  # fmt: skip
    page = window.current_page()
    assert isinstance(page, PartnersPage)
    assert page.tabs.currentWidget() is page.deadlines
    assert page.deadlines.list.proxy.rowCount() == len(data.deadlines_overdue)

    window.navigation.setCurrentRow(0)
    deadline = (data.deadlines_overdue + data.deadlines_soon)[0]
    click(qtbot, line_starting(window, next(
        label.text() for label in window.pages[0].findChildren(LinkLabel)
        if deadline.title in label.text())))  # fmt: skip
    assert window.current_page().deadlines.list.selected_ids() == [deadline.id]


def test_next_meeting_line_opens_the_meeting(qtbot, window, demo_db):
    data = dashboard.summary(demo_db, DEMO_TODAY)
    meeting = data.next_meetings[0]
    line = next(
        label for label in window.pages[0].findChildren(LinkLabel) if meeting.title in label.text()
    )
    click(qtbot, line)
    page = window.current_page()
    assert isinstance(page, MeetingsPage)
    assert meeting.id in page.windows
    qtbot.waitExposed(page.windows[meeting.id])
    page.windows[meeting.id].close()


def test_a_pillar_leads_to_the_plan(qtbot, window, demo_db):
    data = dashboard.summary(demo_db, DEMO_TODAY)
    pillar = data.plan.pillars[0]
    click(qtbot, line_starting(window, f"{pillar.number}. {pillar.name}"))
    page = window.current_page()
    assert isinstance(page, PlanPage)
    assert page.current_plan_id() == data.plan.id


def test_settings_in_the_navigation(qtbot, window, demo_db, monkeypatch):
    nav = window.navigation
    row = row_of(SettingsPage.__name__)
    assert nav.item(row).text() == "Paramètres"
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    page = window.current_page()
    assert isinstance(page, SettingsPage)
    assert page.values["table_name"].text() == window.windowTitle().split(" — ")[0]
    opened = []
    monkeypatch.setattr(window, "edit_settings", lambda: opened.append(True))
    click(qtbot, page.edit_button)
    assert opened == [True]


def test_an_application_deadline_line_opens_the_application(qtbot, window, demo_db):
    data = dashboard.summary(demo_db, DEMO_TODAY)
    assert data.applications_soon  # the demo prepares a renewal due within 60 days
    application = data.applications_soon[0]
    line = next(
        label
        for label in window.pages[0].findChildren(LinkLabel)
        if f"dépôt de la demande « {application.programme} »" in label.text()
    )
    assert line.text().startswith(format_date(application.deadline))
    assert application.funder in line.text()
    click(qtbot, line)
    page = window.current_page()
    assert isinstance(page, PartnersPage)
    assert page.tabs.currentWidget() is page.applications
    assert page.applications.list.selected_ids() == [application.id]


def test_reports_and_applications_are_listed_in_the_order_they_fall_due(window):
    data = dashboard.summary(window.context.db, DEMO_TODAY)
    reports = data.deadlines_overdue + data.deadlines_soon
    days = sorted([d.due_date for d in reports] + [a.deadline for a in data.applications_soon])
    assert data.applications_soon and reports  # the demo has both kinds within 60 days
    box = next(
        b for b in window.pages[0].findChildren(QGroupBox) if b.title().startswith("Redditions")
    )
    shown = [label.text() for label in box.findChildren(LinkLabel)]
    assert [text.split(" (")[0] for text in shown] == [format_date(day) for day in days]
