"""``ahuntsic-desktop-cli copy``: a file to a PostgreSQL server and back, every table
counted and checksummed, a non-empty target refused without ``--replace``. PostgreSQL pass
only (AHUNTSIC_TEST_DB); the file-to-file case runs everywhere."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from ahuntsic_desktop.cli import main
from ahuntsic_desktop.services.demo import write_demo_file
from ahuntsic_desktop.store import Database
from ahuntsic_desktop.store.copying import checks

from ..dates import DEMO_TODAY


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("copy") / "demo.sqlite"
    write_demo_file(path, today=DEMO_TODAY)
    return path


def table_checks(target) -> list:
    database = (
        Database.open(target, read_only=True)
        if not str(target).startswith("postgresql")
        else Database.connect(str(target))
    )
    try:
        return checks(database)
    finally:
        database.close()


def test_a_file_goes_to_the_server_and_back_unchanged(demo_file, server_database, tmp_path, capsys):
    assert main(["copy", "--from", str(demo_file), "--to", server_database]) == 0
    assert "vérifiées" in capsys.readouterr().out
    back = tmp_path / "retour.sqlite"
    assert main(["copy", "--from", server_database, "--to", str(back)]) == 0
    original, on_server, returned = (table_checks(t) for t in (demo_file, server_database, back))
    assert original == on_server == returned
    counts = {check.name: check.rows for check in original}
    assert counts["person"] > 50 and counts["meeting"] > 5 and counts["follow_up"] > 0
    # New rows on the server take ids after the copied ones.
    server = Database.connect(server_database)
    try:
        with server.session() as session:
            highest = session.execute(text("SELECT max(id) FROM person")).scalar()
            new_id = session.execute(
                text(
                    "INSERT INTO person (first_name, last_name, is_resident, is_elected) "
                    "VALUES ('Nouvelle', 'Personne', false, false) RETURNING id"
                )
            ).scalar()
        assert new_id == highest + 1
    finally:
        server.close()


def test_a_non_empty_target_is_refused_without_replace(demo_file, server_database, capsys):
    assert main(["copy", "--from", str(demo_file), "--to", server_database]) == 0
    before = table_checks(server_database)
    assert main(["copy", "--from", str(demo_file), "--to", server_database]) == 1
    assert "contient déjà des données" in capsys.readouterr().err
    assert table_checks(server_database) == before
    assert main(["copy", "--from", str(demo_file), "--to", server_database, "--replace"]) == 0
    assert table_checks(server_database) == before


def test_file_to_file_copy_is_checked_and_refuses_a_full_target(demo_file, tmp_path, capsys):
    target = tmp_path / "copie.sqlite"
    assert main(["copy", "--from", str(demo_file), "--to", str(target)]) == 0
    assert table_checks(target) == table_checks(demo_file)
    assert main(["copy", "--from", str(demo_file), "--to", str(target)]) == 1
    assert "--replace" in capsys.readouterr().err
