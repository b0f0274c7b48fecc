"""Start-up opens, locks and backs up a current file with sqlite3 alone, and imports
SQLAlchemy at the first read, once the window has painted (issue 16: 0.2 s and 35 MB less
before the paint). Checked in a fresh interpreter: this one imported SQLAlchemy long ago."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.store import Database, StoreError, StoreProblem

from .test_backups import add_persons

# Opens the file as start-up does, says what it saw at each step, as JSON lines.
SCRIPT = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from ahuntsic_desktop.services.core import settings
    from ahuntsic_desktop.store import Database

    def say(step, db):
        print(json.dumps({"step": step, "sqlalchemy": "sqlalchemy" in sys.modules,
                          "made": db.engine_made, "title": settings.table_name(db)}))

    db = Database.open(Path(sys.argv[1]), check_later=True)
    say("opened", db)
    db.verdict()
    say("checked", db)
    if sys.argv[2] == "read":
        loaded = settings.load(db)
        say("read", db)
        print(json.dumps({"loaded": loaded.table_name, "backup": db.last_backup is not None}))
    db.close()
    say("closed", db)
    """
)


def start_up(path, then="read") -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), then],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.fixture
def named_file(tmp_path):
    path = tmp_path / "table.sqlite"
    db = Database.open(path, create=True)
    add_persons(db, 50)
    named = settings_service.load(db)
    named.table_name = "Concertation du Sault-au-Récollet"
    settings_service.save(db, named)
    db.close()
    return path


def test_the_title_comes_before_sqlalchemy_and_the_first_read_brings_it(named_file):
    opened, checked, read, loaded, closed = start_up(named_file)
    name = "Concertation du Sault-au-Récollet"
    for step in (opened, checked):
        assert step == {"step": step["step"], "sqlalchemy": False, "made": False, "title": name}
    assert read == {"step": "read", "sqlalchemy": True, "made": True, "title": name}
    assert loaded == {"loaded": name, "backup": True}  # backed up with sqlite3 at opening
    assert closed["step"] == "closed"


def test_a_file_never_read_closes_without_sqlalchemy_and_lets_its_lock_go(named_file):
    *_, closed = start_up(named_file, then="close")
    assert closed["sqlalchemy"] is False and closed["made"] is False
    db = Database.open(named_file)  # the lock went with the other process's close
    db.close()


def test_a_file_without_a_name_shows_the_default_until_read(tmp_path):
    path = tmp_path / "sans-nom.sqlite"
    Database.open(path, create=True).close()
    with sqlite3.connect(path) as raw:
        raw.execute("DELETE FROM setting WHERE key = 'table_name'")
    raw.close()
    opened, *_ = start_up(path, then="close")
    assert opened["title"] == settings_service.TableSettings().table_name
    assert opened["sqlalchemy"] is False


def test_a_file_due_for_a_migration_makes_its_engine_at_opening(tmp_path):
    path = tmp_path / "ancien.sqlite"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema_0001.sqlite", path)
    db = Database.open(path, check_later=True)
    try:
        assert db.engine_made  # checked, backed up and migrated at opening, as before
        assert settings_service.table_name(db) == settings_service.load(db).table_name
    finally:
        db.close()


def test_a_file_of_a_newer_version_is_still_refused_at_opening(named_file):
    with sqlite3.connect(named_file) as raw:
        raw.execute("UPDATE alembic_version SET version_num = 'ffff_de_demain'")
    raw.close()
    with pytest.raises(StoreError) as refused:
        Database.open(named_file, check_later=True)
    assert refused.value.problem is StoreProblem.NEWER_VERSION


def test_threads_asking_at_once_share_one_engine_and_its_write_counter(named_file):
    """The first read may come from a worker thread (a list read ahead) as the window's
    thread reads too: one engine is made, and each caller finds its write counter."""
    db = Database.open(named_file, check_later=True)
    barrier = threading.Barrier(8)
    seen = []

    def ask() -> None:
        barrier.wait()
        seen.append((id(db.engine), db.writes.count))

    try:
        threads = [threading.Thread(target=ask) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert len(seen) == 8 and len({engine for engine, _count in seen}) == 1
        assert {count for _engine, count in seen} == {0}
    finally:
        db.close()
