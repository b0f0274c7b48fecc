"""Shared fixtures. Tests are headless: Qt draws offscreen unless told otherwise."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from ahuntsic_desktop import i18n  # noqa: E402
from ahuntsic_desktop.store import Database  # noqa: E402


@pytest.fixture(autouse=True)
def _french():
    i18n.set_locale("fr_CA")
    yield
    i18n.set_locale("fr_CA")


@pytest.fixture
def db():
    """A fresh, migrated, empty in-memory database."""
    database = Database.in_memory()
    yield database
    database.close()


@pytest.fixture
def file_db(tmp_path):
    """A fresh, migrated, empty database in a file."""
    database = Database.open(tmp_path / "table.sqlite", create=True)
    yield database
    database.close()
