"""The main window: navigation on the left, one page at a time, the File and Help menus."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ..i18n import _
from ..services.core import settings as settings_service
from ..services.core.errors import ValidationError
from ..store import Database, is_server_url
from . import file_check, main_menus, recent
from .change_watch import ChangeWatch
from .context import Context
from .errors import show_error
from .file_opening import FILE_FILTER, open_database
from .page_table import DASHBOARD, PAGES, Pages, stand_in
from .pages.base import Destination, Page
from .widgets import keyboard
from .widgets.files import ask_open_path, ask_save_path, document_name
from .widgets.geometry import place_window, scrolling
from .widgets.unsaved import confirm_leave
from .widgets.worker import close_after_background

log = logging.getLogger(__name__)
LATE_LOAD_MS = 400  # at start-up, build the first page then even if no paint came
BACKUP_CHECK_MS = 60 * 60 * 1000  # look hourly whether the day's automatic backup is due


class MainWindow(QMainWindow):
    def __init__(
        self,
        db: Database,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] | None = None,
        load_later: bool = False,
    ) -> None:
        """``today`` tells every page the date (the clock when not given: tests pin it); pages
        are built when first shown, with ``load_later`` (start-up) once the window painted."""
        super().__init__(parent)
        keyboard.install()
        self.context = Context(db) if today is None else Context(db, today=today)
        self.preferences = QSettings()

        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName(_("Navigation entre les pages"))
        self.navigation.setMinimumWidth(150)
        self.navigation.setMaximumWidth(300)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget(self)
        self.pages = Pages(self)
        for entry in PAGES:
            self.stack.addWidget(stand_in(self.stack))  # until the page is built
            self.navigation.addItem(entry.title())
        self._stale: set[int] = set(range(len(PAGES)))
        self._load_later = load_later
        self._after_paint: int | None = None
        self.navigation.currentRowChanged.connect(self.show_page)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 1090])
        self.setCentralWidget(splitter)

        self.file_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.file_label)
        main_menus.build_menus(self)
        main_menus.page_shortcuts(self)
        place_window(self, "window/main", QSize(1280, 800))
        self._show_file()
        self.navigation.setCurrentRow(0)
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        self.backup_timer.start()
        self.change_watch = ChangeWatch(self)  # another user's save, on a server
        self.change_watch.changed.connect(self.changed_by_others)
        self.change_watch.watch(self.db)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for entry in self.recent_files():
            action = self.recent_menu.addAction(recent.label(entry))
            action.triggered.connect(lambda _checked=False, e=entry: self.open_recent(e))
        if not self.recent_menu.actions():
            self.recent_menu.addAction(_("(aucun)")).setEnabled(False)

    def open_recent(self, entry: str) -> None:
        """A file of the recent list, or a server: its connection form, filled in."""
        if is_server_url(entry):
            self.connect_server(entry)
        else:
            self.switch_to(Path(entry))

    # -- pages -------------------------------------------------------------------------
    def page(self, row: int) -> Page:
        """The page of navigation row ``row``, built (not refreshed) if it was not yet."""
        page = self.pages.built[row]
        if page is None:
            page = PAGES[row].make(self.context, self.stack)
            stand_in = self.stack.widget(row)
            current = self.stack.currentIndex()
            self.stack.insertWidget(row, scrolling(page, self.stack))
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self.stack.setCurrentIndex(current)
            self.pages.built[row] = page
            if row == DASHBOARD:
                page.go.connect(self.go_to)
        return page

    def show_page(self, row: int) -> None:
        if row < 0:
            return
        left = self.stack.currentIndex()
        if left != row and not self._leave_page(left):
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(left)  # stay: the user kept the page's edits
            self.navigation.blockSignals(False)
            return
        if self._load_later:  # start-up: paint the window first, then build the page
            self._load_later = False
            self.stack.setCurrentIndex(row)
            self._after_paint = row  # see paintEvent; a timer in case no paint comes
            QTimer.singleShot(LATE_LOAD_MS, self, lambda: self._show_if_current(row))
            return
        page = self.page(row)
        self.stack.setCurrentIndex(row)
        if row in self._stale:
            self._stale.discard(row)
            page.refresh()

    def _show_if_current(self, row: int) -> None:
        if self._after_paint is None and self.pages.built[row] is not None:
            return  # already done (by the paint or by the timer)
        self._after_paint = None
        if not file_check.passed(self):  # start-up's integrity check: before the first read
            return
        if self.navigation.currentRow() == row and self.pages.built[row] is None:
            self.show_page(row)
            self.stack.currentWidget().repaint()  # now: Qt would paint after the next build
        QTimer.singleShot(0, self._build_next_page)

    def _build_next_page(self) -> None:
        """After start-up, build the other pages one per turn of the event loop (idle)."""
        waiting = [row for row, page in enumerate(self.pages.built) if page is None]
        if waiting:
            self.page(waiting[0])
            QTimer.singleShot(0, self._build_next_page)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._after_paint is not None:  # the first paint: now the first page
            row, self._after_paint = self._after_paint, None
            QTimer.singleShot(0, self, lambda: self._show_if_current(row))

    def go_to(self, destination: Destination) -> None:
        """Show the page ``destination`` names, then what it asks there (tab, filters, record)."""
        row = next(
            (i for i, entry in enumerate(PAGES) if entry.name == destination.page),
            None,
        )
        if row is None:
            return
        self.navigation.setCurrentRow(row)
        if self.stack.currentIndex() == row:
            self.pages[row].show_destination(destination)

    def _leave_page(self, row: int) -> bool:
        """Ask about the unsaved edits of page ``row`` before leaving it."""
        if not 0 <= row < len(self.pages) or self.pages.built[row] is None:
            return True  # a page never built has no edits
        editors = self.pages[row].unsaved_editors()
        if any(editor.is_dirty() for editor in editors):
            if not confirm_leave(self, editors):
                return False
            self._stale.add(row)  # saved or reverted: show it afresh when back
        return True

    def unsaved_editors(self) -> list:
        """Every editor of every page and of the windows opened from them (meetings)."""
        built = [page for page in self.pages.built if page is not None]
        editors = [editor for page in built for editor in page.unsaved_editors()]
        for widget in QApplication.topLevelWidgets():
            if widget is not self and widget.isVisible() and hasattr(widget, "unsaved_editors"):
                editors.extend(widget.unsaved_editors())
        return editors

    def confirm_unsaved(self) -> bool:
        """Ask once about all unsaved edits (quitting, opening another file)."""
        return confirm_leave(self, self.unsaved_editors())

    def current_page(self) -> Page:
        return self.page(self.stack.currentIndex())

    def refresh_all(self) -> None:
        self._stale = set(range(len(PAGES)))
        self.show_page(self.navigation.currentRow())

    def changed_by_others(self, _tables: set[str]) -> None:
        """Someone else saved on the server: every page is read again when shown, the one
        on screen now, unless it holds unsaved edits (they are never thrown away)."""
        self._stale = set(range(len(PAGES)))
        row = self.stack.currentIndex()
        page = self.pages.built[row] if 0 <= row < len(self.pages) else None
        if page is None or any(editor.is_dirty() for editor in page.unsaved_editors()):
            return
        self._stale.discard(row)
        page.refresh()
        self.statusBar().showMessage(_("Listes mises à jour : modifiées sur un autre poste."), 5000)

    # -- files -------------------------------------------------------------------------
    @property
    def db(self) -> Database:
        return self.context.db

    def recent_files(self) -> list[str]:
        return recent.entries(self.preferences)

    def remember(self, path: Path) -> None:
        recent.remember(self.preferences, str(path))
        self.preferences.setValue("lastFile", str(path))

    def _show_file(self) -> None:
        db = self.db
        self.setWindowTitle(f"{settings_service.table_name(db)} — Ahuntsic Desktop")
        where = str(db.path) if db.path else (db.url or _("(en mémoire)"))
        suffix = _(" — lecture seule") if db.read_only else ""
        self.file_label.setText(_("Fichier : {path}").format(path=where) + suffix)
        self.copy_action.setEnabled(db.path is not None or db.on_server)
        self.restore_action.setEnabled((db.path is not None or db.on_server) and not db.read_only)
        if db.backup_error:
            self.statusBar().showMessage(db.backup_error, 15000)
        self.settings_action.setEnabled(not db.read_only)
        if db.path is not None:
            self.remember(db.path)
        elif db.on_server:
            recent.remember(self.preferences, db.url)

    def set_database(self, db: Database) -> None:
        old = self.context.db
        self.context.db = db
        if old is not db:
            close_after_background(old)  # a list may be reading it ahead
        self.change_watch.watch(db)
        self._show_file()
        self.refresh_all()

    def switch_to(self, path: Path, *, create: bool = False) -> bool:
        if self.db.path is not None and path.resolve() == Path(self.db.path).resolve():
            return True
        if not self.confirm_unsaved():
            return False
        db = open_database(self, path, create=create)
        if db is None:
            return False
        self.set_database(db)
        return True

    def _data_file(self, title: str, default_name: str | None = None) -> Path | None:
        """A data file to open, or (with ``default_name``) to write, beside the open one;
        data files leave the remembered documents folder alone."""
        folder = Path(self.db.path).parent if self.db.path else Path.home()
        if default_name is None:
            return ask_open_path(self, title, FILE_FILTER, folder, remember=False)
        return ask_save_path(self, title, default_name, FILE_FILTER, folder=folder, remember=False)

    def new_file(self) -> None:
        path = self._data_file(_("Nouveau fichier de données"), "")
        if path is None:
            return
        if path.exists():
            show_error(
                self, _("« {name} » existe déjà ; choisissez un autre nom.").format(name=path.name)
            )
            return
        self.switch_to(path, create=True)

    def open_file(self) -> None:
        path = self._data_file(_("Ouvrir un fichier de données"))
        if path is not None:
            self.switch_to(path)

    def connect_server(self, address: str | None = None) -> None:
        from .server_dialog import ServerDialog

        if not self.confirm_unsaved():
            return
        dialog = ServerDialog(self)
        if address:
            dialog.fill_from(address)
        if dialog.exec() == ServerDialog.DialogCode.Accepted and dialog.database is not None:
            self.set_database(dialog.database)

    def save_copy(self) -> None:
        if self.db.on_server:
            from .server_backups import save_server_copy

            saved = save_server_copy(self, self.db, self.context.now())
            if saved is not None:
                message = _("Sauvegarde enregistrée dans {path}").format(path=saved)
                self.statusBar().showMessage(message, 8000)
            return
        if self.db.path is None:
            return
        stem = Path(self.db.path).stem
        default = document_name([stem, _("copie"), self.context.today()], ".sqlite")
        name = self._data_file(_("Enregistrer une copie"), default)
        if name is None:
            return
        from ..services.core import backup

        try:
            # The file dialog has already asked before replacing an existing file.
            target = backup.save_copy(self.db, name, overwrite=True)
        except ValidationError as error:
            show_error(self, error.message)
            return
        self.statusBar().showMessage(_("Copie enregistrée dans {path}").format(path=target), 8000)
        if self.stack.currentIndex() == DASHBOARD:  # it reminds of copies kept elsewhere
            self.page(DASHBOARD).refresh()
        else:
            self._stale.add(DASHBOARD)

    def restore_backup(self) -> None:
        from .backup_dialogs import restore_backup

        if not self.confirm_unsaved():
            return
        if self.db.on_server:
            from .server_backups import restore_server_copy

            restored = restore_server_copy(self, self.db, self.context.now())
        else:
            restored = restore_backup(self, self.db)
        if restored is not None:
            self.set_database(restored)

    def backup_if_due(self) -> None:
        from .backup_dialogs import automatic_backup

        message = automatic_backup(self.db)
        if message:
            self.statusBar().showMessage(message, 8000)

    def import_members(self) -> None:
        if self.db.read_only:
            show_error(
                self, _("Ce fichier est ouvert en lecture seule : rien ne peut y être importé.")
            )
            return
        from .importing import ImportWizard

        wizard = ImportWizard(self.db, self)
        wizard.exec()
        if wizard.result_ is not None:
            self.refresh_all()

    def edit_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self)
        if dialog.exec():
            self._show_file()
            self.refresh_all()

    def show_guide(self) -> None:
        from .help.guide import GuideDialog

        GuideDialog(self).show()

    def about(self) -> None:
        from .help.about import AboutDialog

        AboutDialog(self).exec()

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.confirm_unsaved():
            event.ignore()
            return
        self.change_watch.stop()
        close_after_background(self.context.db)
        super().closeEvent(event)
