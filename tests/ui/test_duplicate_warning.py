"""While a new person or organisation is typed, similar existing records are listed under
the name fields (same name ignoring accents, case, hyphens and word order; same email or
phone). The hint never blocks saving, and a double-click offers to open the existing
record instead.

Only ASCII is typed with ``keyClicks`` (non-ASCII key clicks abort Qt on some machines);
accents are put in with ``setText``."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ahuntsic_desktop.services.registry import organizations, persons
from ahuntsic_desktop.services.registry.duplicates import similar_persons
from ahuntsic_desktop.services.registry.organizations import OrganizationData
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.registry.organization_dialog import OrganizationDialog
from ahuntsic_desktop.ui.registry.person_dialog import PersonDialog

from ..dates import DEMO_TODAY
from .registry_helpers import (
    MEMBERS,
    answer_yes,
    open_page,
    save,
    type_into,
    window_fixture,  # noqa: F401 (the « window » fixture)
)

WAIT_MS = 3000


@pytest.fixture
def existing(demo_db):
    """Marie Côté-Lévesque and the Maison des jeunes d'Ahuntsic, already in the file."""
    marie = persons.save_person(
        demo_db,
        None,
        PersonData(
            first_name="Marie",
            last_name="Côté-Lévesque",
            email="marie.cote@exemple.org",
            phone="514 555-0199",
        ),
    )
    mdj = organizations.create_organization(
        demo_db,
        OrganizationData(name="Maison des jeunes d'Ahuntsic", email="info@mdja.example"),
    )
    return marie, mdj


