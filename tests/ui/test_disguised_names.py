"""The person dialog refuses a name carrying a right-to-left override (issue 11, item 9)
with the reason beside the field, and saves nothing. Non-ASCII text is put in with
``setText`` and a key event (``keyClicks`` of non-ASCII aborts Qt on some machines)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.registry.person_dialog import PersonDialog

from ..dates import DEMO_TODAY
from .registry_helpers import save


def put_text(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.setText(text)
    qtbot.keyClick(edit, Qt.Key.Key_End)


def test_a_name_with_a_right_to_left_override_is_refused(qtbot, demo_db):
    count = len(persons.list_persons(demo_db, include_archived=True))
    dialog = PersonDialog(Context(demo_db, today=lambda: DEMO_TODAY), None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    put_text(qtbot, dialog.first_name, "Marie")
    put_text(qtbot, dialog.last_name, "\u202eétôC")  # shows as « Côté »
    save(qtbot, dialog)
    message = dialog.form.errors["last_name"].text()
    assert "direction du texte" in message and "U+202E" in message
    assert dialog.isVisible()

    put_text(qtbot, dialog.last_name, "Côté")
    put_text(qtbot, dialog.email, "marie\u200b@exemple.org")
    save(qtbot, dialog)
    assert "largeur nulle" in dialog.form.errors["email"].text()
    assert dialog.form.errors["last_name"].isHidden()
    dialog.reject()
    assert len(persons.list_persons(demo_db, include_archived=True)) == count
