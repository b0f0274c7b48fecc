"""Twenty simulated users on one PostgreSQL server: no lost update, no duplicate number.

    bash packaging/pg-cluster.sh .venv/bin/python benchmarks/bench_server_load.py [--clients 20] [--seconds 60]

Loopback only (it refuses another host). Each client, in its own thread and connection,
loops until time is up over three kinds of work:

- a person's form: read it, append a token of its own to the notes, save with the version
  read; a save refused as a conflict is counted (as the window would show it);
- attendance at a shared meeting: mark a random person present, excused or absent;
- a resolution added to the shared meeting (numbers must be unique and gap-free).

At the end every token of a save that succeeded must be in its person's final notes (else
an update was lost), and the resolution numbers must be 1..n exactly once each.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import threading
import time
from collections import Counter
from datetime import date
from datetime import time as clock

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from ahuntsic_desktop.domain import Membership, MembershipCategory, Person
from ahuntsic_desktop.services.core import ConflictError
from ahuntsic_desktop.services.meetings import attendance, meetings, resolutions
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.services.meetings.resolutions import ResolutionData
from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.store import Database

DAY = date(2026, 5, 12)
PEOPLE = 8  # few persons: many clients on the same forms, many races


def fresh_database(server: str, name: str) -> str:
    url = make_url(server)
    if url.host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("bench_server_load: loopback servers only")
    admin = create_engine(url.set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def seed(db: Database) -> tuple[int, list[int]]:
    meeting_id = meetings.create_meeting(
        db, MeetingData(kind="comite_coordination", title="CC", date=DAY, start_time=clock(19))
    )
    with db.session() as session:
        voting = MembershipCategory(name="Régulier", voting=True)
        people = [Person(first_name=f"P{n}", last_name="Charge", notes="") for n in range(PEOPLE)]
        session.add_all([voting, *people])
        session.flush()
        for person in people:
            session.add(Membership(person=person, year=2026, category=voting, paid_on=DAY))
        ids = [person.id for person in people]
    for person_id in ids[:2]:  # mover and seconder
        attendance.set_attendance(db, meeting_id, person_id, "present")
    return meeting_id, ids


class Client(threading.Thread):
    def __init__(self, number: int, url: str, meeting_id: int, ids: list[int], end: float):
        super().__init__(name=f"client-{number}")
        self.number, self.url, self.meeting_id, self.ids, self.end = (
            number,
            url,
            meeting_id,
            ids,
            end,
        )
        self.counts: Counter[str] = Counter()
        self.saved: list[tuple[int, str]] = []  # (person, token) of every successful save
        self.numbers: list[str] = []
        self.errors: list[str] = []
        self.random = random.Random(number)

    def edit_person(self, db: Database) -> None:
        person_id = self.random.choice(self.ids)
        data = persons.get_person(db, person_id)
        token = f"[c{self.number}-{self.counts['person_saved']}]"
        changed = data.__class__(**{**data.__dict__, "notes": (data.notes or "") + token})
        try:
            persons.save_person(db, person_id, changed)
        except ConflictError:
            self.counts["person_conflict"] += 1
            return
        self.counts["person_saved"] += 1
        self.saved.append((person_id, token))

    def mark_attendance(self, db: Database) -> None:
        status = self.random.choice(["present", "excuse", "absent"])
        attendance.set_attendance(db, self.meeting_id, self.random.choice(self.ids[2:]), status)
        self.counts["attendance"] += 1

    def add_resolution(self, db: Database) -> None:
        data = ResolutionData(f"Motion {self.number}", self.ids[0], self.ids[1], votes_for=5)
        self.numbers.append(resolutions.add_resolution(db, self.meeting_id, data))
        self.counts["resolution"] += 1

    def run(self) -> None:
        db = Database.connect(self.url)
        work = [self.edit_person] * 3 + [self.mark_attendance] * 2 + [self.add_resolution]
        try:
            while time.monotonic() < self.end:
                try:
                    self.random.choice(work)(db)
                except Exception as error:  # reported, never hidden
                    self.errors.append(f"{type(error).__name__}: {error}"[:200])
        finally:
            db.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=os.environ.get("AHUNTSIC_TEST_DB"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    if not args.db:
        sys.exit("bench_server_load: give --db postgresql://… or run through pg-cluster.sh")
    clients_n, seconds = min(args.clients, 50), min(args.seconds, 600.0)
    url = fresh_database(args.db, "ahuntsic_load")
    db = Database.connect(url)
    meeting_id, ids = seed(db)
    end = time.monotonic() + seconds
    clients = [Client(n, url, meeting_id, ids, end) for n in range(clients_n)]
    for client in clients:
        client.start()
    for client in clients:
        client.join()
    totals: Counter[str] = sum((c.counts for c in clients), Counter())
    final = {pid: persons.get_person(db, pid).notes or "" for pid in ids}
    lost = [(pid, tok) for c in clients for pid, tok in c.saved if tok not in final[pid]]
    # By the number's value: « CC-2026-1000 » sorts before « CC-2026-999 » as text.
    numbers = sorted(
        (n for c in clients for n in c.numbers), key=lambda n: int(n.rsplit("-", 1)[1])
    )
    expected = [resolutions.format_number("CC", 2026, n) for n in range(1, len(numbers) + 1)]
    errors = [e for c in clients for e in c.errors]
    db.close()
    operations = sum(v for k, v in totals.items())
    print(f"{clients_n} clients, {seconds:.0f} s, loopback PostgreSQL")
    print(f"operations: {operations} ({operations / seconds:.0f}/s)")
    print(f"person saves: {totals['person_saved']}, conflicts shown: {totals['person_conflict']}")
    print(f"attendance marks: {totals['attendance']}, resolutions: {totals['resolution']}")
    print(f"lost updates: {len(lost)}")
    print(f"resolution numbers unique and gap-free: {numbers == expected}")
    print(f"errors: {len(errors)}")
    for error in Counter(errors).most_common(5):
        print("  ", error)
    return 0 if not lost and numbers == expected and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
