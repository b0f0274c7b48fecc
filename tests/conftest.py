"""Shared fixtures. Tests are headless: Qt draws offscreen unless told otherwise."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ahuntsic_desktop import i18n  # noqa: E402
from ahuntsic_desktop.store import Database  # noqa: E402
from tests import server_db  # noqa: E402

ON_SERVER = bool(server_db.SERVER)
_ON_SQLITE_ONLY = "no `db` fixture: SQLite only, already run in the SQLite pass"


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): SQLite-file specific, skipped on PG")
    if ON_SERVER:
        server_db.start()


def pytest_unconfigure(config):
    if ON_SERVER:
        server_db.stop()


def pytest_collection_modifyitems(config, items):
    """The PostgreSQL pass (AHUNTSIC_TEST_DB set) runs the tests that use the ``db``
    fixture; the others, and those marked ``sqlite_only``, are skipped with the reason."""
    if not ON_SERVER:
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else "SQLite-file specific"
            item.add_marker(pytest.mark.skip(reason=reason))
        elif not {"db", "server_database"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.skip(reason=_ON_SQLITE_ONLY))


@pytest.fixture(autouse=True)
def _french():
    i18n.set_locale("fr_CA")
    yield
    i18n.set_locale("fr_CA")


@pytest.fixture
def db():
    """A fresh, migrated, empty database: in memory, or on the PostgreSQL server given
    by AHUNTSIC_TEST_DB (packaging/pg-cluster.sh)."""
    if not ON_SERVER:
        database = Database.in_memory()
        yield database
        database.close()
        return
    database = Database.open(server_db.shared_database())
    yield database
    database.close()


@pytest.fixture
def file_db(tmp_path):
    """A fresh, migrated, empty database in a file."""
    database = Database.open(tmp_path / "table.sqlite", create=True)
    yield database
    database.close()


@pytest.fixture
def server_database():
    """The URL of a new, migrated database on the test server (PostgreSQL pass only)."""
    if not ON_SERVER:
        pytest.skip("needs AHUNTSIC_TEST_DB (PostgreSQL)")
    return server_db.fresh_database()


@pytest.fixture
def good_file(tmp_path):
    """A closed data file of 2,000 persons: enough rows to span many pages."""
    from tests.store.test_backups import add_persons

    path = tmp_path / "modele" / "bon.sqlite"
    db = Database.open(path, create=True)
    add_persons(db, 2000)
    db.close()
    return path
