"""Time what the tests used to time: the journal at 100,000 entries and 10,000-row exports.

    .venv/bin/python benchmarks/bench_scale.py [--entries 100000] [--rows 10000]

The tests check behaviour only (they must pass on a loaded machine); speed is read here,
as medians next to a floor measured in the same run:
- journal: ids + first page + one record's history, against a bare sqlite3 fetch of the
  same ids;
- exports ``membres`` and ``suivis`` of 10,000 rows, against openpyxl write-only writing
  the same number of cells.
No assertions: this is for reading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ahuntsic_desktop.domain import AuditEntry  # noqa: E402
from ahuntsic_desktop.exports.catalog import ExportOptions, run_export  # noqa: E402
from ahuntsic_desktop.services.core import journal  # noqa: E402
from ahuntsic_desktop.store import Database  # noqa: E402
from tests.exports.test_workbooks_scale import fill  # noqa: E402


def median_s(function, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_journal(folder: Path, entries: int) -> tuple[float, float]:
    path = folder / "journal.sqlite"
    db = Database.open(path, create=True)
    start = dt.datetime(2025, 1, 1)
    with db.session() as session:
        session.execute(
            insert(AuditEntry.__table__),
            [
                {
                    "at": start + dt.timedelta(minutes=i),
                    "user": "coordination",
                    "entity": "person",
                    "entity_id": i % 700 + 1,
                    "action": "modification",
                    "changes": {"email": [f"a{i}@b.ca", f"c{i}@d.ca"]},
                }
                for i in range(entries)
            ],
        )

    def app() -> None:
        ids = journal.entry_ids(db)
        journal.load_entries(db, ids[:200])
        journal.record_history(db, "person", 5)

    def floor() -> None:
        with sqlite3.connect(path) as bare:
            ids = [r[0] for r in bare.execute("SELECT id FROM audit_entry ORDER BY at DESC")]
            bare.execute(
                f"SELECT * FROM audit_entry WHERE id IN ({','.join('?' * 200)})", ids[:200]
            ).fetchall()

    result = median_s(app), median_s(floor)
    db.close()
    return result


def bench_exports(folder: Path) -> list[tuple[str, float, float]]:
    db = Database.open(folder / "exports.sqlite", create=True)
    fill(db)
    options = ExportOptions(today=dt.date(2026, 1, 15))
    results = []
    for key, cells in (("membres", 10_000 * 24), ("suivis", 10_000 * 8)):
        app = median_s(lambda key=key: run_export(db, key, folder / f"{key}.xlsx", options), 3)
        results.append((key, app, median_s(lambda cells=cells: write_only(folder, cells), 3)))
    db.close()
    return results


def write_only(folder: Path, cells: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Feuille")
    row = [f"valeur {i}" for i in range(12)]
    for _ in range(cells // 12):
        sheet.append(row)
    book.save(folder / "floor.xlsx")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        app, floor = bench_journal(folder, args.entries)
        print(f"{'mesure':<34}{'médiane':>10}{'plancher':>10}{'ratio':>8}")
        print(
            f"{f'journal, {args.entries} entrées':<34}{app:>9.3f}s{floor:>9.3f}s{app / floor:>8.1f}"
        )
        for key, app, floor in bench_exports(folder):
            print(
                f"{f'export {key}, 10 000 lignes':<34}{app:>9.3f}s{floor:>9.3f}s{app / floor:>8.1f}"
            )


if __name__ == "__main__":
    main()
