"""Open a data file from the window, explaining every refusal and offering a way out.

A refused file is never modified. The message says what happened and what to do, and
the buttons offer what makes sense for that problem: open it read-only, restore a backup
in its place (a damaged file only: a full or failing disk leaves the file healthy, and a
restore could not be written anyway), try again, or pick another file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..i18n import _
from ..paths import default_db_path
from ..store import RETRYABLE, Database, StoreError, StoreProblem
from .widgets.files import ask_open_path
from .widgets.messages import clicked

log = logging.getLogger(__name__)
FILE_FILTER = "Ahuntsic Desktop (*.sqlite *.db);;" + "*"
READ_ONLY, RESTORE, RETRY, OTHER = "read_only", "restore", "retry", "other"
_CAN_READ_ONLY = {StoreProblem.IN_USE, StoreProblem.READ_ONLY, StoreProblem.DISK_FULL}
_CAN_RESTORE = {StoreProblem.CORRUPT, StoreProblem.EMPTY}


def _ours(path: Path) -> bool:
    """The default file in the application's data folder is one we create: when it is
    blank (a first start cut short), it is a new file in waiting, not a refusal."""
    try:
        return path.resolve() == default_db_path().resolve()
    except OSError:
        return False


def open_database(
    parent: QWidget | None, path: Path, *, create: bool = False, check_later: bool = False
) -> Database | None:
    """The open file, or None when it could not be opened (the user was told why).
    ``check_later``: see :meth:`Database.open` and :mod:`.file_check` (start-up)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return Database.open(path, create=create or _ours(path), check_later=check_later)
    except StoreError as error:
        log.warning("Refused to open %s: %s", path, error.problem)
        QApplication.restoreOverrideCursor()
        return explain_refusal(parent, path, error)
    finally:
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()


def open_server(parent: QWidget | None, url: str) -> Database | None:
    """The database on the server at ``url``, or None when it could not be reached (the
    user was told why; the password, if any, is never shown or logged)."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return Database.connect(url)
    except StoreError as error:
        QApplication.restoreOverrideCursor()
        QMessageBox.critical(parent, _("Connexion impossible"), str(error))
        return None
    finally:
        if QApplication.overrideCursor() is not None:
            QApplication.restoreOverrideCursor()


def refusal_box(parent: QWidget | None, path: Path, error: StoreError) -> QMessageBox:
    """The message shown for a refused file; ``box.choices`` maps its buttons to
    :data:`READ_ONLY`, :data:`RESTORE`, :data:`RETRY` or :data:`OTHER`."""
    box = QMessageBox(parent)
    box.setObjectName("refusalBox")
    box.setIcon(
        QMessageBox.Icon.Critical if error.problem in _CAN_RESTORE else QMessageBox.Icon.Warning
    )
    box.setWindowTitle(_("Impossible d'ouvrir le fichier"))
    box.setText(error.message)
    if error.advice:
        box.setInformativeText(error.advice)
    if error.detail:
        box.setDetailedText(error.detail)
    box.choices = {}
    if error.problem in RETRYABLE:
        button = box.addButton(_("Réessayer"), QMessageBox.ButtonRole.AcceptRole)
        box.choices[button] = RETRY
        button.setObjectName(RETRY)
    if error.problem in _CAN_READ_ONLY:
        button = box.addButton(_("Ouvrir en lecture seule"), QMessageBox.ButtonRole.AcceptRole)
        box.choices[button] = READ_ONLY
        button.setObjectName(READ_ONLY)
    from ..services.core.backup import has_backups  # only when a file cannot be opened

    if error.problem in _CAN_RESTORE and has_backups(path):
        button = box.addButton(_("Restaurer une sauvegarde…"), QMessageBox.ButtonRole.AcceptRole)
        box.choices[button] = RESTORE
        button.setObjectName(RESTORE)
    button = box.addButton(_("Choisir un autre fichier…"), QMessageBox.ButtonRole.ActionRole)
    box.choices[button] = OTHER
    button.setObjectName(OTHER)
    box.addButton(_("Annuler"), QMessageBox.ButtonRole.RejectRole)
    return box


def explain_refusal(parent: QWidget | None, path: Path, error: StoreError) -> Database | None:
    """Show why ``path`` was refused and do what the user chose: the file opened instead
    (read-only, restored, retried or another one), or None."""
    box = refusal_box(parent, path, error)
    box.exec()
    choice = clicked(box) or None  # the button's name is its choice
    if choice == READ_ONLY:
        try:
            return Database.open(path, read_only=True)
        except StoreError as second:
            QMessageBox.warning(
                parent,
                _("Impossible d'ouvrir le fichier"),
                f"{second.message}\n\n{second.advice}".strip(),
            )
    elif choice == RETRY:
        return open_database(parent, path)
    elif choice == RESTORE:
        from .backup_dialogs import recover_file

        if recover_file(parent, path):
            return open_database(parent, path)
    elif choice == OTHER:
        chosen = ask_open_path(
            parent, _("Ouvrir un fichier de données"), FILE_FILTER, path.parent, remember=False
        )
        if chosen is not None:
            return open_database(parent, chosen)
    return None
