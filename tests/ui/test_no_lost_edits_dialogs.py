"""No lost edits in the small dialogs (issue 14, item 1): the new plan, « Déplacer sous… »,
the chantier roster, the merge preview, the démarche vocabularies and the import value map
ask « Enregistrer / Ne pas enregistrer / Annuler » on Esc after an edit, and close silently
when nothing was changed. The question is answered by ``unsaved_answers`` (conftest)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from ahuntsic_desktop.services.plan import editing as pe
from ahuntsic_desktop.services.plan.editing import NodeRef
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.importing.value_map_dialog import ValueMapDialog
from ahuntsic_desktop.ui.plan.dialogs import MoveDialog, NewPlanDialog
from ahuntsic_desktop.ui.planning.vocabulary_dialog import VocabularyDialog
from ahuntsic_desktop.ui.widgets.unsaved import Choice

from .typing import type_text

TODAY = date(2026, 6, 1)


@pytest.fixture
def context(db):
    return Context(db, today=lambda: TODAY)


def _show(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _escape(qtbot, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_new_plan_edited_then_esc_asks_and_cancel_keeps_it_open(qtbot, context, unsaved_answers):
    dialog = _show(qtbot, NewPlanDialog(context))
    type_text(qtbot, dialog.fields.title, "Plan 2026-2030")
    unsaved_answers.append(Choice.CANCEL)
    _escape(qtbot, dialog)
    assert unsaved_answers.asked == [["Nouveau plan d'action"]]
    assert dialog.isVisible() and dialog.fields.title.text() == "Plan 2026-2030"


def test_new_plan_edited_then_esc_and_save_creates_the_plan(qtbot, context, unsaved_answers):
    dialog = _show(qtbot, NewPlanDialog(context))
    type_text(qtbot, dialog.fields.title, "Plan 2026-2030")
    unsaved_answers.append(Choice.SAVE)
    _escape(qtbot, dialog)
    assert len(unsaved_answers.asked) == 1
    assert not dialog.isVisible() and dialog.plan_id is not None


def test_new_plan_untouched_esc_closes_without_asking(qtbot, context, unsaved_answers):
    dialog = _show(qtbot, NewPlanDialog(context))
    _escape(qtbot, dialog)
    assert unsaved_answers.asked == []
    assert not dialog.isVisible() and dialog.plan_id is None


@pytest.fixture
def move_dialog(qtbot, db):
    plan_id = pe.create_plan(db, "Plan 2021-2025", 2021, 2025)
    root = NodeRef("plan", plan_id)
    vivre = pe.add_node(db, "pillar", root, "Vivre")
    pe.add_node(db, "pillar", root, "Agir")
    food = pe.add_node(db, "chantier", vivre, "Alimentation")
    dialog = MoveDialog("Alimentation", pe.move_targets(db, food), vivre)
    dialog.choose(vivre)
    return _show(qtbot, dialog)


def test_move_another_place_then_esc_asks(qtbot, move_dialog, unsaved_answers):
    start = move_dialog.chosen()
    qtbot.keyClick(move_dialog.places, Qt.Key.Key_Down)
    assert move_dialog.chosen() != start
    unsaved_answers.append(Choice.DISCARD)
    _escape(qtbot, move_dialog)
    assert unsaved_answers.asked == [["Déplacer sous…"]]
    assert not move_dialog.isVisible()
    assert move_dialog.result() == MoveDialog.DialogCode.Rejected


def test_move_untouched_esc_closes_without_asking(qtbot, move_dialog, unsaved_answers):
    _escape(qtbot, move_dialog)
    assert unsaved_answers.asked == []
    assert not move_dialog.isVisible()


def test_vocabulary_typed_term_then_esc_asks_and_save_adds_it(qtbot, context, unsaved_answers):
    dialog = _show(qtbot, VocabularyDialog(context))
    type_text(qtbot, dialog.themes.edit, "Mobilité durable")
    unsaved_answers.append(Choice.SAVE)
    _escape(qtbot, dialog)
    assert len(unsaved_answers.asked) == 1
    assert not dialog.isVisible()
    reopened = _show(qtbot, VocabularyDialog(context))
    names = [reopened.themes.list.item(r).text() for r in range(reopened.themes.list.count())]
    assert "Mobilité durable" in names


def test_vocabulary_untouched_esc_closes_without_asking(qtbot, context, unsaved_answers):
    dialog = _show(qtbot, VocabularyDialog(context))
    _escape(qtbot, dialog)
    assert unsaved_answers.asked == []
    assert not dialog.isVisible()


def test_value_map_changed_choice_then_esc_asks(qtbot, unsaved_answers):
    dialog = ValueMapDialog(
        None, "Catégorie", "Catégorie", [("Communautaire", 3)],
        [("communautaire", "Communautaire"), ("public", "Public")], {},
    )  # fmt: skip
    _show(qtbot, dialog)
    dialog.combos[0].setCurrentIndex(2)
    unsaved_answers.append(Choice.CANCEL)
    _escape(qtbot, dialog)
    assert len(unsaved_answers.asked) == 1 and dialog.isVisible()
