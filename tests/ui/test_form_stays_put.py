"""Error lines do not push the form (issue 14, item 5): the check made on leaving a field
shows its message in a place kept for it, so the next field stays under the mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt

from .registry_helpers import (
    ORGANIZATIONS,
    click,
    open_page,
    save,
    type_into,
    window_fixture,  # noqa: F401 (the « window » fixture)
)


def test_a_bad_email_shows_its_error_without_moving_the_fields(qtbot, window):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    before = {name: dialog.form.fields[name].mapTo(dialog, dialog.form.fields[name].rect().topLeft())
              for name in ("phone", "website", "notes")}  # fmt: skip
    save_before = dialog.buttons.mapTo(dialog, dialog.buttons.rect().topLeft())
    type_into(qtbot, dialog.email, "pas-une-adresse")
    qtbot.keyClick(dialog.email, Qt.Key.Key_Tab)
    error = dialog.form.errors["email"]
    qtbot.waitUntil(error.isVisible)
    assert "n'est pas une adresse courriel valide" in error.text()
    for name, where in before.items():
        field = dialog.form.fields[name]
        assert field.mapTo(dialog, field.rect().topLeft()) == where, name
    assert dialog.buttons.mapTo(dialog, dialog.buttons.rect().topLeft()) == save_before
    type_into(qtbot, dialog.name, "Maison stable")
    type_into(qtbot, dialog.email, "info@stable.example")
    save(qtbot, dialog)
