"""One data operation on a file, run as its own process so that test_kill can SIGKILL it.

    python kill_worker.py import|renew|migrate FILE N

Prints ``ready`` once everything is loaded (the test's clock starts there), ``begin``
when the operation starts and ``done`` once it is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import func, insert, select

import ahuntsic_desktop.services  # noqa: F401  (installs the audit trail)
from ahuntsic_desktop.domain import Membership, Person
from ahuntsic_desktop.domain.enums import AuditAction
from ahuntsic_desktop.services.core import audit
from ahuntsic_desktop.store import Database

CHUNK = 500


def say(word: str) -> None:
    print(word, flush=True)


def bulk_import(path: Path, count: int) -> None:
    """Like a spreadsheet import: ``count`` persons and their audit entries, one transaction."""
    db = Database.open(path, backup=False)
    with db.session() as session:
        first = (session.scalar(select(func.max(Person.id))) or 0) + 1
    ids = list(range(first, first + count))
    rows = [
        {
            "id": i,
            "first_name": f"Prénom{i}",
            "last_name": f"Nom{i}",
            "email": f"p{i}@exemple.org",
            "is_resident": i % 3 == 0,
            "is_elected": False,
        }
        for i in ids
    ]
    say("ready")
    with db.session() as session:
        say("begin")
        for start in range(0, count, CHUNK):
            session.execute(insert(Person.__table__), rows[start : start + CHUNK])
        audit.record_bulk(session, "person", AuditAction.CREATE, ids=ids, note="importation")
    say("done")
    db.close()


def bulk_renewal(path: Path, year: int) -> None:
    """Renew every membership of ``year - 1`` into ``year`` (ORM, audited by the listener)."""
    from ahuntsic_desktop.services.registry import renewals

    db = Database.open(path, backup=False)
    with db.session() as session:
        ids = list(session.scalars(select(Membership.id).where(Membership.year == year - 1)))
    say("ready")
    say("begin")
    renewals.renew(db, ids, year)
    say("done")
    db.close()


def migration(path: Path) -> None:
    """Open an old-schema file: a backup, then the schema update."""
    say("ready")
    say("begin")
    db = Database.open(path)
    say("done")
    db.close()


def main() -> None:
    mode, path = sys.argv[1], Path(sys.argv[2])
    number = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    if mode == "import":
        bulk_import(path, number)
    elif mode == "renew":
        bulk_renewal(path, number)
    elif mode == "migrate":
        migration(path)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
