"""Schema versions: new files are created at head, old ones upgraded after a backup,
newer ones refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from ahuntsic_desktop.domain import Base
from ahuntsic_desktop.store import Database, StoreError, StoreProblem
from ahuntsic_desktop.store.migrate import head_revision

FIXTURES = Path(__file__).parent / "fixtures"
OLD_SCHEMAS = sorted(FIXTURES.glob("schema_*.sqlite"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def revision_of(path: Path) -> str | None:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_new_file_is_created_at_head_with_every_table(tmp_path):
    path = tmp_path / "nouveau.sqlite"
    db = Database.open(path, create=True)
    try:
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with db.engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() > 0
    finally:
        db.close()
    assert revision_of(path) == head_revision()


def test_migrations_match_the_models(tmp_path):
    """Autogenerate against a migrated file finds nothing to do: no model change forgotten."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    db = Database.open(tmp_path / "t.sqlite", create=True)
    try:
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        db.close()
    assert diff == []


@pytest.mark.parametrize("fixture", OLD_SCHEMAS, ids=lambda p: p.stem)
def test_every_old_schema_is_backed_up_then_upgraded(fixture, tmp_path):
    path = tmp_path / "ancien.sqlite"
    shutil.copy(fixture, path)
    before = digest(path)
    old_revision = revision_of(path)
    backups = tmp_path / "sauvegardes"
    db = Database.open(path, backup_dir=backups)
    try:
        with db.session() as session:
            names = session.execute(text("SELECT name FROM organization")).scalars().all()
        assert names == ["Maison de la famille (fixture)"]
    finally:
        db.close()
    assert revision_of(path) == head_revision()
    if old_revision != head_revision():
        copies = list(backups.glob("*.sqlite"))
        assert len(copies) == 1
        assert revision_of(copies[0]) == old_revision
        # The backup is the old file's content, readable on its own.
        with sqlite3.connect(copies[0]) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert digest(path) != before


def test_a_file_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "futur.sqlite"
    Database.open(path, create=True).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = digest(path)
    with pytest.raises(StoreError) as caught:
        Database.open(path)
    assert caught.value.problem is StoreProblem.NEWER_VERSION
    assert "plus récente" in caught.value.message
    assert digest(path) == before
    assert not (tmp_path / "sauvegardes").exists()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"Nom,Courriel\nTremblay,a@b.ca\n", StoreProblem.NOT_DATABASE),
        (b"SQLite format 3\x00" + b"\x00" * 84 + b"garbage" * 100, StoreProblem.CORRUPT),
    ],
    ids=["csv", "truncated"],
)
def test_bad_files_are_refused_untouched(tmp_path, content, problem):
    path = tmp_path / "mauvais.sqlite"
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Database.open(path)
    assert caught.value.problem is problem
    assert path.read_bytes() == content


def test_missing_file_is_explained(tmp_path):
    with pytest.raises(StoreError) as caught:
        Database.open(tmp_path / "absent.sqlite")
    assert caught.value.problem is StoreProblem.NOT_FOUND


def test_second_opening_is_refused_then_allowed_read_only(tmp_path):
    path = tmp_path / "partage.sqlite"
    first = Database.open(path, create=True)
    try:
        with pytest.raises(StoreError) as caught:
            Database.open(path)
        assert caught.value.problem is StoreProblem.IN_USE
        reader = Database.open(path, read_only=True)
        try:
            assert reader.read_only
            with pytest.raises(Exception), reader.session() as session:  # noqa: B017
                session.execute(text("INSERT INTO setting(key, value) VALUES ('x', '1')"))
        finally:
            reader.close()
    finally:
        first.close()
    Database.open(path).close()  # the lock is released on close


def test_revisions_read_from_the_scripts_agree_with_alembic():
    """Opening a current file reads the revisions without importing Alembic; they must be
    the ones Alembic itself finds."""
    from alembic.script import ScriptDirectory

    from ahuntsic_desktop.store.migrate import alembic_config, known_revisions, revision_chain

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}
    assert revision_chain() == {rev.revision: rev.down_revision for rev in script.walk_revisions()}


def test_opening_a_current_file_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "courant.sqlite"
    Database.open(path, create=True).close()
    code = (
        "import sys; from ahuntsic_desktop.store import Database; "
        f"db = Database.open({str(path)!r}); db.close(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
