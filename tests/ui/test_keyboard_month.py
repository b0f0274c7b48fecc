"""A month of work with the keyboard only (issue 14 item 11): a new membership, its
payment, open a meeting, mark attendance, add an agenda item, save. Key events only:
no click, no call to a slot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ahuntsic_desktop.services.meetings import agenda, attendance, meetings
from ahuntsic_desktop.services.registry import memberships, persons

from ..dates import DEMO_TODAY
from .registry_helpers import window_fixture  # noqa: F401 (the « window » fixture)
from .typing import type_text

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier


def focused():
    return QApplication.focusWidget()


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        target = focused() or QApplication.activeWindow()
        qtbot.keyClick(target, k, modifier)


def modal(qtbot):
    """The dialog a key just opened, once it has the keyboard. Activation reaches a new
    window through the event loop: typing before it lands in the main window (flaky on a
    loaded machine), so wait for it as a user waits for the dialog to appear."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: focused() is not None and dialog.isAncestorOf(focused()))
    return dialog


def tab_to(qtbot, predicate, limit: int = 60):
    """Tab until the focused widget matches ``predicate``."""
    for _ in range(limit):
        if focused() is not None and predicate(focused()):
            return focused()
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"never reached; focus on {focused()!r}")


def a_person_without_membership(db) -> str:
    year = DEMO_TODAY.year
    members = {r[0] for r in memberships.list_memberships(db, year, today=DEMO_TODAY).rows}
    for row in persons.list_persons(db, today=DEMO_TODAY).rows:
        full = f"{row[1]} {row[0]}"
        if full not in members:
            return full
    raise AssertionError("every person is a member")


def test_a_month_of_work_with_the_keyboard_only(qtbot, window, demo_db):
    window.navigation.setFocus()
    # -- a new membership: Ctrl+2 (Membres), Alt+N, type the name, Enter saves
    key(qtbot, Qt.Key.Key_2, CTRL)
    page = window.current_page()
    tab = page.memberships
    assert page.title == "Membres"
    name = a_person_without_membership(demo_db)
    before = len(tab.list.model.table.ids)
    key(qtbot, Qt.Key.Key_N, ALT)
    dialog = modal(qtbot)
    picker = tab_to(qtbot, lambda w: w is dialog.member or w is dialog.member.lineEdit())
    type_text(qtbot, picker, name)
    key(qtbot, Qt.Key.Key_Return)  # chooses in the completion list
    key(qtbot, Qt.Key.Key_Return)  # saves
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(tab.list.model.table.ids) == before + 1

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert focused() is tab.list.view  # back on the list, on the new row
    new_id = tab.list.current_id()
    assert memberships.get_membership(demo_db, new_id).member_name == name

    # -- its payment: Alt+E (« &Enregistrer un paiement… »), Enter
    key(qtbot, Qt.Key.Key_E, ALT)
    payment = modal(qtbot)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not payment.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert memberships.get_membership(demo_db, new_id).data.paid_on == DEMO_TODAY

    # -- open a past meeting: Ctrl+5 (Rencontres), Tab to the list, Enter
    key(qtbot, Qt.Key.Key_5, CTRL)
    work = window.current_page()
    assert work.title == "Rencontres"
    key(qtbot, Qt.Key.Key_P, ALT)  # the « &Passées » tab
    view = tab_to(qtbot, lambda w: w is work.past.view)
    key(qtbot, Qt.Key.Key_Down)
    meeting_id = work.past.model.row_id(work.past.proxy.mapToSource(view.currentIndex()).row())
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: meeting_id in work.windows)
    meeting = work.windows[meeting_id]
    qtbot.waitExposed(meeting)
    meeting.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is meeting)

    # -- attendance: Alt+P (Présences), Tab to the list, E marks the first person excused
    key(qtbot, Qt.Key.Key_P, ALT)
    tab_to(qtbot, lambda w: w is meeting.attendance.view)
    key(qtbot, Qt.Key.Key_Home)
    first = meeting.attendance.model.row(meeting.attendance.view.currentIndex().row())
    key(qtbot, Qt.Key.Key_E)
    lines = {
        line.person_id: line.status for line in attendance.list_attendance(demo_db, meeting_id)
    }
    assert lines[first.person_id] == "excuse"

    # -- an agenda item: Alt+O (Ordre du jour), Tab to « Ajouter un point… », Space,
    #    type its title, Enter saves
    before = len(agenda.list_agenda(demo_db, meeting_id))
    key(qtbot, Qt.Key.Key_O, ALT)
    tab_to(qtbot, lambda w: w is meeting.agenda.add_button)
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: meeting.agenda.dialog is not None and meeting.agenda.dialog.isVisible())
    item = meeting.agenda.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is item)
    type_text(qtbot, focused(), "Bilan de la fête de quartier")
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not item.isVisible())
    titles = [i.title for i in agenda.list_agenda(demo_db, meeting_id)]
    assert len(titles) == before + 1 and "Bilan de la fête de quartier" in titles
    assert meetings.get_meeting(demo_db, meeting_id) is not None
