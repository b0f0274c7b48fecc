"""Screenshots of the evaluation and the portrait on a fresh demo file: the Bilan page's
projets phares, the evolution grid, a chantier's evaluation and the
timeline, the Portrait page, the census
import's preview, and the first page of the bilan-global, ligne-du-temps and portrait PDFs.

    .venv/bin/python docs/make_bilan_screenshots.py   (offscreen; needs pdftoppm)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"
CENSUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "census"
TODAY = date(2026, 11, 26)


def settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def first_page(pdf: Path, name: str) -> None:
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
         str(OUT / name)],
        check=True,
    )  # fmt: skip


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("AHUNTSIC_DATA_DIR", tempfile.mkdtemp())
    from PySide6.QtCore import QSettings

    from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
    from ahuntsic_desktop.services.demo import write_demo_file
    from ahuntsic_desktop.services.evaluation import PROJECT
    from ahuntsic_desktop.store import Database
    from ahuntsic_desktop.ui.app import make_application
    from ahuntsic_desktop.ui.evaluation.portrait_page import CENSUS as CENSUS_LAYOUT
    from ahuntsic_desktop.ui.evaluation.portrait_page import IndicatorImportDialog
    from ahuntsic_desktop.ui.main_window import MainWindow

    sys.path.insert(0, str(CENSUS))
    from make_census_csv import make_census_csv

    app = make_application("fr")
    from ahuntsic_desktop.ui.widgets import unsaved

    # The script fills dialogs to show them, then closes them: it saves nothing, and never
    # waits on « Enregistrer les modifications ? ».
    unsaved.ask_to_save = lambda *_args, **_kwargs: unsaved.Choice.DISCARD
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    folder = Path(tempfile.mkdtemp())
    path = folder / "demo.sqlite"
    write_demo_file(path, today=TODAY)
    db = Database.open(path)
    window = MainWindow(db, today=lambda: TODAY)
    window.resize(1360, 820)
    window.show()
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    window.navigation.setCurrentRow(titles.index("Bilan du plan"))
    page = window.current_page()
    page.tabs.setCurrentWidget(page.works[PROJECT])
    settle(app)
    window.grab().save(str(OUT / "page-bilan-projets-phares.png"))
    page.tabs.setCurrentWidget(page.evolution)
    settle(app)
    window.grab().save(str(OUT / "page-bilan-evolution.png"))
    page.tabs.setCurrentWidget(page.chantier_evaluation)
    settle(app)
    window.grab().save(str(OUT / "page-bilan-evaluation-chantiers.png"))
    page.tabs.setCurrentWidget(page.timeline)
    settle(app)
    window.grab().save(str(OUT / "page-bilan-ligne-du-temps.png"))

    window.navigation.setCurrentRow(titles.index("Portrait"))
    portrait_page = window.current_page()
    settle(app)
    window.grab().save(str(OUT / "page-portrait.png"))
    dialog = IndicatorImportDialog(window.context, CENSUS_LAYOUT, portrait_page)
    dialog.path.setText(str(make_census_csv(folder / "profil-recensement-2021.csv")))
    dialog.theme.setText("Démographie")
    dialog.show()
    dialog.show_preview()
    settle(app)
    dialog.grab().save(str(OUT / "dialog-import-recensement.png"))
    dialog.accept()
    window.close()

    for key, name in (("bilan-global", "pdf-bilan-global"), ("ligne-du-temps",
                      "pdf-ligne-du-temps"), ("portrait", "pdf-portrait")):  # fmt: skip
        pdf = run_export(db, key, folder / f"{key}.pdf", ExportOptions(today=TODAY))
        first_page(pdf, name)
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
