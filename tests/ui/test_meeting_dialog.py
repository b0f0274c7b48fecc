"""The meeting dialog: convene a meeting, fix what the service refuses, edit it later."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from ahuntsic_desktop.domain import ActionPlan, Chantier
from ahuntsic_desktop.services.meetings import agenda, meetings
from ahuntsic_desktop.ui.meetings import MeetingDialog
from ahuntsic_desktop.ui.pages.work import MeetingsPage

from .meeting_fixtures import (
    DAY,
    click,
    make_context,
    make_meeting,
    seed_table,
    type_into,
    type_text,
)


@pytest.fixture
def context(db):
    return make_context(db)


@pytest.fixture
def table(db):
    return seed_table(db)


def save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def open_new(qtbot, context):
    page = MeetingsPage(context)
    qtbot.addWidget(page)
    page.show()
    click(qtbot, page.new_button)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    return page, page.dialog


def test_end_before_start_is_refused_and_nothing_saved(qtbot, context, table):
    page, dialog = open_new(qtbot, context)
    type_text(qtbot, dialog.title_edit, "Comité de coordination de mai")
    type_into(qtbot, dialog.start_time, "19h")
    type_into(qtbot, dialog.end_time, "1830")
    click(qtbot, save_button(dialog))
    assert dialog.isVisible()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "L'heure de fin doit suivre l'heure de début."
    qtbot.waitUntil(dialog.end_time.hasFocus)
    assert len(meetings.list_meetings(context.db)) == 0

    type_into(qtbot, dialog.end_time, "21 h")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, save_button(dialog))
    [meeting_id] = meetings.list_meetings(context.db).ids
    detail = meetings.get_meeting(context.db, meeting_id)
    assert (detail.title, detail.date, detail.start_time, detail.end_time) == (
        "Comité de coordination de mai",
        DAY,
        time(19, 0),
        time(21, 0),
    )
    assert detail.body == "CC"
    assert len(agenda.list_agenda(context.db, meeting_id)) == 7  # the standard agenda
    assert meeting_id in page.windows  # the new meeting opens in its window
    assert page.windows[meeting_id].isVisible()
    assert page.upcoming.model.rowCount() == 1


def test_blank_title_takes_the_suggested_title(qtbot, context, table):
    """Issue 14 item 8: the title is suggested from the kind and the date (demo pattern)."""
    _page, dialog = open_new(qtbot, context)
    assert dialog.title_edit.placeholderText().startswith("Comité de coordination du ")
    dialog.kind.setCurrentIndex(dialog.kind.findData("aga"))
    dialog.date.setDate(QDate(2026, 6, 16))
    assert dialog.title_edit.placeholderText() == "Assemblée générale annuelle 2026"
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, save_button(dialog))
    detail = meetings.get_meeting(context.db, dialog.meeting_id)
    assert detail.title == "Assemblée générale annuelle 2026"


def test_chantier_meeting_needs_its_chantier(qtbot, context, table):
    with context.db.session() as session:
        plan = ActionPlan(title="Plan 2021-2025", start_year=2021, end_year=2025)
        session.add(plan)
        session.flush()
        session.add(Chantier(plan_id=plan.id, name="Sécurité alimentaire"))
    _page, dialog = open_new(qtbot, context)
    dialog.kind.setCurrentIndex(dialog.kind.findData("chantier"))
    assert dialog.chantier_label.text() == "Chantier (obligatoire) :"
    assert not dialog.participation_format.isEnabled()
    type_text(qtbot, dialog.title_edit, "Chantier alimentaire")
    click(qtbot, save_button(dialog))
    assert dialog.error.text() == "Choisissez le chantier de cette rencontre de chantier."
    qtbot.waitUntil(dialog.chantier.hasFocus)
    assert len(meetings.list_meetings(context.db)) == 0
    dialog.chantier.setCurrentIndex(dialog.chantier.findText("Sécurité alimentaire"))
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, save_button(dialog))
    assert meetings.get_meeting(context.db, dialog.meeting_id).chantier_name == (
        "Sécurité alimentaire"
    )


def test_format_only_for_participation_activities(qtbot, context, table):
    _page, dialog = open_new(qtbot, context)
    assert not dialog.participation_format.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("participation"))
    assert dialog.participation_format.isEnabled()
    dialog.participation_format.setCurrentIndex(
        dialog.participation_format.findData("micro_trottoir")
    )
    type_text(qtbot, dialog.title_edit, "Micro-trottoir au marché")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, save_button(dialog))
    detail = meetings.get_meeting(context.db, dialog.meeting_id)
    assert (detail.kind, detail.participation_format, detail.body) == (
        "participation",
        "micro_trottoir",
        "PA",
    )


def test_chair_and_secretary_picked_by_typing(qtbot, context, table):
    _page, dialog = open_new(qtbot, context)
    type_text(qtbot, dialog.title_edit, "CC de mai")
    type_into(qtbot, dialog.chair.lineEdit(), "Luc Héroux (Maison des jeunes du Sault)")
    type_into(qtbot, dialog.secretary.lineEdit(), "helene")  # accents and case ignored
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, save_button(dialog))
    detail = meetings.get_meeting(context.db, dialog.meeting_id)
    assert detail.chair_id == table.person_ids["Luc Héroux"]
    assert detail.secretary_id == table.resident_id


def test_unknown_chair_is_refused(qtbot, context, table):
    _page, dialog = open_new(qtbot, context)
    type_text(qtbot, dialog.title_edit, "CC de mai")
    type_into(qtbot, dialog.chair.lineEdit(), "Personne Inconnue")
    click(qtbot, save_button(dialog))
    assert "ne correspond à personne" in dialog.error.text()
    assert len(meetings.list_meetings(context.db)) == 0


def test_edit_keeps_the_body_and_saves_changes(qtbot, context, table):
    meeting_id = make_meeting(context.db, body="CCX")
    dialog = MeetingDialog(context, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.title_edit.text().startswith("Comité de coordination")
    assert dialog.start_time.value() == time(19, 0)
    type_into(qtbot, dialog.place, "Centre Ahuntsic, salle 2")
    dialog.date.setDate(QDate(2026, 5, 19))
    dialog.status.setCurrentIndex(dialog.status.findData("tenue"))
    qtbot.keyClick(dialog.place, Qt.Key.Key_Return)  # Enter saves, as in any dialog
    assert not dialog.isVisible()
    detail = meetings.get_meeting(context.db, meeting_id)
    assert (detail.place, detail.date, detail.status, detail.body) == (
        "Centre Ahuntsic, salle 2",
        date(2026, 5, 19),
        "tenue",
        "CCX",
    )


def test_an_archived_chair_is_kept_when_editing(qtbot, context, table):
    from ahuntsic_desktop.services.registry import persons

    chair = table.person_ids["Ana Ortiz"]
    meeting_id = make_meeting(context.db, chair_id=chair)
    persons.archive_person(context.db, chair)
    dialog = MeetingDialog(context, meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chair.currentText().startswith("Ana Ortiz")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, save_button(dialog))
    assert meetings.get_meeting(context.db, meeting_id).chair_id == chair
