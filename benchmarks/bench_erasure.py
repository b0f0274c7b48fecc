"""Time an erasure on a large file: the schema-wide search (preview), the erasure itself
and the purge of the file (secure_delete, WAL checkpoint, VACUUM).

    .venv/bin/python benchmarks/bench_erasure.py [--scale 40] [--people 3]

Writes a demo file of ``--scale`` in a temporary folder, then, for ``--people`` persons who
came to meetings, prints the seconds of ``erasure_preview``, ``person_file`` (the access
report's data) and ``anonymize_person`` (purge included), the passages found and the file's
size. No assertions: this is for reading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from ahuntsic_desktop.domain import Attendance, AuditEntry, Person
from ahuntsic_desktop.services.demo import write_demo_file
from ahuntsic_desktop.services.privacy.dossier import person_file
from ahuntsic_desktop.services.privacy.erasure import anonymize_person, erasure_preview
from ahuntsic_desktop.store import Database

NOW = dt.datetime(2026, 5, 15, 14, 0)


def timed(work):
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=40)
    parser.add_argument("--people", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        seconds, _summary = timed(lambda: write_demo_file(path, scale=args.scale))
        print(f"demo scale {args.scale}: written in {seconds:.1f} s")
        db = Database.open(path, backup=False)
        try:
            with db.session() as s:
                people = s.scalars(
                    select(Person.id)
                    .join(Attendance, Attendance.person_id == Person.id)
                    .where(Person.anonymized_at.is_(None))
                    .group_by(Person.id)
                    .order_by(func.count(Attendance.id).desc())
                    .limit(args.people)
                ).all()
                entries = s.scalar(select(func.count(AuditEntry.id)))
            print(f"{entries} audit entries, file {path.stat().st_size / 1e6:.1f} MB")
            for pid in people:
                t1, preview = timed(lambda pid=pid: erasure_preview(db, pid))
                t2, _file = timed(lambda pid=pid: person_file(db, pid))
                t3, result = timed(lambda pid=pid: anonymize_person(db, pid, now=NOW))
                print(
                    f"person #{pid}: preview {t1:.2f} s ({len(preview.changes)} passages), "
                    f"access data {t2:.2f} s, erasure+purge {t3:.2f} s "
                    f"({result.texts_rewritten} texts, {result.audit_entries_scrubbed} entries); "
                    f"file {path.stat().st_size / 1e6:.1f} MB"
                )
        finally:
            db.close()


if __name__ == "__main__":
    main()
