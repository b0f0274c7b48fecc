"""Time and peak memory of reading each hostile file of issue 11 (items 6 and 7).

    .venv/bin/python benchmarks/bench_hostile_imports.py [--timeout 60] [--memory-mb 3000]

Writes the files of tests/fixtures/import/make_hostile_files.py into a temporary folder
(a 1 GiB zip bomb among them, ~16 MB on disk in all), then reads each one with
``read_source`` in a fresh child process, so that the peak resident memory (ru_maxrss) is
that file's own. A normal 1,000-row workbook read in the same run is the baseline. Each
child is capped (--timeout seconds, --memory-mb of address space) so that an unguarded
reader fails instead of taking the machine. No assertions: this is for reading; the goal is
a refusal within 2 s and under 200 MB.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "import" / "make_hostile_files.py"

CHILD = r"""
import json, resource, sys, time
limit = int(sys.argv[2]) * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
import ahuntsic_desktop.services.importing as importing  # imported before the clock starts
from ahuntsic_desktop.services.core.errors import ValidationError
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    source = importing.read_source(sys.argv[1])
    problems = getattr(source, "row_problems", {})
    outcome = f"lu : {len(source.rows)} lignes"
    if problems:
        outcome += ", refusées : " + "; ".join(f"{n} ({m})" for n, m in problems.items())
except ValidationError as error:
    outcome = "refusé : " + error.message
except MemoryError:
    outcome = "MemoryError"
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak / 1024, "start_mb": before / 1024,
                  "outcome": outcome, "module": importing.__file__}))
"""


def load_fixtures():
    spec = importlib.util.spec_from_file_location("make_hostile_files", FIXTURES)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(path: Path, timeout: float, memory_mb: int) -> dict:
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(memory_mb)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": timeout, "peak_mb": float("nan"), "outcome": f"> {timeout:.0f} s"}
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"seconds": float("nan"), "peak_mb": float("nan"), "outcome": "échec : " + last}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--memory-mb", type=int, default=3000)
    args = parser.parse_args()
    fixtures = load_fixtures()
    with tempfile.TemporaryDirectory() as folder:
        files = fixtures.write_all(Path(folder))
        results = {
            name: measure(path, args.timeout, args.memory_mb) for name, path in files.items()
        }
        sizes = {name: path.stat().st_size for name, path in files.items()}
    base = results["normal"]
    print(f"module read: {base.get('module', '?')}")
    print(f"{'file':12} {'on disk':>11} {'time s':>7} {'x base':>7} {'peak MB':>8} "
          f"{'+base MB':>8}  outcome")  # fmt: skip
    for name, result in results.items():
        ratio = result["seconds"] / base["seconds"] if base["seconds"] else float("nan")
        extra = result["peak_mb"] - base["peak_mb"]
        print(
            f"{name:12} {sizes[name]:>11,} {result['seconds']:>7.2f} {ratio:>7.1f} "
            f"{result['peak_mb']:>8.0f} {extra:>8.0f}  {result['outcome'][:150]}"
        )


if __name__ == "__main__":
    main()
