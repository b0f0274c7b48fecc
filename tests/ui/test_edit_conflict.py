"""Two windows edit the same person (two users of a shared server): the second to save is
shown both versions side by side and chooses; nothing is overwritten silently."""

from __future__ import annotations

from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.registry.person_dialog import PersonDialog

from ..dates import DEMO_TODAY
from .privacy_helpers import dialogs_fixture  # noqa: F401 (the « dialogs » fixture)
from .registry_helpers import click, save
from .typing import type_into


def open_person(qtbot, db, person_id) -> PersonDialog:
    dialog = PersonDialog(Context(db, today=lambda: DEMO_TODAY), person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def two_windows_on_ana(qtbot, db):
    ana = persons.save_person(db, None, PersonData("Ana", "Roy", email="ana@exemple.ca"))
    first, second = open_person(qtbot, db, ana), open_person(qtbot, db, ana)
    type_into(qtbot, first.phone, "514 555-0101")
    save(qtbot, first)
    assert first.result() == PersonDialog.DialogCode.Accepted
    type_into(qtbot, second.email, "ana.roy@exemple.ca")
    return ana, second


def test_the_second_save_shows_both_versions_and_keeps_mine_when_asked(qtbot, file_db, dialogs):
    db = file_db
    seen = []

    def keep_mine(conflict):
        seen.append(conflict.rows())
        click(qtbot, conflict.keep)

    dialogs.append(keep_mine)
    ana, second = two_windows_on_ana(qtbot, db)
    save(qtbot, second)
    assert seen == [
        [
            ("Courriel", "ana.roy@exemple.ca", "ana@exemple.ca"),
            ("Téléphone", "", "514 555-0101"),
        ]
    ]
    assert second.result() == PersonDialog.DialogCode.Accepted
    saved = persons.get_person(db, ana)
    # Kept knowingly: my email, and my (empty) phone over theirs, as the table showed.
    assert (saved.email, saved.phone, saved.version) == ("ana.roy@exemple.ca", None, 3)


def test_taking_the_saved_version_refills_the_form_and_saves_nothing(qtbot, file_db, dialogs):
    db = file_db
    dialogs.append(lambda conflict: click(qtbot, conflict.take))
    ana, second = two_windows_on_ana(qtbot, db)
    save(qtbot, second)
    assert second.isVisible()  # back to the form, now showing their version
    assert (second.email.text(), second.phone.text()) == ("ana@exemple.ca", "514 555-0101")
    saved = persons.get_person(db, ana)
    assert (saved.email, saved.phone, saved.version) == ("ana@exemple.ca", "514 555-0101", 2)
    type_into(qtbot, second.address, "10, rue Fleury")
    save(qtbot, second)  # from the fresh version: saved without a conflict
    assert second.result() == PersonDialog.DialogCode.Accepted
    saved = persons.get_person(db, ana)
    assert (saved.address, saved.phone, saved.version) == ("10, rue Fleury", "514 555-0101", 3)
