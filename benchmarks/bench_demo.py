"""Time the demo data generator: scale 1 against scale 40 (and 400 with --full).

    /tmp/venv/bin/python benchmarks/bench_demo.py [--full] [--scales 1 40 ...] [--repeat N]

Each run writes a new file in a temporary folder with ``write_demo_file`` (file creation,
migration, generation, one transaction) and prints the seconds, the rows written and the
ratio to scale 1. No assertions: this is for reading.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from ahuntsic_desktop.services.demo import write_demo_file


def run(scale: int, repeat: int) -> tuple[float, int, int, int]:
    """Median seconds over ``repeat`` runs, total rows, persons, file size in bytes."""
    times = []
    summary = None
    size = 0
    for attempt in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"demo-{scale}-{attempt}.sqlite"
            start = time.perf_counter()
            summary = write_demo_file(path, scale=scale)
            times.append(time.perf_counter() - start)
            size = path.stat().st_size
    assert summary is not None
    rows = sum(value for key, value in asdict(summary).items() if key != "membership_years")
    return statistics.median(times), rows, summary.persons, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also time scale 400")
    parser.add_argument("--scales", type=int, nargs="*", help="scales to time (1 is added)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each small scale")
    args = parser.parse_args(argv)
    scales = args.scales or [1, 40]
    if args.full and 400 not in scales:
        scales.append(400)
    if 1 not in scales:
        scales.insert(0, 1)
    print(
        f"{'scale':>6} {'persons':>8} {'rows':>10} {'seconds':>9} {'rows/s':>9} {'MB':>7} {'x scale 1':>10}"
    )
    base = None
    for scale in scales:
        repeat = args.repeat if scale <= 40 else 1
        seconds, rows, persons, size = run(scale, repeat)
        base = base or seconds
        print(
            f"{scale:>6} {persons:>8} {rows:>10} {seconds:>9.2f} {rows / seconds:>9.0f} "
            f"{size / 1e6:>7.1f} {seconds / base:>10.1f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
