"""Open a data file: check it, lock it, back it up, migrate it, and hand out short sessions.

Opening never writes to a file it refuses: every check (:mod:`.integrity`) reads it
read-only first. A file opened for writing is backed up (:mod:`.backups`) before anything
else touches it, a schema update included.
"""

from __future__ import annotations

import logging
import sqlite3
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import Engine, event, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from ..i18n import _
from . import backups, integrity, migrate
from .engine import folder_writable, make_engine, sqlite_backup
from .errors import StoreError, StoreProblem

log = logging.getLogger(__name__)

# Session events every Database installs on its session factory, e.g. the audit trail's
# ``before_flush``/``after_flush`` (registered by the services, which the store can't import).
_SESSION_LISTENERS: list[tuple[str, Callable]] = []
_OPEN: weakref.WeakSet[Database] = weakref.WeakSet()


def listen_to_sessions(event_name: str, listener: Callable) -> None:
    """Install ``listener`` for ``event_name`` on the sessions of every Database, open or
    to come. Registering the same pair twice has no effect."""
    if (event_name, listener) in _SESSION_LISTENERS:
        return
    _SESSION_LISTENERS.append((event_name, listener))
    for database in list(_OPEN):
        event.listen(database._sessions, event_name, listener)


def _in_use(path: Path) -> StoreError:
    return StoreError(
        StoreProblem.IN_USE,
        _("« {name} » est déjà ouvert dans une autre fenêtre d'Ahuntsic Desktop.").format(
            name=path.name
        ),
        path,
        _(
            "Fermez l'autre fenêtre puis réessayez, ou ouvrez-le en lecture seule pour le "
            "consulter."
        ),
    )


def _take_lock(path: Path) -> FileLock:
    lock = FileLock(str(path) + ".lock", timeout=0)
    try:
        lock.acquire()
    except Timeout as error:
        raise _in_use(path) from error
    except OSError:
        integrity.require_writable(path)  # says why, in the user's words
        raise
    return lock


