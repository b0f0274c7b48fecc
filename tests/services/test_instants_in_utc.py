"""One clock for the file (issue 13, "Rules that are wrong today", item 9): every instant is
kept in UTC without a zone (``created_at`` from SQLite, ``archived_at`` and the journal's
times from the program) and shown in local time, in the access dossier and the journal.
The tests run in Montréal's time zone, where UTC and local time differ by hours."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

import pytest
from pypdf import PdfReader

from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.domain.instants import from_local, local, utc_now
from ahuntsic_desktop.exports.pdf.access_report import cell_text, write_access_report
from ahuntsic_desktop.services.core import journal
from ahuntsic_desktop.services.privacy import dossier
from ahuntsic_desktop.services.registry import persons

from ..store.test_migration_0008 import run


@pytest.fixture
def montreal(monkeypatch):
    monkeypatch.setenv("TZ", "America/Montreal")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_local_and_utc_convert_both_ways(montreal):
    winter = dt.datetime(2026, 12, 7, 4, 38)  # UTC
    assert local(winter) == dt.datetime(2026, 12, 6, 23, 38)
    assert from_local(dt.datetime(2026, 12, 6, 23, 38)) == winter
    summer = dt.datetime(2026, 7, 1, 16, 0)
    assert local(summer) == dt.datetime(2026, 7, 1, 12, 0)
    assert local(None) is None
    assert utc_now().tzinfo is None


def _person_values(person_file) -> dict[str, object]:
    section = person_file.identity
    keys = [c.key for c in section.columns]
    return dict(zip(keys, section.rows[0], strict=True))


def test_created_and_archived_of_one_action_agree_in_the_access_report(montreal, db, tmp_path):
    with db.session() as session:
        person = Person(first_name="Zoé", last_name="Horloge")
        session.add(person)
        session.flush()
        person_id = person.id
    persons.archive_person(db, person_id)
    with db.session() as session:
        stored = session.get(Person, person_id)
        # Both kept in UTC: SQLite's CURRENT_TIMESTAMP and the program's stamp agree.
        assert abs(stored.archived_at - stored.created_at) < dt.timedelta(minutes=1)
    values = _person_values(dossier.person_file(db, person_id))
    created, archived = values["created_at"], values["archived_at"]
    assert abs(archived - created) < dt.timedelta(minutes=1)
    # ... and both shown in local time (Montréal is 4 or 5 hours behind UTC).
    assert abs(local(utc_now()) - archived) < dt.timedelta(minutes=1)
    path = write_access_report(tmp_path / "acces.pdf", dossier.person_file(db, person_id))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)
    assert cell_text(created, "datetime") in text
    assert cell_text(archived, "datetime") in text
    # The journal of the archiving reads the same local time.
    [entry] = [
        e for e in journal.record_history(db, "person", person_id) if e.action == "archivage"
    ]
    assert abs(entry.at - archived) < dt.timedelta(minutes=1)


def test_journal_filter_by_day_uses_local_days(montreal, db):
    with db.session() as session:
        person = Person(first_name="Léo", last_name="Minuit")
        session.add(person)
    today = local(utc_now()).date()
    found = journal.entries(db, journal.JournalFilter(start=today, end=today, entity="person"))
    assert [e.entity for e in found] == ["person"]
    tomorrow = today + dt.timedelta(days=1)
    assert journal.entries(db, journal.JournalFilter(start=tomorrow, entity="person")) == []


def test_migration_0011_turns_local_stamps_into_utc(montreal, tmp_path):
    path = tmp_path / "m.sqlite"
    run(path, "upgrade", "0009")
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO person (id, first_name, last_name, is_resident, is_elected, "
            "created_at, updated_at, archived_at) VALUES (1, 'A', 'B', 0, 0, "
            "'2026-12-07 04:38:00', '2026-12-07 04:38:00', '2026-12-06 23:38:00.000000')"
        )
    run(path, "upgrade", "0011")
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT created_at, archived_at FROM person").fetchone()
    assert row == ("2026-12-07 04:38:00", "2026-12-07 04:38:00.000000")
    run(path, "downgrade", "0009")
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT archived_at FROM person").fetchone() == (
            "2026-12-06 23:38:00.000000",
        )
