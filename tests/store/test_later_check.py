"""The integrity check taken off the path to the first paint (issue 16): a file opened with
``check_later`` is checked in a thread; a damaged one is still refused with the same French
message, and nothing is written to it, backups included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from ahuntsic_desktop.store import Database, StoreError, StoreProblem, backups

from .test_backups import add_persons, digest, persons_in


def damaged_copy(good: Path, folder: Path) -> Path:
    """``good`` with the pages of its persons scribbled over: its header, schema and
    settings read as usual (the quick reading at opening passes), the rest is damaged."""
    path = folder / "abime.sqlite"
    data = bytearray(good.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # never page 1 (the header, the schema)
        content = bytes(data[start : start + page])
        if b"CREATE" not in content and b"N19" in content:  # persons N1900-N1999
            data[start + 8 : start + 400] = b"\xa5" * 392
    path.write_bytes(bytes(data))
    return path


def refused_at_verdict(path: Path) -> StoreError:
    """The refusal of ``path`` opened with ``check_later``: it opens (its first pages are
    sound), then no session opens, no backup is taken and no purge runs."""
    db = Database.open(path, check_later=True)
    try:
        with pytest.raises(StoreError) as caught, db.session():
            pass
        with pytest.raises(StoreError):
            db.backup_now()
        with pytest.raises(StoreError):
            db.purge_free_pages()
        return caught.value
    finally:
        db.close()


def test_a_good_file_opens_and_passes_its_check(good_file):
    db = Database.open(good_file, check_later=True)
    try:
        db.verdict()  # no error: the file is healthy
        with db.session() as session:
            assert session.execute(text("SELECT count(*) FROM person")).scalar() == 2000
        add_persons(db, 5, start=5000)
    finally:
        db.close()
    assert persons_in(good_file) == 2005


def test_a_damaged_file_is_refused_with_the_same_message_and_not_written(tmp_path, good_file):
    folder = tmp_path / "dossier"
    folder.mkdir()
    path = damaged_copy(good_file, folder)
    before = digest(path)
    with pytest.raises(StoreError) as at_once:
        Database.open(path)  # as before: checked at opening
    error = refused_at_verdict(path)
    assert error.problem is at_once.value.problem is StoreProblem.CORRUPT
    assert error.message == at_once.value.message and "endommagé" in error.message
    assert "n'a pas été modifié" in error.advice
    assert digest(path) == before  # not a byte written
    assert backups.list_backups(path) == []  # its copy failed its own check: no backup


def test_a_file_due_for_a_migration_is_checked_before_it(tmp_path, good_file):
    """A write is due at once (the copy before the update, the migration): no later check."""
    connection = sqlite3.connect(good_file)
    connection.execute("UPDATE alembic_version SET version_num = '0001'")
    connection.commit()
    connection.close()  # folds the -wal in: the copy below reads the file alone
    path = damaged_copy(good_file, tmp_path)
    before = digest(path)
    with pytest.raises(StoreError) as caught:
        Database.open(path, check_later=True)
    assert caught.value.problem is StoreProblem.CORRUPT
    assert digest(path) == before
