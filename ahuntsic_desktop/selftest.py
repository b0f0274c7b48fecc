"""``ahuntsic-desktop --self-test``: prove that an installed copy works, without a screen.

In a temporary folder it writes the fictional demo file, opens it in the main window
(offscreen), writes one workbook and one PDF through the export catalogue, and reads them
back: the workbook with openpyxl, the PDF by its header, trailer and page count; it checks
that the libraries' licences and the guide are shipped. Nothing is written in the person's
data folder. Used by CI on the PyInstaller bundle and by the
packages' smoke tests, so that a missing module or Qt plug-in shows before a person does.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .i18n import _
from .licences import bundled_libraries
from .paths import resources_dir

# The two documents written: cheap, and together they load openpyxl, reportlab and the fonts.
WORKBOOK, PDF = "membres", "bottin"


class SelfTestError(Exception):
    """A check failed; the message says which, in French."""


def check_workbook(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        sheet = book.worksheets[0]
        rows = sum(1 for row in sheet.iter_rows(values_only=True) if any(row))
    finally:
        book.close()
    if rows < 2:
        raise SelfTestError(_("le classeur {name} est vide.").format(name=path.name))
    return _("{name} : {count} lignes").format(name=path.name, count=rows)


def check_pdf(path: Path) -> str:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise SelfTestError(_("{name} n'est pas un PDF complet.").format(name=path.name))
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    if pages < 1:
        raise SelfTestError(_("{name} n'a aucune page.").format(name=path.name))
    return _("{name} : {count} pages").format(name=path.name, count=pages)


def check_shipped_files() -> str:
    """The About box's licences (the libraries' metadata) and the guide are in the bundle."""
    libraries = bundled_libraries()
    if not any(library.name.lower().startswith("pyside6") for library in libraries):
        raise SelfTestError(_("les licences des bibliothèques incluses sont introuvables."))
    missing = [
        language
        for language in ("fr", "en")
        if not (resources_dir() / "guide" / f"{language}.html").is_file()
    ]
    if missing:
        raise SelfTestError(_("le guide d'utilisation est introuvable."))
    return _("{count} bibliothèques et leur licence ; guide en français et en anglais").format(
        count=len(libraries)
    )


def run(
    today: dt.date,
    open_window: Callable[[Path], str] | None = None,
    say: Callable[[str], None] = print,
) -> int:
    """Run the checks; 0 when all pass, 1 (and a French message) when one fails."""
    from .exports.catalog import ExportOptions, run_export
    from .services.demo import write_demo_file
    from .store import Database

    started = time.perf_counter()
    previous = os.environ.get("AHUNTSIC_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="ahuntsic-self-test-") as folder:
        root = Path(folder)
        os.environ["AHUNTSIC_DATA_DIR"] = str(root / "donnees")
        try:
            demo = root / "demo.sqlite"
            write_demo_file(demo, today=today)
            say(_("Fichier de démonstration écrit"))
            if open_window is not None:
                say(open_window(demo))
            db = Database.open(demo, read_only=True)
            try:
                options = ExportOptions(today=today)
                book = run_export(db, WORKBOOK, root / "membres.xlsx", options)
                pdf = run_export(db, PDF, root / "bottin.pdf", options)
            finally:
                db.close()
            say(check_workbook(book))
            say(check_pdf(pdf))
            say(check_shipped_files())
        except Exception as error:  # report any failure as a failed check, never a traceback
            say(_("Autotest échoué : {error}").format(error=error))
            return 1
        finally:
            if previous is None:
                os.environ.pop("AHUNTSIC_DATA_DIR", None)
            else:
                os.environ["AHUNTSIC_DATA_DIR"] = previous
    say(_("Autotest réussi en {seconds:.1f} s").format(seconds=time.perf_counter() - started))
    return 0
