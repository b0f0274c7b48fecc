"""Persons: create one who represents a new organisation, refuse bad input, archive and
restore, copy emails only with consent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from sqlalchemy import select

from ahuntsic_desktop.domain import Consent, Person
from ahuntsic_desktop.services.registry import organizations, persons

from ..dates import DEMO_TODAY
from .registry_helpers import (
    MEMBERS,
    ORGANIZATIONS,
    answer_yes,
    click,
    click_row,
    find_row,
    open_page,
    open_person_with_a_representation,
    save,
    type_into,
    window_fixture,  # noqa: F401 (the « window » fixture)
)


def persons_tab(qtbot, window):
    page = open_page(qtbot, window, MEMBERS)
    page.tabs.setCurrentWidget(page.persons)
    return page.persons


def person_named(db, first, last):
    with db.session() as session:
        return session.scalar(
            select(Person.id).where(Person.first_name == first, Person.last_name == last)
        )


def test_create_an_organisation_and_a_person_who_represents_it(qtbot, window, demo_db):
    orgs = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    click(qtbot, orgs.new_button)
    type_into(qtbot, orgs.dialog.name, "Jardin collectif du Sault")
    save(qtbot, orgs.dialog)
    org_id = orgs.list.selected_ids()[0]

    tab = persons_tab(qtbot, window)
    qtbot.keyClick(tab.list.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.dialog
    type_into(qtbot, dialog.first_name, "Noemie")
    type_into(qtbot, dialog.last_name, "Gagnon")
    type_into(qtbot, dialog.email, "noemie.gagnon@exemple.org")
    type_into(qtbot, dialog.phone, "514-555-8765 ext 3")
    editor = dialog.representations
    type_into(qtbot, editor.organization.lineEdit(), "jardin collectif du sault")
    editor.role.setCurrentIndex(editor.role.findText("Délégué·e"))
    click(qtbot, editor.add_button)
    assert editor.error.isHidden(), editor.error.text()
    assert editor.table.rowCount() == 1
    assert editor.table.item(0, 0).text() == "Jardin collectif du Sault"
    assert editor.table.item(0, 4).text() == "À enregistrer"
    save(qtbot, dialog)
    assert not dialog.isVisible()

    person_id = person_named(demo_db, "Noemie", "Gagnon")
    assert persons.get_person(demo_db, person_id).phone == "514 555-8765 poste 3"
    representatives = organizations.list_representatives(demo_db, org_id)
    assert representatives.rows[0][:2] == ("Noemie Gagnon", "Délégué·e")
    assert tab.list.selected_ids() == [person_id]
    row = tab.list.model.table.ids.index(person_id)
    assert "Jardin collectif du Sault" in tab.list.model.table.rows[row]

    orgs = open_page(qtbot, window, ORGANIZATIONS).organizations_tab  # the org lists them
    orgs.edit(org_id)
    assert orgs.dialog.representatives_model.table.rows[0][0] == "Noemie Gagnon"
    orgs.dialog.reject()


def test_bad_input_in_the_person_dialog_saves_nothing(qtbot, window, demo_db):
    tab = persons_tab(qtbot, window)
    count = len(persons.list_persons(demo_db, include_archived=True))
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    save(qtbot, dialog)
    assert "Indiquez au moins le nom ou le prénom" in dialog.form.errors["last_name"].text()
    assert dialog.focusWidget() is dialog.last_name

    type_into(qtbot, dialog.last_name, "Roy")
    type_into(qtbot, dialog.postal_code, "H3L")
    save(qtbot, dialog)
    assert "code postal canadien" in dialog.form.errors["postal_code"].text()
    assert dialog.form.errors["last_name"].isHidden()

    type_into(qtbot, dialog.postal_code, "")
    type_into(qtbot, dialog.phone, "555")
    save(qtbot, dialog)
    assert "numéro de téléphone valide" in dialog.form.errors["phone"].text()

    type_into(qtbot, dialog.phone, "")
    editor = dialog.representations
    click(qtbot, editor.add_button)  # no organisation chosen
    assert "Choisissez l'organisme" in editor.error.text()
    type_into(qtbot, editor.organization.lineEdit(), "zzz introuvable")
    click(qtbot, editor.add_button)
    assert "de la liste" in editor.error.text()
    assert editor.table.rowCount() == 0
    dialog.reject()
    assert len(persons.list_persons(demo_db, include_archived=True)) == count


def test_end_a_representation_in_the_dialog(qtbot, window, demo_db):
    tab = persons_tab(qtbot, window)
    dialog, current = open_person_with_a_representation(qtbot, window, tab.list)
    editor = dialog.representations
    editor.table.selectRow(current)
    click(qtbot, editor.end_button)
    assert editor.table.item(current, 4).text() == "Se termine (à enregistrer)"
    save(qtbot, dialog)
    table = persons.list_person_representations(demo_db, dialog.person_id)
    assert DEMO_TODAY in table.values("end_date")


def test_archive_and_restore_a_person(qtbot, window, demo_db, monkeypatch):
    asked = answer_yes(monkeypatch)
    tab = persons_tab(qtbot, window)
    person_id = click_row(qtbot, tab.list, 0)
    click(qtbot, tab.archive_button)
    assert asked and "Archiver la personne" in asked[0]
    assert persons.get_person(demo_db, person_id).archived
    assert person_id not in tab.list.model.table.ids
    click(qtbot, tab.show_archived)
    tab.list.select_ids([person_id])
    click(qtbot, tab.restore_button)
    assert not persons.get_person(demo_db, person_id).archived


def test_copy_emails_respects_consent(qtbot, window, demo_db):
    with demo_db.session() as session:
        consenting = set(
            session.scalars(
                select(Consent.person_id).where(
                    Consent.purpose == "contact_courriel", Consent.withdrawn_on.is_(None)
                )
            )
        )
        emails = dict(session.execute(select(Person.id, Person.email)).all())
    tab = persons_tab(qtbot, window)
    ids = tab.list.model.table.ids
    with_consent = [i for i in ids if i in consenting and emails[i]][:2]
    without = [i for i in ids if i not in consenting and emails[i]][:1]
    tab.list.select_ids(with_consent + without)
    click(qtbot, tab.emails_button)
    copied = QGuiApplication.clipboard().text().split("; ")
    assert sorted(copied) == sorted(emails[i] for i in with_consent)
    assert emails[without[0]] not in copied
    message = window.statusBar().currentMessage()
    assert "2 adresses copiées" in message
    assert "1 personne ignorée faute de consentement" in message


def test_persons_filters(qtbot, window):
    tab = persons_tab(qtbot, window)
    total = tab.list.proxy.rowCount()
    status = next(f for f in tab.list.filters if f.key == "membership")
    status.choose("Jamais")
    never = tab.list.proxy.rowCount()
    assert 0 < never < total
    assert find_row(tab.list, tab.list.proxy.index(0, 0).data()) == 0


def test_exporting_persons_with_contacts_marks_the_file_confidential(
    qtbot, window, monkeypatch, tmp_path
):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    tab = open_page(qtbot, window, MEMBERS).persons
    window.current_page().tabs.setCurrentWidget(tab)
    with_contacts, without = tmp_path / "avec.xlsx", tmp_path / "sans.xlsx"
    for target in (with_contacts, without):
        if target is without:
            for key in ("email", "phone"):
                tab.list.show_column(tab.list.model.table.column_index(key), False)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        window.statusBar().clearMessage()
        click(qtbot, tab.export_button)
        qtbot.waitUntil(
            lambda: "Liste exportée" in window.statusBar().currentMessage(), timeout=10_000
        )
    marked = load_workbook(with_contacts)
    assert "Confidentiel" in marked.properties.category
    assert "Confidentiel" in marked.active.oddFooter.center.text
    plain = load_workbook(without)
    assert not plain.properties.category
