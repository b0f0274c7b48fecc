"""The main window's menus and page shortcuts (``window`` is the MainWindow)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from ..i18n import _
from .communications.menu import add_menu as add_communications_menu
from .page_table import PAGES


def page_shortcuts(window) -> None:  # noqa: ANN001 (the MainWindow)
    """Ctrl+1 ... Ctrl+9 and Ctrl+0 go to the first ten pages (said in their tips)."""
    for row, key in enumerate("1234567890"):
        if row >= window.navigation.count():
            break
        shortcut = QKeySequence(f"Ctrl+{key}")
        action = make_action(
            window, PAGES[row].title(), lambda _c=False, r=row: window.navigation.setCurrentRow(r)
        )
        action.setShortcut(shortcut)
        window.addAction(action)
        item = window.navigation.item(row)
        keys = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        item.setToolTip(f"{PAGES[row].title()} ({keys})")  # whole, when elided


def make_action(window, text: str, slot, shortcut=None) -> QAction:  # noqa: ANN001
    made = QAction(text, window)
    if shortcut is not None:
        made.setShortcut(QKeySequence(shortcut))
    made.triggered.connect(slot)
    return made


def build_menus(window) -> None:  # noqa: ANN001 (the MainWindow)
    file_menu = window.menuBar().addMenu(_("&Fichier"))
    window.new_action = make_action(window, _("&Nouveau fichier…"), window.new_file, "Ctrl+Shift+N")
    window.open_action = make_action(
        window, _("&Ouvrir…"), window.open_file, QKeySequence.StandardKey.Open
    )
    window.recent_menu = file_menu.addMenu(_("Ouvrir un fichier &récent"))
    window.server_action = make_action(
        window, _("Se connecter à un &serveur…"), window.connect_server
    )
    window.copy_action = make_action(
        window, _("Enregistrer une &copie…"), window.save_copy, "Ctrl+Shift+S"
    )
    window.settings_action = make_action(window, _("&Paramètres…"), window.edit_settings, "Ctrl+,")
    window.quit_action = make_action(window, _("&Quitter"), window.close)
    # The platform's own key when it has one (none on Windows or offscreen), and Ctrl+Q.
    quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    window.quit_action.setShortcuts(quit_keys or [QKeySequence("Ctrl+Q")])
    file_menu.addAction(window.new_action)
    file_menu.addAction(window.open_action)
    file_menu.addMenu(window.recent_menu)
    file_menu.addAction(window.server_action)
    file_menu.addSeparator()
    file_menu.addAction(window.copy_action)
    window.restore_action = make_action(
        window, _("&Restaurer une sauvegarde…"), window.restore_backup
    )
    file_menu.addAction(window.restore_action)
    window.import_action = make_action(window, _("&Importer des membres…"), window.import_members)
    file_menu.addAction(window.import_action)
    file_menu.addSeparator()
    file_menu.addAction(window.settings_action)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    add_communications_menu(window)
    help_menu = window.menuBar().addMenu(_("&Aide"))
    help_menu.addAction(make_action(window, _("&Guide d'utilisation"), window.show_guide, "F1"))
    help_menu.addAction(make_action(window, _("À &propos d'Ahuntsic Desktop"), window.about))
    window.recent_menu.aboutToShow.connect(window._fill_recent_menu)
