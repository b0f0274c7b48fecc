"""The attendance tab: convene, one click or one key per person, walk-ins typed inline,
the quorum after every change, participant counts of activities."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.services.core import settings
from ahuntsic_desktop.services.meetings import attendance, meetings
from ahuntsic_desktop.ui.meetings import MeetingWindow
from ahuntsic_desktop.ui.meetings.attendance_model import (
    ABSENT,
    EXCUSED,
    NAME,
    ORGANIZATION,
    PRESENT,
)

from .meeting_fixtures import (
    click,
    click_cell,
    click_tab,
    make_context,
    make_meeting,
    open_window,
    seed_table,
    type_text,
)


@pytest.fixture
def context(db):
    return make_context(db)


@pytest.fixture
def table(db):
    return seed_table(db)


@pytest.fixture
def window(qtbot, context, table):
    return open_window(qtbot, context, make_meeting(context.db))


def statuses(window) -> dict[str, str]:
    return {
        row.person_name: row.status
        for row in attendance.list_attendance(window.context.db, window.meeting_id)
    }


def person_count(db) -> int:
    with db.session() as session:
        return session.query(Person).count()


def convened(qtbot, window):
    click_tab(qtbot, window.tabs, "Présences")
    tab = window.attendance
    click(qtbot, tab.invite_button)
    return tab


def test_convene_then_sign_in_by_click_and_keys(qtbot, window):
    tab = convened(qtbot, window)
    assert tab.info.text() == "8 personnes convoquées."
    assert tab.model.rowCount() == 8
    assert set(statuses(window).values()) == {"invite"}
    # percentage rule of the coordination committee: 50 % of 8 voting members invited
    assert tab.quorum.text() == "Quorum non atteint : 0 membre votant sur 4 requis"
    assert tab.quorum.property("reached") is False

    names = [tab.model.index(r, NAME).data() for r in range(8)]
    click_cell(qtbot, tab.view, 0, PRESENT)  # one click
    assert statuses(window)[names[0]] == "present"
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    for _ in range(3):  # P marks the row and goes to the next one
        qtbot.keyClick(tab.view, Qt.Key.Key_P)
    qtbot.keyClick(tab.view, Qt.Key.Key_E)
    qtbot.keyClick(tab.view, Qt.Key.Key_A)
    got = statuses(window)
    assert [got[n] for n in names] == ["present"] * 4 + ["excuse", "absent", "invite", "invite"]
    assert tab.quorum.text() == "Quorum atteint : 4 membres votants sur 4 requis"
    assert tab.quorum.property("reached") is True
    assert tab.counts.text() == (
        "Présent·es : 4 · Excusé·es : 1 · Absent·es : 1 · Sans réponse : 2"
    )
    assert tab.view.currentIndex().row() == 6

    click_cell(qtbot, tab.view, 2, ABSENT)  # quorum lost
    assert statuses(window)[names[2]] == "absent"
    assert tab.quorum.text() == "Quorum non atteint : 3 membres votants sur 4 requis"
    assert tab.quorum.property("reached") is False
    click_cell(qtbot, tab.view, 2, EXCUSED)
    assert statuses(window)[names[2]] == "excuse"


def test_walk_in_typed_inline_creates_the_person(qtbot, window):
    tab = convened(qtbot, window)
    before = person_count(window.context.db)
    tab.quick_add.setFocus()
    type_text(qtbot, tab.quick_add, "Aïcha Benali")
    qtbot.keyClick(tab.quick_add, Qt.Key.Key_Return)
    assert tab.info.text() == "Aïcha Benali ajouté·e, présent·e (nouvelle personne)."
    assert tab.quick_add.text() == ""
    assert person_count(window.context.db) == before + 1
    [line] = [
        r
        for r in attendance.list_attendance(window.context.db, window.meeting_id)
        if r.person_name == "Aïcha Benali"
    ]
    assert (line.status, line.voting, line.invited) == ("present", False, False)
    current = tab.model.row(tab.view.currentIndex().row())
    assert current.person_name == "Aïcha Benali"
    assert tab.model.index(tab.view.currentIndex().row(), 6).data() == "Sans convocation"
    # The new person is now offered by the completion of the other fields
    assert "Aïcha Benali" in tab.completer.source.stringList()


def test_known_person_picked_from_completion(qtbot, window):
    click_tab(qtbot, window.tabs, "Présences")
    tab = window.attendance
    tab.quick_add.setFocus()
    type_text(qtbot, tab.quick_add, "hel")
    qtbot.waitUntil(lambda: tab.completer.popup().isVisible())
    assert tab.completer.currentCompletion() == "Hélène Côté"
    qtbot.keyClick(tab.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(tab.completer.popup(), Qt.Key.Key_Return)
    assert statuses(window) == {"Hélène Côté": "present"}
    # Hélène has no vote: no voting member listed, no quorum (issue 13, item 1).
    assert tab.quorum.text() == "Quorum non atteint : aucun membre votant inscrit"


def test_the_same_person_twice_is_refused(qtbot, window, table):
    tab = convened(qtbot, window)
    before = person_count(window.context.db)
    for typed in ("Luc Héroux", "Luc Héroux (Maison des jeunes du Sault)", "luc heroux"):
        tab.quick_add.clear()
        type_text(qtbot, tab.quick_add, typed)
        qtbot.keyClick(tab.quick_add, Qt.Key.Key_Return)
        assert tab.error.isVisible()
        assert tab.error.text() == "Luc Héroux figure déjà dans les présences de cette rencontre."
        assert tab.quick_add.text() == typed  # kept, to fix it
    assert person_count(window.context.db) == before
    assert statuses(window)["Luc Héroux"] == "invite"
    assert len(statuses(window)) == 8
    type_text(qtbot, tab.quick_add, "x")
    assert not tab.error.isVisible()  # typing again clears the message


def test_change_the_organisation_represented(qtbot, window):
    tab = convened(qtbot, window)
    row = next(r for r in range(8) if tab.model.index(r, NAME).data() == "Ana Ortiz")
    click_cell(qtbot, tab.view, row, ORGANIZATION, double=True)
    qtbot.waitUntil(lambda: tab.view.state() == tab.view.State.EditingState)
    editor = tab.view.viewport().findChild(QComboBox)
    editor.setCurrentIndex(editor.findText("(à titre personnel)"))
    editor.activated.emit(editor.currentIndex())
    qtbot.waitUntil(
        lambda: (
            next(
                r
                for r in attendance.list_attendance(window.context.db, window.meeting_id)
                if r.person_name == "Ana Ortiz"
            ).organization_id
            is None
        )
    )
    line = next(
        r
        for r in attendance.list_attendance(window.context.db, window.meeting_id)
        if r.person_name == "Ana Ortiz"
    )
    assert not line.voting  # she no longer carries her organisation's vote


def test_participant_counts_of_an_activity(qtbot, context, table):
    meeting_id = make_meeting(
        context.db, kind="participation", participation_format="micro_trottoir"
    )
    win = MeetingWindow(context, meeting_id)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    click_tab(qtbot, win.tabs, "Présences")
    tab = win.attendance
    assert tab.participants.isVisible()
    assert not tab.quorum.isVisible() and not tab.invite_button.isVisible()
    spin = tab.sector_spins["citoyen"]
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, spin, "23")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    qtbot.keyClick(tab.sector_spins["communautaire"], Qt.Key.Key_Up)
    counts = meetings.participant_counts(context.db, meeting_id)
    assert (counts["citoyen"], counts["communautaire"]) == (23, 1)
    assert tab.participants_total.text() == "Total : 24 participant·es"


def test_quorum_rule_is_a_setting(qtbot, context, table):
    values = settings.load(context.db)
    values.quorum_rules["comite_coordination"] = {"mode": "count", "value": 2}
    settings.save(context.db, values)
    win = MeetingWindow(context, make_meeting(context.db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    click_tab(qtbot, win.tabs, "Présences")
    tab = win.attendance
    click(qtbot, tab.invite_button)
    click_cell(qtbot, tab.view, 0, PRESENT)
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    qtbot.keyClick(tab.view, Qt.Key.Key_P)
    assert tab.quorum.text() == "Quorum atteint : 2 membres votants sur 2 requis"
