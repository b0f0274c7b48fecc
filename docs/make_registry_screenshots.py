"""Screenshots of the registry on a fresh demo file: the members list, a dialog refusing
bad input, and the first page of a membership receipt.

    .venv/bin/python docs/make_registry_screenshots.py   (offscreen; needs pdftoppm)

Writes docs/screenshots/members-list.png, dialog-validation.png and pdf-recu.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"


def settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("AHUNTSIC_DATA_DIR", tempfile.mkdtemp())
    from PySide6.QtCore import QSettings

    from ahuntsic_desktop.exports.pdf.receipt import write_receipt_file
    from ahuntsic_desktop.services.demo import write_demo_file
    from ahuntsic_desktop.store import Database
    from ahuntsic_desktop.ui.app import make_application
    from ahuntsic_desktop.ui.main_window import MainWindow

    app = make_application("fr")
    from ahuntsic_desktop.ui.widgets import unsaved

    # The script fills dialogs to show them, then closes them: it saves nothing, and never
    # waits on « Enregistrer les modifications ? ».
    unsaved.ask_to_save = lambda *_args, **_kwargs: unsaved.Choice.DISCARD
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    path = Path(tempfile.mkdtemp()) / "demo.sqlite"
    write_demo_file(path, today=date(2026, 11, 26))
    db = Database.open(path)
    window = MainWindow(db, today=lambda: date(2026, 11, 26))
    window.resize(1360, 820)
    window.show()
    window.navigation.setCurrentRow(1)
    settle(app)
    tab = window.current_page().memberships
    status = next(f for f in tab.list.filters if f.key == "status")
    status.choose("À renouveler")
    tab.list.view.selectRow(1)
    settle(app)
    tab.list.select_ids(tab.list.model.table.ids[:12])  # includes rows hidden by the filter
    tab.list.select_ids([tab.list.model.row_id(r) for r in tab.list.shown_rows()[:4]])
    tab.copy_selected_emails()
    settle(app)
    window.grab().save(str(OUT / "members-list.png"))

    window.navigation.setCurrentRow(2)
    settle(app)
    organizations = window.current_page().organizations_tab
    organizations.new()
    dialog = organizations.dialog
    dialog.email.setText("info@maison-des-familles")
    dialog.phone.setText("555-12")
    dialog.postal_code.setText("h3l2l9")
    dialog.postal_code.editingFinished.emit()
    dialog.phone.editingFinished.emit()
    dialog.accept()  # the name is missing: refused, shown under the field
    settle(app)
    dialog.grab().save(str(OUT / "dialog-validation.png"))
    dialog.reject()

    paid = [
        record_id
        for record_id, row in zip(tab.list.model.table.ids, tab.list.model.table.rows, strict=True)
        if row[6] is not None and row[5] > 0
    ]
    pdf = Path(tempfile.mkdtemp()) / "recu.pdf"
    write_receipt_file(db, paid[:1], pdf, today=date(2026, 11, 26))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "70",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(OUT / "pdf-recu"),
        ],
        check=True,
    )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
