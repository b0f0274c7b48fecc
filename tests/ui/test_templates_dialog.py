"""Email templates (Paramètres › Courriels › Modèles): an edited template is not lost by
choosing another in the list or closing; the question offers to save it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ahuntsic_desktop.services.communications import templates
from ahuntsic_desktop.ui.communications.templates_dialog import TemplatesDialog
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.widgets.unsaved import Choice

from ..dates import DEMO_TODAY
from .typing import type_text


def open_dialog(qtbot, demo_db) -> TemplatesDialog:
    dialog = TemplatesDialog(Context(demo_db, today=lambda: DEMO_TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose_row(qtbot, dialog, row: int) -> None:
    rect = dialog.list.visualItemRect(dialog.list.item(row))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_choosing_another_template_after_an_edit_asks(qtbot, demo_db, unsaved_answers):
    dialog = open_dialog(qtbot, demo_db)
    first = dialog.editing
    dialog.subject.end(False)
    type_text(qtbot, dialog.subject, " (modifié)")
    unsaved_answers.append(Choice.CANCEL)
    choose_row(qtbot, dialog, 1)
    assert len(unsaved_answers.asked) == 1
    assert dialog.editing == first and dialog.subject.text().endswith("(modifié)")
    unsaved_answers.append(Choice.SAVE)
    choose_row(qtbot, dialog, 1)
    assert templates.get_template(demo_db, first).subject.endswith("(modifié)")
    assert dialog.editing != first and not dialog.is_dirty()
    choose_row(qtbot, dialog, 0)  # untouched: no question
    assert len(unsaved_answers.asked) == 2


def test_closing_after_an_edit_offers_to_save(qtbot, demo_db, unsaved_answers):
    dialog = open_dialog(qtbot, demo_db)
    edited = dialog.editing
    type_text(qtbot, dialog.body, "Une ligne de plus.")
    unsaved_answers.append(Choice.SAVE)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert unsaved_answers.asked and not dialog.isVisible()
    assert "Une ligne de plus." in templates.get_template(demo_db, edited).body
