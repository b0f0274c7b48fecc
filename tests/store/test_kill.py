"""Crash safety, proved with real processes killed (SIGKILL) at random moments.

Three operations run in a child process (``kill_worker.py``): a bulk import of persons, a
bulk membership renewal and the migration of an old-schema file. Each is first run once to
the end to time it; then it is killed 20 times at a random moment between its start and a
little after its expected end. After every kill the file must pass ``PRAGMA
integrity_check`` and hold either all of the operation or none of it.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import insert

import ahuntsic_desktop.services  # noqa: F401  (installs the audit trail)
from ahuntsic_desktop.domain import Membership, MembershipCategory, Person
from ahuntsic_desktop.store import Database
from ahuntsic_desktop.store.migrate import head_revision

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

WORKER = Path(__file__).with_name("kill_worker.py")
OLD_SCHEMA = Path(__file__).with_name("fixtures") / "schema_0001.sqlite"
MIN_DURING = 3  # kills that must land while an operation is under way, per operation
KILLS_PER_OPERATION = 18
IMPORTED = 3000  # persons of the import
MEMBERS = 1000  # memberships to renew
OLD_ROWS = 2000  # persons and memberships of the old-schema file
YEAR = 2026


@dataclass
class Outcome:
    lines: list[str]
    elapsed: float  # seconds from "ready" to "done" (or to the kill)

    @property
    def phase(self) -> str:
        if "done" in self.lines:
            return "after"
        return "during" if "begin" in self.lines else "before"


def run_worker(args: list[str], delay: float | None, log: Path) -> Outcome:
    """Start the worker, wait for ``ready``, then SIGKILL it after ``delay`` seconds
    (or let it finish when ``delay`` is None)."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    with log.open("w") as errors:
        process = subprocess.Popen(
            [sys.executable, str(WORKER), *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=env,
        )
        try:
            first = process.stdout.readline().strip()
            assert first == "ready", log.read_text()
            clock = time.monotonic()
            if delay is None:  # time the operation itself: from "ready" to "done"
                said = [line.strip() for line in iter(process.stdout.readline, "")]
                elapsed = time.monotonic() - clock
                assert process.wait(timeout=120) == 0, log.read_text()
                assert said[-1:] == ["done"], said
            else:
                time.sleep(delay)
                process.kill()
                process.wait(timeout=30)
                elapsed = time.monotonic() - clock
                said = process.stdout.read().split()  # what it said before it died
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            process.stdout.close()
    return Outcome([first, *said], elapsed)


def counts(path: Path, *queries: str) -> tuple:
    with sqlite3.connect(path) as connection:  # read-write: replays the WAL of the dead
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        return tuple(connection.execute(query).fetchone()[0] for query in queries)


def schema(path: Path) -> list[tuple]:
    """Tables, indexes and columns. (Not the CREATE text: a rebuilt table lists its
    constraints in an order that varies from one process to the next.)"""
    with sqlite3.connect(path) as connection:
        objects = connection.execute(
            "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()
        columns = [
            (table, *column)
            for kind, table, _owner in objects
            if kind == "table"
            for column in connection.execute(f"PRAGMA table_xinfo('{table}')")
        ]
    return objects + columns


def revision(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


# -- starting files ------------------------------------------------------------------------


def import_template(folder: Path) -> Path:
    path = folder / "import.sqlite"
    db = Database.open(path, create=True)
    with db.session() as session:
        session.execute(
            insert(Person.__table__),
            [{"first_name": "Déjà", "last_name": f"Là {i}"} for i in range(50)],
        )
    db.close()
    return path


def renewal_template(folder: Path) -> Path:
    path = folder / "renouvellement.sqlite"
    db = Database.open(path, create=True)
    with db.session() as session:
        session.execute(
            insert(MembershipCategory.__table__),
            [{"id": 1, "name": "Citoyen", "name_key": "citoyen", "default_dues_cents": 1000}],
        )
        session.execute(
            insert(Person.__table__),
            [
                {"id": i, "first_name": "M", "last_name": f"Membre {i}"}
                for i in range(1, MEMBERS + 1)
            ],
        )
        session.execute(
            insert(Membership.__table__),
            [
                {"person_id": i, "year": YEAR - 1, "category_id": 1, "dues_cents": 1000}
                for i in range(1, MEMBERS + 1)
            ],
        )
    db.close()
    return path


def old_schema_template(folder: Path) -> Path:
    """The 0001 fixture (one organisation, one category) with enough rows that rebuilding
    the membership table takes time."""
    path = folder / "ancien.sqlite"
    shutil.copy(OLD_SCHEMA, path)
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO person (id, first_name, last_name, is_resident, is_elected)"
            " VALUES (?, 'A', ?, 0, 0)",
            [(i, f"Nom {i}") for i in range(1, OLD_ROWS + 1)],
        )
        connection.executemany(
            "INSERT INTO membership (person_id, year, category_id, dues_cents)"
            " VALUES (?, 2024, 1, 0)",
            [(i,) for i in range(1, OLD_ROWS + 1)],
        )
    return path


# -- what must hold after each kill ---------------------------------------------------------


def check_import(path: Path, before: tuple) -> bool:
    persons, entries = counts(
        path,
        "SELECT count(*) FROM person",
        "SELECT count(*) FROM audit_entry WHERE entity = 'person' AND action = 'creation'",
    )
    assert (persons, entries) in {before, (before[0] + IMPORTED, before[1] + IMPORTED)}
    return persons != before[0]


def check_renewal(path: Path, before: tuple) -> bool:
    renewed, entries = counts(
        path,
        f"SELECT count(*) FROM membership WHERE year = {YEAR}",
        "SELECT count(*) FROM audit_entry WHERE entity = 'membership'",
    )
    assert (renewed, entries) in {before, (before[0] + MEMBERS, before[1] + MEMBERS)}
    return renewed != before[0]


def check_migration(path: Path, old: list, new: list) -> bool:
    found = revision(path)
    assert found in {"0001", head_revision()}
    persons, memberships = counts(
        path, "SELECT count(*) FROM person", "SELECT count(*) FROM membership"
    )
    assert (persons, memberships) == (OLD_ROWS, OLD_ROWS)
    assert schema(path) == (old if found == "0001" else new)
    backups = path.parent / "sauvegardes"
    for copy in backups.glob("*.sqlite") if backups.exists() else ():
        counts(copy, "SELECT 1")  # a backup under its real name is always whole
    return found != "0001"


# -- the test -------------------------------------------------------------------------------


def test_killed_writers_leave_all_or_nothing(tmp_path):
    started = time.monotonic()
    templates = tmp_path / "modeles"
    templates.mkdir()
    old = old_schema_template(templates)
    reference = tmp_path / "reference" / "migre.sqlite"
    reference.parent.mkdir()
    shutil.copy(old, reference)
    Database.open(reference, backup=False).close()
    operations = {
        "import": (import_template(templates), [IMPORTED]),
        "renew": (renewal_template(templates), [YEAR]),
        "migrate": (old, []),
    }
    befores = {
        "import": counts(
            operations["import"][0],
            "SELECT count(*) FROM person",
            "SELECT count(*) FROM audit_entry WHERE entity = 'person' AND action = 'creation'",
        ),
        "renew": counts(
            operations["renew"][0],
            f"SELECT count(*) FROM membership WHERE year = {YEAR}",
            "SELECT count(*) FROM audit_entry WHERE entity = 'membership'",
        ),
    }
    old_schema, new_schema = schema(old), schema(reference)

    def check(mode: str, path: Path) -> bool:
        if mode == "import":
            return check_import(path, befores["import"])
        if mode == "renew":
            return check_renewal(path, befores["renew"])
        return check_migration(path, old_schema, new_schema)

    def attempt(job: tuple[str, int, float | None]) -> tuple[str, Outcome, bool]:
        mode, number, delay = job
        folder = tmp_path / f"{mode}-{number}"
        folder.mkdir()
        template, extra = operations[mode]
        path = folder / template.name
        shutil.copy(template, path)
        outcome = run_worker([mode, path, *extra], delay, folder / "stderr.txt")
        applied = check(mode, path)
        if outcome.phase == "during":  # and the application opens it
            Database.open(path, backup=False).close()
        return mode, outcome, applied

    # One run to the end per operation: it applies, and says how long it takes.
    durations = {}
    for mode in operations:
        _mode, outcome, applied = attempt((mode, 0, None))
        durations[mode] = outcome.elapsed
        assert applied and outcome.phase == "after"
    seed = random.SystemRandom().randrange(2**32)
    chance = random.Random(seed)
    jobs = [
        (mode, n, chance.uniform(0, 1.2 * durations[mode]))
        for n in range(1, KILLS_PER_OPERATION + 1)
        for mode in operations
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(attempt, jobs))

    # The first run to the end can be slower than later ones (cold caches), so some modes
    # may see too few kills land mid-operation: top them up with shorter delays.
    for _round in range(4):
        during = {mode: 0 for mode in operations}
        for mode, outcome, _applied in results:
            during[mode] += outcome.phase == "during"
        short = [mode for mode, count in during.items() if count < MIN_DURING]
        if not short:
            break
        extra = [
            (mode, 100 * (_round + 1) + n, chance.uniform(0, 0.5 * durations[mode]))
            for mode in short
            for n in range(4)
        ]
        with ThreadPoolExecutor(max_workers=2) as pool:
            results += list(pool.map(attempt, extra))

    assert len(results) >= 50
    report = {mode: {"before": 0, "during": 0, "after": 0} for mode in operations}
    for mode, outcome, applied in results:
        report[mode][outcome.phase] += 1
        if outcome.phase == "after":
            assert applied, (seed, mode, outcome)
        if outcome.phase == "before":
            assert not applied, (seed, mode, outcome)
    print(f"seed {seed}; durations {durations}; kills {report}")
    for mode, phases in report.items():
        assert phases["during"] >= MIN_DURING, (seed, mode, report)  # kills mid-operation
    print(f"{len(results)} kills in {time.monotonic() - started:.0f} s")
