"""French order in SQL: every SQLite connection knows ``fold_key(text)``, the key of
:func:`ahuntsic_desktop.text.fold_for_key` (no case, no accents, « œ » as « oe »), so a
query can sort names as the application does and hand its rows over as the cursor reads
them, instead of all of them being held to be sorted in Python.

SQLite compares the keys byte by byte in UTF-8, which is the order of their code points:
Python's order of the same strings. A server (PostgreSQL) has no such function:
:func:`french_key` answers None there and the caller sorts in Python as before."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..text import fold_for_key

if TYPE_CHECKING:
    from sqlalchemy.sql.elements import ColumnElement

FOLD_KEY = "fold_key"


def _fold(value: object) -> str:
    return fold_for_key(value if value is None or isinstance(value, str) else str(value))


def register(dbapi_connection) -> None:
    """Give a new SQLite connection ``fold_key`` (deterministic: same text, same key)."""
    dbapi_connection.create_function(FOLD_KEY, 1, _fold, deterministic=True)


def french_key(bind) -> Callable[[ColumnElement], ColumnElement] | None:
    """``column -> fold_key(column)`` on a SQLite ``bind`` (a session, connection or
    engine), None on a server."""
    engine = bind.get_bind() if hasattr(bind, "get_bind") else bind  # a session's engine
    if engine.dialect.name != "sqlite":
        return None
    from sqlalchemy import func

    return getattr(func, FOLD_KEY)
