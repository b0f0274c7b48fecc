"""No lost edits (issue 14, item 1): leaving an editor with unsaved changes asks
« Enregistrer / Ne pas enregistrer / Annuler » -- another plan item, Esc in a dialog,
another page, quitting. The question goes through ``unsaved.ask_to_save``, answered here by
the ``unsaved_answers`` fixture (tests/ui/conftest.py); one test drives the real box."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ahuntsic_desktop.services.plan import editing as plan_editing
from ahuntsic_desktop.services.plan import plans as plan_service
from ahuntsic_desktop.services.registry import organizations
from ahuntsic_desktop.ui.page_table import row_of
from ahuntsic_desktop.ui.pages.plan_page import PlanPage
from ahuntsic_desktop.ui.plan.tree_model import NODE_ROLE
from ahuntsic_desktop.ui.widgets import unsaved
from ahuntsic_desktop.ui.widgets.unsaved import Choice

from .registry_helpers import (
    ORGANIZATIONS,
    double_click_row,
    open_page,
    type_into,
    window_fixture,  # noqa: F401 (the « window » fixture)
)
from .typing import type_text

PLAN = row_of(PlanPage.__name__)


def _nodes(editor, kind):
    """Indexes of the tree's nodes of ``kind``, depth first."""
    model, found, stack = editor.model, [], [editor.model.index(0, 0)]
    while stack:
        index = stack.pop(0)
        if not index.isValid():
            continue
        if index.data(NODE_ROLE).kind == kind:
            found.append(index)
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    return found


def _click_node(qtbot, editor, index) -> None:
    editor.view.scrollTo(index)
    rect = editor.view.visualRect(index)
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _plan_page(qtbot, window):
    page = open_page(qtbot, window, PLAN)
    return page, page.editor


def _status_of(db, ref):
    return plan_editing.node_detail(db, ref).status


def _set_done(editor) -> None:
    combo = editor.panel.status
    combo.setFocus()
    combo.setCurrentIndex(combo.findText("Réalisé"))


def test_plan_item_status_then_another_item_asks_and_saves(qtbot, window, demo_db, unsaved_answers):
    page, editor = _plan_page(qtbot, window)
    first, second = [i for i in _nodes(editor, "means") if _status_of(demo_db, i.data(NODE_ROLE))
                     != "realise"][:2]  # fmt: skip
    _click_node(qtbot, editor, first)
    ref = first.data(NODE_ROLE)
    _set_done(editor)
    assert editor.panel.is_dirty()
    unsaved_answers.append(Choice.SAVE)
    _click_node(qtbot, editor, editor.model.index_of(second.data(NODE_ROLE)))
    assert len(unsaved_answers.asked) == 1
    assert _status_of(demo_db, ref) == "realise"
    assert editor.panel.ref == second.data(NODE_ROLE)  # and it went where it was clicked
    qtbot.waitUntil(lambda: editor.current_ref() == second.data(NODE_ROLE))


def test_plan_item_cancel_keeps_the_edit_and_the_item(qtbot, window, demo_db, unsaved_answers):
    page, editor = _plan_page(qtbot, window)
    means = [i.data(NODE_ROLE) for i in _nodes(editor, "means")]
    means = [r for r in means if _status_of(demo_db, r) != "realise"][:2]
    _click_node(qtbot, editor, editor.model.index_of(means[0]))
    _set_done(editor)
    unsaved_answers.append(Choice.CANCEL)
    _click_node(qtbot, editor, editor.model.index_of(means[1]))
    qtbot.waitUntil(lambda: editor.current_ref() == means[0])
    assert editor.panel.ref == means[0]
    assert editor.panel.status.currentText() == "Réalisé"  # the edit is still there
    assert _status_of(demo_db, means[0]) != "realise"
    # « Ne pas enregistrer » then goes, and nothing is written
    unsaved_answers.append(Choice.DISCARD)
    _click_node(qtbot, editor, editor.model.index_of(means[1]))
    assert editor.panel.ref == means[1]
    assert _status_of(demo_db, means[0]) != "realise"
    assert len(unsaved_answers.asked) == 2


def test_clicking_around_without_edits_asks_nothing(qtbot, window, unsaved_answers):
    page, editor = _plan_page(qtbot, window)
    for index in _nodes(editor, "means")[:3]:
        _click_node(qtbot, editor, index)
    open_page(qtbot, window, 0)
    assert unsaved_answers.asked == []


