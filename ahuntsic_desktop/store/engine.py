"""The only place that knows the store is SQLite: engine creation, pragmas, online copies."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..private_files import fsync_file, fsync_folder, private_temporary
from .folding import register as register_folding

if TYPE_CHECKING:
    from sqlalchemy import Engine

# SQLAlchemy is imported by the functions that make an engine, not by this module: start-up
# opens, checks and locks the file with sqlite3 alone and paints the window before it
# imports SQLAlchemy (0.2 s, 35 MB; see Database.open's ``check_later``).

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 5000
FROZEN: dict[int, bool] = {}  # read-only connections opened as immutable, by id()


def _set_pragmas(read_only: bool, busy_timeout_ms: int):
    def on_connect(dbapi_connection, _record) -> None:
        # pysqlite would otherwise commit before every CREATE/DROP/ALTER and open no
        # transaction for them: a migration killed half-way would leave half a schema.
        # SQLAlchemy's "begin" event below issues the BEGIN itself, DDL included.
        dbapi_connection.isolation_level = None
        register_folding(dbapi_connection)  # fold_key(): names sorted in French in SQL
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        # Deleted content is overwritten, not left in free pages (Law 25). Some builds
        # (Debian's) have it on by default; others do not.
        cursor.execute("PRAGMA secure_delete = ON")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return on_connect


def _begin(connection) -> None:
    # Straight to the driver: a BEGIN is not a statement of ours (query counts stay true).
    connection.connection.driver_connection.execute("BEGIN")


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A ``file:`` URI opening ``path`` without ever writing to it.

    ``immutable`` tells SQLite that nobody changes the file: it then creates no ``-wal`` or
    ``-shm`` beside it, which a read-only folder (USB key, CD) requires."""
    uri = f"file:{Path(path).resolve().as_posix()}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def folder_writable(path: Path) -> bool:
    folder = Path(path).resolve().parent
    return os.access(folder, os.W_OK | os.X_OK)


def _companion(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def can_read_immutable(path: Path) -> bool:
    """Whether ``path`` may be read as immutable, so that SQLite writes nothing beside it.

    A file with no ``-wal`` or ``-journal`` is open for writing nowhere (our writers keep a
    ``-wal`` while open) and has nothing pending. In a read-only folder (USB key, CD)
    without a ``-shm``, SQLite can read it no other way."""
    path = Path(path)
    pending = any(_companion(path, s).exists() for s in ("-wal", "-journal"))
    shm = _companion(path, "-shm").exists()
    return not pending or (not shm and not folder_writable(path))


def connect_read_only(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """A raw read-only connection that writes nothing beside the file when it can."""
    immutable = can_read_immutable(Path(path))
    connection = sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)
    connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    return connection


def _read_only_engine(path: Path, immutable: bool | None, options: dict) -> Engine:
    """Each connection reads ``path`` as immutable when it can; one that did is dropped at
    its next checkout once a writer has opened the file (a ``-wal`` appeared), so it never
    reads pages changing under it for longer than the session that was running."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import DisconnectionError
    from sqlalchemy.pool import QueuePool

    def connect() -> sqlite3.Connection:
        frozen = can_read_immutable(path) if immutable is None else immutable
        connection = sqlite3.connect(
            read_only_uri(path, immutable=frozen), uri=True, check_same_thread=False
        )
        FROZEN[id(connection)] = frozen
        return connection

    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, **options)

    @event.listens_for(engine, "checkout")
    def still_alone(dbapi_connection, _record, _proxy) -> None:
        if immutable is None and FROZEN.get(id(dbapi_connection)) and not can_read_immutable(path):
            FROZEN.pop(id(dbapi_connection), None)
            raise DisconnectionError("a writer opened the file: reconnect without immutable")

    @event.listens_for(engine, "close")
    def forget(dbapi_connection, _record) -> None:
        FROZEN.pop(id(dbapi_connection), None)

    return engine


def make_engine(
    path: Path | None,
    *,
    read_only: bool = False,
    immutable: bool | None = None,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Engine:
    """An engine on ``path`` (an in-memory database when None) with our pragmas set.

    SQL parameters (names, emails) never appear in error messages, hence never in the log.
    A read-only engine decides at each connection whether the file can be read as
    immutable (``immutable=None``, see :func:`can_read_immutable`), and drops such a
    connection once a writer opens the file (:func:`_read_only_engine`)."""
    from sqlalchemy import create_engine, event

    options = {"hide_parameters": True}
    if path is None:
        from sqlalchemy.pool import StaticPool

        engine = create_engine(
            "sqlite://",
            connect_args={"check_same_thread": False},
            poolclass=StaticPool,
            **options,
        )
    elif read_only:
        engine = _read_only_engine(Path(path).resolve(), immutable, options)
    else:
        engine = create_engine(
            f"sqlite:///{Path(path).resolve().as_posix()}",
            connect_args={"check_same_thread": False},
            **options,
        )
    event.listen(engine, "connect", _set_pragmas(read_only or path is None, busy_timeout_ms))
    event.listen(engine, "begin", _begin)
    return engine


def _copy_into(source: Path, destination: Path, busy_timeout_ms: int) -> None:
    src = connect_read_only(source, busy_timeout_ms)
    try:
        dst = sqlite3.connect(destination, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            if not verified(dst):
                raise sqlite3.DatabaseError("the copy failed its integrity check")
        finally:
            dst.close()
    finally:
        src.close()
    fsync_file(destination)


def verified(connection: sqlite3.Connection) -> bool:
    rows = connection.execute("PRAGMA quick_check").fetchall()
    return [tuple(row) for row in rows] == [("ok",)]


def sqlite_backup(
    source: Path, destination: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> None:
    """Copy a live SQLite file consistently with the online backup API (never a plain copy).

    The copy is written beside its destination in a private temporary file (0600),
    flushed to the disk, checked, and only then renamed: a crash or a full disk never
    leaves half a copy under the real name. The copy is a single self-contained file
    (rollback journal, not WAL)."""
    destination = Path(destination)
    with private_temporary(destination) as partial:
        _copy_into(Path(source), partial, busy_timeout_ms)
        os.replace(partial, destination)
    fsync_folder(destination.parent)


@contextlib.contextmanager
def prepared_copy(
    source: Path, beside: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS
) -> Iterator[Path]:
    """A complete, flushed and checked private copy of ``source`` written beside
    ``beside``; the caller renames it into place, else it is removed."""
    with private_temporary(Path(beside)) as partial:
        _copy_into(Path(source), partial, busy_timeout_ms)
        yield partial


def checkpoint_and_close_wal(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """Fold ``path``'s ``-wal`` into it and leave no ``-wal``/``-shm`` beside it, so the file
    stands alone (before it is replaced by another: a stale ``-wal`` would be replayed
    onto the new file). Nobody else may have it open."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()


def purge_free_pages(engine: Engine) -> None:
    """Leave no copy of deleted values in the file or its ``-wal``: fold the ``-wal`` in
    and empty it, rebuild the file (``VACUUM``), and fold and empty again."""
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("VACUUM")
        busy, _frames, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        log.warning("The write-ahead log could not be emptied: another reader holds it")
