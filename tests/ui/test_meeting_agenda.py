"""The agenda tab: add, edit, delete, reorder by keyboard and by drag and drop, minutes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox

from ahuntsic_desktop.services.meetings import agenda

from .meeting_fixtures import (
    click,
    click_cell,
    make_context,
    make_meeting,
    open_window,
    seed_table,
    type_into,
    type_text,
)

STANDARD = [
    "Ouverture",
    "Vérification du quorum",
    "Adoption de l'ordre du jour",
    "Adoption du procès-verbal de la rencontre précédente",
    "Suivis",
    "Varia",
    "Levée de la rencontre",
]


@pytest.fixture
def context(db):
    return make_context(db)


@pytest.fixture
def table(db):
    return seed_table(db)


@pytest.fixture
def window(qtbot, context, table):
    return open_window(qtbot, context, make_meeting(context.db))


def titles(window) -> list[str]:
    return [row.title for row in agenda.list_agenda(window.context.db, window.meeting_id)]


def shown(tab, column: int) -> list[str]:
    return [tab.model.index(r, column).data() for r in range(tab.model.rowCount())]


def add_item(qtbot, tab, title: str, minutes: int, presenter: str = "") -> None:
    click(qtbot, tab.add_button)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    type_text(qtbot, dialog.title_edit, title)
    dialog.kind.setCurrentIndex(dialog.kind.findData("decision"))
    type_into(qtbot, dialog.minutes, str(minutes))
    if presenter:
        type_into(qtbot, dialog.presenter.lineEdit(), presenter)
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))


def test_standard_agenda_with_start_times(window):
    tab = window.agenda
    assert shown(tab, 2) == STANDARD
    assert shown(tab, 1)[:4] == ["19 h", "19 h 05", "19 h 10", "19 h 15"]
    assert tab.total.text() == "Durée prévue : 0 h 55 — fin prévue à 19 h 55"


def test_add_after_the_selected_item_then_reorder_with_the_keyboard(qtbot, window):
    tab = window.agenda
    click_cell(qtbot, tab.view, 4, 2)  # « Suivis »
    add_item(qtbot, tab, "Bilan de la fête de quartier", 20, "julie")
    assert titles(window)[5] == "Bilan de la fête de quartier"
    row = agenda.list_agenda(window.context.db, window.meeting_id)[5]
    assert (row.kind, row.planned_minutes, row.presenter_name) == (
        "decision",
        20,
        "Julie Tremblay",
    )
    assert tab.current_item().title == "Bilan de la fête de quartier"

    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(window)[3] == "Bilan de la fête de quartier"
    assert tab.current_item().number == 4  # the moved item stays selected
    assert shown(tab, 1)[3:5] == ["19 h 15", "19 h 35"]  # start times follow the order
    qtbot.keyClick(tab.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert titles(window)[4] == "Bilan de la fête de quartier"
    # Ctrl+Up on the first item does nothing
    click_cell(qtbot, tab.view, 0, 2)
    qtbot.keyClick(tab.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(window)[0] == "Ouverture"


def test_buttons_move_and_delete(qtbot, window):
    tab = window.agenda
    click_cell(qtbot, tab.view, 5, 2)  # « Varia »
    click(qtbot, tab.up_button)
    assert titles(window)[4] == "Varia"
    click(qtbot, tab.down_button)
    click(qtbot, tab.down_button)
    assert titles(window)[-1] == "Varia"
    click(qtbot, tab.delete_button)
    assert "Varia" not in titles(window)
    assert len(titles(window)) == 6
    assert tab.current_item().title == "Levée de la rencontre"


def test_drag_and_drop_through_the_model(qtbot, window):
    tab = window.agenda
    model = tab.model
    data = model.mimeData([model.index(6, 0)])  # drag « Levée de la rencontre »...
    with qtbot.waitSignal(tab.changed):
        model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())  # ...above row 1
    assert titles(window)[:3] == ["Ouverture", "Levée de la rencontre", "Vérification du quorum"]
    assert tab.current_item().title == "Levée de la rencontre"
    with qtbot.waitSignal(tab.changed):  # Qt's moveRows: row 0 goes before row 3
        assert model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)
    assert titles(window)[:3] == ["Levée de la rencontre", "Vérification du quorum", "Ouverture"]


def test_minutes_saved_on_leaving_the_field_and_by_the_button(qtbot, window):
    tab = window.agenda
    click_cell(qtbot, tab.view, 1, 2)
    assert tab.minutes_box.title() == "Compte rendu du point 2 : Vérification du quorum"
    tab.minutes_edit.setFocus()
    type_text(qtbot, tab.minutes_edit, "Quorum constaté à 19 h 05.")
    click_cell(qtbot, tab.view, 2, 2)  # leaving the field saves
    rows = agenda.list_agenda(window.context.db, window.meeting_id)
    assert rows[1].minutes_text == "Quorum constaté à 19 h 05."
    assert tab.minutes_edit.toPlainText() == ""  # now showing item 3
    type_text(qtbot, tab.minutes_edit, "Adopté tel quel.")
    click(qtbot, tab.save_minutes_button)
    assert agenda.list_agenda(window.context.db, window.meeting_id)[2].minutes_text == (
        "Adopté tel quel."
    )
    assert tab.minutes_status.text() == "Compte rendu enregistré."
    click_cell(qtbot, tab.view, 1, 2)
    assert tab.minutes_edit.toPlainText() == "Quorum constaté à 19 h 05."


def test_edit_by_double_click_and_blank_title_refused(qtbot, window):
    tab = window.agenda
    click_cell(qtbot, tab.view, 5, 2, double=True)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible())
    dialog = tab.dialog
    assert dialog.title_edit.text() == "Varia"
    type_into(qtbot, dialog.title_edit, "")
    click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert dialog.error.text() == "Le titre du point est obligatoire."
    assert titles(window)[5] == "Varia"
    type_into(qtbot, dialog.title_edit, "Varia et affaires nouvelles")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert titles(window)[5] == "Varia et affaires nouvelles"


def test_planned_end_past_the_end_time_shows_in_red(qtbot, window):
    tab = window.agenda
    add_item(qtbot, tab, "Planification stratégique", 90)
    assert tab.total.text() == (
        "Durée prévue : 2 h 25 — fin prévue à 21 h 25 (après l'heure de fin, 21 h)"
    )
    assert "b00020" in tab.total.styleSheet()
