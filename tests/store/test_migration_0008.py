"""Migration 0008 (portrait issues, stories, images, milieu, plan answers) goes down and up
again: the story-publication consents go with it, the consent CHECK follows."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from sqlalchemy import create_engine

from ahuntsic_desktop.store.migrate import alembic_config

NEW_TABLES = {"portrait_issue", "resident_story", "portrait_image", "portrait_section",
              "orientation_issue", "means_recommendation"}  # fmt: skip


def run(path, action: str, revision: str) -> None:
    config = alembic_config()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)
    engine.dispose()


def tables(path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}


def add_consent(path, purpose: str) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO person (id, first_name, last_name, is_resident, "
                           "is_elected, created_at, updated_at) VALUES (1, 'A', 'B', 1, 0, "
                           "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")  # fmt: skip
        connection.execute(
            "INSERT INTO consent (person_id, purpose, granted_on) VALUES (1, ?, '2026-01-01')",
            (purpose,),
        )


def test_0008_down_and_up(tmp_path):
    path = tmp_path / "m.sqlite"
    run(path, "upgrade", "0008")
    assert tables(path) >= NEW_TABLES
    add_consent(path, "histoire_portrait")
    run(path, "downgrade", "0007")
    assert not NEW_TABLES & tables(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT count(*) FROM consent").fetchone()[0] == 0
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("INSERT INTO consent (person_id, purpose, granted_on) "
                               "VALUES (1, 'histoire_portrait', '2026-01-01')")  # fmt: skip
    run(path, "upgrade", "head")
    assert tables(path) >= NEW_TABLES
