"""Settings: the quorum rule choices, with the majority (issue 13, item 4)."""

from __future__ import annotations

from ahuntsic_desktop.domain.enums import MeetingKind
from ahuntsic_desktop.services.core import settings
from ahuntsic_desktop.ui.settings_dialog import SettingsDialog


def test_majority_rule_chosen_and_said_in_settings(qtbot, db):
    dialog = SettingsDialog(db)
    qtbot.addWidget(dialog)
    row = list(MeetingKind).index(MeetingKind("comite_coordination"))
    mode = dialog.quorum.cellWidget(row, 0)
    assert "50 % : la moitié" in mode.currentText()
    assert "Comité de coordination : au moins 50 % des membres votants de l'instance" in (
        dialog.quorum_summary.text()
    )
    mode.setCurrentIndex(mode.findData("majority"))
    assert "Comité de coordination : majorité (50 % + 1) des membres votants de l'instance" in (
        dialog.quorum_summary.text()
    )
    dialog.accept()
    rule = settings.load(db).quorum_rules["comite_coordination"]
    assert rule["mode"] == "majority"
    assert settings.load(db).quorum_required("comite_coordination", 10) == 6
