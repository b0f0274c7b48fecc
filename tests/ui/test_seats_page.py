"""The seats page shows the CC's seats with their holders and mandates; a seat is added and
given through its dialogs, a double booking is refused next to its field; the dashboard
lists the terms ending within 90 days."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QGroupBox, QLabel

from ahuntsic_desktop.services.governance import seats
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.governance.seats_page import SeatsPage
from ahuntsic_desktop.ui.pages.dashboard import DashboardPage

from ..dates import DEMO_TODAY
from .meeting_fixtures import choose, click, type_into


def save(qtbot, dialog, *, accepted: bool = True) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    if accepted:
        with qtbot.waitSignal(dialog.accepted):
            click(qtbot, button)
    else:
        click(qtbot, button)


def test_seats_page_lists_add_and_give_a_seat(qtbot, demo_db):
    page = SeatsPage(Context(demo_db, today=lambda: DEMO_TODAY))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    table = page.seats.model.table
    assert len(table) == 11
    assert table.values("role")[:3] == ["Présidence", "Trésorerie", "Secrétariat"]
    assert "Wilson Étienne (25 janvier 2027)" in page.summary.text()
    assert len(page.history.model.table) == 22

    click(qtbot, page.new_seat_button)
    dialog = page.dialog
    type_into(qtbot, dialog.label_edit, "Siège 12")
    choose(dialog.role, "Observateur")
    save(qtbot, dialog)
    assert page.seats.model.table.values("seat")[-1] == "Siège 12"
    assert page.seats.model.table.values("holder")[-1] == "(vacant)"

    # Giving the chair's seat to someone else over the same dates is refused.
    holder = seats.list_seats(demo_db, "CC", DEMO_TODAY)[1].holder
    click(qtbot, page.give_button)
    dialog = page.dialog
    choose(dialog.seat, "Siège 1 ")
    type_into(qtbot, dialog.person.lineEdit(), holder)
    save(qtbot, dialog, accepted=False)
    assert dialog.isVisible()
    assert any("déjà occupé par" in e for e in dialog.form.visible_errors()), (
        dialog.form.visible_errors()
    )

    choose(dialog.seat, "Siège 12")
    choose(dialog.origin, "Nommé")
    seated = {r.person_id for r in seats.list_seats(demo_db, "CC", DEMO_TODAY)}
    person = next(p for p in dialog.people if p.id not in seated)
    type_into(qtbot, dialog.person.lineEdit(), person.label)
    save(qtbot, dialog)
    assert page.seats.model.table.values("holder")[-1] == person.name
    assert page.seats.model.table.values("origin")[-1] == "Nommé·e par son organisme"


def test_dashboard_lists_terms_ending_within_90_days(qtbot, demo_db):
    page = DashboardPage(Context(demo_db, today=lambda: DEMO_TODAY))
    qtbot.addWidget(page)
    page.refresh()
    box = page.findChild(QGroupBox, "termsEnding")
    lines = [label.text() for label in box.findChildren(QLabel)]
    assert lines == [
        "25 janvier 2027 — Wilson Étienne, Siège 10 (CC), coopté·e",
        "19 février 2027 — Jean Beaulieu, Siège 11 (CC), coopté·e",
    ]
    later = DashboardPage(Context(demo_db, today=lambda: date(2027, 3, 1)))
    qtbot.addWidget(later)
    later.refresh()
    box = later.findChild(QGroupBox, "termsEnding")
    assert [label.text() for label in box.findChildren(QLabel)] == [
        "Aucun mandat ne se termine d'ici 90 jours."
    ]


def test_history_of_the_chosen_holder_prints(qtbot, demo_db, monkeypatch, tmp_path):
    from pathlib import Path

    from pypdf import PdfReader
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    written: list[str] = []

    def answer(_parent, _title, suggested, _filter):
        written.append(str(tmp_path / Path(suggested).name))
        return written[-1], _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: None)
    page = SeatsPage(Context(demo_db, today=lambda: DEMO_TODAY))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.seats.view.selectRow(0)
    page.print_person_action.trigger()
    chair = seats.list_seats(demo_db, "CC", DEMO_TODAY)[0]
    assert written and written[0].endswith(f"-{DEMO_TODAY.isoformat()}.pdf")
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(written[0]).pages)
    assert f"Historique des mandats de {chair.holder}" in text
    assert text.count("Présidence") >= 2  # two terms in the chair's seat
