"""Two users save the same organisation, meeting or follow-up (two connections on a shared
server; the same open file in the SQLite pass): the second save is refused, both versions
are shown side by side as for a person (tests/ui/test_edit_conflict.py), and the user
keeps theirs, takes the saved one or goes back; nothing is overwritten silently."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from ahuntsic_desktop.services.meetings import followups, meetings
from ahuntsic_desktop.services.meetings.followups import FollowUpData
from ahuntsic_desktop.services.registry import organizations
from ahuntsic_desktop.services.registry.organizations import OrganizationData
from ahuntsic_desktop.store import Database
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.meetings import MeetingDialog
from ahuntsic_desktop.ui.registry.organization_dialog import OrganizationDialog

from .meeting_fixtures import DAY, click_cell, click_tab, make_meeting, open_window
from .privacy_helpers import dialogs_fixture  # noqa: F401 (the « dialogs » fixture)
from .registry_helpers import click, save
from .typing import type_into


@pytest.fixture
def other(db):
    """The second user's connection: another one to the same server database, or (in the
    SQLite pass, one file open once) the same Database."""
    if not db.on_server:
        yield db
        return
    second = Database.connect(db.engine.url.render_as_string(hide_password=False))
    yield second
    second.close()


@pytest.fixture(autouse=True)
def quiet_hints(db):
    """The duplicate hints' pending look-ups die with the test, not on the next one's
    database (this one is closed by then)."""
    yield
    for dialog in list(OPEN):
        hint = getattr(dialog, "hint", None)
        if hint is not None:
            hint.timer.stop()
    OPEN.clear()


OPEN: list = []


def save_meeting(qtbot, dialog) -> None:
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))


def shown(qtbot, dialog):
    OPEN.append(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def conflicting_organisation(qtbot, db, other):
    org = organizations.create_organization(db, OrganizationData("Maison des jeunes"))
    first = shown(qtbot, OrganizationDialog(Context(db, today=lambda: DAY), org))
    second = shown(qtbot, OrganizationDialog(Context(other, today=lambda: DAY), org))
    type_into(qtbot, first.phone, "514 555-0101")
    save(qtbot, first)
    assert first.result() == OrganizationDialog.DialogCode.Accepted
    type_into(qtbot, second.email, "info@mdj.org")
    return org, second


def test_an_organisation_saved_meanwhile_is_shown_and_mine_kept_when_asked(
    qtbot, db, other, dialogs
):
    seen = []
    dialogs.append(lambda conflict: seen.append(conflict.rows()) or click(qtbot, conflict.keep))
    org, second = conflicting_organisation(qtbot, db, other)
    save(qtbot, second)
    assert seen == [[("Courriel", "info@mdj.org", ""), ("Téléphone", "", "514 555-0101")]]
    assert second.result() == OrganizationDialog.DialogCode.Accepted
    saved = organizations.get_organization(db, org)
    assert (saved.email, saved.phone, saved.version) == ("info@mdj.org", None, 3)


def test_taking_the_saved_organisation_refills_the_form(qtbot, db, other, dialogs):
    dialogs.append(lambda conflict: click(qtbot, conflict.take))
    org, second = conflicting_organisation(qtbot, db, other)
    save(qtbot, second)
    assert second.isVisible()
    assert (second.email.text(), second.phone.text()) == ("", "514 555-0101")
    assert organizations.get_organization(db, org).version == 2
    type_into(qtbot, second.website, "www.mdj.org")
    save(qtbot, second)  # from the fresh version: no conflict
    saved = organizations.get_organization(db, org)
    assert (saved.website, saved.phone, saved.version) == ("https://www.mdj.org", "514 555-0101", 3)


def conflicting_meeting(qtbot, db, other):
    meeting = make_meeting(db)
    first = shown(qtbot, MeetingDialog(Context(db, today=lambda: DAY), meeting))
    second = shown(qtbot, MeetingDialog(Context(other, today=lambda: DAY), meeting))
    type_into(qtbot, first.place, "Salle Fleury")
    save_meeting(qtbot, first)
    assert first.result() == MeetingDialog.DialogCode.Accepted
    type_into(qtbot, second.title_edit, "CC de mai (reporté)")
    return meeting, second


def test_a_meeting_saved_meanwhile_is_shown_and_the_user_goes_back(qtbot, db, other, dialogs):
    seen = []

    def back(conflict):
        seen.append(conflict.rows())
        conflict.reject()

    dialogs.append(back)
    meeting, second = conflicting_meeting(qtbot, db, other)
    save_meeting(qtbot, second)
    assert seen == [
        [
            ("Titre", "CC de mai (reporté)", "Comité de coordination du 2026-05-12"),
            ("Lieu", "", "Salle Fleury"),
        ]
    ]
    assert second.isVisible() and second.title_edit.text() == "CC de mai (reporté)"
    saved = meetings.get_meeting(db, meeting)
    assert (saved.title, saved.place, saved.version) == (
        "Comité de coordination du 2026-05-12",
        "Salle Fleury",
        2,
    )
    dialogs.append(lambda conflict: click(qtbot, conflict.keep))
    save_meeting(qtbot, second)
    assert second.result() == MeetingDialog.DialogCode.Accepted
    saved = meetings.get_meeting(db, meeting)
    assert (saved.title, saved.place, saved.version) == ("CC de mai (reporté)", None, 3)


def conflicting_follow_up(qtbot, db, other):
    meeting = make_meeting(db)
    follow_up = followups.add_follow_up(
        db, FollowUpData("Envoyer le bilan", due_date=date(2026, 6, 1), meeting_id=meeting)
    )
    window = open_window(qtbot, Context(other, today=lambda: DAY), meeting)
    click_tab(qtbot, window.tabs, "Suivis")
    tab = window.follow_ups
    followups.update_follow_up_status(db, follow_up, "en_cours", today=DAY)  # the other user
    click_cell(qtbot, tab.own.view, 0, 1)
    tab.status.setCurrentIndex(tab.status.findData("fait"))
    return follow_up, tab


def state(db, follow_up):
    saved = followups.follow_up_state(db, follow_up)
    return saved.status, saved.version


def test_a_follow_up_changed_meanwhile_is_shown_and_mine_kept(qtbot, db, other, dialogs):
    seen = []
    dialogs.append(lambda conflict: seen.append(conflict.rows()) or click(qtbot, conflict.keep))
    follow_up, tab = conflicting_follow_up(qtbot, db, other)
    click(qtbot, tab.apply_button)
    assert seen == [[("Statut", "Fait", "En cours")]]
    assert state(db, follow_up) == ("Fait", 3)
    assert "1 suivi marqué « Fait »" in tab.notice.text()


def test_taking_the_saved_follow_up_changes_nothing(qtbot, db, other, dialogs):
    dialogs.append(lambda conflict: click(qtbot, conflict.take))
    follow_up, tab = conflicting_follow_up(qtbot, db, other)
    click(qtbot, tab.apply_button)
    assert state(db, follow_up) == ("En cours", 2)
    assert tab.own.model.index(0, 5).data() == "En cours"  # the list shows the saved status
