"""Time the duplicate search at 100,000 persons and the import of 10,000 rows.

    /tmp/venv/bin/python benchmarks/bench_import.py [--persons 100000] [--rows 10000]

Writes a data file with ``--persons`` persons in a temporary folder, then prints the median
time of ``similar_persons`` (a form's duplicate hint), of loading a ``DuplicateIndex``, and
of reading, checking and committing the messy test files' 10,000-row workbook and CSV.
No assertions: this is for reading.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.services.demo.names import NAME_GROUPS
from ahuntsic_desktop.services.importing import (
    check_rows,
    commit_rows,
    initial_mapping,
    read_source,
)
from ahuntsic_desktop.services.registry import memberships
from ahuntsic_desktop.services.registry.duplicates import DuplicateIndex, similar_persons
from ahuntsic_desktop.store import Database

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import" / "make_messy_files.py"


def messy_module():
    spec = importlib.util.spec_from_file_location("make_messy_files", FIXTURES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def median_ms(function, repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fill_persons(db: Database, count: int) -> None:
    rng = random.Random(1)
    firsts = [f for group in NAME_GROUPS for f in group[1]]
    lasts = [name for group in NAME_GROUPS for name in group[2]]
    rows = [
        {
            "first_name": rng.choice(firsts),
            "last_name": rng.choice(lasts),
            "email": f"p{i}@exemple.org" if rng.random() < 0.7 else None,
            "phone": f"514 555-{rng.randint(0, 9999):04d}" if rng.random() < 0.5 else None,
        }
        for i in range(count)
    ]
    with db.session() as session:
        session.execute(insert(Person), rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=100_000)
    args = parser.parse_args()
    messy = messy_module()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        db = Database.open(folder / "bench.sqlite", create=True)
        fill_persons(db, args.persons)
        print(f"{args.persons} persons")
        for first, last, email in (
            ("Marie", "Côté-Lévesque", None),
            ("tremblay", "jean", "p77@exemple.org"),
            ("Jean", "Tremblay", None),
        ):
            ms = median_ms(lambda f=first, la=last, e=email: similar_persons(db, f, la, e))
            print(f"  similar_persons({first!r}, {last!r}, {email!r}): {ms:.0f} ms")
        index_ms = median_ms(lambda: DuplicateIndex.load(db, "person"), repeat=3)
        print(f"  DuplicateIndex.load: {index_ms:.0f} ms")
        db.close()

        xlsx, csv_path = messy.write_big(folder)
        for path in (xlsx, csv_path):
            db = Database.open(folder / f"import-{path.suffix[1:]}.sqlite", create=True)
            memberships.create_category(db, memberships.CategoryData(messy.CATEGORY))
            start = time.perf_counter()
            source = read_source(path)
            read = time.perf_counter()
            mapping = initial_mapping(db, source)
            preview = check_rows(db, source, mapping.kind, mapping.columns)
            checked = time.perf_counter()
            result = commit_rows(db, preview, skip_errors=True)
            done = time.perf_counter()
            print(
                f"{path.name}: read {read - start:.2f} s, check {checked - read:.2f} s, "
                f"commit {done - checked:.2f} s, total {done - start:.2f} s — {result.summary()}"
            )
            db.close()


if __name__ == "__main__":
    main()
