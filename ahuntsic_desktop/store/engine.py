"""The only place that knows the store is SQLite: engine creation and pragmas."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def _set_pragmas(read_only: bool):
    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not read_only:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    return on_connect


def make_engine(path: Path | None, *, read_only: bool = False) -> Engine:
    """An engine on ``path`` (an in-memory database when None) with our pragmas set."""
    if path is None:
        from sqlalchemy.pool import StaticPool

        engine = create_engine(
            "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
        )
    elif read_only:
        engine = create_engine(
            f"sqlite:///file:{Path(path).resolve().as_posix()}?mode=ro&uri=true",
            connect_args={"check_same_thread": False},
        )
    else:
        engine = create_engine(
            f"sqlite:///{Path(path).resolve().as_posix()}",
            connect_args={"check_same_thread": False},
        )
    event.listen(engine, "connect", _set_pragmas(read_only or path is None))
    return engine


def sqlite_backup(source: Path, destination: Path) -> None:
    """Copy a live SQLite file consistently with the online backup API."""
    import sqlite3

    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{Path(source).resolve().as_posix()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