def open_person(qtbot, db, person_id=None) -> PersonDialog:
    dialog = PersonDialog(Context(db, today=lambda: DEMO_TODAY), person_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def open_organization(qtbot, db, organization_id=None) -> OrganizationDialog:
    dialog = OrganizationDialog(Context(db, today=lambda: DEMO_TODAY), organization_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def shown(hint) -> list[str]:
    return [hint.list.item(i).text() for i in range(hint.list.count())]


def wait_shown(qtbot, hint, text: str) -> None:
    qtbot.waitUntil(
        lambda: hint.isVisible() and any(text in t for t in shown(hint)), timeout=WAIT_MS
    )


def wait_hidden(qtbot, hint) -> None:
    qtbot.waitUntil(lambda: not hint.timer.isActive() and hint.isHidden(), timeout=WAIT_MS)


def test_person_name_in_another_order_without_accents_is_shown(qtbot, demo_db, existing):
    marie, _mdj = existing
    dialog = open_person(qtbot, demo_db)
    assert dialog.hint.isHidden()
    type_into(qtbot, dialog.last_name, "levesque")
    type_into(qtbot, dialog.first_name, "marie cote")
    wait_shown(qtbot, dialog.hint, "Marie Côté-Lévesque — même nom")
    item = dialog.hint.list.item(0)
    assert item.data(Qt.ItemDataRole.UserRole) == marie
    # the hint sits under the name fields, above the email
    assert dialog.last_name.mapTo(dialog, dialog.last_name.rect().bottomLeft()).y() < (
        dialog.hint.mapTo(dialog, dialog.hint.rect().topLeft()).y()
    )
    assert dialog.hint.mapTo(dialog, dialog.hint.rect().bottomLeft()).y() < (
        dialog.email.mapTo(dialog, dialog.email.rect().topLeft()).y()
    )

    type_into(qtbot, dialog.first_name, "Paul")  # someone else: the hint goes away
    wait_hidden(qtbot, dialog.hint)


def test_same_email_or_phone_is_shown(qtbot, demo_db, existing):
    dialog = open_person(qtbot, demo_db)
    type_into(qtbot, dialog.first_name, "Jean")
    type_into(qtbot, dialog.last_name, "Tremblay")
    type_into(qtbot, dialog.email, "MARIE.COTE@exemple.org")
    wait_shown(qtbot, dialog.hint, "même courriel")
    type_into(qtbot, dialog.email, "jean@exemple.org")
    wait_hidden(qtbot, dialog.hint)
    type_into(qtbot, dialog.phone, "(514) 555-0199")
    wait_shown(qtbot, dialog.hint, "même téléphone")


def test_organisation_name_without_punctuation_is_shown(qtbot, demo_db, existing):
    _marie, mdj = existing
    dialog = open_organization(qtbot, demo_db)
    type_into(qtbot, dialog.name, "maison des jeunes d ahuntsic")
    wait_shown(qtbot, dialog.hint, "Maison des jeunes d'Ahuntsic — même nom")
    assert dialog.hint.list.item(0).data(Qt.ItemDataRole.UserRole) == mdj
    type_into(qtbot, dialog.name, "Maison des aines")
    wait_hidden(qtbot, dialog.hint)
    type_into(qtbot, dialog.email, "INFO@mdja.example")
    wait_shown(qtbot, dialog.hint, "même courriel")


def test_editing_a_record_does_not_warn_about_itself(qtbot, demo_db, existing):
    marie, mdj = existing
    dialog = open_person(qtbot, demo_db, marie)
    type_into(qtbot, dialog.last_name, "Cote-Levesque")
    type_into(qtbot, dialog.phone, "514-555-0199")
    assert dialog.hint.timer.isActive()  # a search was asked for...
    wait_hidden(qtbot, dialog.hint)  # ...and found nothing but the person being edited
    assert dialog.hint.matches == []

    org_dialog = open_organization(qtbot, demo_db, mdj)
    type_into(qtbot, org_dialog.name, "Maison des jeunes d Ahuntsic")
    assert org_dialog.hint.timer.isActive()
    wait_hidden(qtbot, org_dialog.hint)


def test_a_homonym_can_still_be_saved(qtbot, window, demo_db, existing):
    tab = open_page(qtbot, window, MEMBERS).persons
    window.current_page().tabs.setCurrentWidget(tab)
    tab.new()
    dialog = tab.dialog
    dialog.first_name.setText("Marie")
    dialog.last_name.setText("Côté-Lévesque")
    wait_shown(qtbot, dialog.hint, "même nom")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert len(similar_persons(demo_db, "Marie", "Côté-Lévesque")) == 2
    assert dialog.person_id != existing[0]


def test_double_click_offers_to_open_the_existing_record(qtbot, demo_db, existing, monkeypatch):
    marie, mdj = existing
    asked = answer_yes(monkeypatch)
    dialog = open_person(qtbot, demo_db)
    type_into(qtbot, dialog.first_name, "MARIE")
    type_into(qtbot, dialog.last_name, "cote levesque")
    wait_shown(qtbot, dialog.hint, "même nom")
    view = dialog.hint.list
    rect = view.visualItemRect(view.item(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(dialog.existing_chosen, timeout=WAIT_MS) as chosen:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert chosen.args == [marie]
    assert asked == ["Ouvrir la fiche existante plutôt que d'en créer une nouvelle ?"]
    assert dialog.chosen_existing_id == marie
    assert not dialog.isVisible() and dialog.result() == 0  # closed without saving
    assert len(similar_persons(demo_db, "Marie", "Cote-Levesque")) == 1

    org_dialog = open_organization(qtbot, demo_db)
    type_into(qtbot, org_dialog.name, "MAISON DES JEUNES D'AHUNTSIC")
    wait_shown(qtbot, org_dialog.hint, "même nom")
    org_dialog.hint.list.itemActivated.emit(org_dialog.hint.list.item(0))
    assert org_dialog.chosen_existing_id == mdj
    assert not org_dialog.isVisible()


def test_refusing_the_offer_keeps_the_dialog_open(qtbot, demo_db, existing, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.exec", lambda box: 0)
    dialog = open_person(qtbot, demo_db)
    type_into(qtbot, dialog.email, "marie.cote@exemple.org")
    wait_shown(qtbot, dialog.hint, "même courriel")
    dialog.hint.list.itemActivated.emit(dialog.hint.list.item(0))
    assert dialog.isVisible() and dialog.chosen_existing_id is None


def test_choosing_the_existing_record_opens_it_from_the_list(
    qtbot, window, demo_db, existing, monkeypatch
):
    marie, _mdj = existing
    answer_yes(monkeypatch)
    tab = open_page(qtbot, window, MEMBERS).persons
    window.current_page().tabs.setCurrentWidget(tab)
    tab.new()
    new_dialog = tab.dialog
    type_into(qtbot, new_dialog.first_name, "marie")
    type_into(qtbot, new_dialog.last_name, "cote levesque")
    wait_shown(qtbot, new_dialog.hint, "même nom")
    new_dialog.hint.list.itemActivated.emit(new_dialog.hint.list.item(0))
    qtbot.waitUntil(lambda: tab.dialog is not new_dialog, timeout=WAIT_MS)
    assert tab.dialog.person_id == marie
    assert tab.dialog.last_name.text() == "Côté-Lévesque"
