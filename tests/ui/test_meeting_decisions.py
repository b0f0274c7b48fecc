"""Resolutions, follow-ups and the minutes' approval, through their tabs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from ahuntsic_desktop.services.meetings import attendance, followups, meetings, resolutions
from ahuntsic_desktop.services.meetings import minutes as meeting_minutes
from ahuntsic_desktop.services.meetings.followups import FollowUpData

from .meeting_fixtures import (
    choose,
    click,
    click_cell,
    click_tab,
    combo_texts,
    make_context,
    make_meeting,
    open_window,
    seed_table,
    type_into,
    type_text,
)

PRESENT = ["Luc Héroux", "Ana Ortiz", "Karim Benali", "Julie Tremblay"]


@pytest.fixture
def context(db):
    return make_context(db)


@pytest.fixture
def table(db):
    return seed_table(db)


@pytest.fixture
def window(qtbot, context, table):
    """A meeting where four delegates came, Martin Dion sent regrets and a resident came."""
    meeting_id = make_meeting(context.db)
    for name, status in [(name, "present") for name in PRESENT] + [("Martin Dion", "absent")]:
        attendance.add_attendance(
            context.db, meeting_id, table.person_ids[name], status, table.org_ids[name]
        )
    attendance.add_attendance(context.db, meeting_id, table.resident_id, "present")
    return open_window(qtbot, context, meeting_id)


def save(qtbot, dialog, *, accepted: bool = True) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    if accepted:
        with qtbot.waitSignal(dialog.accepted):
            click(qtbot, button)
    else:
        click(qtbot, button)


def open_resolution(qtbot, window):
    click_tab(qtbot, window.tabs, "Résolutions")
    tab = window.resolutions
    click(qtbot, tab.add_button)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    return tab, tab.dialog


def test_two_resolutions_numbered_in_sequence(qtbot, window):
    tab, dialog = open_resolution(qtbot, window)
    assert dialog.number.text() == "(donné à l'enregistrement)"
    # only present voting members can move or second; the resident has no vote
    listed = combo_texts(dialog.moved_by)[1:]
    assert [text.split(" (")[0] for text in listed] == sorted(PRESENT, key=lambda n: n.split()[-1])
    type_text(qtbot, dialog.title_edit, "Adoption de l'ordre du jour")
    choose(dialog.moved_by, "Ana Ortiz")
    choose(dialog.seconded_by, "Luc Héroux")
    choose(dialog.agenda_item, "3. Adoption de l'ordre du jour")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("unanime"))
    type_into(qtbot, dialog.votes_for, "4")
    save(qtbot, dialog)
    assert tab.info.text() == "Résolution CC-2026-001 enregistrée."

    click(qtbot, tab.add_button)
    qtbot.waitUntil(lambda: tab.dialog is not dialog and tab.dialog.isVisible())
    dialog = tab.dialog
    type_text(qtbot, dialog.title_edit, "Appui au projet de halte-garderie")
    type_text(qtbot, dialog.text, "Il est résolu d'appuyer le projet.")
    choose(dialog.moved_by, "Karim Benali")
    choose(dialog.seconded_by, "Julie Tremblay")
    type_into(qtbot, dialog.votes_for, "3")
    type_into(qtbot, dialog.abstentions, "1")
    save(qtbot, dialog)
    assert tab.numbers() == ["CC-2026-001", "CC-2026-002"]
    table = resolutions.list_resolutions(window.context.db, meeting_id=window.meeting_id)
    assert table.values("moved_by") == ["Ana Ortiz", "Karim Benali"]
    assert table.values("outcome") == ["Adoptée à l'unanimité", "Adoptée"]
    assert table.values("abstentions") == [0, 1]


def test_resolution_moved_by_an_absent_person_is_refused(qtbot, window):
    tab, dialog = open_resolution(qtbot, window)
    assert not any(t.startswith("Martin Dion") for t in combo_texts(dialog.moved_by))
    click(qtbot, dialog.everyone)  # « Lister aussi les personnes non présentes… »
    assert "Martin Dion (Carrefour jeunesse-emploi) — Absent·e" in combo_texts(dialog.moved_by)
    type_text(qtbot, dialog.title_edit, "Dépôt d'une demande de subvention")
    choose(dialog.moved_by, "Martin Dion")
    choose(dialog.seconded_by, "Ana Ortiz")
    save(qtbot, dialog, accepted=False)
    assert dialog.isVisible()
    assert (
        dialog.error.text() == "La personne qui propose doit être présente et avoir droit de vote."
    )
    qtbot.waitUntil(dialog.moved_by.hasFocus)
    assert len(resolutions.list_resolutions(window.context.db, meeting_id=window.meeting_id)) == 0

    choose(dialog.moved_by, "Hélène Côté")  # present, but without a vote
    save(qtbot, dialog, accepted=False)
    assert "présente et avoir droit de vote" in dialog.error.text()
    choose(dialog.moved_by, "Ana Ortiz")
    save(qtbot, dialog, accepted=False)
    assert dialog.error.text() == (
        "La personne qui appuie doit être différente de celle qui propose."
    )
    choose(dialog.seconded_by, "Luc Héroux")
    save(qtbot, dialog)
    # the refused attempts used no number
    assert tab.numbers() == ["CC-2026-001"]


def test_edit_a_resolution_by_double_click(qtbot, window, table):
    meeting_id = window.meeting_id
    number = resolutions.add_resolution(
        window.context.db,
        meeting_id,
        resolutions.ResolutionData(
            "Première version", table.person_ids["Ana Ortiz"], table.person_ids["Luc Héroux"]
        ),
    )
    click_tab(qtbot, window.tabs, "Résolutions")
    tab = window.resolutions
    click_cell(qtbot, tab.list.view, 0, 3, double=True)  # the title
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    assert dialog.number.text() == number
    assert dialog.moved_by.currentText().startswith("Ana Ortiz")
    type_into(qtbot, dialog.title_edit, "Version corrigée")
    save(qtbot, dialog)
    table = resolutions.list_resolutions(window.context.db, meeting_id=meeting_id)
    assert (table.values("number"), table.values("title")) == ([number], ["Version corrigée"])


def test_follow_up_added_then_carried_to_the_next_meeting(qtbot, window, context, table):
    click_tab(qtbot, window.tabs, "Suivis")
    tab = window.follow_ups
    click(qtbot, tab.add_button)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    save(qtbot, dialog, accepted=False)
    assert dialog.error.text() == "Décrivez le suivi à faire."
    type_text(qtbot, dialog.description, "Envoyer le bilan aux bailleurs de fonds")
    type_into(qtbot, dialog.owner_person.lineEdit(), "julie")
    click(qtbot, dialog.has_due_date)
    save(qtbot, dialog)
    assert tab.own.model.rowCount() == 1
    assert tab.own.model.index(0, 2).data() == "Julie Tremblay"

    next_id = make_meeting(context.db, date(2026, 6, 9))
    other_body = make_meeting(context.db, date(2026, 6, 10), kind="comite_ad_hoc")
    following = open_window(qtbot, context, next_id)
    click_tab(qtbot, following.tabs, "Suivis")
    carried = following.follow_ups.carried
    assert carried.model.rowCount() == 1
    assert carried.model.index(0, 1).data() == "Envoyer le bilan aux bailleurs de fonds"
    assert following.follow_ups.carried_box.title().endswith("(1)")
    other = open_window(qtbot, context, other_body)
    assert other.follow_ups.carried.model.rowCount() == 0  # another body

    # done at the next meeting: it is no longer carried
    click_cell(qtbot, carried.view, 0, 1)
    following.follow_ups.status.setCurrentIndex(following.follow_ups.status.findData("fait"))
    click(qtbot, following.follow_ups.apply_button)
    assert carried.model.rowCount() == 0
    done = followups.list_follow_ups(context.db, today=context.today())
    assert done.values("status") == ["Fait"]


def test_minutes_approved_by_the_next_meeting(qtbot, window, context):
    next_id = make_meeting(context.db, date(2026, 6, 9), title="CC de juin")
    click_tab(qtbot, window.tabs, "Procès-verbal")
    tab = window.minutes
    assert tab.state.text() == "La rencontre n'est pas encore marquée comme tenue."
    assert not tab.approve_button.isEnabled()
    click(qtbot, tab.held_button)
    assert meetings.get_meeting(context.db, window.meeting_id).status == "tenue"
    assert "Tenue" in window.subtitle.text()
    assert tab.state.text() == "Procès-verbal à approuver."
    assert tab.approving_meeting.currentData() == next_id  # the next one is proposed
    assert tab.approved_on.date().toPython() == date(2026, 6, 9)
    click(qtbot, tab.approve_button)
    state = meeting_minutes.minutes_state(context.db, window.meeting_id)
    assert (state.approved_on, state.approved_by_meeting_id) == (date(2026, 6, 9), next_id)
    assert tab.state.text() == (
        "Procès-verbal approuvé le 9 juin 2026 (rencontre du 9 juin 2026 — CC de juin)"
    )
    click(qtbot, tab.withdraw_button)
    assert meeting_minutes.minutes_state(context.db, window.meeting_id).approved_on is None


def test_minutes_approved_in_writing_not_before_the_meeting(qtbot, window, context):
    meetings.set_status(context.db, window.meeting_id, "tenue")
    click_tab(qtbot, window.tabs, "Procès-verbal")
    tab = window.minutes
    assert tab.approving_meeting.currentData() is None  # no later meeting of the body
    tab.approved_on.setDate(date(2026, 5, 1))
    click(qtbot, tab.approve_button)
    assert tab.error.text() == (
        "Le procès-verbal ne peut être approuvé avant la tenue de la rencontre."
    )
    assert meeting_minutes.minutes_state(context.db, window.meeting_id).approved_on is None
    tab.approved_on.setDate(date(2026, 5, 20))
    click(qtbot, tab.approve_button)
    assert not tab.error.isVisible()
    state = meeting_minutes.minutes_state(context.db, window.meeting_id)
    assert (state.approved_on, state.approved_by_meeting_id) == (date(2026, 5, 20), None)


def test_follow_up_status_needs_a_selection(qtbot, window, context):
    followups.add_follow_up(
        context.db, FollowUpData("Réserver la salle", meeting_id=window.meeting_id)
    )
    click_tab(qtbot, window.tabs, "Suivis")
    tab = window.follow_ups
    click(qtbot, tab.apply_button)
    assert tab.error.text() == "Choisissez d'abord un suivi dans une des listes."
