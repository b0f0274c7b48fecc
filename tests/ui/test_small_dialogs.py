"""Dialogs on a 1024x600 screen (issue 14 item 2): the election fits (its fields scroll,
its buttons stay in sight) and the Settings quorum table shows both its columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget

from ahuntsic_desktop.services.meetings import meetings
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.governance.election_dialog import ElectionDialog
from ahuntsic_desktop.ui.settings_dialog import SettingsDialog

from ..dates import DEMO_TODAY
from .registry_helpers import show_dialog


def test_the_election_dialog_can_be_as_small_as_the_screen(qtbot, demo_db):
    meeting_id = meetings.list_meetings(demo_db, upcoming=False, today=DEMO_TODAY).ids[0]
    dialog = show_dialog(
        qtbot, ElectionDialog(Context(demo_db, today=lambda: DEMO_TODAY), meeting_id)
    )
    assert dialog.minimumSizeHint().height() <= 560  # a 600-pixel screen, less a panel
    dialog.resize(dialog.width(), 560)
    assert dialog.height() <= 560
    assert dialog.buttons.isVisible()
    assert dialog.buttons.geometry().bottom() <= dialog.height()


def test_the_quorum_table_shows_the_rule_and_the_value(qtbot, db):
    dialog = show_dialog(qtbot, SettingsDialog(db))
    bar = dialog.findChild(QTabWidget).tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    table = dialog.quorum
    qtbot.waitUntil(table.isVisible)
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(1) + header.sectionSize(1) <= table.viewport().width()
    assert header.sectionSize(0) > header.sectionSize(1)  # the rule has the room
    mode = table.cellWidget(2, 0)
    assert mode.toolTip() == mode.currentText()  # its whole text, when cut
