"""Screenshots of every page (each of its tabs) and every dialog at one window size,
to check that all is usable on a small screen (issue 14 item 2). Called by
``make_screenshots.py --size 1024x600``; says when a window could not be made that small."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def _save(app, widget, path: Path, width: int, height: int) -> None:
    _settle(app)
    widget.grab().save(str(path))
    if widget.width() > width or widget.height() > height:
        print(f"{path.name}: {widget.width()}x{widget.height()} (larger than {width}x{height})")


def _tabs_of(widget):
    from PySide6.QtWidgets import QTabWidget

    return [t for t in widget.findChildren(QTabWidget) if t.isVisibleTo(widget)]


def shoot_all(width: int, height: int, out: Path, day) -> int:
    from ahuntsic_desktop.services.demo import write_demo_file
    from ahuntsic_desktop.store import Database
    from ahuntsic_desktop.ui.app import make_application
    from ahuntsic_desktop.ui.main_window import MainWindow

    app = make_application("fr")
    out.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp()) / "demo.sqlite"
    write_demo_file(path, today=day)
    db = Database.open(path)
    window = MainWindow(db, today=lambda: day)
    window.show()
    window.resize(width, height)
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        _save(app, window, out / f"page-{row:02d}.png", width, height)
        for number, tabs in enumerate(_tabs_of(window.current_page())):
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                _save(app, window, out / f"page-{row:02d}-tab{number}-{index}.png", width, height)
            tabs.setCurrentIndex(0)
    for name, make in _dialogs(window, day, path.parent / "fichiers").items():
        dialog = make()
        dialog.show()
        dialog.resize(min(dialog.width(), width), min(dialog.height(), height))
        _save(app, dialog, out / f"dialog-{name}.png", width, height)
        for number, tabs in enumerate(_tabs_of(dialog)):
            for index in range(1, tabs.count()):
                tabs.setCurrentIndex(index)
                _save(app, dialog, out / f"dialog-{name}-tab{number}-{index}.png", width, height)
        dialog.close()
    window.close()
    return 0


def _dialogs(window, day, folder: Path) -> dict:
    """Every dialog, from the list the screen-reader test walks (tests/ui/all_dialogs.py)."""
    root = str(Path(__file__).resolve().parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from tests.ui.all_dialogs import all_dialogs

    return all_dialogs(window, day, folder)
