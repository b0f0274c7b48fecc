"""The attendance tab shows who carries each member organisation's vote (issue 13, rule 5):
the delegate present carries it, the substitute who came too does not, and says who does."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ahuntsic_desktop.domain import Person, Representation
from ahuntsic_desktop.ui.meetings.attendance_model import NAME, PRESENT, VOTING
from ahuntsic_desktop.ui.meetings.resolution_dialog import ResolutionDialog

from .meeting_fixtures import (
    click,
    click_cell,
    click_tab,
    make_context,
    make_meeting,
    open_window,
    seed_table,
    type_text,
)


def test_one_present_person_carries_the_organisation_vote(qtbot, db):
    table = seed_table(db)
    org = table.org_ids["Luc Héroux"]
    with db.session() as session:
        nadia = Person(first_name="Nadia", last_name="Substitut")
        eric = Person(first_name="Éric", last_name="Employé")
        session.add_all([nadia, eric])
        session.flush()
        session.add_all(
            [
                Representation(person_id=nadia.id, organization_id=org, role="substitut"),
                Representation(person_id=eric.id, organization_id=org, role="employe"),
            ]
        )
    context = make_context(db)
    window = open_window(qtbot, context, make_meeting(db))
    click_tab(qtbot, window.tabs, "Présences")
    tab = window.attendance
    click(qtbot, tab.invite_button)

    def row_of(name: str) -> int:
        return next(
            r for r in range(tab.model.rowCount()) if tab.model.index(r, NAME).data() == name
        )

    click_cell(qtbot, tab.view, row_of("Luc Héroux"), PRESENT)
    for walk_in in ("Nadia Substitut", "Éric Employé"):
        tab.quick_add.setFocus()
        type_text(qtbot, tab.quick_add, walk_in)
        qtbot.keyClick(tab.quick_add, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda name=walk_in: any(
                tab.model.index(r, NAME).data() == name for r in range(tab.model.rowCount())
            )
        )

    def vote(name: str) -> str:
        return tab.model.index(row_of(name), VOTING).data()

    assert vote("Luc Héroux") == "Oui"
    assert vote("Nadia Substitut") == "Non (porté par Luc Héroux)"
    assert vote("Éric Employé") == "Non (porté par Luc Héroux)"
    tip = tab.model.index(row_of("Nadia Substitut"), VOTING).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == (
        "Un vote par organisme membre : celui de Maison des jeunes du Sault est porté par "
        "Luc Héroux."
    )
    # One present voting member out of the eight convened organisations.
    assert tab.quorum.text() == "Quorum non atteint : 1 membre votant sur 4 requis"

    # The resolution dialog offers only Luc to move or second for his organisation, and
    # says why Nadia is not offered when everyone is listed.
    dialog = ResolutionDialog(db, window.meeting_id)
    qtbot.addWidget(dialog)
    offered = [dialog.moved_by.itemText(i) for i in range(dialog.moved_by.count())]
    assert "Luc Héroux (Maison des jeunes du Sault)" in offered
    assert not [text for text in offered if text.startswith(("Nadia", "Éric"))]
    qtbot.mouseClick(dialog.everyone, Qt.MouseButton.LeftButton)
    offered = [dialog.moved_by.itemText(i) for i in range(dialog.moved_by.count())]
    assert "Nadia Substitut (Maison des jeunes du Sault) — vote porté par Luc Héroux" in offered
