"""Backups of a server database from the window: the same two Fichier entries a data
file has. « Enregistrer une copie… » writes a ``pg_dump`` (``.dump``);
« Restaurer une sauvegarde… » loads one into the same database after the user confirmed,
the current content first dumped into the backups folder."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ..i18n import _
from ..paths import backups_dir
from ..services.core import server_backup
from ..services.core.errors import ValidationError
from ..store import Database
from .widgets.files import ask_open_path, ask_save_path
from .widgets.messages import show_error

log = logging.getLogger(__name__)


def dump_filter() -> str:
    return _("Sauvegarde de serveur (*.dump)") + ";;*"


def safety_folder() -> Path:
    return backups_dir() / "serveurs"


class _Busy:
    def __enter__(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *_exc) -> None:
        QApplication.restoreOverrideCursor()


def save_server_copy(parent: QWidget | None, db: Database, now: dt.datetime) -> Path | None:
    """Ask where, then ``pg_dump`` the server database there; the file, or None."""
    name = server_backup.dump_name(db, now)
    target = ask_save_path(
        parent, _("Enregistrer une sauvegarde du serveur"), name, dump_filter(), remember=False
    )
    if target is None:
        return None
    try:
        with _Busy():
            # The file dialog has already asked before replacing an existing file.
            return server_backup.save_dump(db, target, overwrite=True)
    except ValidationError as error:
        show_error(parent, error.message)
        return None


def confirm_replace(parent: QWidget | None, db: Database, source: Path) -> bool:
    question = _(
        "Remplacer tout le contenu de la base « {name} » sur le serveur par la sauvegarde "
        "« {backup} » ? Les autres personnes connectées verront ce contenu. Le contenu "
        "actuel sera d'abord conservé dans le dossier des sauvegardes."
    ).format(name=db.engine.url.database, backup=source.name)
    answer = QMessageBox.question(
        parent,
        _("Restaurer une sauvegarde"),
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def restore_server_copy(parent: QWidget | None, db: Database, now: dt.datetime) -> Database | None:
    """Ask which ``.dump``, confirm, restore it into the server database; the database
    connected again, or None (nothing changed)."""
    source = ask_open_path(
        parent,
        _("Choisir une sauvegarde du serveur"),
        dump_filter(),
        safety_folder(),
        remember=False,
    )
    if source is None or not confirm_replace(parent, db, source):
        return None
    try:
        with _Busy():
            restored = server_backup.restore_dump(db, source, safety_folder(), now, replace=True)
    except ValidationError as error:
        show_error(parent, error.message)
        return None
    kept = (
        _("Le contenu précédent a été conservé dans « {copy} ».").format(copy=restored.safety_copy)
        if restored.safety_copy
        else ""
    )
    QMessageBox.information(
        parent,
        _("Sauvegarde restaurée"),
        (
            _("La sauvegarde « {backup} » a été restaurée.").format(backup=source.name) + " " + kept
        ).strip(),
    )
    return restored.db
