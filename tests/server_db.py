"""The PostgreSQL pass: with ``AHUNTSIC_TEST_DB=postgresql://...`` (see
packaging/pg-cluster.sh) the ``db`` fixture hands each test an empty, migrated database on
that server. One database is migrated per test run, then emptied before each test (every
table's rows deleted, every id sequence restarted: about 0.1 s, where CREATE DATABASE from
a template or TRUNCATE take 0.4-1 s on a busy machine)."""

from __future__ import annotations

import itertools
import os

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ahuntsic_desktop.store import Database

SERVER = os.environ.get("AHUNTSIC_TEST_DB", "")
SHARED = f"ahuntsic_tests_{os.getpid()}"
_numbers = itertools.count(1)
_engines: dict[str, object] = {}
_emptying: list[str] = []


def _engine(database: str):
    """An autocommit engine on ``database`` of the test server (kept for the run)."""
    if database not in _engines:
        url = make_url(SERVER).set(drivername="postgresql+psycopg", database=database)
        _engines[database] = create_engine(url, isolation_level="AUTOCOMMIT")
    return _engines[database]


def url_of(name: str) -> str:
    return make_url(SERVER).set(database=name).render_as_string(hide_password=False)


def _admin_sql(statement: str) -> None:
    with _engine(make_url(SERVER).database).connect() as connection:
        connection.exec_driver_sql(statement)


def create_database(name: str) -> str:
    """A new, migrated, empty database ``name`` (dropped first if it exists); its URL."""
    _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin_sql(f'CREATE DATABASE "{name}"')
    url = url_of(name)
    Database.open(url).close()
    return url


def fresh_database() -> str:
    """Another new database, for a test that needs a second one (a copy's target)."""
    return create_database(f"{SHARED}_{next(_numbers)}")


def start() -> None:
    """Migrate the run's database and write down how to bring it back to this state: rows
    seeded by the migrations (activity types, vocabularies) are kept aside in a ``seed``
    schema and put back, sequences set back where the migrations left them."""
    create_database(SHARED)
    with _engine(SHARED).connect() as connection:
        tables = (
            connection.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version'"
                )
            )
            .scalars()
            .all()
        )
        sequences = connection.execute(
            text(
                "SELECT sequencename, coalesce(last_value, 1), last_value IS NOT NULL "
                "FROM pg_sequences WHERE schemaname = 'public'"
            )
        ).all()
        connection.exec_driver_sql("CREATE SCHEMA seed")
        seeded = []
        for table in tables:
            if connection.exec_driver_sql(f'SELECT EXISTS (SELECT 1 FROM "{table}")').scalar():
                connection.exec_driver_sql(f'CREATE TABLE seed."{table}" AS TABLE "{table}"')
                seeded.append(table)
    _emptying[:] = (
        ["SET session_replication_role = replica"]  # no foreign-key order needed
        + [f'DELETE FROM "{table}"' for table in tables]
        + [f'INSERT INTO "{table}" SELECT * FROM seed."{table}"' for table in seeded]
        + [f"SELECT setval('\"{name}\"', {value}, {called})" for name, value, called in sequences]
        + ["SET session_replication_role = DEFAULT"]
    )


def shared_database() -> str:
    """The run's database, emptied: as new for the test about to run."""
    with _engine(SHARED).connect() as connection:
        connection.exec_driver_sql("; ".join(_emptying))
    return url_of(SHARED)


def stop() -> None:
    for engine in _engines.values():
        engine.dispose()
    names = [SHARED] + [f"{SHARED}_{n}" for n in range(1, next(_numbers))]
    _engines.clear()
    for name in names:
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    for engine in _engines.values():
        engine.dispose()


KILL_SWITCH = os.environ.get("AHUNTSIC_TEST_PG_SERVER", "")


def kill_server() -> None:
    """Stop the test server at once, as if killed (packaging/pg-cluster.sh)."""
    import subprocess

    subprocess.run([KILL_SWITCH, "kill"], check=True, timeout=60)


def start_server() -> None:
    """Start it again; the fixtures' own connections died with it."""
    import subprocess

    subprocess.run([KILL_SWITCH, "start"], check=True, timeout=60)
    for engine in _engines.values():
        engine.dispose()
