"""Open a data file: check it, lock it, back it up, migrate it, and hand out short sessions.

Opening never writes to a file it refuses: every check (:mod:`.integrity`) reads it
read-only first. A file opened for writing is backed up (:mod:`.backups`) before anything
else touches it, a schema update included.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _
from ..private_files import PRIVATE_FILE, create_private_file, tighten
from . import backups, faults, integrity, migrate, server
from .engine import BUSY_TIMEOUT_MS, make_engine, purge_free_pages
from .errors import ConflictError, StoreError, StoreProblem
from .locking import take_lock
from .sessions import session_factory
from .writes import WriteCounter

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)
_PURGE = "purge_free_pages"  # session.info flag: purge once committed


class Database:
    """One open data file. ``session()`` gives a short unit of work."""

    def __init__(
        self,
        engine: Engine | None,
        path: Path | None,
        *,
        read_only: bool,
        lock=None,
        backup_dir: Path | None = None,
        engine_maker: Callable[[], Engine] | None = None,
    ):
        """``engine``, or None and ``engine_maker`` to make it at its first use (start-up:
        see :meth:`open`)."""
        self._engine: Engine | None = None
        self._make_engine = engine_maker
        self._writes: WriteCounter | None = None
        self._engine_lock = threading.Lock()
        if engine is not None:
            self._attach(engine)
        self.path = path
        self.read_only = read_only
        self.backup_dir = backup_dir or (backups.default_folder(path) if path else None)
        self.last_backup: Path | None = None  # the copy taken when it was opened
        self.backup_error: str | None = None  # why that copy could not be taken
        self._lock = lock
        self.url: str | None = None  # a server's address (no password), or None for a file
        self.client = ""  # on a server, the application_name of our connections
        self.name_at_opening: str | None = None  # the table's name in the file, when opened
        self._factory: sessionmaker | None = None
        self._check: integrity.LaterCheck | None = None  # see open(check_later=True)

    def _attach(self, engine: Engine) -> None:
        self._writes = WriteCounter(engine)  # what was read may be stale once it moves
        self._engine = engine  # last: another thread seeing it finds its counter too

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) at its first use when the
        file was opened with ``check_later``."""
        if self._engine is None:
            with self._engine_lock:  # a first read may come from a worker thread
                if self._engine is None:
                    self._attach(self._make_engine())
        return self._engine

    @property
    def engine_made(self) -> bool:
        """Whether the engine exists (False at start-up until the first read)."""
        return self._engine is not None

    @property
    def writes(self) -> WriteCounter:
        """The writes made through this file's engine (see :mod:`.writes`)."""
        _ = self.engine  # made if it was not yet
        return self._writes

    @property
    def _sessions(self) -> sessionmaker:
        if self._factory is None:  # made at the first session: see .sessions
            self._factory = session_factory(self.engine)
        return self._factory

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
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        check_later: bool = False,
    ) -> Database:
        """Open ``path``; raises :class:`StoreError` with a French message when it can't.

        ``create`` accepts a missing or blank file (0 bytes, or SQLite with no table) as a
        new one: only callers that made the file themselves should pass it. An existing
        file is backed up into ``backup_dir`` (``sauvegardes`` beside it) unless ``backup``
        is False and no schema update is due; ``backup_keep`` copies are kept (the file's
        own setting by default). ``busy_timeout_ms`` is how long a write waits for another
        program to finish before :class:`StoreError` (``BUSY``) is raised.

        ``check_later`` (start-up): the integrity check runs in a thread while the window
        is built (see :func:`.integrity.probe`); sessions and writes wait for its verdict.
        A file of the current version is then opened, locked and backed up with sqlite3
        alone: SQLAlchemy is imported and the engine made at the first read, once the
        window has painted (0.2 s and 35 MB less before it).
        """
        if server.is_server_url(path):
            return cls.connect(str(path))
        path = Path(path)
        facts = None
        if create and (not path.exists() or integrity.is_blank(path)):
            if read_only:
                raise StoreError(StoreProblem.EMPTY, _("Ce fichier est vide."), path)
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                create_private_file(path)
            tighten(path, PRIVATE_FILE)  # ours, blank: nobody else's business
        else:
            facts = integrity.probe(path, check=read_only or not check_later)
        if read_only:
            return cls._open_read_only(path, facts)
        integrity.require_writable(path)
        lock = take_lock(path)
        folder = backup_dir or backups.default_folder(path)
        backups.sweep(path, folder)
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
            if not (check_later and facts is not None and facts.current):
                engine = make_engine(path, busy_timeout_ms=busy_timeout_ms)
                migrate.upgrade(engine, path)
        except StoreError:
            if engine is not None:
                engine.dispose()
            lock.release()
            raise
        except (*faults.sql_errors(), OSError) as error:
            if engine is not None:
                engine.dispose()
            lock.release()
            log.exception("Could not open %s", path)
            raise faults.refused_at_opening(error, path) from error
        log.info("Opened %s", path)
        database = cls(
            engine,
            path,
            read_only=False,
            lock=lock,
            backup_dir=folder,
            engine_maker=lambda: make_engine(path, busy_timeout_ms=busy_timeout_ms),
        )
        database.last_backup, database.backup_error = copy, problem
        if facts is not None:
            database.name_at_opening = facts.table_name
        if facts is not None and not facts.checked:
            database._check = integrity.LaterCheck(path)
        return database

    @classmethod
    def connect(cls, url: str) -> Database:
        """Open the database at the server ``url`` (``postgresql://user@host/db``), creating
        or upgrading its schema; raises :class:`StoreError` (``UNREACHABLE``) when the
        server can't be reached or refuses the connection."""
        from sqlalchemy.exc import DBAPIError

        name, client = server.display_name(url), server.client_name()
        engine = server.server_engine(url, client)
        try:
            migrate.upgrade(engine, None)
        except StoreError:
            engine.dispose()
            raise
        except DBAPIError as error:
            engine.dispose()
            log.warning("Could not connect to %s: %s", name, type(error.orig).__name__)
            raise faults.unreachable(name, error) from error
        log.info("Connected to %s", name)
        database = cls(engine, None, read_only=False)
        database.url, database.client = name, client
        return database

    @property
    def on_server(self) -> bool:
        return self.url is not None

    def change_notices(self):
        """On a server, a started :class:`~.notices.ChangeNotices` of the changes other
        users commit (close it when done); None on a file, which only we write."""
        if not self.on_server:
            return None
        from .notices import ChangeNotices

        return ChangeNotices(self.engine.url, self.client).start()

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
        # Read as immutable whenever no writer has it open: SQLite then writes nothing
        # beside it (no -wal, no -shm), decided again at each connection.
        engine = make_engine(path, read_only=True)
        log.info("Opened %s (read-only)", path)
        return cls(engine, path, read_only=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error.

        A write refused because another program holds the file, a full disk or a failing
        disk raises :class:`StoreError` (``BUSY``, ``DISK_FULL``, ``IO_ERROR``) with a
        French message, after the rollback: nothing is half-done, and trying again later
        may succeed."""
        from sqlalchemy.exc import DBAPIError
        from sqlalchemy.orm.exc import StaleDataError

        self.verdict()
        session = self._sessions()
        try:
            yield session
            session.commit()
        except StaleDataError as error:
            session.rollback()
            raise ConflictError(
                _("Quelqu'un d'autre a modifié cette fiche entre-temps : rien n'a été enregistré.")
            ) from error
        except DBAPIError as error:
            session.rollback()
            explained = faults.fault(error, self.path or self.url)
            if explained is None:
                raise
            log.warning("Work rolled back on %s: %s", self.path, explained.detail)
            raise explained from error
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        if session.info.pop(_PURGE, False):
            self.purge_free_pages()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A Core connection for reading (nothing committed, no ORM imported); a busy file
        or a failing disk raises :class:`StoreError` as :meth:`session` does."""
        from sqlalchemy.exc import DBAPIError

        try:
            with self.engine.connect() as connection:
                yield connection
        except DBAPIError as error:
            if self._check is not None:
                self.verdict()  # a read failing on a damaged file says so
            explained = faults.fault(error, self.path or self.url)
            if explained is None:
                raise
            raise explained from error

    def verdict(self) -> None:
        """Wait for the check of ``open(check_later=True)``; raises when the file is damaged."""
        if self._check is not None:
            self._check.verdict()

    # -- leaving no trace ------------------------------------------------------------------
    @staticmethod
    def purge_after_commit(session: Session) -> None:
        """Have :meth:`purge_free_pages` run once ``session`` (of :meth:`session`) commits."""
        session.info[_PURGE] = True

    def purge_free_pages(self) -> None:
        """Leave no copy of deleted values in the file or its ``-wal`` (Law 25 erasure):
        deleted content is overwritten (``secure_delete``), the ``-wal`` folded in and
        emptied, and the file rebuilt without free pages. Backups taken before are not
        touched: they keep what they held."""
        from sqlalchemy.exc import DBAPIError

        self.verdict()
        try:
            if self.on_server:
                server.vacuum(self.engine)
            else:
                purge_free_pages(self.engine)
        except DBAPIError as error:
            explained = faults.fault(error, self.path)
            if explained is None:
                raise
            raise explained from error
        log.info("Purged free pages of %s", self.path or self.url or "memory")

    def integrity_ok(self) -> bool:
        if self.on_server:  # the server checks its own pages
            return server.reachable(self.engine)
        from sqlalchemy import text

        with self.engine.connect() as connection:
            return connection.execute(text("PRAGMA quick_check")).scalar() == "ok"

    # -- backups ---------------------------------------------------------------------------
    def backup_now(self, *, keep: int | None = None, kind: str = "") -> Path:
        """Copy the open file into its backup folder now (online backup API)."""
        if self.path is None or self.backup_dir is None:
            raise StoreError(StoreProblem.FAILED, _("Ce fichier n'existe qu'en mémoire."))
        self.verdict()
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
        backups.restore_into(source, self.path)  # written beside, checked, then renamed
        path, folder = Path(self.path), self.backup_dir
        self.close()
        return Database.open(path, backup=False, backup_dir=folder), safety

    @staticmethod
    def recover(path: Path, source: Path, *, backup_dir: Path | None = None) -> Path:
        """Put the backup ``source`` in place of the damaged file ``path``, which is kept
        aside, bytes untouched. Returns where it went. The backup is fully written and
        checked beside ``path`` before anything moves: on failure ``path`` is as it was."""
        path, source = Path(path), Path(source)
        integrity.probe(source)
        integrity.require_writable(path)
        lock = take_lock(path)
        try:
            return backups.recover_into(path, source, backup_dir)
        finally:
            lock.release()

    def close(self) -> None:
        if self._check is not None:
            self._check.wait()  # its own connection closed before the lock goes
        if self._engine is not None:  # never made: SQLAlchemy was not even imported
            self._engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