class Database:
    """One open data file. ``session()`` gives a short unit of work."""

    def __init__(
        self,
        engine: Engine,
        path: Path | None,
        *,
        read_only: bool,
        lock=None,
        backup_dir: Path | None = None,
    ):
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self.backup_dir = backup_dir or (backups.default_folder(path) if path else None)
        self.last_backup: Path | None = None  # the copy taken when it was opened
        self.backup_error: str | None = None  # why that copy could not be taken
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        for event_name, listener in _SESSION_LISTENERS:
            event.listen(self._sessions, event_name, listener)
        _OPEN.add(self)

    @classmethod
    def in_memory(cls) -> Database:
        engine = make_engine(None)
        migrate.upgrade(engine, None)
        return cls(engine, None, read_only=False)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        read_only: bool = False,
        backup_dir: Path | None = None,
        backup: bool = True,
        backup_keep: int | None = None,
    ) -> Database:
        """Open ``path``; raises :class:`StoreError` with a French message when it can't.

        ``create`` accepts a missing or blank file (0 bytes, or SQLite with no table) as a
        new one: only callers that made the file themselves should pass it. An existing
        file is backed up into ``backup_dir`` (``sauvegardes`` beside it) unless ``backup``
        is False and no schema update is due; ``backup_keep`` copies are kept (the file's
        own setting by default).
        """
        path = Path(path)
        facts = None
        if create and (not path.exists() or integrity.is_blank(path)):
            if read_only:
                raise StoreError(StoreProblem.EMPTY, _("Ce fichier est vide."), path)
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            facts = integrity.probe(path)
        if read_only:
            return cls._open_read_only(path, facts)
        integrity.require_writable(path)
        lock = _take_lock(path)
        folder = backup_dir or backups.default_folder(path)
        engine = None
        try:
            copy, problem = None, None
            if facts is not None and (backup or not facts.current):
                keep = backup_keep or facts.backup_keep or backups.DEFAULT_KEEP
                if facts.current:
                    try:
                        copy = backups.backup_if_changed(path, folder, keep=keep)
                    except StoreError as error:  # a routine copy must not stop the work
                        problem = error.message
                else:  # no schema update without a copy of the old file
                    copy = backups.make_backup(path, folder, keep=keep, kind=migrate.BEFORE_UPDATE)
            engine = make_engine(path)
            migrate.upgrade(engine, path)
        except StoreError:
            if engine is not None:
                engine.dispose()
            lock.release()
            raise
        except (DatabaseError, sqlite3.DatabaseError) as error:
            if engine is not None:
                engine.dispose()
            lock.release()
            log.exception("Could not open %s", path)
            detail = error.orig if hasattr(error, "orig") else error
            raise StoreError(
                StoreProblem.CORRUPT,
                _("« {name} » ne peut pas être ouvert : il semble endommagé.").format(
                    name=path.name
                ),
                path,
                _("Restaurez une sauvegarde ou choisissez un autre fichier."),
                str(detail),
            ) from error
        log.info("Opened %s", path)
        database = cls(engine, path, read_only=False, lock=lock, backup_dir=folder)
        database.last_backup, database.backup_error = copy, problem
        return database

    @classmethod
    def _open_read_only(cls, path: Path, facts: integrity.FileFacts | None) -> Database:
        if facts is not None and not facts.current:
            raise StoreError(
                StoreProblem.NEEDS_UPGRADE,
                _("« {name} » date d'une version précédente et doit être mis à jour.").format(
                    name=path.name
                ),
                path,
                _(
                    "Il ne peut pas être mis à jour en lecture seule. Ouvrez-le normalement, "
                    "ou copiez-le dans vos documents et ouvrez la copie."
                ),
            )
        engine = make_engine(path, read_only=True, immutable=not folder_writable(path))
        log.info("Opened %s (read-only)", path)
        return cls(engine, path, read_only=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def integrity_ok(self) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(text("PRAGMA quick_check")).scalar() == "ok"

    # -- backups ---------------------------------------------------------------------------
    def backup_now(self, *, keep: int | None = None, kind: str = "") -> Path:
        """Copy the open file into its backup folder now (online backup API)."""
        if self.path is None or self.backup_dir is None:
            raise StoreError(StoreProblem.FAILED, _("Ce fichier n'existe qu'en mémoire."))
        return backups.make_backup(self.path, self.backup_dir, keep=keep, kind=kind)

    def restore_from(self, source: Path, *, keep: int | None = None) -> tuple[Database, Path]:
        """Replace this file's content by the backup ``source``, after keeping a copy of
        the current content. Returns the reopened file and that copy; ``self`` is closed.
        On failure ``self`` is still open and unchanged."""
        if self.path is None or self.read_only or self._lock is None:
            raise StoreError(
                StoreProblem.READ_ONLY,
                _("Une sauvegarde ne peut être restaurée que dans un fichier ouvert en écriture."),
                self.path,
            )
        source = Path(source)
        if source.resolve() == Path(self.path).resolve():
            raise StoreError(StoreProblem.FAILED, _("Choisissez une sauvegarde."), source)
        integrity.probe(source)
        safety = self.backup_now(keep=keep, kind=backups.BEFORE_RESTORE)
        self.engine.dispose()  # our pooled connections go; the lock stays ours
        backups.restore_into(source, self.path)
        path, folder = Path(self.path), self.backup_dir
        self.close()
        return Database.open(path, backup=False, backup_dir=folder), safety

    @staticmethod
    def recover(path: Path, source: Path, *, backup_dir: Path | None = None) -> Path:
        """Put the damaged file ``path`` aside (bytes untouched) and write the backup
        ``source`` in its place. Returns where the damaged file went."""
        path, source = Path(path), Path(source)
        integrity.probe(source)
        integrity.require_writable(path)
        lock = _take_lock(path)
        try:
            aside = backups.set_aside(path, backup_dir or backups.default_folder(path))
            try:
                sqlite_backup(source, path)
            except (OSError, sqlite3.Error) as error:
                raise StoreError(
                    StoreProblem.FAILED,
                    _("La sauvegarde n'a pas pu être copiée ({error}).").format(error=error),
                    path,
                    _("Le fichier endommagé a été mis de côté dans « {path} ».").format(path=aside),
                ) from error
        finally:
            lock.release()
        return aside

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        _OPEN.discard(self)
