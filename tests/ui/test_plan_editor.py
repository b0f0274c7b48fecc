"""The plan editor and the chantier pages, driven as a coordinator would: keys, clicks,
dialogs; the file is checked through the services."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox
from sqlalchemy import func, select

from ahuntsic_desktop.domain import (
    ActionPlan,
    Chantier,
    Means,
    Organization,
    Orientation,
    Person,
    Pillar,
    Representation,
    Target,
)
from ahuntsic_desktop.services.plan import chantiers
from ahuntsic_desktop.services.plan import editing as pe
from ahuntsic_desktop.services.plan import plans as plan
from ahuntsic_desktop.services.plan.editing import NodeRef
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.pages.plan_page import PlanPage
from ahuntsic_desktop.ui.pages.work import ChantiersPage
from ahuntsic_desktop.ui.plan.dialogs import MoveDialog, NewPlanDialog
from ahuntsic_desktop.ui.plan.roster_dialog import JoinDialog, RoleDialog
from ahuntsic_desktop.ui.plan.tree_model import NODE_ROLE

from .typing import type_text

TODAY = date(2026, 6, 1)


@pytest.fixture
def context(db):
    return Context(db, today=lambda: TODAY)


@pytest.fixture
def page(qtbot, context):
    widget = PlanPage(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def texts(editor) -> list[str]:
    """The first column of every row, depth first."""
    model, found = editor.model, []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append(index.data())
            walk(index)

    walk(editor.view.rootIndex())
    return found


def choose(editor, ref) -> None:
    index = editor.model.index_of(ref)
    editor.view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def type_title(qtbot, editor, title: str) -> None:
    """Type into the in-place editor that adding a node opened, then Enter."""
    lines = [w for w in editor.view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(lines) == 1, "no in-place editor open"
    line = lines[0]
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, line, title)
    before = texts(editor)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: texts(editor) != before)


def focus_tree(qtbot, editor) -> None:
    """Click back into the tree (a closed dialog may have taken the focus)."""
    editor.window().activateWindow()
    editor.view.setFocus()
    qtbot.waitUntil(editor.view.hasFocus)


def insert(qtbot, editor, title: str) -> None:
    focus_tree(qtbot, editor)
    qtbot.keyClick(editor.view, Qt.Key.Key_Insert)
    type_title(qtbot, editor, title)


def test_build_a_plan_by_hand(qtbot, page, db):
    page.new_button.click()
    dialog = page.findChild(NewPlanDialog)
    type_text(qtbot, dialog.fields.title, "Plan 2026-2030")
    dialog.fields.start_year.setValue(2026)
    dialog.fields.end_year.setValue(2030)
    type_text(qtbot, dialog.fields.vision, "Un quartier solidaire")
    dialog.accept()
    assert page.plan_combo.currentText() == "Plan 2026-2030"
    editor = page.editor
    assert texts(editor) == ["Plan 2026-2030"]

    insert(qtbot, editor, "Vivre")  # the plan is selected: a pillar
    insert(qtbot, editor, "Alimentation")  # under the pillar: a chantier
    insert(qtbot, editor, "Accès aux aliments")  # an orientation
    insert(qtbot, editor, "Marché solidaire")  # a means
    insert(qtbot, editor, "Jardins")  # a means selected: its sibling
    editor.add_kind_actions["target"].trigger()
    type_title(qtbot, editor, "500 familles")
    choose(editor, NodeRef("plan", page.current_plan_id()))
    editor.add_kind_actions["pillar"].trigger()
    type_title(qtbot, editor, "Agir")
    assert texts(editor) == [
        "Plan 2026-2030",
        "1  Vivre",
        "1.1  Alimentation",
        "1.1.1  Accès aux aliments",
        "1.1.1.1  Marché solidaire",
        "1.1.1.2  Jardins",
        "1.1.1.3  500 familles",
        "2  Agir",
    ]
    # F2 renames in place
    focus_tree(qtbot, editor)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    type_title(qtbot, editor, "Agir ensemble")
    assert "2  Agir ensemble" in texts(editor)
    tree = plan.plan_tree(db, page.current_plan_id())
    assert [n.kind for n in tree.walk()] == [
        "plan", "pillar", "chantier", "orientation", "means", "means", "target", "pillar",
    ]  # fmt: skip


@pytest.fixture
def two_pillars(db):
    plan_id = pe.create_plan(db, "Plan 2021-2025", 2021, 2025)
    root = NodeRef("plan", plan_id)
    ids = {"plan": root}
    ids["vivre"] = pe.add_node(db, "pillar", root, "Vivre")
    ids["agir"] = pe.add_node(db, "pillar", root, "Agir")
    ids["food"] = pe.add_node(db, "chantier", ids["vivre"], "Alimentation")
    ids["housing"] = pe.add_node(db, "chantier", ids["vivre"], "Logement")
    ids["access"] = pe.add_node(db, "orientation", ids["food"], "Accès")
    ids["market"] = pe.add_node(db, "means", ids["access"], "Marché")
    ids["gardens"] = pe.add_node(db, "means", ids["access"], "Jardins")
    ids["rights"] = pe.add_node(db, "orientation", ids["housing"], "Droits")
    ids["kiosk"] = pe.add_node(db, "means", ids["rights"], "Kiosque")
    return ids


@pytest.fixture
def built_page(page, two_pillars):
    page.refresh()
    return page


def test_reorder_with_keys_and_move_under_another_pillar(qtbot, built_page, two_pillars):
    page = built_page
    editor = page.editor
    choose(editor, two_pillars["housing"])
    focus_tree(qtbot, editor)
    qtbot.keyClick(editor.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert texts(editor)[1:4] == ["1  Vivre", "1.1  Logement", "1.1.1  Droits"]
    assert editor.current_ref() == two_pillars["housing"]
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert texts(editor)[2] == "1.1  Alimentation"

    choose(editor, two_pillars["food"])
    qtbot.keyClick(
        editor.view,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = editor.findChild(MoveDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.choose(two_pillars["agir"])
    dialog.accept()
    assert texts(editor) == [
        "Plan 2021-2025",
        "1  Vivre",
        "1.1  Logement",
        "1.1.1  Droits",
        "1.1.1.1  Kiosque",
        "2  Agir",
        "2.1  Alimentation",
        "2.1.1  Accès",
        "2.1.1.1  Marché",
        "2.1.1.2  Jardins",
    ]


def test_drag_and_drop_moves_and_refuses_impossible_places(qtbot, built_page, two_pillars):
    page = built_page
    editor, model = page.editor, page.editor.model
    data = model.mimeData([model.index_of(two_pillars["gardens"])])
    assert not model.canDropMimeData(
        data, Qt.DropAction.MoveAction, -1, 0, model.index_of(two_pillars["food"])
    )  # a means under a chantier
    kiosk = model.mimeData([model.index_of(two_pillars["kiosk"])])
    access = model.index_of(two_pillars["access"])
    assert model.dropMimeData(kiosk, Qt.DropAction.MoveAction, 1, 0, access)  # before Jardins
    qtbot.waitUntil(lambda: "1.1.1.2  Kiosque" in texts(editor))
    assert "1.1.1.3  Jardins" in texts(editor)
    housing = model.mimeData([model.index_of(two_pillars["housing"])])
    agir = model.index_of(two_pillars["agir"])
    assert model.dropMimeData(housing, Qt.DropAction.MoveAction, -1, 0, agir)
    qtbot.waitUntil(lambda: "2.1  Logement" in texts(editor))
    vivre = model.mimeData([model.index_of(two_pillars["vivre"])])
    assert not model.canDropMimeData(
        vivre, Qt.DropAction.MoveAction, -1, 0, model.index_of(two_pillars["food"])
    )


def progress_text(editor, ref) -> str:
    return editor.model.index_of(ref, 3).data()


def test_status_in_the_side_panel_rolls_up(qtbot, built_page, two_pillars, db):
    page = built_page
    editor = page.editor
    assert progress_text(editor, two_pillars["food"]) == "0 %"
    choose(editor, two_pillars["market"])
    panel = editor.panel
    assert panel.status.isVisible() and not panel.indicator.isVisible()
    panel.status.setCurrentIndex(panel.status.findData("realise"))
    panel.has_date.setChecked(True)
    type_text(qtbot, panel.comment, "Tenu tout l'été")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert progress_text(editor, two_pillars["access"]) == "50 %"
    assert progress_text(editor, two_pillars["food"]) == "50 %"
    assert progress_text(editor, two_pillars["vivre"]) == "33 %"
    assert editor.current_ref() == two_pillars["market"]
    choose(editor, two_pillars["gardens"])
    panel.evaluation.setCurrentIndex(panel.evaluation.findData("partielle"))
    panel.save()
    assert progress_text(editor, two_pillars["food"]) == "75 %"
    detail = pe.node_detail(db, two_pillars["market"])
    assert (detail.status, detail.comment) == ("realise", "Tenu tout l'été")
    # a target shows its values; a bad number is refused next to the field
    target = pe.add_node(db, "target", two_pillars["access"], "500 familles")
    editor.reload(select=target)
    assert panel.indicator.isVisible()
    type_text(qtbot, panel.target_value, "beaucoup")
    assert not panel.save()
    assert "beaucoup" in panel.error.text()
    panel.target_value.clear()
    type_text(qtbot, panel.target_value, "500")
    type_text(qtbot, panel.actual_value, "250")
    assert panel.save()
    assert pe.node_detail(db, target).actual_value == 250


def test_delete_asks_and_refuses_what_history_needs(
    qtbot, built_page, two_pillars, db, monkeypatch, message_boxes
):
    page = built_page
    from ahuntsic_desktop.services.meetings import followups

    followups.add_follow_up(
        db, followups.FollowUpData("Réserver", means_id=two_pillars["kiosk"].id)
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor = page.editor
    choose(editor, two_pillars["housing"])
    focus_tree(qtbot, editor)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert message_boxes and "1 suivi" in message_boxes[-1][1]
    assert "1.2  Logement" in texts(editor)
    choose(editor, two_pillars["gardens"])
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert "1.1.1.2  Jardins" not in texts(editor)
    assert editor.current_ref() == two_pillars["access"]


def counts(db) -> tuple[int, ...]:
    with db.session() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (ActionPlan, Pillar, Chantier, Orientation, Means, Target)
        )


def test_import_from_the_template(qtbot, page, db, tmp_path, monkeypatch):
    target = tmp_path / "modele.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.template_button.click()
    assert target.exists()
    dialog = page.open_import(target)
    assert dialog.rows.isVisible() and not dialog.problems.isVisible()
    assert "2 piliers, 3 chantiers, 3 orientations, 4 moyens, 2 cibles" in dialog.summary.text()
    dialog.fields.title.clear()
    type_text(qtbot, dialog.fields.title, "Plan importé")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.plan_id is not None
    assert page.plan_combo.currentText() == "Plan importé"
    assert "1.1.1.3  Rejoindre 500 ménages" in texts(page.editor)
    assert counts(db) == (1, 2, 3, 3, 4, 2)


def test_bad_import_lists_each_problem_and_changes_nothing(qtbot, page, db, tmp_path, two_pillars):
    book = Workbook()
    sheet = book.active
    sheet.append(["Niveau", "Numéro", "Titre", "Statut"])
    sheet.append(["Orientation", "", "Sans chantier ni pilier"])  # row 2
    sheet.append(["Pilier", "1", "Vivre"])
    sheet.append(["Chantier", "1.1", "Alimentation"])
    sheet.append(["Chantier", "1.1", "Logement"])  # row 5: duplicate number
    sheet.append(["Orientation", "1.1.1", "Accès"])
    sheet.append(["Moyen", "1.1.1.1", "Marché", "Terminé"])  # row 7: unknown status
    path = tmp_path / "mauvais.xlsx"
    book.save(path)
    before = counts(db)
    dialog = page.open_import(path)
    assert dialog.problems.isVisible() and not dialog.import_button.isEnabled()
    assert "3 problèmes" in dialog.summary.text()
    rows = [(dialog.problems.item(r, 0).text(), dialog.problems.item(r, 1).text())
            for r in range(dialog.problems.rowCount())]  # fmt: skip
    assert [r for r, _m in rows] == ["2", "5", "7"]
    assert "Il manque un niveau" in rows[0][1]
    assert "déjà utilisé à la ligne 4" in rows[1][1]
    assert "Terminé" in rows[2][1]
    dialog.accept()  # refused: nothing to import
    assert counts(db) == before


@pytest.fixture
def chantiers_page(qtbot, context, db, two_pillars):
    with db.session() as session:
        cuisine = Organization(name="Cuisine collective Ahuntsic", sector="communautaire")
        lea = Person(first_name="Léa", last_name="Roy")
        max_ = Person(first_name="Max", last_name="Côté")
        session.add_all([cuisine, lea, max_])
        session.flush()
        session.add(Representation(person_id=lea.id, organization_id=cuisine.id, role="delegue"))
    widget = ChantiersPage(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def shown(parent, dialog_class):
    """The dialog of that class that is open now (closed ones linger until deleted)."""
    (dialog,) = [d for d in parent.findChildren(dialog_class) if d.isVisible()]
    return dialog


def test_assign_people_with_roles(qtbot, chantiers_page, db, two_pillars):
    page = chantiers_page
    assert page.chantiers.model.rowCount() == 2
    assert page.detail.heading.text() == "1.1  Alimentation"
    assert "aucun·e porteur·euse" in page.detail.figures.text()
    assert "⚠" in page.matrix.missing.text()

    page.detail.join_button.click()
    dialog = shown(page.detail, JoinDialog)
    type_text(qtbot, dialog.person.lineEdit(), "lea roy")
    dialog.person.setCurrentIndex(dialog.person.findText("Léa Roy"))
    assert dialog.organization.currentText() == "Cuisine collective Ahuntsic"
    dialog.role.setCurrentIndex(dialog.role.findData("porteur"))
    dialog.accept()
    roster = page.detail.roster
    assert roster.rowCount() == 1
    assert [roster.item(0, c).text() for c in range(3)] == [
        "Léa Roy",
        "Cuisine collective Ahuntsic",
        "Porteur·euse",
    ]
    assert "porteur·euses : Léa Roy" in page.detail.figures.text()

    page.detail.join_button.click()
    dialog = shown(page.detail, JoinDialog)
    dialog.person.setCurrentIndex(dialog.person.findText("Max Côté"))
    assert dialog.organization.currentText() == "À titre personnel"
    dialog.start_date.setDate(QDate(2026, 1, 15))
    dialog.accept()
    assert roster.rowCount() == 2

    matrix = page.matrix.model
    assert matrix.index(0, 0).data() == "Cuisine collective Ahuntsic"
    assert matrix.index(0, 1).data() == "Porteur·euse"
    assert matrix.headerData(2, Qt.Orientation.Horizontal).startswith("⚠ 1.2")

    roster.selectRow(1)  # Max: becomes co-porteur, then leaves
    page.detail.role_button.click()
    role = shown(page.detail, RoleDialog)
    role.role.setCurrentIndex(role.role.findData("co_porteur"))
    role.date.setDate(QDate(2026, 5, 1))
    role.accept()
    roster.selectRow(1)
    page.detail.leave_button.click()
    leave = shown(page.detail, RoleDialog)
    leave.date.setDate(QDate(2026, 5, 31))  # their last day, recorded the next day
    leave.accept()
    assert roster.rowCount() == 1
    page.detail.history.setChecked(True)
    assert roster.rowCount() == 3
    history = chantiers.roster(db, two_pillars["food"].id, today=TODAY, include_past=True)
    assert [(e.person_name, e.role, e.active) for e in history] == [
        ("Léa Roy", "porteur", True),
        ("Max Côté", "co_porteur", False),
        ("Max Côté", "membre", False),
    ]


def test_chantier_page_shows_orientations_and_progress(qtbot, chantiers_page, db, two_pillars):
    pe.set_status(db, two_pillars["market"], "realise")
    chantiers_page.refresh()
    tree = chantiers_page.detail.orientation_model
    assert tree.index(0, 0).data() == "1.1.1  Accès"
    assert tree.index(0, 1, tree.index(0, 0)).data() == "Réalisé"
    assert "avancement : 50 %" in chantiers_page.detail.figures.text()
    chantiers_page.chantiers.view.selectRow(1)
    assert chantiers_page.detail.heading.text() == "1.2  Logement"
    assert tree.index(0, 2).data(NODE_ROLE) == two_pillars["rights"]
