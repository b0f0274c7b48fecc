"""The only place that knows the store is SQLite: engine creation, pragmas, online copies."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def _set_pragmas(read_only: bool):
    def on_connect(dbapi_connection, _record) -> None:
        # pysqlite would otherwise commit before every CREATE/DROP/ALTER and open no
        # transaction for them: a migration killed half-way would leave half a schema.
        # SQLAlchemy's "begin" event below issues the BEGIN itself, DDL included.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
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


def make_engine(path: Path | None, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """An engine on ``path`` (an in-memory database when None) with our pragmas set."""
    if path is None:
        from sqlalchemy.pool import StaticPool

        engine = create_engine(
            "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
    elif read_only:
        uri = read_only_uri(Path(path), immutable=immutable)
        engine = create_engine(
            f"sqlite:///{uri}&uri=true", connect_args={"check_same_thread": False}
        )
    else:
        engine = create_engine(
            f"sqlite:///{Path(path).resolve().as_posix()}",
            connect_args={"check_same_thread": False},
        )
    event.listen(engine, "connect", _set_pragmas(read_only or path is None))
    event.listen(engine, "begin", _begin)
    return engine


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A raw read-only connection that writes nothing, not even beside the file.

    A file with no ``-wal`` or ``-journal`` is open nowhere and has nothing pending: it is
    read as immutable, so SQLite creates no ``-shm``/``-wal`` next to it. In a read-only
    folder (USB key, CD) without a ``-shm``, SQLite can open it no other way."""
    path = Path(path)
    pending = any(path.with_name(path.name + s).exists() for s in ("-wal", "-journal"))
    shm = path.with_name(path.name + "-shm").exists()
    immutable = not pending or (not shm and not folder_writable(path))
    return sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)


def sqlite_backup(source: Path, destination: Path) -> None:
    """Copy a live SQLite file consistently with the online backup API (never a plain copy).

    The copy is written beside its destination under a temporary name and renamed once
    complete, so a crash never leaves half a copy under the real name. The copy is a
    single self-contained file (rollback journal, not WAL)."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partiel")
    partial.unlink(missing_ok=True)
    src = connect_read_only(Path(source))
    try:
        src.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        dst = sqlite3.connect(partial, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
        os.replace(partial, destination)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()


def sqlite_restore(source: Path, target: Path) -> None:
    """Replace the content of the SQLite file ``target`` by that of ``source``, in one
    transaction of the online backup API: a crash leaves ``target`` as it was."""
    src = connect_read_only(Path(source))
    try:
        dst = sqlite3.connect(Path(target), isolation_level=None)
        try:
            dst.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # WAL needs equal page sizes on both sides; a rollback journal does not.
            dst.execute("PRAGMA journal_mode = DELETE")
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
        finally:
            dst.close()
    finally:
        src.close()
