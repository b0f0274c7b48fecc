"""The organisations list and dialog, driven as a coordinator would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.services.registry import organizations
from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY
from .registry_helpers import (
    ORGANIZATIONS,
    answer_yes,
    click,
    click_row,
    double_click_row,
    header_click,
    open_page,
    save,
    type_into,
    window_fixture,  # noqa: F401 (the « window » fixture)
)
from .typing import type_text


def org_named(db, name):
    table = organizations.list_organizations(db, include_archived=True)
    for record_id, row in zip(table.ids, table.rows, strict=True):
        if row[0] == name:
            return record_id
    return None


def test_create_an_organisation_with_ctrl_n(qtbot, window, demo_db):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    before = tab.list.model.rowCount()
    qtbot.keyClick(tab.list.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.name, "Maison des familles du Sault")
    type_into(qtbot, dialog.acronym, "MFS")
    type_into(qtbot, dialog.phone, "(514) 555-1234 poste 22")
    type_into(qtbot, dialog.postal_code, "h3l2l9")
    type_into(qtbot, dialog.website, "maisondesfamilles.example")
    dialog.sector.setCurrentIndex(dialog.sector.findText("Communautaire"))
    save(qtbot, dialog)
    assert not dialog.isVisible()
    record_id = org_named(demo_db, "Maison des familles du Sault")
    data = organizations.get_organization(demo_db, record_id)
    assert data.phone == "514 555-1234 poste 22"
    assert data.postal_code == "H3L 2L9"
    assert data.website == "https://maisondesfamilles.example"
    assert tab.list.model.rowCount() == before + 1
    assert tab.list.selected_ids() == [record_id]


def test_bad_input_shows_french_messages_under_the_fields_and_saves_nothing(qtbot, window, demo_db):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    before = len(organizations.list_organizations(demo_db, include_archived=True))
    click(qtbot, tab.new_button)
    dialog = tab.dialog
    type_into(qtbot, dialog.email, "info@")
    save(qtbot, dialog)
    assert dialog.isVisible()
    name_error = dialog.form.errors["name"]
    assert not name_error.isHidden() and "obligatoire" in name_error.text()
    assert dialog.focusWidget() is dialog.name

    type_into(qtbot, dialog.name, "Organisme de l'essai")
    save(qtbot, dialog)
    assert "n'est pas une adresse courriel valide" in dialog.form.errors["email"].text()
    assert dialog.focusWidget() is dialog.email
    assert dialog.form.errors["name"].isHidden()

    type_into(qtbot, dialog.email, "info@essai.example")
    type_into(qtbot, dialog.postal_code, "12345")
    qtbot.keyClick(dialog.postal_code, Qt.Key.Key_Return)  # Entrée saves: refused
    assert dialog.isVisible()
    assert "code postal canadien" in dialog.form.errors["postal_code"].text()
    assert dialog.focusWidget() is dialog.postal_code
    assert len(organizations.list_organizations(demo_db, include_archived=True)) == before

    existing = tab.list.proxy.index(0, 0).data()
    type_into(qtbot, dialog.postal_code, "")
    type_into(qtbot, dialog.name, existing.upper())
    save(qtbot, dialog)
    assert "existe déjà" in dialog.form.errors["name"].text()
    click(qtbot, dialog.buttons.buttons()[1])  # Annuler
    assert len(organizations.list_organizations(demo_db, include_archived=True)) == before


def test_double_click_and_enter_edit(qtbot, window, demo_db):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    double_click_row(qtbot, tab.list, 0)
    first = tab.dialog
    assert first.organization_id == tab.list.current_id()
    assert first.representatives_model.rowCount() >= 0
    first.reject()
    click_row(qtbot, tab.list, 1)
    qtbot.keyClick(tab.list.view, Qt.Key.Key_Return)
    dialog = tab.dialog
    assert dialog is not first and dialog.organization_id == tab.list.current_id()
    type_into(qtbot, dialog.city, "Ahuntsic")
    save(qtbot, dialog)
    assert organizations.get_organization(demo_db, dialog.organization_id).city == "Ahuntsic"


def test_archive_with_delete_key_then_restore(qtbot, window, demo_db, monkeypatch):
    asked = answer_yes(monkeypatch)
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    record_id = click_row(qtbot, tab.list, 2)
    qtbot.keyClick(tab.list.view, Qt.Key.Key_Delete)
    assert asked and "Archiver" in asked[0]
    assert organizations.get_organization(demo_db, record_id).archived
    assert record_id not in tab.list.model.table.ids
    assert "archivée" in window.statusBar().currentMessage()

    click(qtbot, tab.show_archived)
    row = tab.list.model.table.ids.index(record_id)
    assert tab.list.model.table.rows[row][-1] is True
    tab.list.select_ids([record_id])
    assert tab.restore_button.isVisible()
    click(qtbot, tab.restore_button)
    assert not organizations.get_organization(demo_db, record_id).archived


def test_delete_only_what_nothing_refers_to(qtbot, window, demo_db, monkeypatch, message_boxes):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    fresh = organizations.create_organization(
        demo_db, organizations.OrganizationData("Organisme éphémère")
    )
    tab.refresh()
    referenced = tab.list.model.table.ids[0]  # the demo's organisations have history
    answer_yes(monkeypatch)
    tab.list.select_ids([fresh, referenced])
    click(qtbot, tab.delete_button)
    assert org_named(demo_db, "Organisme éphémère") is None
    assert organizations.get_organization(demo_db, referenced)
    assert message_boxes and "archivez-le plutôt" in message_boxes[-1][1]


def test_filters_search_and_count(qtbot, window):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    rows = tab.list.proxy.rowCount()
    sector = next(f for f in tab.list.filters if f.key == "sector")
    sector.combo.setCurrentIndex(sector.combo.findText("Communautaire"))
    shown = tab.list.proxy.rowCount()
    assert 0 < shown < rows
    column = tab.list.model.table.column_index("sector")
    assert {tab.list.proxy.index(r, column).data() for r in range(shown)} == {"Communautaire"}
    assert "sur" in tab.list.count_label.text()
    partner = next(f for f in tab.list.filters if f.key == "partner")
    partner.combo.setCurrentIndex(partner.combo.findText("Bailleur de fonds"))
    sector.choose(None)
    column = tab.list.model.table.column_index("partner")
    funders = tab.list.proxy.rowCount()
    assert funders > 0
    assert all(
        "Bailleur de fonds" in tab.list.proxy.index(r, column).data() for r in range(funders)
    )
    partner.choose(None)
    qtbot.keyClick(tab.list.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.list.search.hasFocus()
    type_text(qtbot, tab.list.search, "ecole")
    assert 0 < tab.list.proxy.rowCount() < rows


def test_the_window_remembers_widths_hidden_columns_and_sort_per_list(qtbot, window, demo_db):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    header = tab.list.view.horizontalHeader()
    header.resizeSection(1, 157)
    tab.list.show_column(3, False)
    header_click(qtbot, tab.list.view, 2)
    header_click(qtbot, tab.list.view, 2)  # descending by sector
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    window.close()

    again = MainWindow(demo_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(again)
    again.show()
    tab = open_page(qtbot, again, ORGANIZATIONS).organizations_tab
    header = tab.list.view.horizontalHeader()
    assert header.sectionSize(1) == 157
    assert tab.list.view.isColumnHidden(3)
    assert header.sortIndicatorSection() == 2
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    values = [tab.list.proxy.index(r, 2).data() for r in range(tab.list.proxy.rowCount())]
    assert values == sorted(values, reverse=True, key=str.casefold)
    persons = again.pages[1].persons.list  # another list keeps its own layout
    assert not persons.view.isColumnHidden(3)


def test_copy_emails_of_organisations(qtbot, window):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    click_row(qtbot, tab.list, 0)
    click_row(qtbot, tab.list, 1, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, tab.emails_button)
    email = tab.list.model.table.column_index("email")
    expected = [tab.list.proxy.index(r, email).data() for r in (0, 1)]
    assert QGuiApplication.clipboard().text() == "; ".join(e for e in expected if e)
    assert "copiées" in window.statusBar().currentMessage()


def test_export_the_list_as_shown(qtbot, window, monkeypatch, tmp_path):
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    sector = next(f for f in tab.list.filters if f.key == "sector")
    sector.combo.setCurrentIndex(sector.combo.findText("Scolaire"))
    tab.list.show_column(tab.list.model.table.column_index("email"), False)
    target = tmp_path / "organismes"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, tab.export_button)
    qtbot.waitUntil(lambda: "Liste exportée" in window.statusBar().currentMessage(), timeout=10_000)
    rows = CalamineWorkbook.from_path(str(target) + ".xlsx").get_sheet_by_index(0).to_python()
    assert rows[0][:3] == ["Nom", "Sigle", "Secteur"]
    assert "Courriel" not in rows[0]
    assert len(rows) == tab.list.proxy.rowCount() + 1
    assert {row[2] for row in rows[1:]} == {"Scolaire"}


def test_merge_button_hands_two_records_to_the_merge_dialog(qtbot, window, monkeypatch):
    from ahuntsic_desktop.ui import merge_dialog

    calls = []

    class FakeMergeDialog:
        def __init__(self, db, kind, keep_id, lose_id, parent=None):
            calls.append((kind, [keep_id, lose_id]))
            self.merged = None

        def exec(self):
            return 0

    monkeypatch.setattr(merge_dialog, "MergeDialog", FakeMergeDialog)
    tab = open_page(qtbot, window, ORGANIZATIONS).organizations_tab
    first = click_row(qtbot, tab.list, 0)
    assert not tab.merge_button.isEnabled()
    second = click_row(qtbot, tab.list, 1, Qt.KeyboardModifier.ControlModifier)
    click(qtbot, tab.merge_button)
    assert calls == [("organization", [first, second])] or calls == [
        ("organization", [second, first])
    ]
