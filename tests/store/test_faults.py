"""Faults told apart from damage (issue 11, items 1-3): a full disk or a failing disk is
not a damaged file, a restore never moves the file before its replacement is written
and checked, the single-writer lock holds through symbolic links, and a file held by
another program is explained, rolled back and can be retried."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func, insert, select

from ahuntsic_desktop.domain import Membership, Person
from ahuntsic_desktop.services import backup as backup_service
from ahuntsic_desktop.services import renewals
from ahuntsic_desktop.services.errors import ValidationError
from ahuntsic_desktop.services.importing import (
    check_rows,
    commit_rows,
    initial_mapping,
    read_source,
)
from ahuntsic_desktop.services.memberships import (
    CategoryData,
    MembershipData,
    create_category,
    create_membership,
)
from ahuntsic_desktop.services.organizations import OrganizationData, create_organization
from ahuntsic_desktop.store import Database, StoreError, StoreProblem, backups, engine

FAST = 50  # ms a write waits for another program in these tests


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def add_persons(db: Database, count: int) -> None:
    with db.session() as session:
        session.execute(
            insert(Person.__table__),
            [{"first_name": "P", "last_name": f"N{i}"} for i in range(count)],
        )


def persons_in(path: Path) -> int:
    connection = engine.connect_read_only(path)  # writes nothing, even on a full disk
    try:
        return connection.execute("SELECT count(*) FROM person").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def data_file(tmp_path):
    """A closed data file of 3 persons, with one backup of 2 persons in ``sauvegardes``."""
    path = tmp_path / "table.sqlite"
    db = Database.open(path, create=True)
    add_persons(db, 2)
    db.backup_now()
    add_persons(db, 1)
    db.close()
    return path


def mount_tmpfs(folder: Path, size: str) -> None:
    folder.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True,
        ).returncode
    ):
        pytest.skip("cannot mount a file system here (needs root)")


def fill(folder: Path) -> None:
    subprocess.run(
        ["dd", "if=/dev/zero", f"of={folder / 'remplissage'}", "bs=16k"], capture_output=True
    )


def enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


# -- 1. a full disk is not a damaged file -------------------------------------------------------


def test_a_full_disk_is_not_called_damaged_and_nothing_moves(tmp_path, data_file):
    """On a real 2 MiB file system filled up: the file is refused as « disque plein »,
    and recovering a backup in its place fails before touching it."""
    disk = tmp_path / "disque"
    mount_tmpfs(disk, "2m")
    try:
        path = disk / "table.sqlite"
        path.write_bytes(data_file.read_bytes())
        backup = backups.latest_backup(data_file).path
        fill(disk)
        before = digest(path)
        with pytest.raises(StoreError) as caught:
            Database.open(path)
        assert caught.value.problem is StoreProblem.DISK_FULL
        assert "disque est plein" in caught.value.message
        assert "Libérez de l'espace" in caught.value.advice
        assert "endommagé" not in str(caught.value) and "Restaurez" not in str(caught.value)
        with pytest.raises(ValidationError) as refused:
            backup_service.recover(path, backup, disk / "sauvegardes")
        assert "disque est plein" in refused.value.message
        assert digest(path) == before and persons_in(path) == 3
        assert not list(disk.rglob("*endommage*"))
        assert not [p for p in disk.iterdir() if p.name.endswith(".tmp")]
        (disk / "remplissage").unlink()
        db = Database.open(path)  # room again: it opens as it was
        with db.session() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == 3
        db.close()
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_recovery_on_a_full_disk_simulated_leaves_the_file_in_place(
    tmp_path, data_file, monkeypatch
):
    damaged = tmp_path / "table.sqlite"
    damaged.write_bytes(b"\x00" * 4096)  # unreadable, to be recovered
    backup = backups.latest_backup(data_file).path
    monkeypatch.setattr(engine, "_copy_into", enospc)
    with pytest.raises(StoreError) as caught:
        Database.recover(damaged, backup)
    assert caught.value.problem is StoreProblem.DISK_FULL
    assert damaged.read_bytes() == b"\x00" * 4096
    assert not list((tmp_path / "sauvegardes").glob("*endommage*"))
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_restore_writes_the_backup_beside_before_replacing(data_file, monkeypatch):
    db = Database.open(data_file)
    backup = backups.list_backups(data_file)[-1].path  # 2 persons
    real_copy, calls = engine._copy_into, []

    def copy_then_full(source, destination, busy):
        calls.append(destination)
        if len(calls) == 2:  # the safety copy passes, the copy beside the file does not
            enospc()
        return real_copy(source, destination, busy)

    monkeypatch.setattr(engine, "_copy_into", copy_then_full)
    with pytest.raises(StoreError) as caught:
        db.restore_from(backup)
    assert caught.value.problem is StoreProblem.DISK_FULL
    assert "n'a pas été modifié" in caught.value.advice
    assert calls[1].parent == data_file.parent and calls[1].name.startswith(".table-")
    with db.session() as session:  # still open, unchanged
        assert session.scalar(select(func.count()).select_from(Person)) == 3
    monkeypatch.setattr(engine, "_copy_into", real_copy)
    reopened, _safety = db.restore_from(backup)
    with reopened.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 2
    reopened.close()
    assert not list(data_file.parent.glob(".*.tmp"))


def test_a_write_on_a_full_disk_is_explained_and_rolled_back(file_db):
    add_persons(file_db, 1)
    with file_db.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def tiny(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    file_db.engine.dispose()
    event.listen(file_db.engine, "connect", tiny)
    with pytest.raises(StoreError) as caught, file_db.session() as session:
        session.execute(
            insert(Person.__table__),
            [{"first_name": "P", "last_name": "x" * 2000} for _ in range(200)],
        )
    assert caught.value.problem is StoreProblem.DISK_FULL
    with file_db.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 1


def test_damaged_copies_rotate_like_backups(tmp_path, data_file):
    backup = backups.latest_backup(data_file).path
    path = tmp_path / "abimee.sqlite"
    start = datetime(2026, 3, 1, 9, 0)
    for day in range(5):
        content = f"endommagé {day}".encode()
        path.write_bytes(content)
        aside = backups.recover_into(path, backup, keep=3, now=start + timedelta(days=day))
        assert aside.read_bytes() == content  # bytes untouched
        assert persons_in(path) == 2  # the backup is in place
    kept = backups.list_backups(path, damaged=True)
    assert [b.kind for b in kept] == [backups.DAMAGED] * 3
    assert [b.taken_at.day for b in kept] == [5, 4, 3]
    assert backups.list_backups(path) == []  # never offered as backups to restore
    if os.name == "posix":
        assert {b.path.stat().st_mode & 0o777 for b in kept} == {0o600}


# -- 2. one writer, whatever the path ----------------------------------------------------------


def test_the_lock_follows_the_file_not_the_path(tmp_path, data_file):
    link = tmp_path / "raccourci.sqlite"
    link.symlink_to(data_file)
    detour = tmp_path / "sous-dossier"
    detour.mkdir()
    first = Database.open(data_file)
    try:
        for other in (link, detour / ".." / data_file.name):
            with pytest.raises(StoreError) as caught:
                Database.open(other)
            assert caught.value.problem is StoreProblem.IN_USE
    finally:
        first.close()
    second = Database.open(link)  # free again
    second.close()


# -- 3. another program holds the file --------------------------------------------------------


@pytest.fixture
def held(tmp_path):
    """A data file, and a function that makes another program hold its write lock."""
    path = tmp_path / "table.sqlite"
    Database.open(path, create=True).close()
    others: list[sqlite3.Connection] = []

    def hold() -> sqlite3.Connection:
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        others.append(other)
        return other

    yield path, hold
    for other in others:
        other.close()


def test_a_busy_file_during_an_import_is_explained_and_nothing_is_written(tmp_path, held):
    path, hold = held
    db = Database.open(path, busy_timeout_ms=FAST)
    source = tmp_path / "liste.csv"
    source.write_text(
        "Prénom,Nom,Courriel\nÉloïse,Secret-Tremblay,eloise.secret@exemple.org\n"
        "Jean,Lapointe,jean.lapointe@exemple.org\n",
        encoding="utf-8",
    )
    table = read_source(source)
    mapping = initial_mapping(db, table)
    preview = check_rows(db, table, mapping.kind, mapping.columns, today=date(2026, 5, 1))
    other = hold()
    with pytest.raises(StoreError) as caught:
        commit_rows(db, preview)
    assert caught.value.problem is StoreProblem.BUSY
    assert "autre programme" in caught.value.message and "réessayez" in caught.value.advice
    other.rollback()
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0
    result = commit_rows(db, preview)  # retried once the other program is done
    assert result.created == 2
    db.close()


def test_a_busy_file_during_renewals_is_explained_and_nothing_is_written(held):
    path, hold = held
    db = Database.open(path, busy_timeout_ms=FAST)
    category = create_category(db, CategoryData("Membre régulier", default_dues_cents=5000))
    org = create_organization(db, OrganizationData("Centre Alpha"))
    member = create_membership(db, MembershipData(2026, category, organization_id=org))
    other = hold()
    with pytest.raises(StoreError) as caught:
        renewals.renew(db, [member], 2027)
    assert caught.value.problem is StoreProblem.BUSY
    other.rollback()
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Membership)) == 1
    assert len(renewals.renew(db, [member], 2027).to_renew) == 1
    db.close()
