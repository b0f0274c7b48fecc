"""On a shared server, numbers stay gap-free and unique when two users number at once
(resolutions, membership receipts): the second waits for the first's commit. PostgreSQL
only (AHUNTSIC_TEST_DB, see packaging/pg-cluster.sh): a SQLite file lets one writer in."""

from __future__ import annotations

import threading
import time
from datetime import date
from datetime import time as clock

import pytest
from sqlalchemy import text

from ahuntsic_desktop.domain import Membership, MembershipCategory, Person
from ahuntsic_desktop.services.meetings import attendance, meetings, resolutions
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.services.meetings.resolutions import ResolutionData
from ahuntsic_desktop.services.registry.memberships import next_receipt_number
from ahuntsic_desktop.store import ConflictError, Database
from tests.server_db import SERVER

pytestmark = pytest.mark.skipif(not SERVER, reason="needs AHUNTSIC_TEST_DB (PostgreSQL)")
DAY = date(2026, 5, 12)


def second_connection(db: Database) -> Database:
    return Database.connect(db.engine.url.render_as_string(hide_password=False))


def wait_until_someone_waits_for_a_lock(db: Database, deadline_s: float = 30.0) -> None:
    """Poll the server (no sleep) until a session waits for a lock held by another."""
    end = time.monotonic() + deadline_s
    query = text("SELECT count(*) FROM pg_locks WHERE NOT granted")
    while time.monotonic() < end:
        with db.engine.connect() as connection:
            if connection.execute(query).scalar():
                return
    raise AssertionError("nobody waited for the lock")


def test_two_connections_take_receipt_numbers_in_turn(db):
    other = second_connection(db)
    got: dict[str, object] = {}

    def second_user() -> None:
        try:
            with other.session() as session:
                got["number"] = next_receipt_number(session, 2026)
        except Exception as error:  # reported by the assert below
            got["error"] = error

    try:
        with db.session() as session:
            assert next_receipt_number(session, 2026) == "2026-0001"
            thread = threading.Thread(target=second_user)
            thread.start()
            wait_until_someone_waits_for_a_lock(db)
            assert "number" not in got  # still waiting for our commit
        thread.join(timeout=60)
    finally:
        other.close()
    assert got == {"number": "2026-0002"}


def test_two_users_adding_resolutions_at_once_get_unique_gap_free_numbers(db):
    meeting_id = meetings.create_meeting(
        db, MeetingData(kind="comite_coordination", title="CC", date=DAY, start_time=clock(19))
    )
    with db.session() as session:
        voting = MembershipCategory(name="Régulier", voting=True)
        people = [Person(first_name=name, last_name="Test") for name in ("Ana", "Ben")]
        session.add_all([voting, *people])
        session.flush()
        for person in people:
            session.add(Membership(person=person, year=2026, category=voting, paid_on=DAY))
        movers = tuple(person.id for person in people)
    for person_id in movers:
        attendance.set_attendance(db, meeting_id, person_id, "present")
    other = second_connection(db)
    numbers: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def user(database: Database) -> None:
        start.wait()
        for n in range(8):
            try:
                numbers.append(
                    resolutions.add_resolution(
                        database, meeting_id, ResolutionData(f"Motion {n}", *movers, votes_for=5)
                    )
                )
            except Exception as error:
                errors.append(error)

    threads = [threading.Thread(target=user, args=(d,)) for d in (db, other)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        other.close()
    assert errors == []
    assert sorted(numbers) == [f"CC-2026-{n:03d}" for n in range(1, 17)]


def test_a_lost_race_between_two_saves_is_a_conflict_not_an_overwrite(db):
    """Two connections read the same person; the second UPDATE names a version that is no
    longer there: ConflictError, and the first user's change stays."""
    with db.session() as session:
        person = Person(first_name="Ana", last_name="Roy")
        session.add(person)
    other = second_connection(db)
    try:
        with pytest.raises(ConflictError), db.session() as mine:
            ana = mine.get(Person, person.id)
            with other.session() as theirs:
                theirs.get(Person, person.id).last_name = "Roy-Côté"
            ana.last_name = "Royer"  # read at version 1, saved after their version 2
    finally:
        other.close()
    with db.session() as session:
        saved = session.get(Person, person.id)
        assert (saved.last_name, saved.version) == ("Roy-Côté", 2)
