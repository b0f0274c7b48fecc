"""The shared office server: a PostgreSQL database standing where a data file usually is.

Only the store knows which engine is behind a :class:`~.database.Database`. Here are the
server's counterparts of the file's tools: no file lock (the server serializes writers),
advisory locks where a single writer is needed (numbering), ``VACUUM`` after an erasure.
Backups of a server are the server administrator's (``pg_dump``); ``copy`` moves data in
and out (:mod:`.copying`).
"""

from __future__ import annotations

import logging
import secrets
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.orm import Session

# SQLAlchemy is imported where it is used: start-up asks is_server_url before it (see
# .engine).

log = logging.getLogger(__name__)
SERVER_SCHEMES = ("postgresql", "postgres")
# pg_advisory_xact_lock keys (any fixed numbers, unique to their purpose).
_LOCK_KEYS = {"migrate": 180_001, "resolution_counter": 180_002, "receipt_counter": 180_003}


def is_server_url(target: object) -> bool:
    """Whether ``target`` names a server (``postgresql://user@host/db``), not a file."""
    if not isinstance(target, str) or "://" not in target:
        return False
    return target.split("://", 1)[0].split("+", 1)[0].lower() in SERVER_SCHEMES


def server_url(url: str):
    """``url`` with the driver we ship (psycopg 3) unless it names one."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def build_url(host: str, port: int, database: str, user: str, password: str | None) -> str:
    """``postgresql://user:password@host:port/database``, every part quoted as needed."""
    from sqlalchemy.engine import URL

    url = URL.create(
        "postgresql",
        username=user or None,
        password=password or None,
        host=host or None,
        port=port or None,
        database=database or None,
    )
    return url.render_as_string(hide_password=False)


def account_of(url: str) -> str:
    """``user@host:port/database``: the key of a server's password in the keyring."""
    parsed = server_url(url)
    return f"{parsed.username or ''}@{parsed.host or ''}:{parsed.port or 5432}/{parsed.database}"


def display_name(url: str) -> str:
    """``url`` for a title bar or the log: never the password."""
    return server_url(url).set(drivername="postgresql").render_as_string(hide_password=True)


def client_name() -> str:
    """``ahuntsic-desktop-1a2b3c4d``: how one open Database names its connections, so
    that the change notices it sends itself are told apart (:mod:`.notices`)."""
    return f"ahuntsic-desktop-{secrets.token_hex(4)}"


def server_engine(url: str, name: str | None = None) -> Engine:
    """An engine on the server at ``url``, its connections named ``name``. SQL parameters
    (names, emails) never appear in error messages; a connection dropped by a restarted
    server is replaced, not reused."""
    from sqlalchemy import create_engine

    return create_engine(
        server_url(url),
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args={"application_name": name or client_name()},
    )


def is_server(bind: Engine | Connection | Session) -> bool:
    if hasattr(bind, "get_bind"):  # a Session (the ORM is not imported to check it)
        bind = bind.get_bind()
    return bind.dialect.name == "postgresql"


def single_writer(session_or_connection: Session | Connection, purpose: str) -> None:
    """Make concurrent units of work doing ``purpose`` take turns until they commit.

    On the server this is a transaction-scoped advisory lock; a SQLite file already lets
    one writer at a time through, so nothing is done there."""
    if is_server(session_or_connection):
        from sqlalchemy import text

        session_or_connection.execute(
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEYS[purpose]}
        )


def database_user(session: Session) -> str | None:
    """The login a server connection was opened with (who changed what, in the audit
    trail); None on a SQLite file, which has no users."""
    if not is_server(session):
        return None
    from sqlalchemy import text

    return session.scalar(text("SELECT session_user"))


def vacuum(engine: Engine) -> None:
    """Rewrite the tables so that erased values leave the server's pages (Law 25)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("VACUUM")


def reachable(engine: Engine) -> bool:
    from sqlalchemy import text

    with engine.connect() as connection:
        return connection.execute(text("SELECT 1")).scalar() == 1
