"""Automatic backups (online backup API, rotation, daily copy) and bad files refused
untouched, each with a French explanation and advice."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text

from ahuntsic_desktop.domain import Person, Setting
from ahuntsic_desktop.services.core import backup as backup_service
from ahuntsic_desktop.store import Database, StoreError, StoreProblem, backups
from ahuntsic_desktop.store.migrate import head_revision

FIXTURES = Path(__file__).parent / "fixtures"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def add_persons(db: Database, count: int, start: int = 0) -> None:
    with db.session() as session:
        session.execute(
            insert(Person.__table__),
            [{"first_name": "P", "last_name": f"N{i}"} for i in range(start, start + count)],
        )


def persons_in(path: Path) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM person").fetchone()[0]


@pytest.fixture
def data_file(tmp_path):
    """A closed data file holding 3 persons, and no backup yet."""
    path = tmp_path / "table.sqlite"
    db = Database.open(path, create=True)
    add_persons(db, 3)
    db.close()
    return path


# -- backups ------------------------------------------------------------------------------


def test_opening_backs_the_file_up_beside_it(data_file):
    db = Database.open(data_file)
    db.close()
    [copy] = backups.list_backups(data_file)
    assert copy.path.parent == data_file.parent / "sauvegardes"
    assert copy.path.name.startswith("table-") and copy.kind == ""
    assert abs(copy.taken_at - datetime.now()) < timedelta(minutes=1)
    assert db.last_backup == copy.path
    assert persons_in(copy.path) == 3
    with sqlite3.connect(copy.path) as connection:  # one self-contained file, no WAL
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert listing(copy.path.parent) == [copy.path.name]  # no temporary file left


def test_no_new_backup_until_the_file_changes(data_file):
    Database.open(data_file).close()
    Database.open(data_file).close()
    assert len(backups.list_backups(data_file)) == 1
    db = Database.open(data_file)
    add_persons(db, 1, start=10)
    db.close()
    # the copy of the same second would be named alike: the next one gets a number
    db = Database.open(data_file)
    db.close()
    copies = backups.list_backups(data_file)
    assert len(copies) == 2 and persons_in(copies[0].path) == 4


def test_a_backup_is_taken_online_never_as_a_plain_copy(tmp_path):
    """Committed rows still in the write-ahead log are in the backup; a transaction in
    progress is not. A plain copy of the main file would miss the first and might catch
    half of the second."""
    path = tmp_path / "vivant.sqlite"
    db = Database.open(path, create=True)
    try:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")
        add_persons(db, 5)
        plain = tmp_path / "copie-brute.sqlite"
        shutil.copy(path, plain)
        writer = sqlite3.connect(path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute(
            "INSERT INTO person (first_name, last_name, is_resident, is_elected)"
            " VALUES ('En', 'cours', 0, 0)"
        )
        copy = db.backup_now()
        writer.execute("ROLLBACK")
        writer.close()
    finally:
        db.close()
    assert persons_in(copy) == 5
    with pytest.raises(sqlite3.OperationalError):  # everything was still in the -wal
        persons_in(plain)


def test_rotation_keeps_the_count_one_per_day_first(data_file):
    folder = data_file.parent / "sauvegardes"
    start = datetime(2026, 11, 1, 9, 0, 0)
    for day in range(6):
        for hour in (9, 12, 17):
            backups.make_backup(data_file, folder, now=start + timedelta(days=day, hours=hour - 9))
    backups.make_backup(data_file, folder, kind="avant-mise-a-jour", now=start)
    removed = backups.rotate(data_file, folder, keep=4)
    kept = backups.list_backups(data_file, folder)
    routine = [b for b in kept if b.kind == ""]
    assert len(routine) == 4 and len(removed) == 14
    assert [b.taken_at.day for b in routine] == [6, 5, 4, 3]  # the latest of four days
    assert all(b.taken_at.hour == 17 for b in routine)
    assert [b.kind for b in kept if b.kind] == ["avant-mise-a-jour"]  # not pushed out


def test_open_uses_the_files_own_backup_keep(data_file):
    db = Database.open(data_file)
    with db.session() as session:
        session.merge(Setting(key="backup_keep", value=2))
    db.close()
    folder = data_file.parent / "sauvegardes"
    for day in range(5):
        backups.make_backup(data_file, folder, now=datetime(2026, 1, 1 + day))
    Database.open(data_file).close()  # the file changed: a copy, then rotation
    assert len(backups.list_backups(data_file)) == 2


def test_daily_backup_while_in_use(data_file):
    db = Database.open(data_file)
    try:
        today = datetime.now()
        assert backup_service.backup_if_due(db, today) is None  # the opening copy is today's
        tomorrow = today + timedelta(days=1)
        assert backup_service.backup_if_due(db, tomorrow) is None  # nothing written since
        add_persons(db, 2, start=20)
        copy = backup_service.backup_if_due(db, tomorrow)
        assert copy is not None and persons_in(copy) == 5
        assert backup_service.backup_if_due(db, tomorrow) is None  # at most once a day
    finally:
        db.close()


def test_a_failed_routine_backup_does_not_stop_the_work(data_file):
    (data_file.parent / "sauvegardes").write_text("un fichier, pas un dossier")
    db = Database.open(data_file)
    try:
        assert db.last_backup is None and "sauvegarde" in db.backup_error
        add_persons(db, 1, start=30)
    finally:
        db.close()


def test_an_old_schema_is_not_migrated_without_a_backup(tmp_path):
    path = tmp_path / "ancien.sqlite"
    shutil.copy(FIXTURES / "schema_0001.sqlite", path)
    (tmp_path / "sauvegardes").write_text("bloque le dossier des sauvegardes")
    before = digest(path)
    with pytest.raises(StoreError) as caught:
        Database.open(path)
    assert caught.value.problem is StoreProblem.FAILED
    assert digest(path) == before


def test_restore_replaces_the_content_and_keeps_the_current_one(data_file):
    db = Database.open(data_file)
    [first] = backups.list_backups(data_file)
    add_persons(db, 7, start=40)
    restored, safety = db.restore_from(first.path)
    try:
        with restored.session() as session:
            assert session.scalar(select(text("count(*)")).select_from(Person)) == 3
        assert restored.integrity_ok()
    finally:
        restored.close()
    assert persons_in(safety) == 10 and "avant-restauration" in safety.name


# -- bad files: refused, explained, never modified -------------------------------------------


def make_bad(kind: str, folder: Path, good: Path) -> Path:
    path = folder / f"{kind}.sqlite"
    if kind == "csv":
        path.write_text("Nom;Courriel\nTremblay;a@b.ca\n", encoding="utf-8")
    elif kind == "vide":
        path.write_bytes(b"")
    elif kind == "tronque":
        data = good.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif kind == "corrompu":
        data = bytearray(good.read_bytes())
        page = 4096
        for start in range(2 * page, len(data) - page, 3 * page):  # scribble over pages
            data[start + 8 : start + 400] = b"\xa5" * 392
        path.write_bytes(bytes(data))
    elif kind == "autre-application":
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE recettes (nom TEXT)")
            connection.execute("INSERT INTO recettes VALUES ('tourtière')")
    elif kind == "sqlite-vide":
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA user_version = 1")
    elif kind == "plus-recent":
        shutil.copy(good, path)
        with sqlite3.connect(path) as connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999_futur'")
    return path


BAD = {
    "csv": (StoreProblem.NOT_DATABASE, "pas une base SQLite"),
    "vide": (StoreProblem.EMPTY, "vide"),
    "tronque": (StoreProblem.CORRUPT, "endommagé"),
    "corrompu": (StoreProblem.CORRUPT, "endommagé"),
    "autre-application": (StoreProblem.NOT_DATABASE, "autre application"),
    "sqlite-vide": (StoreProblem.EMPTY, "vide"),
    "plus-recent": (StoreProblem.NEWER_VERSION, "plus récente"),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_bad_files_are_explained_and_never_modified(kind, tmp_path, good_file):
    folder = tmp_path / "dossier"
    folder.mkdir()
    path = make_bad(kind, folder, good_file)
    before, files = digest(path), listing(folder)
    for read_only in (False, True):
        with pytest.raises(StoreError) as caught:
            Database.open(path, read_only=read_only)
        problem, words = BAD[kind]
        assert caught.value.problem is problem
        assert words in caught.value.message
        assert caught.value.advice  # and what to do about it
        assert "modifié" in caught.value.advice or kind in ("vide", "sqlite-vide")
    assert digest(path) == before
    assert listing(folder) == files  # no backup, no lock, no -wal or -shm beside it


def test_an_empty_file_is_a_new_one_only_when_we_made_it(tmp_path):
    path = tmp_path / "nouveau.sqlite"
    path.write_bytes(b"")
    with pytest.raises(StoreError) as caught:
        Database.open(path)
    assert caught.value.problem is StoreProblem.EMPTY
    assert "Nouveau fichier" in caught.value.advice
    assert path.read_bytes() == b""
    db = Database.open(path, create=True)  # "Nouveau fichier…", the first start, the demo
    db.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )


def test_create_never_overwrites_a_file_with_data(good_file):
    Database.open(good_file, create=True, backup=False).close()
    assert persons_in(good_file) == 2000


def test_a_file_in_use_is_explained_and_not_modified(tmp_path):
    path = tmp_path / "partage.sqlite"
    first = Database.open(path, create=True)
    add_persons(first, 3)
    with first.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        before = digest(path)
        with pytest.raises(StoreError) as caught:
            Database.open(path)
        assert caught.value.problem is StoreProblem.IN_USE
        assert "autre fenêtre" in caught.value.message
        assert "lecture seule" in caught.value.advice
        assert digest(path) == before
    finally:
        first.close()


# -- read-only files and folders ---------------------------------------------------------------

ATTEMPT = textwrap.dedent(
    """
    import sys
    from ahuntsic_desktop.store import Database, StoreError
    for read_only in (False, True):
        try:
            db = Database.open(sys.argv[1], read_only=read_only)
        except StoreError as error:
            print("refused", error.problem.value, error.message, sep="|")
        else:
            with db.engine.connect() as connection:
                count = connection.exec_driver_sql("SELECT count(*) FROM person").scalar()
            print("opened", db.read_only, count, sep="|")
            db.close()
    """
)


def attempt_open(path: Path) -> list[list[str]]:
    """Open ``path`` for writing, then read-only, in a process that is not root (root
    ignores file permissions): as ``nobody`` when the tests run as root."""
    command = [sys.executable, "-c", ATTEMPT, str(path)]
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv")
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        probe = [*command[:4], sys.executable, "-c", "import ahuntsic_desktop"]
        if subprocess.run(probe, capture_output=True, timeout=60).returncode != 0:
            # e.g. a checkout under /root, which nobody may not enter
            pytest.skip("nobody cannot run this checkout's Python to test file permissions")
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    return [line.split("|") for line in done.stdout.splitlines()]


@pytest.fixture
def shared_folder():
    """A folder outside pytest's private tmp that another account can reach."""
    folder = Path(tempfile.mkdtemp(prefix="ahuntsic-lecture-seule-"))
    folder.chmod(0o777)
    yield folder
    for path in folder.rglob("*"):
        path.chmod(0o777)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.parametrize("where", ["fichier", "dossier"])
