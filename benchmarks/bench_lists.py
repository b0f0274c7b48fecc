"""How fast the big lists load and search at 100,000 persons, as ratios to a baseline.

    .venv/bin/python benchmarks/bench_lists.py [--scale 400] [--file demo-400.sqlite]

The baseline, measured in the same run, is a bare sqlite3 fetch of the person table's
shown columns: the least any list can cost. Nothing here asserts; read the ratios.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(function, repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=400)
    parser.add_argument("--file", type=Path)
    args = parser.parse_args()

    from ahuntsic_desktop.services.demo import write_demo_file
    from ahuntsic_desktop.services.meetings import meetings
    from ahuntsic_desktop.services.registry import memberships, organizations, persons
    from ahuntsic_desktop.store import Database

    path = args.file or Path(tempfile.mkdtemp()) / f"demo-{args.scale}.sqlite"
    if not path.exists():
        start = time.perf_counter()
        write_demo_file(path, scale=args.scale)
        print(f"demo scale {args.scale} written in {time.perf_counter() - start:.1f} s")

    def baseline():
        connection = sqlite3.connect(path)
        connection.execute(
            "SELECT id, last_name, first_name, email, phone, is_resident FROM person"
        ).fetchall()
        connection.close()

    db = Database.open(path)
    base = timed(baseline)
    rows = {}
    results = {
        "persons.list_persons": timed(lambda: rows.__setitem__("p", persons.list_persons(db))),
        "organizations.list_organizations": timed(lambda: organizations.list_organizations(db)),
        "memberships.list_memberships(year)": timed(lambda: memberships.list_memberships(db, 2026)),
        "meetings.list_meetings": timed(lambda: meetings.list_meetings(db)),
    }

    from PySide6.QtWidgets import QApplication

    from ahuntsic_desktop.ui.widgets.list_view import ListView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    view = ListView()
    view.resize(1200, 800)
    view.show()

    def show_table():
        view.set_table(rows["p"])
        view.view.viewport().repaint()
        app.processEvents()

    def search():
        view.search.setText("tremblay")
        app.processEvents()
        view.search.setText("")
        app.processEvents()

    results["ListView.set_table + first paint"] = timed(show_table)
    results["search 'tremblay' then clear"] = timed(search)
    from PySide6.QtCore import Qt

    orders = iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * 3)
    results["sort by name"] = timed(lambda: view.view.sortByColumn(0, next(orders)))
    db.close()

    print(f"{len(rows['p']):,} persons; baseline sqlite3 fetch: {base * 1000:.0f} ms")
    for name, seconds in results.items():
        print(f"  {name:40s} {seconds * 1000:8.0f} ms   x{seconds / base:6.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
