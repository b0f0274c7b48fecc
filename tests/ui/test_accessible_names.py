"""Every focusable control can be named by a screen reader, and Tab moves on from tables
and text boxes (issue 14 item 11), on every page, in the meeting window and the main
dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit, QTabWidget, QTextEdit, QWidget

from ahuntsic_desktop.services.meetings import meetings
from ahuntsic_desktop.services.registry import memberships, persons
from ahuntsic_desktop.ui.meetings.agenda_item_dialog import AgendaItemDialog
from ahuntsic_desktop.ui.meetings.followup_dialog import FollowUpDialog
from ahuntsic_desktop.ui.meetings.meeting_dialog import MeetingDialog
from ahuntsic_desktop.ui.meetings.meeting_window import MeetingWindow
from ahuntsic_desktop.ui.registry.membership_dialog import MembershipDialog
from ahuntsic_desktop.ui.registry.organization_dialog import OrganizationDialog
from ahuntsic_desktop.ui.registry.payment_dialog import PaymentDialog
from ahuntsic_desktop.ui.registry.person_dialog import PersonDialog
from ahuntsic_desktop.ui.settings_dialog import SettingsDialog

from ..dates import DEMO_TODAY
from .accessibility_helpers import focusable_controls, spoken_name, unnamed
from .registry_helpers import window_fixture  # noqa: F401 (the « window » fixture)


def every_tab(qtbot, root: QWidget) -> list[str]:
    """The unnamed controls of ``root``, every tab of it shown in turn."""
    qtbot.waitExposed(root)
    missing = set(unnamed(root))
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            missing |= set(unnamed(root))
    return sorted(missing)


def test_every_page_names_its_controls(qtbot, window):
    missing = {}
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        found = every_tab(qtbot, window)
        if found:
            missing[window.current_page().title] = found
    assert missing == {}


def test_tab_leaves_tables_and_text_boxes(qtbot, window):
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        qtbot.waitExposed(window)
    for view in window.findChildren(QAbstractItemView):
        if view.isVisibleTo(window):
            assert not view.tabKeyNavigation(), view.objectName()
    for box in window.findChildren(QPlainTextEdit) + window.findChildren(QTextEdit):
        if box.isVisibleTo(window):
            assert box.tabChangesFocus(), box.objectName()


def the_dialogs(window, db):
    context = window.context
    person_id = persons.list_persons(db, today=DEMO_TODAY).ids[0]
    membership_id = memberships.list_memberships(db, year=DEMO_TODAY.year).ids[0]
    meeting_id = meetings.list_meetings(db, upcoming=False, today=DEMO_TODAY).ids[0]
    return {
        "person": lambda: PersonDialog(context, person_id, window),
        "organization": lambda: OrganizationDialog(context, None, window),
        "membership": lambda: MembershipDialog(context, membership_id, window),
        "payment": lambda: PaymentDialog(context, membership_id, window),
        "meeting": lambda: MeetingDialog(context, meeting_id, window),
        "meeting window": lambda: MeetingWindow(context, meeting_id, window),
        "agenda item": lambda: AgendaItemDialog(db, meeting_id, [], None, None, window),
        "follow-up": lambda: FollowUpDialog(context, meeting_id, window),
        "settings": lambda: SettingsDialog(db, window),
    }


@pytest.mark.parametrize(
    "name",
    [
        "person",
        "organization",
        "membership",
        "payment",
        "meeting",
        "meeting window",
        "agenda item",
        "follow-up",
        "settings",
    ],
)
def test_every_main_dialog_names_its_controls(qtbot, window, demo_db, name):
    dialog = the_dialogs(window, demo_db)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    assert every_tab(qtbot, dialog) == []
    assert focusable_controls(dialog)  # the walk found the fields
    dialog.close()


def test_form_labels_are_buddies_with_mnemonics(qtbot, window, demo_db):
    dialog = OrganizationDialog(window.context, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    name_field = dialog.form.fields["name"]
    assert spoken_name(name_field).startswith("Nom")
    label = dialog.form.labelForField(name_field.parentWidget())
    assert label.buddy() is name_field
    assert "&" in label.text()
