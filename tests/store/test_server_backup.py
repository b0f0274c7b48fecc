"""Backups of a server database: ``pg_dump`` (custom format) from the services and the
CLI, restored into an empty database or, once confirmed, into the same one; clear French
messages when the tools are missing or their version differs. PostgreSQL pass only
(AHUNTSIC_TEST_DB, packaging/pg-cluster.sh)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from ahuntsic_desktop.cli import main
from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.services.core import server_backup
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.store import Database
from ahuntsic_desktop.store import server_backup as dumps
from ahuntsic_desktop.store.copying import checks
from tests.server_db import SERVER

pytestmark = pytest.mark.skipif(not SERVER, reason="needs AHUNTSIC_TEST_DB (PostgreSQL)")
NOW = dt.datetime(2026, 12, 7, 14, 30)


def names(database: Database) -> list[str]:
    with database.session() as session:
        return sorted(session.scalars(select(Person.last_name)))


@pytest.fixture
def filled(db):
    persons.save_person(db, None, PersonData("Ana", "Roy", email="ana@exemple.ca"))
    persons.save_person(db, None, PersonData("Léo", "Tremblay"))
    return db


def test_a_dump_restores_into_an_empty_database_with_every_table_equal(
    filled, server_database, tmp_path
):
    dump = server_backup.save_dump(filled, tmp_path / "table.dump")
    assert dump.read_bytes().startswith(b"PGDMP")
    assert not (tmp_path / "table.dump.partiel").exists()
    target = Database.connect(server_database)
    restored = server_backup.restore_dump(target, dump, tmp_path / "avant", NOW)
    assert restored.safety_copy is None  # nothing was there to keep
    try:
        before = {c.name: c for c in checks(filled)}
        after = {c.name: c for c in checks(restored.db)}
        after.pop("audit_entry")  # the restore itself is recorded
        before.pop("audit_entry")
        assert after == before
    finally:
        restored.db.close()


def test_the_same_database_is_replaced_only_when_confirmed_and_kept_first(filled, tmp_path):
    dump = server_backup.save_dump(filled, tmp_path / "table.dump")
    persons.save_person(filled, None, PersonData("Zoé", "Après"))
    with pytest.raises(ValidationError) as refused:
        server_backup.restore_dump(filled, dump, tmp_path / "avant", NOW)
    assert "contient déjà des données" in refused.value.message
    assert len(names(filled)) == 3  # untouched, still usable
    restored = server_backup.restore_dump(filled, dump, tmp_path / "avant", NOW, replace=True)
    try:
        assert names(restored.db) == ["Roy", "Tremblay"]
        assert restored.safety_copy.parent == tmp_path / "avant"
        assert restored.safety_copy.name.endswith("-20261207-143000-avant-restauration.dump")
        assert restored.safety_copy.read_bytes().startswith(b"PGDMP")
    finally:
        restored.db.close()


def test_a_file_that_is_no_dump_is_refused_and_nothing_changes(filled, tmp_path):
    bogus = tmp_path / "notes.dump"
    bogus.write_text("pas une sauvegarde", encoding="utf-8")
    with pytest.raises(ValidationError) as refused:
        server_backup.restore_dump(filled, bogus, tmp_path, NOW, replace=True)
    assert "n'est pas une sauvegarde de serveur" in refused.value.message
    assert len(names(filled)) == 2


def test_a_missing_pg_dump_is_explained_in_french(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(dumps, "find_tool", lambda name, major=None: None)
    with pytest.raises(ValidationError) as refused:
        server_backup.save_dump(filled, tmp_path / "table.dump")
    assert "« pg_dump » de PostgreSQL est introuvable" in refused.value.message
    assert "postgresql-client" in refused.value.message
    assert not (tmp_path / "table.dump").exists()


def test_tools_older_than_the_server_are_explained_in_french(filled, tmp_path, monkeypatch):
    monkeypatch.setattr(dumps, "server_major", lambda engine: 99)
    with pytest.raises(ValidationError) as refused:
        server_backup.save_dump(filled, tmp_path / "table.dump")
    assert "mais le serveur est de la version 99" in refused.value.message
    assert not list(tmp_path.iterdir())


def test_a_dump_from_a_newer_server_is_refused_before_anything_is_dropped(
    filled, tmp_path, monkeypatch
):
    dump = server_backup.save_dump(filled, tmp_path / "table.dump")
    monkeypatch.setattr(dumps, "dumped_from", lambda listing, server: server + 1)
    with pytest.raises(ValidationError) as refused:
        server_backup.restore_dump(filled, dump, tmp_path / "avant", NOW, replace=True)
    assert "plus récent que celui-ci" in refused.value.message
    assert len(names(filled)) == 2


def test_the_cli_backs_up_a_server_and_restores_it_with_replace(
    filled, server_database, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("AHUNTSIC_DATA_DIR", str(tmp_path / "data"))
    out = tmp_path / "cli.dump"
    source_url = filled.engine.url.render_as_string(hide_password=False)
    assert main(["backup", "--db", source_url, "--out", str(out)]) == 0
    assert "Sauvegarde du serveur écrite" in capsys.readouterr().out
    assert main(["restore", "--from", str(out), "--to", server_database]) == 0
    assert main(["restore", "--from", str(out), "--to", server_database]) == 1
    assert "Ajoutez --replace" in capsys.readouterr().err
    assert main(["restore", "--from", str(out), "--to", server_database, "--replace"]) == 0
    assert "Le contenu précédent est conservé" in capsys.readouterr().out
    target = Database.connect(server_database)
    try:
        assert names(target) == ["Roy", "Tremblay"]
    finally:
        target.close()


def test_a_restore_brings_back_the_roles_grants_and_policies_where_the_roles_exist(
    filled, server_database, tmp_path
):
    from sqlalchemy import text

    from ahuntsic_desktop.store.roles import apply_roles

    apply_roles(filled.engine)  # the dump holds row-security policies naming the roles
    dump = server_backup.save_dump(filled, tmp_path / "table.dump")
    target = Database.connect(server_database)
    restored = server_backup.restore_dump(target, dump, tmp_path / "avant", NOW)
    try:
        with restored.db.engine.connect() as connection:
            policies = connection.execute(
                text("SELECT count(*) FROM pg_policies WHERE tablename = 'meeting'")
            ).scalar()
            board_reads = connection.execute(
                text("SELECT has_column_privilege('ahuntsic_board', 'person', 'email', 'SELECT')")
            ).scalar()
        assert policies == 4 and board_reads is False
        assert names(restored.db) == ["Roy", "Tremblay"]
    finally:
        restored.db.close()
