"""No lost edits, the rest (issue 14, items 1 and 2): the import wizard, Restore, the Law 25
erasure, the server and indicator dialogs ask on Esc after an edit and close silently
untouched; the editable tables (a person's representations, the Settings quorum table, the
contribution grid) count as unsaved edits. Answers come from ``unsaved_answers``."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from ahuntsic_desktop.domain.enums import MeetingKind
from ahuntsic_desktop.services import planning
from ahuntsic_desktop.services.core import settings
from ahuntsic_desktop.services.privacy.erasure import erasure_preview
from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.store import backups
from ahuntsic_desktop.ui.backup_dialogs import RestoreDialog
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.evaluation.portrait_page import IndicatorImportDialog
from ahuntsic_desktop.ui.importing.wizard import ImportWizard
from ahuntsic_desktop.ui.page_table import row_of
from ahuntsic_desktop.ui.planning.page import PlanningPage
from ahuntsic_desktop.ui.privacy.erasure_dialog import ErasureDialog
from ahuntsic_desktop.ui.server_dialog import ServerDialog
from ahuntsic_desktop.ui.settings_dialog import SettingsDialog
from ahuntsic_desktop.ui.widgets.unsaved import Choice, GuardedDialog, snapshot

from ..dates import DEMO_TODAY
from .all_dialogs import all_dialogs
from .registry_helpers import (
    MEMBERS,
    click,
    open_page,
    open_person_with_a_representation,
    show_dialog,
    window_fixture,  # noqa: F401 (the « window » fixture)
)
from .typing import type_text


def _escape(qtbot, dialog) -> None:
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)


# -- the import wizard ----------------------------------------------------------------------


def test_wizard_after_choosing_a_file_esc_asks_to_abandon(qtbot, db, tmp_path, unsaved_answers):
    source = tmp_path / "membres.csv"
    source.write_text("Prénom;Nom\nAlice;Tremblay\n", encoding="utf-8")
    wizard = show_dialog(qtbot, ImportWizard(db))
    page = wizard.file_page
    type_text(qtbot, page.path_edit, str(source))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=15_000)
    unsaved_answers.append(Choice.CANCEL)
    _escape(qtbot, wizard)
    assert unsaved_answers.asked == [["Importer des membres"]]
    assert unsaved_answers.could_save == [False]  # « Abandonner / Continuer »
    assert wizard.isVisible()
    unsaved_answers.append(Choice.DISCARD)
    _escape(qtbot, wizard)
    assert not wizard.isVisible()


def test_wizard_untouched_esc_closes_without_asking(qtbot, db, unsaved_answers):
    wizard = show_dialog(qtbot, ImportWizard(db))
    _escape(qtbot, wizard)
    assert unsaved_answers.asked == [] and not wizard.isVisible()


# -- restore, erasure, server, indicators ---------------------------------------------------


@pytest.fixture
def two_backups(demo_path):
    """The demo file with two backups (the opening one and an older one)."""
    earlier = datetime.combine(DEMO_TODAY, datetime.min.time()) - timedelta(days=3)
    backups.make_backup(demo_path, now=earlier)
    backups.make_backup(demo_path, now=earlier + timedelta(days=1))
    return demo_path


def test_restore_choosing_another_backup_then_esc_asks(qtbot, two_backups, unsaved_answers):
    dialog = show_dialog(qtbot, RestoreDialog(two_backups))
    assert dialog.table.rowCount() >= 2
    start = dialog.selected()
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.selected() != start
    unsaved_answers.append(Choice.CANCEL)
    _escape(qtbot, dialog)
    assert unsaved_answers.asked == [["Restaurer une sauvegarde"]]
    assert dialog.isVisible() and dialog.chosen is None
    unsaved_answers.append(Choice.DISCARD)
    _escape(qtbot, dialog)
    assert not dialog.isVisible() and dialog.chosen is None


def test_restore_untouched_esc_closes_without_asking(qtbot, two_backups, unsaved_answers):
    dialog = show_dialog(qtbot, RestoreDialog(two_backups))
    _escape(qtbot, dialog)
    assert unsaved_answers.asked == [] and not dialog.isVisible()


@pytest.fixture
def erasure(qtbot, db):
    person = persons.save_person(db, None, PersonData(first_name="Lise", last_name="Fictive"))
    return show_dialog(qtbot, ErasureDialog(erasure_preview(db, person)))


def test_erasure_ticked_then_esc_offers_only_to_abandon(qtbot, erasure, unsaved_answers):
    click(qtbot, erasure.understood)
    assert erasure.confirm_button.isEnabled()
    unsaved_answers.append(Choice.SAVE)  # even a « save » answer must not erase
    _escape(qtbot, erasure)
    assert unsaved_answers.asked == [["Anonymiser la personne"]]
    assert unsaved_answers.could_save == [False]
    assert erasure.isVisible() and erasure.result() != ErasureDialog.DialogCode.Accepted
    unsaved_answers.append(Choice.DISCARD)
    _escape(qtbot, erasure)
    assert not erasure.isVisible() and erasure.result() == ErasureDialog.DialogCode.Rejected


def test_erasure_untouched_esc_closes_without_asking(qtbot, erasure, unsaved_answers):
    _escape(qtbot, erasure)
    assert unsaved_answers.asked == [] and not erasure.isVisible()


def test_server_dialog_typed_then_esc_asks(qtbot, unsaved_answers):
    dialog = show_dialog(qtbot, ServerDialog())
    type_text(qtbot, dialog.database_name, "table_ahuntsic")
    unsaved_answers.append(Choice.CANCEL)
    _escape(qtbot, dialog)
    assert unsaved_answers.asked == [["Se connecter à un serveur"]] and dialog.isVisible()


def test_indicator_import_typed_then_esc_asks(qtbot, db, unsaved_answers):
    dialog = show_dialog(
        qtbot, IndicatorImportDialog(Context(db, today=lambda: DEMO_TODAY), "indicators")
    )
    type_text(qtbot, dialog.theme, "Logement")
    unsaved_answers.append(Choice.DISCARD)
    _escape(qtbot, dialog)
    assert len(unsaved_answers.asked) == 1 and not dialog.isVisible()


# -- editable tables ------------------------------------------------------------------------


def test_settings_quorum_cell_changed_then_esc_asks_and_save_keeps_it(qtbot, db, unsaved_answers):
    dialog = show_dialog(qtbot, SettingsDialog(db))
    row = list(MeetingKind).index(MeetingKind("comite_coordination"))
    mode = dialog.quorum.cellWidget(row, 0)
    mode.setFocus()
    qtbot.keyClick(mode, Qt.Key.Key_Down)
    chosen = mode.currentData()
    assert chosen != "count" or mode.currentIndex() != 0
    unsaved_answers.append(Choice.SAVE)
    _escape(qtbot, dialog)
    assert len(unsaved_answers.asked) == 1 and not dialog.isVisible()
    assert settings.load(db).quorum_rules["comite_coordination"]["mode"] == chosen


def test_settings_untouched_esc_closes_without_asking(qtbot, db, unsaved_answers):
    dialog = show_dialog(qtbot, SettingsDialog(db))
    _escape(qtbot, dialog)
    assert unsaved_answers.asked == [] and not dialog.isVisible()


def test_person_representation_ended_then_esc_asks(qtbot, window, unsaved_answers):
    page = open_page(qtbot, window, MEMBERS)
    page.tabs.setCurrentWidget(page.persons)
    dialog, current = open_person_with_a_representation(qtbot, window, page.persons.list)
    editor = dialog.representations
    editor.table.selectRow(current)
    assert not dialog.is_dirty()  # choosing a row is not an edit
    click(qtbot, editor.end_button)
    unsaved_answers.append(Choice.CANCEL)
    _escape(qtbot, dialog)
    assert len(unsaved_answers.asked) == 1 and dialog.isVisible()
    assert editor.table.item(current, 4).text() == "Se termine (à enregistrer)"


PLANNING = row_of(PlanningPage.__name__)


def _type_in_first_cell(qtbot, page, text: str) -> QLineEdit:
    """Double-click the grid's first cell and type ``text`` in its editor (left open)."""
    table = page.grid.table
    rect = table.visualItemRect(table.item(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    type_text(qtbot, editor, text)
    return editor


def _click_navigation(qtbot, window, row: int) -> None:
    nav = window.navigation
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_contribution_grid_typed_then_another_page_asks_and_saves(qtbot, window, unsaved_answers):
    page = open_page(qtbot, window, PLANNING)
    page.tabs.setCurrentIndex(1)
    activity = page.activity_id()
    assert activity is not None
    process = page.process_id()
    _type_in_first_cell(qtbot, page, "Une halte-garderie")  # still in the cell's editor
    unsaved_answers.append(Choice.CANCEL)
    _click_navigation(qtbot, window, 0)
    assert unsaved_answers.asked == [["Nouvelles contributions"]]
    assert window.current_page() is page and page.grid.cell(0, 0) == "Une halte-garderie"
    unsaved_answers.append(Choice.SAVE)
    _click_navigation(qtbot, window, 0)
    assert window.stack.currentIndex() == 0
    texts = [c.text for c in planning.list_contributions(window.db, process, DEMO_TODAY,
                                                         activity_id=activity)]  # fmt: skip
    assert "Une halte-garderie" in texts


def test_contribution_grid_typed_then_another_activity_asks(qtbot, window, unsaved_answers):
    page = open_page(qtbot, window, PLANNING)
    page.tabs.setCurrentIndex(1)
    combo, first, process = page.activity_combo, page.activity_id(), page.process_id()
    assert combo.count() >= 2
    editor = _type_in_first_cell(qtbot, page, "Un marché public")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    unsaved_answers.append(Choice.CANCEL)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() == 0 else Qt.Key.Key_Up)
    assert unsaved_answers.asked == [["Nouvelles contributions"]]
    assert page.activity_id() == first and page.grid.cell(0, 0) == "Un marché public"
    unsaved_answers.append(Choice.SAVE)
    qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() == 0 else Qt.Key.Key_Up)
    assert page.activity_id() != first and page.grid.cell(0, 0) == ""
    texts = [c.text for c in planning.list_contributions(window.db, process, DEMO_TODAY,
                                                         activity_id=first)]  # fmt: skip
    assert "Un marché public" in texts


