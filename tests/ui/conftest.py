"""GUI fixtures: isolated preferences and data folder, a demo file made once per session."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from ahuntsic_desktop.services.demo import write_demo_file
from ahuntsic_desktop.store import Database

from ..dates import DEMO_TODAY


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo_file(path, today=DEMO_TODAY)
    return path


@pytest.fixture(autouse=True)
def isolated_preferences(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("AHUNTSIC_DATA_DIR", str(tmp_path / "data"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    qapp.setOrganizationName("AhuntsicDesktopTests")
    qapp.setApplicationName("Ahuntsic Desktop Tests")
    QSettings().clear()
    yield


@pytest.fixture(autouse=True)
def saved_documents(monkeypatch):
    """The end dialog after a document is saved answers « Fermer » by itself (a test that
    patches ``QMessageBox.exec`` answers it instead); the texts shown are recorded."""
    from ahuntsic_desktop.ui.widgets import files

    shown: list[str] = []

    def run_box(box):
        shown.append(box.text())
        answered = "exec" in vars(QMessageBox)  # a test patched QMessageBox.exec
        return box.exec() if answered else 0

    monkeypatch.setattr(files, "run_box", run_box)
    return shown


@pytest.fixture
def demo_path(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def demo_db(demo_path):
    database = Database.open(demo_path)
    yield database
    database.close()


@pytest.fixture
def message_boxes(monkeypatch):
    """Record message boxes instead of blocking on them; each entry is (kind, text)."""
    shown: list[tuple[str, str]] = []

    def record(kind, answer=QMessageBox.StandardButton.Ok):
        def show(_parent, _title, text, *args, **kwargs):
            shown.append((kind, text))
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    monkeypatch.setattr(QMessageBox, "warning", record("warning"))
    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "about", record("about"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(("box", box.text())) or 0)
    return shown


@pytest.fixture(autouse=True)
def unsaved_answers(monkeypatch):
    """« Enregistrer les modifications ? » answered without a blocking box: a test that
    leaves edits behind gets « Ne pas enregistrer »; a test about the question appends the
    answers it wants (Choice) and reads what was asked in ``unsaved_answers.asked``."""
    from ahuntsic_desktop.ui.widgets import unsaved

    class Answers(list):
        asked: list[list[str]]
        could_save: list[bool]

    answers = Answers()
    answers.asked = []
    answers.could_save = []  # False where only « Abandonner / Continuer » was offered

    def ask(_parent, names, can_save=True):
        answers.asked.append(list(names))
        answers.could_save.append(can_save)
        return answers.pop(0) if answers else unsaved.Choice.DISCARD

    monkeypatch.setattr(unsaved, "ask_to_save", ask)
    return answers
