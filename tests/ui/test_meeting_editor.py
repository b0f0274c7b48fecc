"""A coordinator's evening, start to finish: convene the coordination committee from the
Rencontres page, build and reorder its agenda, sign people in (a walk-in typed inline),
watch the quorum, adopt two resolutions, owe a follow-up, then at the next meeting see the
follow-up carried over and approve the minutes."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from ahuntsic_desktop.services.meetings import agenda, attendance, followups, meetings, resolutions
from ahuntsic_desktop.services.meetings import minutes as meeting_minutes
from ahuntsic_desktop.ui.main_window import MainWindow
from ahuntsic_desktop.ui.meetings.attendance_model import ABSENT, PRESENT
from ahuntsic_desktop.ui.pages.work import MeetingsPage

from ..dates import DEMO_TODAY
from .meeting_fixtures import (
    choose,
    click,
    click_cell,
    click_tab,
    make_context,
    seed_table,
    type_into,
    type_text,
)


@pytest.fixture
def page(qtbot, db):
    seed_table(db)
    page = MeetingsPage(make_context(db))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def save(qtbot, dialog, *, accepted: bool = True) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    if accepted:
        with qtbot.waitSignal(dialog.accepted):
            click(qtbot, button)
    else:
        click(qtbot, button)


def wait_dialog(qtbot, owner, previous=None):
    qtbot.waitUntil(
        lambda: (
            owner.dialog is not None and owner.dialog is not previous and owner.dialog.isVisible()
        )
    )
    return owner.dialog


def convene(qtbot, page, title: str, day: QDate, start: str, end: str):
    click(qtbot, page.new_button)
    dialog = wait_dialog(qtbot, page)
    type_text(qtbot, dialog.title_edit, title)
    dialog.date.setDate(day)
    type_into(qtbot, dialog.start_time, start)
    type_into(qtbot, dialog.end_time, end)
    type_text(qtbot, dialog.place, "Centre communautaire, salle 2")
    return dialog


def test_a_meeting_from_convening_to_approved_minutes(qtbot, page):
    db = page.context.db

    # 1. Convene: end before start is refused, nothing saved, then fixed.
    dialog = convene(
        qtbot, page, "Comité de coordination de mai", QDate(2026, 5, 12), "19 h", "1800"
    )
    save(qtbot, dialog, accepted=False)
    assert dialog.error.text() == "L'heure de fin doit suivre l'heure de début."
    assert len(meetings.list_meetings(db)) == 0
    type_into(qtbot, dialog.end_time, "21h")
    save(qtbot, dialog)
    meeting_id = dialog.meeting_id
    window = page.windows[meeting_id]
    qtbot.waitExposed(window)
    assert window.heading.text() == "Comité de coordination de mai"
    assert page.upcoming.model.rowCount() == 1

    # 2. Agenda: a decision item added after « Suivis », moved up with Ctrl+Up.
    tab = window.agenda
    click_cell(qtbot, tab.view, 4, 2)
    click(qtbot, tab.add_button)
    item_dialog = wait_dialog(qtbot, tab)
    type_text(qtbot, item_dialog.title_edit, "Appui au projet de halte-garderie")
    item_dialog.kind.setCurrentIndex(item_dialog.kind.findData("decision"))
    type_into(qtbot, item_dialog.minutes, "20")
    save(qtbot, item_dialog)
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    rows = agenda.list_agenda(db, meeting_id)
    assert [r.title for r in rows][4:6] == ["Appui au projet de halte-garderie", "Suivis"]
    assert (rows[4].start_time, rows[5].start_time) == (time(19, 25), time(19, 45))

    # 3. Attendance: convene the members, sign in by keys, a walk-in typed inline.
    click_tab(qtbot, window.tabs, "Présences")
    presence = window.attendance
    click(qtbot, presence.invite_button)
    assert presence.model.rowCount() == 8
    click_cell(qtbot, presence.view, 0, PRESENT)
    qtbot.keyClick(presence.view, Qt.Key.Key_Down)
    for key in (Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_P, Qt.Key.Key_E):
        qtbot.keyClick(presence.view, key)
    assert presence.quorum.text() == "Quorum atteint : 4 membres votants sur 4 requis"
    presence.quick_add.setFocus()
    type_text(qtbot, presence.quick_add, "Aïcha Benali")
    qtbot.keyClick(presence.quick_add, Qt.Key.Key_Return)
    assert presence.info.text() == "Aïcha Benali ajouté·e, présent·e (nouvelle personne)."
    assert presence.quorum.text() == "Quorum atteint : 4 membres votants sur 4 requis"
    # the same person twice: refused, nothing saved
    type_text(qtbot, presence.quick_add, "Aïcha Benali")
    qtbot.keyClick(presence.quick_add, Qt.Key.Key_Return)
    assert (
        presence.error.text() == "Aïcha Benali figure déjà dans les présences de cette rencontre."
    )
    assert len(attendance.list_attendance(db, meeting_id)) == 9
    # someone leaves: quorum lost; comes back: reached again
    first = "Karim Benali"  # the first delegate signed in
    row = next(
        r for r in range(presence.model.rowCount()) if presence.model.row(r).person_name == first
    )
    click_cell(qtbot, presence.view, row, ABSENT)
    assert presence.quorum.text() == "Quorum non atteint : 3 membres votants sur 4 requis"
    click_cell(qtbot, presence.view, row, PRESENT)
    assert presence.quorum.property("reached") is True

    # 4. Two resolutions, numbered in sequence; an absent mover is refused.
    click_tab(qtbot, window.tabs, "Résolutions")
    decisions = window.resolutions
    previous = None
    for title, mover, seconder in (
        ("Adoption de l'ordre du jour", first, "Martin Dion"),
        ("Appui au projet de halte-garderie", "Martin Dion", first),
    ):
        click(qtbot, decisions.add_button)
        resolution = wait_dialog(qtbot, decisions, previous)
        previous = resolution
        type_text(qtbot, resolution.title_edit, title)
        choose(resolution.moved_by, mover)
        choose(resolution.seconded_by, seconder)
        save(qtbot, resolution)
    assert decisions.numbers() == ["CC-2026-001", "CC-2026-002"]
    excused = next(
        r.person_name for r in attendance.list_attendance(db, meeting_id) if r.status == "excuse"
    )
    click(qtbot, decisions.add_button)
    resolution = wait_dialog(qtbot, decisions, previous)
    type_text(qtbot, resolution.title_edit, "Dépôt d'une demande")
    click(qtbot, resolution.everyone)
    choose(resolution.moved_by, excused)
    choose(resolution.seconded_by, first)
    save(qtbot, resolution, accepted=False)
    assert resolution.error.text() == (
        "La personne qui propose doit être présente et avoir droit de vote."
    )
    click(qtbot, resolution.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    assert len(resolutions.list_resolutions(db, meeting_id=meeting_id)) == 2

    # 5. A follow-up owed by Julie Tremblay.
    click_tab(qtbot, window.tabs, "Suivis")
    click(qtbot, window.follow_ups.add_button)
    follow = wait_dialog(qtbot, window.follow_ups)
    type_text(qtbot, follow.description, "Écrire au CIUSSS au sujet de la halte-garderie")
    type_into(qtbot, follow.owner_person.lineEdit(), "julie")
    choose(follow.resolution, "CC-2026-002")
    save(qtbot, follow)
    assert window.follow_ups.own.model.rowCount() == 1

    # 6. The meeting was held; the window closes; the next one is convened.
    click_tab(qtbot, window.tabs, "Procès-verbal")
    click(qtbot, window.minutes.held_button)
    assert meetings.get_meeting(db, meeting_id).status == "tenue"
    click(qtbot, window.close_button)
    qtbot.waitUntil(lambda: meeting_id not in page.windows)

    dialog = convene(
        qtbot, page, "Comité de coordination de juin", QDate(2026, 6, 9), "19:00", "9 pm"
    )
    save(qtbot, dialog)
    next_id = dialog.meeting_id
    following = page.windows[next_id]
    click_tab(qtbot, following.tabs, "Suivis")
    carried = following.follow_ups.carried
    assert carried.model.rowCount() == 1
    assert carried.model.index(0, 1).data() == "Écrire au CIUSSS au sujet de la halte-garderie"
    assert carried.model.index(0, 2).data() == "Julie Tremblay"

    # 7. At the June meeting, the May minutes are approved.
    view = page.upcoming.view
    row = next(
        r
        for r in range(page.upcoming.proxy.rowCount())
        if page.upcoming.model.row_id(
            page.upcoming.proxy.mapToSource(page.upcoming.proxy.index(r, 0)).row()
        )
        == meeting_id
    )
    click_cell(qtbot, view, row, 3, double=True)  # reopen May from the list
    may = page.windows[meeting_id]
    qtbot.waitExposed(may)
    click_tab(qtbot, may.tabs, "Procès-verbal")
    assert may.minutes.approving_meeting.currentData() == next_id
    click(qtbot, may.minutes.approve_button)
    state = meeting_minutes.minutes_state(db, meeting_id)
    assert (state.approved_on, state.approved_by_meeting_id) == (date(2026, 6, 9), next_id)
    assert may.minutes.state.text().startswith("Procès-verbal approuvé le 9 juin 2026")
    assert len(followups.list_follow_ups(db, open_only=True, today=date(2026, 6, 9))) == 1


def test_double_click_opens_a_demo_meeting(qtbot, demo_db):
    window = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.navigation.setCurrentRow(4)
    page = window.current_page()
    assert isinstance(page, MeetingsPage)
    page.tabs.setCurrentWidget(page.past)
    meeting_id = page.past.model.row_id(
        page.past.proxy.mapToSource(page.past.proxy.index(0, 0)).row()
    )
    click_cell(qtbot, page.past.view, 0, 3, double=True)
    meeting_window = page.windows[meeting_id]
    qtbot.waitExposed(meeting_window)
    assert meeting_window.heading.text() == meetings.get_meeting(demo_db, meeting_id).title
    assert meeting_window.agenda.model.rowCount() > 0
    click_tab(qtbot, meeting_window.tabs, "Présences")
    assert meeting_window.attendance.model.rowCount() == len(
        attendance.list_attendance(demo_db, meeting_id)
    )
    # double-clicking again raises the same window
    click_cell(qtbot, page.past.view, 0, 3, double=True)
    assert list(page.windows) == [meeting_id]


def test_a_read_only_file_shows_but_does_not_write(qtbot, tmp_path):
    from ahuntsic_desktop.store import Database

    from .meeting_fixtures import make_meeting, open_window

    path = tmp_path / "table.sqlite"
    writable = Database.open(path, create=True)
    seed_table(writable)
    meeting_id = make_meeting(writable)
    writable.close()
    db = Database.open(path, read_only=True)
    try:
        window = open_window(qtbot, make_context(db), meeting_id)
        assert window.edit_button.text() == "Voir la rencontre…"
        assert not window.agenda.add_button.isEnabled()
        assert not window.agenda.minutes_edit.isEnabled()
        click_cell(qtbot, window.agenda.view, 1, 2)
        qtbot.keyClick(window.agenda.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        assert [r.title for r in agenda.list_agenda(db, meeting_id)][1] == "Vérification du quorum"
        click_tab(qtbot, window.tabs, "Présences")
        assert not window.attendance.quick_add.isEnabled()
        assert not window.attendance.invite_button.isEnabled()
        click_tab(qtbot, window.tabs, "Procès-verbal")
        assert not window.minutes.held_button.isEnabled()
        click(qtbot, window.edit_button)
        dialog = wait_dialog(qtbot, window)
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        page = MeetingsPage(make_context(db))
        qtbot.addWidget(page)
        page.refresh()
        assert not page.new_button.isEnabled()
    finally:
        db.close()
