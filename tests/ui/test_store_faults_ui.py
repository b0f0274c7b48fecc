"""What the user sees of a busy file or a full disk (issue 11, items 1 and 3): a French
message with « Réessayer » and « Annuler », never the unexpected-error dialog, and no
restore offered for a healthy file on a full disk."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from ahuntsic_desktop.store import Database, StoreError, StoreProblem, faults
from ahuntsic_desktop.ui.errors import retrying
from ahuntsic_desktop.ui.file_opening import OTHER, READ_ONLY, RESTORE, RETRY, refusal_box
from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY
from .registry_helpers import click, click_row, save
from .test_registry_memberships import count_year, memberships_tab


@pytest.fixture
def fast_db(demo_path):
    """The demo file, giving up on another program's lock after 50 ms."""
    database = Database.open(demo_path, busy_timeout_ms=50)
    yield database
    database.close()


@pytest.fixture
def window(qtbot, fast_db):
    win = MainWindow(fast_db, today=lambda: DEMO_TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def answer_boxes(monkeypatch, answers: list[str], then=None) -> list[tuple[str, list[str]]]:
    """Message boxes are answered by clicking the button named in ``answers``, in turn;
    ``then()`` runs before each answer (another program lets go, for instance)."""
    shown: list[tuple[str, list[str]]] = []

    def exec_(box):
        shown.append((box.text(), [b.text() for b in box.buttons()]))
        if then is not None:
            then()
        wanted = answers.pop(0)
        next(b for b in box.buttons() if b.text() == wanted).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@pytest.mark.parametrize("retry", [False, True])
def test_renewing_while_another_program_writes_offers_to_retry(
    qtbot, window, fast_db, demo_path, monkeypatch, retry
):
    tab = memberships_tab(qtbot, window)
    year = tab.year()
    before = count_year(fast_db, year + 1)
    click_row(qtbot, tab.list, 0)
    click(qtbot, tab.renew_button)
    dialog = tab.dialog
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    shown = answer_boxes(
        monkeypatch, ["Réessayer" if retry else "Annuler"], then=other.rollback if retry else None
    )
    try:
        save(qtbot, dialog)
    finally:
        other.close()
    [(text, buttons)] = shown
    assert "en cours d'écriture par un autre programme" in text
    assert buttons == ["Réessayer", "Annuler"]
    if retry:
        assert count_year(fast_db, year + 1) == before + 1
        assert not dialog.isVisible()
    else:
        assert count_year(fast_db, year + 1) == before  # nothing half-done
        assert dialog.isVisible()  # the user may try again later
        dialog.reject()


def test_retrying_gives_up_when_the_user_cancels(monkeypatch):
    calls = []

    def busy():
        calls.append(1)
        raise faults.busy(None)

    shown = answer_boxes(monkeypatch, ["Réessayer", "Annuler"])
    assert retrying(None, busy) is None
    assert len(calls) == 2 and len(shown) == 2


def test_a_full_disk_offers_retry_and_read_only_but_no_restore(qtbot, tmp_path, demo_path):
    Database.open(demo_path).close()  # it has backups now
    error = faults.disk_full(demo_path)
    box = refusal_box(None, demo_path, error)
    qtbot.addWidget(box)
    assert "disque est plein" in box.text()
    assert sorted(box.choices.values()) == sorted([RETRY, READ_ONLY, OTHER])
    damaged = refusal_box(None, demo_path, StoreError(StoreProblem.CORRUPT, "endommagé"))
    qtbot.addWidget(damaged)
    assert RESTORE in damaged.choices.values() and RETRY not in damaged.choices.values()


@pytest.mark.parametrize("retry", [False, True])
def test_importing_while_another_program_writes_offers_to_retry(
    qtbot, tmp_path, monkeypatch, retry
):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWizard
    from sqlalchemy import func, select

    from ahuntsic_desktop.domain import Person
    from ahuntsic_desktop.ui.importing import ImportWizard

    path = tmp_path / "table.sqlite"
    db = Database.open(path, create=True, busy_timeout_ms=50)
    source = tmp_path / "liste.csv"
    source.write_text("Prénom,Nom\nJean,Lapointe\nAna,Nguyen\n", encoding="utf-8")
    wizard = ImportWizard(db)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.file_page
    page.path_edit.setText(str(source))
    qtbot.keyClick(page.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(page.isComplete, timeout=15_000)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=15_000)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    shown = answer_boxes(
        monkeypatch, ["Réessayer" if retry else "Annuler"], then=other.rollback if retry else None
    )
    try:
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton
        )
        qtbot.waitUntil(lambda: wizard.run_page.done, timeout=15_000)
    finally:
        other.close()
        wizard.stop_work()
    [(text, buttons)] = shown
    assert "autre programme" in text and buttons == ["Réessayer", "Annuler"]
    with db.session() as session:
        persons = session.scalar(select(func.count()).select_from(Person))
    if retry:
        assert persons == 2 and "2 fiches créées" in wizard.run_page.status.text()
    else:
        assert persons == 0 and "Rien n'a été enregistré" in wizard.run_page.status.text()
    assert "inattendue" not in wizard.run_page.status.text()
    db.close()