def test_read_only_file_or_folder_opens_read_only_untouched(where, shared_folder, data_file):
    folder = shared_folder / "donnees"
    folder.mkdir()
    path = folder / "table.sqlite"
    shutil.copy(data_file, path)
    path.chmod(0o644 if where == "dossier" else 0o444)
    folder.chmod(0o555 if where == "dossier" else 0o777)
    before, files = digest(path), listing(folder)
    writing, reading = attempt_open(path)
    assert writing[:2] == ["refused", "read_only"]
    assert ("dossier" if where == "dossier" else "protégé en écriture") in writing[2]
    assert reading == ["opened", "True", "3"]
    assert digest(path) == before
    if where == "dossier":
        assert listing(folder) == files


def test_read_only_medium(tmp_path, data_file):
    """A real read-only file system (needs root to mount one; skipped otherwise)."""
    mount = tmp_path / "cle-usb"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True
        ).returncode
    ):
        pytest.skip("cannot mount a file system here")
    try:
        path = mount / "table.sqlite"
        shutil.copy(data_file, path)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        before, files = digest(path), listing(mount)
        with pytest.raises(StoreError) as caught:
            Database.open(path)
        assert caught.value.problem is StoreProblem.READ_ONLY
        assert "lecture seule" in caught.value.message
        db = Database.open(path, read_only=True)
        try:
            with db.session() as session:
                assert len(session.scalars(select(Person)).all()) == 3
        finally:
            db.close()
        assert digest(path) == before and listing(mount) == files
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)
