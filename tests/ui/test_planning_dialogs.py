"""The démarche run from the window, clicked through like a coordinator: a new démarche, a
phase, an activity with a named participant, a walk-in and an anonymous headcount, the
distinct participants shown; a synthesis resting on two contributions; the vocabularies;
the contributions workbook exported, coded with openpyxl, previewed with a refused row,
fixed and applied. (Screenshots of these dialogs: docs/make_screenshots.py.)"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from ahuntsic_desktop.services import planning
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.planning.activity_dialog import ActivityDialog
from ahuntsic_desktop.ui.planning.page import PlanningPage
from ahuntsic_desktop.ui.planning.roundtrip_dialog import ContributionsImportDialog
from ahuntsic_desktop.ui.planning.vocabulary_dialog import VocabularyDialog
from ahuntsic_desktop.ui.registry.common import qdate

from ..dates import DEMO_TODAY
from .typing import type_into, type_text

TODAY = DEMO_TODAY


@pytest.fixture
def page(qtbot, demo_db):
    widget = PlanningPage(Context(demo_db, today=lambda: TODAY))
    qtbot.addWidget(widget)
    widget.resize(1300, 820)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def click(qtbot, widget) -> None:
    assert widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def button(parent, name) -> QPushButton:
    found = parent.findChild(QPushButton, name)
    assert found is not None, name
    return found


def save(qtbot, dialog) -> None:
    click(qtbot, button(dialog, "save"))


def past(page) -> int:
    return next(p.id for p in planning.list_processes(page.context.db) if "2019" in p.title)


def test_a_new_demarche_with_a_phase_and_an_activity_and_its_participants(qtbot, page):
    click(qtbot, button(page, "newProcess"))
    dialog = page.dialog
    save(qtbot, dialog)  # no title: refused next to the field
    assert dialog.isVisible() and dialog.form.errors["title"].isVisible()
    assert "Titre" in dialog.form.errors["title"].text()
    type_into(qtbot, dialog.title_edit, "Démarche de planification 2027")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert page.process_combo.currentText() == "Démarche de planification 2027"
    process = page.process_id()

    page.tabs.setCurrentWidget(page.phase_panel)
    click(qtbot, page.phase_panel.add_button)
    phase = page.dialog
    type_into(qtbot, phase.name, "Consultation")
    phase.start.setDate(qdate(TODAY.replace(year=TODAY.year - 1)))  # before the démarche
    save(qtbot, phase)
    assert "dans les dates de la démarche" in phase.form.errors["start_date"].text()
    phase.start.setDate(qdate(TODAY))
    save(qtbot, phase)
    assert not phase.isVisible()
    assert page.phase_panel.list.model.rowCount() == 1

    page.tabs.setCurrentWidget(page.activity_panel)
    click(qtbot, page.activity_panel.add_button)
    activity = page.dialog
    assert isinstance(activity, ActivityDialog) and not activity.tabs.isTabEnabled(1)
    type_into(qtbot, activity.title_edit, "Micro-trottoir au marché")
    activity.phase.setCurrentIndex(activity.phase.findText("Consultation"))
    type_into(qtbot, activity.place, "Marché public")
    activity.tabs.setCurrentWidget(activity.headcounts)
    click(qtbot, activity.headcounts.add_button)
    sector = activity.headcounts.table.cellWidget(0, 0)
    sector.setCurrentIndex(sector.findData("citoyen"))
    activity.headcounts.table.item(0, 1).setText("Familles")
    count = activity.headcounts.table.cellWidget(0, 2)
    type_into(qtbot, count.lineEdit(), "7")
    assert activity.headcounts.total.text() == "Total sans nom : 7"
    save(qtbot, activity)  # a new activity is saved and stays open on its participants
    assert activity.isVisible() and activity.tabs.currentWidget() is activity.participants

    picker = activity.participants.picker
    someone = planning.participant_choices(page.context.db, TODAY)[0]
    type_into(qtbot, picker.lineEdit(), someone.name)
    picker.completer().popup().hide()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert activity.isVisible()  # Enter adds the person; it does not close the dialog
    type_into(qtbot, picker.lineEdit(), "Zoé Passante")
    picker.completer().popup().hide()
    qtbot.keyClick(picker.lineEdit(), Qt.Key.Key_Return)
    assert activity.participants.info.text() == "Zoé Passante ajouté·e (nouvelle personne)."
    type_into(qtbot, picker.lineEdit(), "Zoé Passante")
    click(qtbot, activity.participants.add_button)  # twice: refused in French
    assert "figure déjà" in activity.participants.error.text()
    assert activity.participants.list.count() == 2
    assert activity.participants.count.text() == "2 participant·es nommé·es"
    save(qtbot, activity)
    assert not activity.isVisible()

    assert "9 participant·es distinct·es" in page.figures.text()  # 2 named + 7 counted
    assert page.activities.model.rowCount() == 1
    assert page.activities.model.table.rows[0][4:6] == (2, 7)
    summary = planning.process_summary(page.context.db, process)
    assert (summary.participants, summary.named_participants) == (9, 2)

    page.activities.view.setFocus()
    page.activities.view.selectRow(0)
    qtbot.keyClick(page.activities.view, Qt.Key.Key_Return)  # Enter opens the activity
    reopened = page.dialog
    assert isinstance(reopened, ActivityDialog) and reopened is not activity
    assert reopened.participants.list.count() == 2
    assert reopened.headcounts.rows()[0].population == "Familles"
    reopened.reject()


def test_a_synthesis_resting_on_two_contributions(qtbot, page):
    page.process_combo.setCurrentIndex(page.process_combo.findData(past(page)))
    page.tabs.setCurrentWidget(page.synthesis_panel)
    before = page.synthesis_panel.list.model.rowCount()
    click(qtbot, page.synthesis_panel.add_button)
    dialog = page.dialog
    type_into(qtbot, dialog.title_edit, "Se loger dignement")
    type_text(qtbot, dialog.text, "Le logement revient dans toutes les activités.")
    dialog.salient.setFocus()
    qtbot.keyClick(dialog.salient, Qt.Key.Key_Space)
    assert dialog.salient.isChecked()
    listing = dialog.contributions
    listing.setFocus()
    chosen = []
    for row in (0, 2):
        listing.setCurrentRow(row)
        qtbot.keyClick(listing, Qt.Key.Key_Space)  # ticks the contribution
        chosen.append(listing.item(row).data(Qt.ItemDataRole.UserRole))
    assert dialog.chosen.text() == "2 contributions choisies"
    save(qtbot, dialog)
    assert not dialog.isVisible()
    assert page.synthesis_panel.list.model.rowCount() == before + 1
    line = next(
        s
        for s in planning.list_syntheses(page.context.db, past(page))
        if s.title == "Se loger dignement"
    )
    assert line.salient and line.contributions == 2
    data = planning.synthesis_data(page.context.db, line.id)
    assert sorted(data.contribution_ids) == sorted(chosen)

    page.synthesis_panel.select_id(line.id)
    page.synthesis_panel.list.view.setFocus()
    qtbot.keyClick(page.synthesis_panel.list.view, Qt.Key.Key_Return)
    assert page.dialog.title_edit.text() == "Se loger dignement"
    assert page.dialog.chosen.text() == "2 contributions choisies"
    page.dialog.reject()


def test_the_vocabularies_are_edited_with_french_refusals(qtbot, page):
    click(qtbot, button(page, "vocabularies"))
    dialog = page.dialog
    assert isinstance(dialog, VocabularyDialog)
    themes = dialog.themes
    type_into(qtbot, themes.edit, "Mobilite")
    qtbot.keyClick(themes.edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter adds the term, it does not close the dialog
    names = [t.name for t in planning.list_themes(page.context.db)]
    assert "Mobilite" in names
    type_into(qtbot, themes.edit, "mobilité")
    qtbot.keyClick(themes.edit, Qt.Key.Key_Return)
    assert themes.error.isVisible() and "existe déjà" in themes.error.text()
    themes.list.setCurrentRow(names.index("Mobilite"))
    themes.list.setFocus()
    qtbot.keyClick(themes.list, Qt.Key.Key_Return)  # Enter picks the term to rename it
    assert themes.edit.text() == "Mobilite"
    type_into(qtbot, themes.edit, "Mobilité et transport")
    click(qtbot, themes.rename_button)
    assert "Mobilité et transport" in [t.name for t in planning.list_themes(page.context.db)]
    used = next(t for t in planning.list_activity_types(page.context.db) if t.uses)
    dialog.types.list.setCurrentRow(
        [t.id for t in planning.list_activity_types(page.context.db)].index(used.id)
    )
    click(qtbot, dialog.types.delete_button)
    assert "ne peut pas être supprimé" in dialog.types.error.text()
    dialog.reject()


def _edit_sheet(path, edits):
    book = load_workbook(path)
    ws = book["Contributions"]
    headers = [c.value for c in ws[1]]
    for row_number, header, value in edits:
        ws.cell(row_number, headers.index(header) + 1).value = value
    book.save(path)


def test_contributions_exported_coded_previewed_fixed_and_applied(qtbot, page, tmp_path,
                                                                  monkeypatch):  # fmt: skip
    page.process_combo.setCurrentIndex(page.process_combo.findData(past(page)))
    target = tmp_path / "contributions.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, button(page, "exportContributions"))
    sheet = load_workbook(target)["Contributions"]
    first, second, third = (sheet.cell(r, 1).value for r in (2, 3, 4))
    db = page.context.db
    before = {c.id: c for c in planning.list_contributions(db, past(page), TODAY)}
    new_kind = "Défi" if before[second].kind != "defi" else "Force"
    _edit_sheet(target, [
        (2, "Thèmes", ", ".join([*before[first].themes, "Mobilité active"])),
        (3, "Nature", new_kind),
        (4, "Votes", "beaucoup"),
    ])  # fmt: skip
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    click(qtbot, button(page, "importContributions"))
    preview = page.dialog
    assert isinstance(preview, ContributionsImportDialog)
    assert preview.problems.count() == 1
    assert preview.problems.item(0).text().startswith("Ligne 4 : « Votes » doit être un nombre")
    assert not preview.import_button.isEnabled() and preview.refusal.isVisible()
    assert preview.table.rowCount() == 2
    assert "Mobilité active" in preview.table.item(0, 2).text()
    preview.reject()
    assert {c.id: c for c in planning.list_contributions(db, past(page), TODAY)} == before

    _edit_sheet(target, [(4, "Votes", 12)])
    click(qtbot, button(page, "importContributions"))
    preview = page.dialog
    assert preview.problems.count() == 0 and preview.table.rowCount() == 3
    assert "Nouveaux thèmes : Mobilité active." in preview.summary.text()
    click(qtbot, preview.import_button)
    assert not preview.isVisible()
    after = {c.id: c for c in planning.list_contributions(db, past(page), TODAY)}
    assert after[first].themes[-1] == "Mobilité active"
    assert after[second].kind_label == new_kind
    assert after[third].votes == 12
    assert all(after[i] == before[i] for i in before if i not in (first, second, third))


def test_a_frame_section_is_written_and_deleting_asks_first(qtbot, page, monkeypatch,
                                                            message_boxes):  # fmt: skip
    from PySide6.QtWidgets import QMessageBox

    page.process_combo.setCurrentIndex(page.process_combo.findData(past(page)))
    page.tabs.setCurrentWidget(page.section_panel)
    before = page.section_panel.list.model.rowCount()
    click(qtbot, page.section_panel.add_button)
    section = page.dialog
    section.key.setEditText("Partenaires associés")
    type_into(qtbot, section.title_edit, "Partenaires associés")
    type_text(qtbot, section.text, "La table, l'arrondissement et le CIUSSS.")
    save(qtbot, section)
    assert page.section_panel.list.model.rowCount() == before + 1
    texts = {s.title: s.text for s in planning.sections(page.context.db, past(page))}
    assert texts["Partenaires associés"] == "La table, l'arrondissement et le CIUSSS."

    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Yes)
    page.tabs.setCurrentWidget(page.phase_panel)
    used = next(p for p in planning.list_phases(page.context.db, past(page)) if p.activities)
    page.phase_panel.select_id(used.id)
    click(qtbot, page.phase_panel.delete_button)
    assert any("Des activités appartiennent à cette phase" in text for _k, text in message_boxes)
    assert used.id in [p.id for p in planning.list_phases(page.context.db, past(page))]
    page.tabs.setCurrentWidget(page.section_panel)
    new = next(
        s
        for s in planning.sections(page.context.db, past(page))
        if s.title == "Partenaires associés"
    )
    page.section_panel.select_id(new.id)
    click(qtbot, page.section_panel.delete_button)
    assert page.section_panel.list.model.rowCount() == before


def test_a_saved_contribution_opens_with_enter_and_is_corrected(qtbot, page):
    page.process_combo.setCurrentIndex(page.process_combo.findData(past(page)))
    activity = page.activities.model.row_id(0)
    page.enter_contributions(activity)
    listing = page.contributions
    listing.view.setFocus()
    listing.view.selectRow(0)
    qtbot.keyClick(listing.view, Qt.Key.Key_Return)
    dialog = page.dialog
    chosen = dialog.contribution_id
    assert chosen == listing.model.row_id(
        listing.proxy.mapToSource(listing.view.currentIndex()).row()
    )
    dialog.kind.setCurrentIndex(dialog.kind.findData("defi"))
    type_into(qtbot, dialog.themes, "Logement, Licornes")
    save(qtbot, dialog)
    assert (
        dialog.isVisible() and "Thème inconnu : « Licornes »" in dialog.form.errors["themes"].text()
    )
    type_into(qtbot, dialog.themes, "Logement")
    dialog.votes.setValue(9)
    save(qtbot, dialog)
    assert not dialog.isVisible()
    line = next(c for c in planning.list_contributions(page.context.db, past(page), TODAY)
                if c.id == chosen)  # fmt: skip
    assert (line.kind, line.themes, line.votes) == ("defi", ("Logement",), 9)
