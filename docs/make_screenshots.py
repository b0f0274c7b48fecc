"""Take screenshots of the main window's pages on a fresh demo file.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/make_screenshots.py

Writes docs/screenshots/main-window.png (the dashboard) and page-*.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"


def main() -> int:
    os.environ.setdefault("AHUNTSIC_DATA_DIR", tempfile.mkdtemp())

    from ahuntsic_desktop.services.demo import write_demo_file
    from ahuntsic_desktop.store import Database
    from ahuntsic_desktop.ui.app import make_application
    from ahuntsic_desktop.ui.main_window import MainWindow

    app = make_application("fr")
    path = Path(tempfile.mkdtemp()) / "demo.sqlite"
    write_demo_file(path)
    window = MainWindow(Database.open(path))
    window.context.today = lambda: date(2026, 11, 26)
    window.resize(1360, 860)
    window.show()
    names = [
        "main-window",
        "page-membres",
        "page-organismes",
        "page-partenaires",
        "page-rencontres",
        "page-chantiers",
        "page-plan",
        "page-demarche",
        "page-bilan",
        "page-portrait",
        "page-exports",
        "page-vie-privee",
        "page-journal",
    ]
    for row, name in enumerate(names):
        window.navigation.setCurrentRow(row)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(OUT / f"{name}.png"))
    _planning_entry(app, window)
    window.close()
    return 0


def _planning_entry(app, window) -> None:
    """The démarche page's contribution grid, two sticky notes typed, one refused."""
    from ahuntsic_desktop.ui.planning.page import PlanningPage

    row = next(i for i, p in enumerate(window.pages) if isinstance(p, PlanningPage))
    window.navigation.setCurrentRow(row)
    page = window.pages[row]
    page.process_combo.setCurrentIndex(page.process_combo.count() - 1)  # the 2019-2020 one
    page.tabs.setCurrentIndex(1)
    grid = page.grid
    for values in (
        ("Un jardin près de l'école", "proposition", "Verdissement et espaces publics", "", "3"),
        ("Des bancs à l'ombre", "souhait", "Aîné·es", "Aîné·es", "5"),
    ):
        for column, value in enumerate(values):
            grid.table.item(grid.table.rowCount() - 1, column).setText(value)
        grid.next_row()
    grid.save()  # refused: « souhait » is not a kind; nothing is written
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(OUT / "page-demarche-saisie.png"))


if __name__ == "__main__":
    sys.exit(main())
