"""The window part of ``--self-test``: open a data file in the main window, offscreen."""

from __future__ import annotations

import os
from pathlib import Path

from ...i18n import _


def open_window(path: Path) -> str:
    """Show the main window on ``path`` offscreen, draw it once, close it; says what it saw.

    Preferences go to a folder beside ``path`` (the self-test's temporary folder), so the
    person's own settings are never read or changed."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ...store import Database
    from ..main_window import MainWindow

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path.parent / "reglages")
    )
    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # even on a desktop: no window flashes
        app = QApplication(["ahuntsic-desktop"])
    window = MainWindow(Database.open(path))
    try:
        window.show()
        app.processEvents()
        picture = window.grab()
        if picture.isNull() or picture.width() < 100:
            raise RuntimeError(_("la fenêtre ne s'est pas dessinée."))
        pages = window.navigation.count()
    finally:
        window.close()
        app.processEvents()
    return _("Fenêtre ouverte hors écran ({platform}) : {pages} pages").format(
        platform=app.platformName(), pages=pages
    )
