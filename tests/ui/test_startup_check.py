"""Start-up with the integrity check in a thread (issue 16): the window paints while the
file is checked; a damaged file is then explained as at opening (« endommagé », with a
backup to restore or another file to choose) and nothing is written to it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.store import Database
from ahuntsic_desktop.ui import file_check
from ahuntsic_desktop.ui.main_window import MainWindow

from ..dates import DEMO_TODAY
from ..store.test_backups import digest
from ..store.test_later_check import damaged_copy


def started(qtbot, path):
    """The window as ``ahuntsic-desktop`` starts it: file opened with its check left
    running, window built and painted, the first page built after the paint."""
    db = Database.open(path, check_later=True)
    window = MainWindow(db, today=lambda: DEMO_TODAY, load_later=True)
    qtbot.addWidget(window)
    window.show()
    return window, db


def test_a_good_file_shows_its_dashboard(qtbot, good_file):
    window, db = started(qtbot, good_file)
    qtbot.waitUntil(lambda: window.pages.built[0] is not None)
    assert window.current_page().summary is not None  # read once the check passed
    assert window.db is db
    # the other pages are then built one by one: let them finish before the teardown
    qtbot.waitUntil(lambda: all(page is not None for page in window.pages.built), timeout=20000)


def test_the_dashboards_figures_paint_before_the_next_page_is_built(qtbot, good_file):
    """Qt paints at low priority: left to the event loop, the figures would wait for the
    Members page's build. They paint as soon as they are read."""
    seen = []

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            first = window.pages.built[0] if window is not None else None
            if (
                not seen
                and event.type() == QEvent.Type.Paint
                and first is not None
                and window.current_page().summary is not None
                and isinstance(obj, QWidget)
                and (obj is first or first.isAncestorOf(obj))
            ):
                seen.append(window.pages.built[1] is None)
            return False

    window = None
    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        window, _db = started(qtbot, good_file)
        qtbot.waitUntil(lambda: bool(seen))
        assert seen == [True]  # painted while the Members page was still to be built
        qtbot.waitUntil(lambda: all(page is not None for page in window.pages.built), timeout=20000)
    finally:
        QApplication.instance().removeEventFilter(watch)


def test_the_title_is_the_files_before_the_first_read(qtbot, good_file):
    """The window paints with the table's name before SQLAlchemy is needed: the name was
    read with sqlite3 at opening; the engine comes with the first page's read."""
    db = Database.open(good_file)
    named = settings_service.load(db)
    named.table_name = "Table de concertation de Bordeaux-Cartierville"
    settings_service.save(db, named)
    db.close()
    window, db = started(qtbot, good_file)
    assert (
        window.windowTitle() == "Table de concertation de Bordeaux-Cartierville — Ahuntsic Desktop"
    )
    assert not db.engine_made
    qtbot.waitUntil(lambda: window.pages.built[0] is not None)
    assert db.engine_made
    qtbot.waitUntil(lambda: all(page is not None for page in window.pages.built), timeout=20000)


def test_a_damaged_file_is_explained_after_the_paint_and_not_written(
    qtbot, tmp_path, good_file, monkeypatch
):
    path = damaged_copy(good_file, tmp_path)
    before = digest(path)
    shown = []

    def answer(box):
        shown.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == "Annuler").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window, db = started(qtbot, path)
    qtbot.waitUntil(lambda: bool(shown))
    [(text, advice, buttons)] = shown
    assert "« abime.sqlite » est endommagé" in text and "n'a pas été modifié" in advice
    assert "Choisir un autre fichier…" in buttons
    qtbot.waitUntil(lambda: not window.isVisible())  # cancelled: the window closes
    assert window.pages.built[0] is None  # no page read the damaged file
    assert not file_check.passed(window)  # the late-load timer asks again: no second box
    assert len(shown) == 1
    db.close()
    assert digest(path) == before