def test_every_dialog_with_fields_asks_before_losing_them(qtbot, window, tmp_path):
    """Every dialog of the app (all_dialogs.py) that holds inputs is guarded: a new one
    written as a bare QDialog would close silently on Esc after an edit."""
    bare = []
    for name, make in all_dialogs(window, DEMO_TODAY, tmp_path).items():
        dialog = make()
        qtbot.addWidget(dialog)
        guarded = isinstance(dialog, GuardedDialog | ImportWizard) or hasattr(
            dialog, "unsaved_editors"
        )
        if not guarded and isinstance(dialog, QDialog) and snapshot(dialog):
            bare.append(name)
        dialog.close()
    assert bare == []


def test_activity_headcount_population_typed_then_esc_asks(qtbot, window, unsaved_answers):
    from ahuntsic_desktop.ui.planning.activity_dialog import ActivityDialog

    process = planning.list_processes(window.db)[-1].id
    summary = planning.process_summary(window.db, process)
    activity = next(a.id for a in summary.activities if a.anonymous > 0)  # has headcounts
    dialog = show_dialog(qtbot, ActivityDialog(window.context, process, activity, window))
    dialog.tabs.setCurrentWidget(dialog.headcounts)
    click(qtbot, dialog.headcounts.add_button)
    unsaved_answers.append(Choice.DISCARD)
    _escape(qtbot, dialog)  # an empty line added: that is an edit already
    assert len(unsaved_answers.asked) == 1 and not dialog.isVisible()

    dialog = show_dialog(qtbot, ActivityDialog(window.context, process, activity, window))
    dialog.tabs.setCurrentWidget(dialog.headcounts)
    table = dialog.headcounts.table
    assert table.rowCount() > 0
    qtbot.waitUntil(dialog.isActiveWindow)
    rect = table.visualItemRect(table.item(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, "Aîné·es du quartier")
    assert editor.text() == "Aîné·es du quartier"
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert table.item(0, 1).text() == "Aîné·es du quartier"
    unsaved_answers.append(Choice.CANCEL)
    _escape(qtbot, dialog)
    assert len(unsaved_answers.asked) == 2 and dialog.isVisible()
