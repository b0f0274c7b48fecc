"""The server is killed while a person form is being filled: saving says in French that
the server does not answer and offers to try again, the form stays open as typed, and
once the server is back the same save goes through. PostgreSQL pass only."""

from __future__ import annotations

import pytest

from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.registry.person_dialog import PersonDialog
from tests import server_db

from ..dates import DEMO_TODAY
from .registry_helpers import save
from .typing import type_into

pytestmark = pytest.mark.skipif(
    not server_db.KILL_SWITCH, reason="needs packaging/pg-cluster.sh's server (kill switch)"
)


def test_a_killed_server_keeps_the_form_open_and_the_save_passes_once_back(
    qtbot, db, message_boxes
):
    dialog = PersonDialog(Context(db, today=lambda: DEMO_TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_into(qtbot, dialog.first_name, "Ana")
    type_into(qtbot, dialog.last_name, "Roy")
    server_db.kill_server()
    try:
        save(qtbot, dialog)  # « Annuler » in the retry box (the recorded box returns 0)
    finally:
        server_db.start_server()
    [(kind, text)] = message_boxes
    assert kind == "box" and "ne répond pas ou refuse la connexion" in text
    assert dialog.isVisible()
    assert (dialog.first_name.text(), dialog.last_name.text()) == ("Ana", "Roy")
    save(qtbot, dialog)
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert persons.get_person(db, dialog.person_id).last_name == "Roy"
