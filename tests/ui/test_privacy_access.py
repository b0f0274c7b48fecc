"""An access request by clicking: record it on the « Vie privée » page, open the person's
privacy file, produce the PDF and the JSON in one click, see the deadline met."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from ahuntsic_desktop.domain import Attendance, Person
from ahuntsic_desktop.services.privacy import access
from ahuntsic_desktop.ui.privacy.person_dialog import PersonPrivacyDialog
from ahuntsic_desktop.ui.privacy.privacy_page import PrivacyPage
from ahuntsic_desktop.ui.privacy.small_dialogs import RequestDialog

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


def ascii_letters(text: str) -> str:
    """What a test can type (QTest types ASCII only); the picker ignores accents."""
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()


@pytest.fixture
def attendee(demo_db):
    """A demo person who came to meetings: (id, « Prénom Nom »)."""
    with demo_db.session() as s:
        people = s.scalars(
            select(Person).join(Attendance, Attendance.person_id == Person.id).distinct()
        ).all()
    person = next(p for p in people if len(ascii_letters(p.full_name)) == len(p.full_name))
    return person.id, person.full_name


def test_record_then_answer_an_access_request(
    qtbot, window, dialogs, attendee, tmp_path, message_boxes, demo_db
):
    person_id, name = attendee
    page = privacy_page(qtbot, window)
    assert isinstance(page, PrivacyPage)
    assert page.title == "Vie privée"
    today = DEMO_TODAY

    def fill_request(dialog: RequestDialog) -> None:
        type_into(qtbot, dialog.person.lineEdit(), ascii_letters(name))
        dialog.received_on.setDate(dialog.received_on.date().addDays(-20))
        type_into(qtbot, dialog.notes, "Lettre recue par la poste")
        save(qtbot, dialog)

    dialogs.append(fill_request)
    click(qtbot, page.new_request_button)
    assert not dialogs
    assert page.requests.model.rowCount() == 1
    assert page.requests.model.index(0, 0).data() == name
    assert page.requests.model.index(0, 4).data() == "Reste 10 jours"

    def answer(dialog: PersonPrivacyDialog) -> None:
        assert dialog.name.text() == name
        assert "Reste 10 jours" in dialog.deadline.text()
        dialog.choose_folder = lambda: tmp_path
        click(qtbot, dialog.produce_button)
        assert dialog.deadline.text() == "Aucune demande en cours."
        assert dialog.requests.item(0, 3).text().startswith("Traitée le")
        click(qtbot, dialog.buttons.buttons()[0])

    dialogs.append(answer)
    click_cell(qtbot, page.requests.view, 0, double=True)
    assert not dialogs

    pdf = tmp_path / f"demande-acces-dossier-{person_id}-{today:%Y-%m-%d}.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert name in text and "Confidentiel : renseignements personnels" in text
    document = json.loads(pdf.with_suffix(".json").read_text(encoding="utf-8"))
    assert document["person"]["id"] == person_id
    assert len(document["sections"][2]["rows"]) > 0  # attendance
    assert any(str(pdf) in text for kind, text in message_boxes if kind == "information")
    [request] = access.person_requests(demo_db, person_id)
    assert request.completed_on == today and request.received_on == today - dt.timedelta(20)
    # answered requests leave the list unless asked for
    assert page.requests.model.rowCount() == 0
    page.show_completed.setChecked(True)
    assert page.requests.model.index(0, 4).data().startswith("Traitée le")


def test_a_request_without_a_person_is_refused_in_the_form(qtbot, window, dialogs):
    page = privacy_page(qtbot, window)

    def leave_blank(dialog: RequestDialog) -> None:
        save(qtbot, dialog)
        assert dialog.isVisible()
        assert dialog.form.visible_errors() == ["Choisissez la personne qui fait la demande."]
        dialog.reject()

    dialogs.append(leave_blank)
    click(qtbot, page.new_request_button)
    assert page.requests.model.rowCount() == 0


def test_the_officer_is_shown_or_asked_for(qtbot, window, demo_db):
    page = privacy_page(qtbot, window)
    assert "Paramètres" in page.officer.text() or "Responsable" in page.officer.text()
    assert page.tabs.count() == 3
    page.tabs.setCurrentIndex(2)
    assert page.tabs.tabText(2) == "Incidents de confidentialité"
    assert page.new_incident_button.isVisible()
    assert page.tabs.currentWidget().isVisible()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
