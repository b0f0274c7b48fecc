"""The store on a server: URLs told apart from files, passwords never shown, the purge
after a Law 25 erasure becomes a VACUUM. The last test needs AHUNTSIC_TEST_DB."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from ahuntsic_desktop.services.privacy.erasure import anonymize_person
from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.store import Database, StoreError, StoreProblem, is_server_url
from ahuntsic_desktop.store.server import display_name, server_url


def test_server_urls_are_told_apart_from_files():
    assert is_server_url("postgresql://coord@serveur/table")
    assert is_server_url("postgres://coord@serveur/table")
    assert is_server_url("postgresql+psycopg://coord@serveur/table")
    assert not is_server_url("table.sqlite")
    assert not is_server_url(Path("postgresql:/x"))
    assert not is_server_url("sqlite:///table.sqlite")
    assert server_url("postgresql://a@b/c").drivername == "postgresql+psycopg"


def test_the_password_is_never_shown():
    assert "secret" not in display_name("postgresql://coord:secret@serveur:5433/table")
    try:
        Database.connect("postgresql://coord:secret@127.0.0.1:1/table")
    except StoreError as error:
        assert error.problem is StoreProblem.UNREACHABLE
        assert "secret" not in str(error) and "secret" not in str(error.path)
    else:
        raise AssertionError("port 1 answered")


def test_an_erasure_on_the_server_is_followed_by_a_vacuum(db, caplog):
    if not db.on_server:
        return  # the file's purge is tested in tests/services/test_privacy_erasure.py
    ana = persons.save_person(db, None, PersonData("Ana", "Roy", email="ana@exemple.ca"))
    with caplog.at_level(logging.INFO, logger="ahuntsic_desktop.store.database"):
        anonymize_person(db, ana, user="coord", now=datetime(2026, 5, 12, 10))
    assert f"Purged free pages of {db.url}" in caplog.text
    assert persons.get_person(db, ana).email is None
