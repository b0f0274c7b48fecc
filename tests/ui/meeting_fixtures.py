"""Data and gestures shared by the meeting editor tests (tests/ui/test_meeting_*.py).

Each test module declares its own small fixtures from these helpers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTabWidget

from ahuntsic_desktop.domain import (
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Representation,
)
from ahuntsic_desktop.services.meetings import meetings
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.meetings import MeetingWindow

from .typing import type_text  # noqa: F401 (imported from here by the meeting tests)

DAY = date(2026, 5, 12)  # membership year 2026 (April to March)
DELEGATES = [
    ("Luc", "Héroux", "Maison des jeunes du Sault"),
    ("Ana", "Ortiz", "Comité logement Ahuntsic"),
    ("Karim", "Benali", "Centre d'action bénévole"),
    ("Julie", "Tremblay", "Cuisine collective La Marmite"),
    ("Martin", "Dion", "Carrefour jeunesse-emploi"),
    ("Éloïse", "Gagnon", "Maison de la famille"),
    ("Paul", "Lévesque", "Comptoir alimentaire"),
    ("Sonia", "Roy", "Centre de femmes"),
]


@dataclass
class Table:
    """A table of eight voting member organisations, each with one delegate."""

    person_ids: dict[str, int]  # "Prénom Nom" -> id
    org_ids: dict[str, int]  # "Prénom Nom" -> id of the organisation the person represents
    resident_id: int  # a resident without a vote


def seed_table(db) -> Table:
    with db.session() as session:
        category = MembershipCategory(name="Membre régulier", voting=True)
        session.add(category)
        ids, orgs = {}, {}
        for first, last, org_name in DELEGATES:
            org = Organization(name=org_name, sector="communautaire")
            person = Person(first_name=first, last_name=last)
            session.add_all([org, person])
            session.flush()
            session.add(
                Membership(organization_id=org.id, year=2026, category=category, paid_on=DAY)
            )
            session.add(Representation(person_id=person.id, organization_id=org.id, role="delegue"))
            ids[f"{first} {last}"] = person.id
            orgs[f"{first} {last}"] = org.id
        resident = Person(first_name="Hélène", last_name="Côté", is_resident=True)
        session.add(resident)
        session.flush()
        return Table(ids, orgs, resident.id)


def make_context(db) -> Context:
    """The open file, on a fixed day (12 May 2026)."""
    return Context(db, today=lambda: DAY)


def make_meeting(db, day: date = DAY, **changes) -> int:
    values = dict(
        kind="comite_coordination",
        title=f"Comité de coordination du {day.isoformat()}",
        date=day,
        start_time=time(19, 0),
        end_time=time(21, 0),
    )
    values.update(changes)
    return meetings.create_meeting(db, MeetingData(**values))


def open_window(qtbot, context, meeting_id: int) -> MeetingWindow:
    win = MeetingWindow(context, meeting_id)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


# -- gestures ---------------------------------------------------------------------------------


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_tab(qtbot, tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def click_cell(qtbot, view, row: int, column: int, *, double: bool = False) -> None:
    rect = view.visualRect(view.model().index(row, column))
    assert rect.isValid(), (row, column)
    if double:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into(qtbot, widget, text: str) -> None:
    """Replace the widget's text by typing, as a user would."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def choose(combo: QComboBox, text: str) -> None:
    """Pick the combo item whose text starts with ``text``."""
    index = next((i for i in range(combo.count()) if combo.itemText(i).startswith(text)), -1)
    assert index >= 0, f"{text!r} not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def combo_texts(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def modal(qtbot):
    """The dialog a click just opened."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    return QApplication.activeModalWidget()


def center(widget) -> QPoint:
    return widget.rect().center()
