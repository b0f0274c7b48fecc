"""Copies of the data file, always through SQLite's online backup (never a plain copy)."""

from __future__ import annotations

import logging
from pathlib import Path

from ..i18n import _
from ..store import Database
from ..store.engine import sqlite_backup
from .errors import ValidationError

log = logging.getLogger(__name__)


def save_copy(db: Database, target: Path, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of the open file to ``target``."""
    if db.path is None:
        raise ValidationError(_("Ce fichier n'existe qu'en mémoire ; il n'y a rien à copier."))
    target = Path(target)
    if target.resolve() == Path(db.path).resolve():
        raise ValidationError(_("Choisissez un autre fichier que celui qui est ouvert."))
    if target.exists() and not overwrite:
        raise ValidationError(_("« {name} » existe déjà.").format(name=target.name))
    partial = target.with_name(target.name + ".partiel")
    try:
        partial.unlink(missing_ok=True)
        sqlite_backup(Path(db.path), partial)
        partial.replace(target)
    except OSError as error:
        log.exception("Copy of %s to %s failed", db.path, target)
        partial.unlink(missing_ok=True)
        raise ValidationError(
            _("La copie n'a pas pu être écrite : {error}").format(error=error.strerror or error)
        ) from error
    log.info("Copied %s to %s", db.path, target)
    return target
