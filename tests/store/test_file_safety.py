"""Nothing leaked (issue 11, items 4, 5, 11, 13, 16): a read-only export writes nothing
beside the data file, temporary files are private and swept, erased values leave no copy
in the file or its -wal, SQL parameters never reach the log, and every file and folder
holding personal information is private."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, insert, select

from ahuntsic_desktop import paths, private_files
from ahuntsic_desktop.cli import main
from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.exports.xlsx.common import save_atomically
from ahuntsic_desktop.services import backup as backup_service
from ahuntsic_desktop.services.importing import (
    check_rows,
    commit_rows,
    initial_mapping,
    read_source,
)
from ahuntsic_desktop.services.persons import PersonData, create_person
from ahuntsic_desktop.services.privacy import anonymize_person
from ahuntsic_desktop.store import Database, StoreError, StoreProblem

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
SECRET_NAME = "Zéphyrine-Quasimodeau"
SECRET_EMAIL = "zephyrine.quasimodeau@exemple.org"


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def companions(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name + "-"))


@pytest.fixture
def data_file(tmp_path):
    folder = tmp_path / "donnees"
    folder.mkdir()
    path = folder / "table.sqlite"
    db = Database.open(path, create=True)
    create_person(db, PersonData("Jean", "Lapointe", "jean.lapointe@exemple.org"))
    db.close()
    return path


# -- 4. reading writes nothing beside the file --------------------------------------------


def test_a_read_only_export_writes_nothing_beside_the_data_file(data_file, tmp_path, capsys):
    assert companions(data_file) == []
    before = sorted(p.name for p in data_file.parent.iterdir())
    out = tmp_path / "registre.xlsx"
    code = main(["export", "membres", "--db", str(data_file), "--out", str(out)])
    assert (code, capsys.readouterr().err) == (0, "")
    assert out.exists()
    assert sorted(p.name for p in data_file.parent.iterdir()) == before


def test_read_only_sees_what_an_open_writer_committed(data_file):
    writer = Database.open(data_file)
    try:
        create_person(writer, PersonData("Ana", "Nouvelle"))
        assert "table.sqlite-wal" in companions(data_file)  # a writer is at work
        reader = Database.open(data_file, read_only=True)
        with reader.session() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == 2
        reader.close()
    finally:
        writer.close()


def test_a_reader_opened_alone_sees_a_writer_that_comes_later(data_file):
    reader = Database.open(data_file, read_only=True)
    try:
        with reader.session() as session:  # read as immutable: nobody writes yet
            assert session.scalar(select(func.count()).select_from(Person)) == 1
        writer = Database.open(data_file, backup=False)
        create_person(writer, PersonData("Ana", "Nouvelle"))
        with reader.session() as session:  # the -wal is noticed: read it
            assert session.scalar(select(func.count()).select_from(Person)) == 2
        writer.close()
    finally:
        reader.close()


# -- 5. temporary files -----------------------------------------------------------------


def test_a_stale_temporary_file_is_swept_before_the_next_export(tmp_path):
    stale = tmp_path / ".membres-k2j4h6g8.tmp"
    stale.write_bytes(b"PK\x03\x04 4092 courriels")
    (tmp_path / ".membres-k2j4h6g8.tmp-journal").write_bytes(b"")
    foreign = tmp_path / ".notes-abcdefgh.tmp"
    foreign.write_bytes(b"not ours")
    legacy = tmp_path / "table-20260101-120000.sqlite.partiel"
    legacy.write_bytes(b"SQLite format 3\x00...")
    past = time.time() - 3600
    for path in (stale, foreign, legacy):
        os.utime(path, (past, past))
    recent = tmp_path / ".liste-a1b2c3d4.tmp"  # made after this process started
    recent.write_bytes(b"")
    later = private_files.STARTED + 5
    os.utime(recent, (later, later))

    from openpyxl import Workbook

    seen: list[int] = []

    def save(target: str) -> None:
        seen.append(mode(Path(target)))
        Workbook().save(target)

    written = private_files.write_atomically(tmp_path / "membres.xlsx", save)
    assert written.exists()
    assert not stale.exists() and not legacy.exists()
    assert not (tmp_path / ".membres-k2j4h6g8.tmp-journal").exists()
    assert foreign.exists() and recent.exists()
    if os.name == "posix":
        assert seen == [0o600]
    assert [p.name for p in tmp_path.glob(".membres-*.tmp")] == []


@posix_only
def test_a_temporary_file_in_use_by_a_live_export_is_not_swept(tmp_path):
    target = tmp_path / "presences.xlsx"
    with private_files.private_temporary(target) as temporary:
        temporary.write_bytes(b"PK\x03\x04")
        assert mode(temporary) == 0o600
        assert private_files.sweep_stale(tmp_path, started=time.time() + 60) == []
        assert temporary.exists()
    assert not temporary.exists()  # never renamed: removed


def test_the_workbook_writer_uses_the_private_temporary_file(tmp_path, monkeypatch):
    from openpyxl import Workbook

    made = []
    real = private_files.private_temporary

    def spy(target):
        made.append(target)
        return real(target)

    monkeypatch.setattr(private_files, "private_temporary", spy)
    save_atomically(Workbook(), tmp_path / "liste.xlsx")
    assert made == [tmp_path / "liste.xlsx"]


def test_opening_the_data_file_sweeps_its_folders(data_file):
    stale = data_file.parent / "sauvegardes" / ".table-20260101-120000-zz99yy88.tmp"
    stale.parent.mkdir(exist_ok=True)
    stale.write_bytes(b"SQLite format 3\x00")
    past = time.time() - 3600
    os.utime(stale, (past, past))
    Database.open(data_file).close()
    assert not stale.exists()


# -- 11. erased values leave no copy ------------------------------------------------------


def file_bytes(path: Path) -> bytes:
    found = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return found + (wal.read_bytes() if wal.exists() else b"")


def test_secure_delete_is_on_for_every_connection(file_db):
    with file_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    reader = Database.open(file_db.path, read_only=True)
    with reader.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    reader.close()


def test_a_deleted_row_leaves_no_copy_in_the_file_or_its_wal(file_db):
    path = Path(file_db.path)
    with file_db.session() as session:
        session.execute(insert(Person.__table__), [{"first_name": "Z", "last_name": SECRET_NAME}])
    for _ in range(3):  # more versions of the page in the -wal
        with file_db.session() as session:
            session.execute(insert(Person.__table__), [{"first_name": "P", "last_name": "N"}])
    assert SECRET_NAME.encode() in file_bytes(path)
    with file_db.session() as session:
        session.execute(delete(Person).where(Person.last_name == SECRET_NAME))
    assert SECRET_NAME.encode() in file_bytes(path)  # older page versions still hold it
    file_db.purge_free_pages()
    assert SECRET_NAME.encode() not in file_bytes(path)
    with file_db.session() as session:  # still works
        assert session.scalar(select(func.count()).select_from(Person)) == 3


def test_an_erasure_leaves_no_copy_of_the_email_in_the_file_or_its_wal(file_db):
    path = Path(file_db.path)
    pid = create_person(file_db, PersonData("Zéphyrine", SECRET_NAME, SECRET_EMAIL))
    assert SECRET_EMAIL.encode() in file_bytes(path)
    anonymize_person(file_db, pid, user="Coordination")
    content = file_bytes(path)
    assert SECRET_EMAIL.encode() not in content
    assert SECRET_NAME.encode("utf-8") not in content


# -- 13. no personal value in the log ------------------------------------------------------


@pytest.fixture
def log_file(tmp_path):
    path = tmp_path / "journal" / "ahuntsic-desktop.log"
    path.parent.mkdir()
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield path
    root.removeHandler(handler)
    root.setLevel(level)
    handler.close()


def test_a_locked_file_during_an_import_leaves_no_name_in_the_log(tmp_path, data_file, log_file):
    source = tmp_path / "liste.csv"
    source.write_text(
        f"Prénom,Nom,Courriel\nÉloïse,{SECRET_NAME},{SECRET_EMAIL}\n", encoding="utf-8"
    )
    db = Database.open(data_file, busy_timeout_ms=50)
    table = read_source(source)
    mapping = initial_mapping(db, table)
    preview = check_rows(db, table, mapping.kind, mapping.columns, today=date(2026, 5, 1))
    other = sqlite3.connect(data_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StoreError) as caught:
            commit_rows(db, preview)
        assert caught.value.problem is StoreProblem.BUSY
        # the last net logs the whole chain, SQLAlchemy's message included
        logging.getLogger("ahuntsic_desktop.unexpected").error("Import", exc_info=caught.value)
    finally:
        other.close()
        db.close()
    logged = b"".join(p.read_bytes() for p in log_file.parent.iterdir())
    assert b"database is locked" in logged and b"hidden" in logged  # it was logged
    for value in (SECRET_NAME, SECRET_EMAIL, "Éloïse"):
        assert value.encode() not in logged


# -- 16. private files and folders ----------------------------------------------------------


@posix_only
def test_the_data_file_its_copies_and_folders_are_private(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AHUNTSIC_DATA_DIR", str(tmp_path / "AhuntsicDesktop"))
    os.umask(old := os.umask(0o022))
    try:
        folder = paths.data_dir()
        assert mode(folder) == 0o700
        path = paths.default_db_path()
        db = Database.open(path, create=True)
        create_person(db, PersonData("Jean", "Lapointe"))
        assert mode(path) == 0o600
        assert {mode(path.with_name(path.name + s)) for s in ("-wal", "-shm")} == {0o600}
        backup = db.backup_now()
        assert mode(backup) == 0o600 and mode(backup.parent) == 0o700
        copy = backup_service.save_copy(db, tmp_path / "cle-usb.sqlite")
        assert mode(copy) == 0o600
        db.close()
        out = tmp_path / "copie.sqlite"
        assert main(["backup", "--db", str(path), "--out", str(out)]) == 0
        assert mode(out) == 0o600
        assert mode(paths.log_path().parent) == 0o700
    finally:
        os.umask(old)


@posix_only
def test_an_open_data_folder_left_by_an_older_version_is_made_private(tmp_path, monkeypatch):
    folder = tmp_path / "AhuntsicDesktop"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    monkeypatch.setenv("AHUNTSIC_DATA_DIR", str(folder))
    assert paths.data_dir() == folder and mode(folder) == 0o700
