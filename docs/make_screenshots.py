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
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
