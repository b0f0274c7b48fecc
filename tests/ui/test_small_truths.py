"""Small lies no more (issue 14, item 8): a follow-up closed from the carried list says
where it went; the payment dialog on a paid membership says it is paid; a new follow-up is
due after its meeting; the Procès-verbal tab says where the minutes are written and leads
there. (The suggested meeting title: tests/ui/test_meeting_dialog.py.)"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ahuntsic_desktop.services.meetings import followups, meetings
from ahuntsic_desktop.services.meetings.followups import FollowUpData
from ahuntsic_desktop.services.registry import memberships

from .meeting_fixtures import (
    DAY,
    click,
    click_cell,
    click_tab,
    make_context,
    make_meeting,
    open_window,
    seed_table,
)
from .registry_helpers import (
    MEMBERS,
    click_row,
    open_page,
    window_fixture,  # noqa: F401 (the « window » fixture)
)
from .registry_helpers import click as click_button


@pytest.fixture
def context(db):
    seed_table(db)
    return make_context(db)


def test_closing_a_carried_follow_up_says_where_it_went(qtbot, context):
    first = make_meeting(context.db, date(2026, 4, 14))
    followups.add_follow_up(
        context.db,
        FollowUpData(description="Relancer la Ville", meeting_id=first, due_date=None),
        today=context.today(),
    )
    window = open_window(qtbot, context, make_meeting(context.db, DAY))
    click_tab(qtbot, window.tabs, "Suivis")
    tab = window.follow_ups
    assert tab.carried.model.rowCount() == 1
    click_cell(qtbot, tab.carried.view, 0, 1)
    tab.status.setCurrentIndex(tab.status.findData("fait"))
    click(qtbot, tab.apply_button)
    assert tab.carried.model.rowCount() == 0  # gone from the open ones...
    assert tab.notice.isVisible()  # ...and said so
    assert "1 suivi marqué « Fait »" in tab.notice.text()
    assert "n'est plus dans les suivis ouverts" in tab.notice.text()
    assert "Tous les suivis" in tab.notice.text()


def test_a_new_follow_up_is_due_after_its_meeting(qtbot, context):
    later = DAY + timedelta(days=20)  # the meeting is still to come
    window = open_window(qtbot, context, make_meeting(context.db, later))
    click_tab(qtbot, window.tabs, "Suivis")
    click(qtbot, window.follow_ups.add_button)
    dialog = window.follow_ups.dialog
    qtbot.waitUntil(dialog.isVisible)
    due = dialog.due_date.date().toPython()
    assert due > later  # not today, before the meeting
    assert due == later + timedelta(days=30)


def test_past_meeting_follow_up_is_due_after_today(qtbot, context):
    assert followups.default_due_date(DAY - timedelta(days=60), DAY) == DAY + timedelta(days=30)


def test_minutes_tab_says_where_minutes_are_written_and_leads_there(qtbot, context):
    window = open_window(qtbot, context, make_meeting(context.db, DAY))
    click_tab(qtbot, window.tabs, "Procès-verbal")
    tab = window.minutes
    assert tab.where_hint.isVisible()
    assert "Ordre du jour" in tab.where_hint.text()
    click(qtbot, tab.write_button)
    assert window.tabs.currentWidget() is window.agenda
    assert window.agenda.current_item() is not None
    qtbot.waitUntil(window.agenda.minutes_edit.hasFocus)


def test_payment_dialog_on_a_paid_membership_says_it_is_paid(qtbot, window, demo_db):
    tab = open_page(qtbot, window, MEMBERS).memberships
    column = tab.list.model.table.column_index("paid_on")
    row = next(
        r for r in range(tab.list.proxy.rowCount()) if tab.list.proxy.index(r, column).data()
    )
    membership_id = click_row(qtbot, tab.list, row)
    paid = memberships.get_membership(demo_db, membership_id).data
    click_button(qtbot, tab.pay_button)
    dialog = tab.dialog
    assert dialog.already_paid.isVisible()
    assert "déjà payée" in dialog.already_paid.text()
    assert dialog.paid_on.date().toPython() == paid.paid_on  # its date, not today
    assert dialog.windowTitle() == "Paiement déjà enregistré"
    dialog.close_without_asking()


def test_payment_dialog_on_an_unpaid_membership_says_nothing_of_the_kind(qtbot, window):
    tab = open_page(qtbot, window, MEMBERS).memberships
    column = tab.list.model.table.column_index("paid_on")
    row = next(
        r for r in range(tab.list.proxy.rowCount()) if not tab.list.proxy.index(r, column).data()
    )
    click_row(qtbot, tab.list, row)
    click_button(qtbot, tab.pay_button)
    assert not tab.dialog.already_paid.isVisible()
    tab.dialog.close_without_asking()


def test_meeting_title_suggestion_follows_kind_and_date():
    from ahuntsic_desktop.services.meetings import titles

    assert titles.suggested_title("comite_coordination", date(2026, 5, 13)) == (
        "Comité de coordination du 13 mai 2026"
    )
    assert titles.suggested_title("chantier", DAY, chantier_name="Logement") == (
        "Rencontre du chantier Logement"
    )
    assert meetings is not None
