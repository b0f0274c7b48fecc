"""Erasure, consents and rectification by clicking in a person's privacy file; the
retention list and the incident register on the « Vie privée » page."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select, update

from ahuntsic_desktop.domain import Attendance, Consent, Person
from ahuntsic_desktop.services.privacy import consents, incidents
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.privacy.erasure_dialog import ErasureDialog
from ahuntsic_desktop.ui.privacy.person_dialog import PersonPrivacyDialog

from ..dates import DEMO_TODAY
from .privacy_helpers import (  # noqa: F401 (fixtures)
    click,
    click_cell,
    dialogs_fixture,
    privacy_page,
    save,
    type_into,
    window_fixture,
)


@pytest.fixture
def person(demo_db):
    """A demo person with attendance and an email consent: (id, attendance count)."""
    with demo_db.session() as s:
        person_id = s.scalars(
            select(Person.id)
            .join(Attendance, Attendance.person_id == Person.id)
            .join(Consent, Consent.person_id == Person.id)
            .where(Consent.purpose == "contact_courriel", Consent.withdrawn_on.is_(None))
            .limit(1)
        ).one()
        count = s.scalar(select(func.count(Attendance.id)).where(Attendance.person_id == person_id))
    return person_id, count


@pytest.fixture
def privacy(qtbot, demo_db, person):
    dialog = PersonPrivacyDialog(Context(demo_db, today=lambda: DEMO_TODAY), person[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_cancel_then_confirm_an_erasure(qtbot, privacy, dialogs, demo_db, person, message_boxes):
    person_id, attendance = person
    name = privacy.name.text()

    def cancel(dialog: ErasureDialog) -> None:
        assert name in dialog.summary.text()
        assert "ne peut pas être annulée" in dialog.warning.text()
        assert "restauration d'une sauvegarde" in dialog.warning.text()
        dialog.buttons.rejected.emit()

    dialogs.append(cancel)
    click(qtbot, privacy.erase_button)
    assert privacy.name.text() == name

    def confirm(dialog: ErasureDialog) -> None:
        assert not dialog.confirm_button.isEnabled()  # nothing without the tick
        click(qtbot, dialog.understood)
        click(qtbot, dialog.confirm_button)

    dialogs.append(confirm)
    click(qtbot, privacy.erase_button)
    assert not dialogs
    assert privacy.name.text() == f"Personne anonymisée #{person_id}"
    assert "Anonymisée le" in privacy.details.text()
    for button in (privacy.erase_button, privacy.rectify_button, privacy.grant_button):
        assert not button.isEnabled()
    assert [privacy.consents.item(r, 1).text() for r in range(3)] == ["Aucun"] * 3
    assert message_boxes[-1] == (
        "information",
        f"La personne est maintenant « Personne anonymisée #{person_id} ».",
    )
    with demo_db.session() as s:
        assert s.get(Person, person_id).email is None
        kept = s.scalar(select(func.count(Attendance.id)).where(Attendance.person_id == person_id))
    assert kept == attendance


def test_grant_and_withdraw_a_consent(qtbot, privacy, dialogs, demo_db, person):
    person_id = person[0]
    photos = 2  # rows: email contact, directory, photos
    if consents.has_consent(demo_db, person_id, "photos", on=DEMO_TODAY):
        consents.withdraw_purpose(demo_db, person_id, "photos", on=DEMO_TODAY)
        privacy.refresh()
    click_cell(qtbot, privacy.consents, photos)

    def grant(dialog) -> None:
        assert dialog.purpose.currentData() == "photos"
        type_into(qtbot, dialog.source, "Formulaire de la fete de quartier")
        save(qtbot, dialog)

    dialogs.append(grant)
    click(qtbot, privacy.grant_button)
    assert privacy.consents.item(photos, 1).text() == "En vigueur"
    assert privacy.consents.item(photos, 3).text() == "Formulaire de la fete de quartier"
    assert consents.has_consent(demo_db, person_id, "photos", on=DEMO_TODAY)

    click_cell(qtbot, privacy.consents, photos)
    dialogs.append(lambda dialog: save(qtbot, dialog))
    click(qtbot, privacy.withdraw_button)
    assert privacy.consents.item(photos, 1).text() == "Retiré"
    assert not consents.has_consent(demo_db, person_id, "photos", on=DEMO_TODAY)


def test_rectify_opens_the_person_form(qtbot, privacy, dialogs, demo_db, person):
    def rectify(dialog) -> None:
        assert type(dialog).__name__ == "PersonDialog"
        type_into(qtbot, dialog.phone, "514 555 0111")
        save(qtbot, dialog)

    dialogs.append(rectify)
    click(qtbot, privacy.rectify_button)
    with demo_db.session() as s:
        assert s.get(Person, person[0]).phone == "514 555-0111"
    assert "514 555-0111" in privacy.details.text()


def test_retention_list_and_erasure_after_confirmation(qtbot, window, demo_db, monkeypatch):
    with demo_db.session() as s:  # as if the file had been filled from old spreadsheets
        s.execute(update(Person).values(created_at=dt.datetime(2010, 1, 1)))
    page = privacy_page(qtbot, window)
    page.tabs.setCurrentIndex(1)
    assert "7 ans" in page.rule.text()
    ids = page.candidates.model.table.ids
    assert ids, "the demo has people with no recent activity"
    click_cell(qtbot, page.candidates.view, 0)
    [old] = page.candidates.selected_ids()
    asked: list[str] = []

    def answer(box):
        asked.append(box.text())
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "exec", answer)
    click(qtbot, page.erase_button)
    assert "ne peut pas être annulée" in asked[0]
    with demo_db.session() as s:
        assert s.get(Person, old).anonymized_at is not None
    assert old not in page.candidates.model.table.ids


def test_add_an_incident_and_export_the_register(qtbot, window, dialogs, demo_db, tmp_path):
    page = privacy_page(qtbot, window)
    page.tabs.setCurrentIndex(2)

    def fill(dialog) -> None:
        type_into(qtbot, dialog.description, "=Cle USB perdue lors d'une assemblee")
        type_into(qtbot, dialog.people, "40")
        dialog.serious_harm.setCurrentIndex(2)  # Non
        save(qtbot, dialog)
        assert dialog.form.visible_errors() == [
            "Expliquez ce qui a mené à conclure au risque de préjudice sérieux ou non."
        ]
        type_into(qtbot, dialog.risk, "Liste de noms seulement, sans coordonnees.")
        save(qtbot, dialog)

    dialogs.append(fill)
    click(qtbot, page.new_incident_button)
    assert page.incidents.model.rowCount() == 1
    [incident] = incidents.list_incidents(demo_db).ids
    assert incidents.get_incident(demo_db, incident).people_affected == 40
    target = tmp_path / "registre.xlsx"
    page.choose_export_path = lambda: target
    click(qtbot, page.export_incidents_button)
    sheet = load_workbook(target).worksheets[0]
    assert sheet.cell(1, 1).value.startswith("Confidentiel")  # the mark, then the header
    cell = sheet.cell(3, 4)
    assert cell.value.startswith("=Cle USB") and cell.data_type == "s"


def test_the_dialog_shows_each_passage_before_anything_changes(qtbot, db, dialogs, message_boxes):
    """Issue 11 #10: the merged record and every passage (table, column, record, excerpt)
    are listed; cancelling changes nothing, confirming rewrites them all."""
    from ahuntsic_desktop.domain import Meeting

    from ..services.privacy_world import PLACE, build_world, spread_everywhere

    world = build_world(db)
    extra = spread_everywhere(db, world)
    privacy = PersonPrivacyDialog(Context(db), world.elise)
    qtbot.addWidget(privacy)
    privacy.show()
    qtbot.waitExposed(privacy)
    seen: dict[str, list] = {}

    def look_then_cancel(dialog: ErasureDialog) -> None:
        assert "Elise Cote-Levesque (fiche #" in dialog.summary.text()
        assert "documents exportés auparavant" in dialog.warning.text()
        table = dialog.changes
        assert table.isVisible()
        seen["rows"] = [
            tuple(table.item(r, c).text() for c in range(4)) for r in range(table.rowCount())
        ]
        dialog.buttons.rejected.emit()

    dialogs.append(look_then_cancel)
    click(qtbot, privacy.erase_button)
    assert ("Lieu de rencontre", "meeting.place", f"#{extra.meeting}", PLACE) in seen["rows"]
    assert any(row[1] == "means.comment" for row in seen["rows"])
    assert any(row[1] == "audit_entry.user" for row in seen["rows"])
    with db.session() as s:
        assert s.get(Meeting, extra.meeting).place == PLACE  # nothing changed yet

    def confirm(dialog: ErasureDialog) -> None:
        click(qtbot, dialog.understood)
        click(qtbot, dialog.confirm_button)

    dialogs.append(confirm)
    click(qtbot, privacy.erase_button)
    assert (
        message_boxes[-1][1]
        == f"La personne est maintenant « Personne anonymisée #{world.elise} »."
    )
    with db.session() as s:
        assert "Côté" not in s.get(Meeting, extra.meeting).place