def test_organisation_dialog_esc_asks(qtbot, window, demo_db, unsaved_answers):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    double_click_row(qtbot, tab.list, 0)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    record_id = dialog.organization_id
    type_into(qtbot, dialog.website, "www.nouveau-site.example")
    dialog.notes.setFocus()
    type_text(qtbot, dialog.notes, "Rappeler en janvier.")

    unsaved_answers.append(Choice.CANCEL)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # Annuler: back to the form, the text still there
    assert dialog.notes.toPlainText().endswith("Rappeler en janvier.")

    unsaved_answers.append(Choice.SAVE)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    saved = organizations.get_organization(demo_db, record_id)
    assert saved.website.endswith("nouveau-site.example")
    assert saved.notes.endswith("Rappeler en janvier.")
    assert len(unsaved_answers.asked) == 2


def test_untouched_dialog_closes_on_esc_without_a_question(qtbot, window, unsaved_answers):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    double_click_row(qtbot, tab.list, 0)
    qtbot.keyClick(tab.dialog.name, Qt.Key.Key_Escape)
    assert not tab.dialog.isVisible()
    assert unsaved_answers.asked == []


def test_settings_looked_through_but_untouched_close_without_a_question(
    qtbot, window, unsaved_answers
):
    """Showing another tab reparents Qt's widgets (their order changes, not their values):
    the dialog must not think it was edited."""
    from PySide6.QtWidgets import QTabWidget

    from ahuntsic_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.context.db, window)
    qtbot.addWidget(dialog)
    dialog.show()
    tabs = dialog.findChild(QTabWidget)
    for index in range(tabs.count()):
        qtbot.mouseClick(
            tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center()
        )
        assert tabs.currentIndex() == index
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert unsaved_answers.asked == []


def _type_vision(qtbot, editor, text) -> None:
    _click_node(qtbot, editor, editor.model.index(0, 0))  # the plan itself: its vision
    assert editor.panel.ref.kind == "plan"
    editor.panel.description.setFocus()
    qtbot.keyClick(editor.panel.description, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, editor.panel.description, text)


def test_plan_vision_then_ctrl_q_asks_once_and_saves(qtbot, window, demo_db, unsaved_answers):
    page, editor = _plan_page(qtbot, window)
    _type_vision(qtbot, editor, " Une vision tenue.")
    plan_id = editor.plan_id

    unsaved_answers.append(Choice.CANCEL)
    qtbot.keyClick(editor.panel.description, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert window.isVisible()  # Annuler: still there, still typed
    assert editor.panel.description.toPlainText().endswith("Une vision tenue.")

    unsaved_answers.append(Choice.SAVE)
    qtbot.keyClick(editor.panel.description, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert len(unsaved_answers.asked) == 2
    assert unsaved_answers.asked[-1] == [editor.panel.title.text()]  # once, naming it
    vision = next(p for p in plan_service.list_plans(demo_db) if p.id == plan_id)
    assert vision is not None
    assert plan_editing.node_detail(demo_db, editor.panel.ref).description.endswith(
        "Une vision tenue."
    )


def test_switching_page_asks_and_cancel_stays(qtbot, window, demo_db, unsaved_answers):
    page, editor = _plan_page(qtbot, window)
    _type_vision(qtbot, editor, " Encore.")
    unsaved_answers.append(Choice.CANCEL)
    nav = window.navigation
    rect = nav.visualItemRect(nav.item(0))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == PLAN and nav.currentRow() == PLAN
    unsaved_answers.append(Choice.DISCARD)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentIndex() == 0
    assert not plan_editing.node_detail(demo_db, editor.panel.ref).description.endswith("Encore.")


def test_the_real_question_has_three_french_buttons(qtbot, window):
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["text"] = box.text()
        discard = next(b for b in box.buttons() if b.text() == "Ne pas enregistrer")
        discard.click()

    QTimer.singleShot(0, answer)
    choice = unsaved.ask_with_box(window, ["Vision du plan"])
    assert choice is Choice.DISCARD
    assert seen["buttons"] == ["Annuler", "Enregistrer", "Ne pas enregistrer"]
    assert "Vision du plan" in seen["text"]
