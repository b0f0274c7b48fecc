"""Start the graphical application: Qt set-up, the first file to open, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# The store and Babel before PySide6: once imported, PySide6's import hook reads the source
# of every module imported after it, looking for « PySide6 » in it (PYSIDE-2029), and
# linecache would keep those lines (see .source_lines). The store no longer brings
# SQLAlchemy with it: a current file is opened with sqlite3 and SQLAlchemy imported at its
# first read, after the first paint (Database.open's ``check_later``).
from .. import i18n
from ..i18n import _
from ..paths import default_db_path, demo_db_path, resources_dir
from ..store import StoreError, is_server_url

# isort: split
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .errors import install_excepthook, show_error
from .file_opening import FILE_FILTER, explain_refusal, open_database, open_server
from .source_lines import forget_source_lines
from .widgets.files import ask_open_path

log = logging.getLogger(__name__)

STYLE = """
QLabel#pageTitle { font-size: 18pt; font-weight: 600; padding: 4px 0 8px 0; }
QListWidget#navigation { font-size: 11pt; }
QListWidget#navigation::item { padding: 8px 10px; }
QFrame#card { border: 1px solid palette(mid); border-radius: 6px; }
QLabel#cardValue { font-size: 22pt; font-weight: 600; }
QLabel#cardTitle { color: #3e4c59; }
"""


def make_application(language: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("AhuntsicDesktop")
    app.setApplicationName("Ahuntsic Desktop")
    app.setStyleSheet(STYLE)
    icon = resources_dir() / "icons" / "ahuntsic-desktop.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    stored = QSettings().value("language")
    locale = i18n.set_locale(
        "en_CA" if language == "en" else "fr_CA" if language == "fr" else stored
    )
    QLocale.setDefault(QLocale(locale))
    install_qt_translations(app, locale)
    install_excepthook()
    return app


def qt_translation_folders() -> list[Path]:
    """Where Qt's own translations (qtbase_fr.qm: the file dialog's « Regarder dans : »)
    are: PySide6's folder first (a distribution's Qt may have none), then Qt's own."""
    import PySide6

    folders = [Path(PySide6.__file__).parent / "Qt" / "translations"]
    frozen = getattr(sys, "_MEIPASS", None)  # the PyInstaller bundle
    if frozen:
        folders.append(Path(frozen) / "PySide6" / "Qt" / "translations")
    folders.append(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    return folders


def install_qt_translations(app: QApplication, locale: str) -> QTranslator | None:
    """Qt's own texts (file dialogs, standard buttons, context menus) in the locale's
    language; None when no translation was found (they stay in English, logged)."""
    language = locale.split("_")[0]
    if language == "en":
        return None
    for folder in qt_translation_folders():
        translator = QTranslator(app)
        if translator.load(f"qtbase_{language}", str(folder)):
            app.installTranslator(translator)
            return translator
    log.warning("Qt's %s translations were not found", language)
    return None


def first_path(db_path: Path | None, demo: bool) -> tuple[Path, bool]:
    """The file to open at start-up and whether it may be created."""
    if demo:
        return demo_db_path(), False
    if db_path is not None:
        return db_path, False
    last = QSettings().value("lastFile")
    if last and Path(str(last)).exists():
        return Path(str(last)), False
    return default_db_path(), True


def ensure_demo_file(path: Path) -> None:
    if path.exists() and path.stat().st_size > 0:
        return
    from PySide6.QtCore import Qt

    from ..services.demo import write_demo_file

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write_demo_file(path)
    finally:
        QApplication.restoreOverrideCursor()


def run_gui(
    db_path: Path | str | None = None, demo: bool = False, language: str | None = None
) -> int:
    forget_source_lines()  # what PySide6's hook reads of the modules imported from here on
    app = make_application(language)
    from .main_window import MainWindow

    if is_server_url(db_path):  # a shared office server (postgresql://user@host/db)
        db = open_server(None, str(db_path))
        if db is None:
            return 1
        return _run_window(app, MainWindow(db, load_later=True))
    path, create = first_path(db_path, demo)
    if demo:
        ensure_demo_file(path)
    # The integrity check reads the whole file: it runs while the window is built and
    # painted, and the window awaits its verdict before the first page reads (file_check).
    db = open_database(None, path, create=create, check_later=True)
    while True:
        while db is None:
            chosen = ask_open_path(
                None, _("Choisir un fichier de données"), FILE_FILTER, path.parent, remember=False
            )
            if chosen is None:
                return 1
            db = open_database(None, chosen)
        try:
            window = MainWindow(db, load_later=True)
        except StoreError as error:  # the file's settings could not be read: damaged
            db.close()
            db = explain_refusal(None, Path(db.path), error)
            continue
        return _run_window(app, window)


def _run_window(app, window) -> int:
    window.show()
    try:
        return app.exec()
    except Exception:  # pragma: no cover - the excepthook normally catches these
        log.exception("Event loop ended with an error")
        show_error(None, _("Ahuntsic Desktop s'est arrêté à cause d'une erreur."))
        return 1
