"""Printing a meeting's documents from its window: the « Imprimer ▾ » menu asks where to
save (suggesting a French file name, in the folder used last time), writes the PDF, offers to
open it, and says in French when the file cannot be written."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ahuntsic_desktop.domain.enums import MeetingStatus
from ahuntsic_desktop.i18n import format_date
from ahuntsic_desktop.services.meetings import followups, meetings
from ahuntsic_desktop.ui.context import Context
from ahuntsic_desktop.ui.meetings.documents import LAST_FOLDER_KEY

from ..dates import DEMO_TODAY as TODAY
from .meeting_fixtures import open_window


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def meeting(demo_db) -> meetings.MeetingDetail:
    """The last coordination committee meeting held before the demo's day."""
    table = meetings.list_meetings(demo_db, upcoming=False, today=TODAY)
    held = [
        detail
        for detail in (meetings.get_meeting(demo_db, i) for i in table.ids)
        if detail.body == "CC" and detail.status == MeetingStatus.HELD.value
    ]
    return max(held, key=lambda detail: detail.date)


@pytest.fixture
def meeting_id(meeting) -> int:
    return meeting.id


@pytest.fixture
def window(qtbot, demo_db, meeting_id):
    return open_window(qtbot, Context(demo_db, today=lambda: TODAY), meeting_id)


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    """Answers the save dialog with tmp_path/out/<suggested name>; records the suggestions."""
    asked: list[str] = []
    folder = tmp_path / "out"
    folder.mkdir()

    def answer(_parent, _title, suggested, _filter):
        asked.append(suggested)
        return str(folder / Path(suggested).name), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


@pytest.fixture
def opened(monkeypatch):
    """Clicks « Ouvrir le document » in the box shown after saving; records opened URLs."""
    urls: list[str] = []
    boxes: list[str] = []

    def click_open(box):
        boxes.append(box.text())
        button = next(b for b in box.buttons() if b.text() == "Ouvrir le document")
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_open)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()))
    return urls


def action(window, name: str) -> QAction:
    found = window.print_button.menu().findChild(QAction, name)
    assert found is not None, name
    return found


def test_print_menu_sits_next_to_the_edit_button(window):
    menu = window.print_button.menu()
    texts = [a.text() for a in menu.actions()]
    assert texts == [
        "Avis de convocation…",
        "Feuille de présence…",
        "Procès-verbal…",
        "Liste des suivis de l'instance…",
    ]
    assert window.print_button.text().startswith("Imprimer")
    assert window.print_button.isVisible()


@pytest.mark.parametrize(
    ("name", "prefix", "words"),
    [
        ("printConvocation", "convocation", ["Avis de convocation", "Comité de coordination"]),
        ("printAttendanceSheet", "feuille-presence", ["Comité de coordination", "{year}"]),
        ("printMinutes", "proces-verbal", ["Comité de coordination", "{long_date}"]),
    ],
)
def test_each_meeting_document_is_written_and_opened(
    window, meeting, save_dialog, opened, name, prefix, words
):
    action(window, name).trigger()

    expected = f"{prefix}-CC-{meeting.date.isoformat()}.pdf"
    assert [Path(s).name for s in save_dialog] == [expected]
    written = Path(opened[0])
    assert written.name == expected
    text = pdf_text(written)
    for word in words:
        assert word.format(year=meeting.date.year, long_date=format_date(meeting.date)) in text


def test_follow_up_list_of_the_meeting_body(window, demo_db, save_dialog, opened):
    action(window, "printFollowUps").trigger()

    written = Path(opened[0])
    assert written.name == f"suivis-CC-{TODAY.isoformat()}.pdf"
    text = pdf_text(written)
    assert "Liste des suivis" in text
    assert "Instance : CC" in text
    listed = followups.list_follow_ups(demo_db, body="CC", open_only=True, today=TODAY)
    first = listed.values("description")[0]
    assert " ".join(first.split()[:4]) in text


def test_the_folder_is_remembered(window, save_dialog, opened, tmp_path):
    action(window, "printConvocation").trigger()
    assert QSettings().value(LAST_FOLDER_KEY) == str(tmp_path / "out")

    action(window, "printMinutes").trigger()
    assert Path(save_dialog[1]).parent == tmp_path / "out"


def test_cancelling_writes_nothing(window, monkeypatch, opened):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    action(window, "printConvocation").trigger()
    assert opened == []


def test_a_file_that_cannot_be_written_is_told_in_french(
    window, monkeypatch, tmp_path, message_boxes
):
    missing = tmp_path / "nowhere" / "deeper" / "convocation.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(missing), "PDF"))
    urls: list = []
    monkeypatch.setattr(QDesktopServices, "openUrl", urls.append)

    action(window, "printConvocation").trigger()

    kinds = [kind for kind, _text in message_boxes]
    assert kinds == ["critical"]
    assert "n'a pas pu être écrit" in message_boxes[0][1]
    assert "Traceback" not in message_boxes[0][1]
    assert urls == []
