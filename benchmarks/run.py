"""Every measure of issue 16 in one run: medians, floors measured in the same run, ratios and
peak memory, printed as one table and written to ``benchmarks/results.md``.

    .venv/bin/python benchmarks/run.py            # full: scales 10, 40, 400 (10-20 min)
    .venv/bin/python benchmarks/run.py --quick    # small scales, 1 repetition (< 2 min)

Scale files are made with ``ahuntsic-desktop-cli demo --today 2026-11-26 --scale N`` and
kept in ``$TMPDIR/ahuntsic-bench`` between runs. Every measure runs in a process of its own
(``benchmarks/measures.py``), so each peak memory is that operation's own. Start-up is
timed from the parent's launch of the process to the main window's first paint, on an Xvfb
screen when ``Xvfb`` is installed (offscreen otherwise; the table says which), and the
floor, a bare PySide6 window, the same way. The machine is shared: read the ratios.
Nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import peers  # benchmarks/peers.py, beside this script

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = sys.executable
CLI = Path(PYTHON).with_name("ahuntsic-desktop-cli")
TODAY = "2026-11-26"
CACHE = Path(tempfile.gettempdir()) / "ahuntsic-bench"


@dataclass
class Row:
    what: str
    samples: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    floor: str = ""
    floor_samples: list[float] = field(default_factory=list)
    floor_peaks: list[float] = field(default_factory=list)
    target: str = ""
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples) if self.samples else float("nan")

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor_samples) if self.floor_samples else None

    def cells(self) -> list[str]:
        floor = self.floor_median
        ratio = f"{self.median / floor:.1f}x" if floor else "-"
        peak = f"{max(self.peaks):.0f} MB" if self.peaks else "-"
        floor_peak = f"{max(self.floor_peaks):.0f} MB" if self.floor_peaks else ""
        memory_ratio = (
            f"{max(self.peaks) / max(self.floor_peaks):.1f}x"
            if self.peaks and self.floor_peaks
            else "-"
        )
        floor_text = f"{self.floor}: {floor:.3f} s" if floor else self.floor or "-"
        return [
            self.what,
            f"{self.median:.3f} s",
            floor_text,
            ratio,
            peak,
            floor_peak or "-",
            memory_ratio,
            self.target,
            self.note,
        ]


HEADERS = [
    "what",
    "median",
    "floor (same run)",
    "ratio",
    "peak",
    "floor peak",
    "memory ratio",
    "target",
    "note",
]


def measure(*args: str, env: dict | None = None, timeout: float = 1800) -> dict:
    """Run one measure in its own process; its JSON line, with ``wall`` (s) added."""
    start = time.time()
    done = subprocess.run(
        [PYTHON, str(HERE / "measures.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=ROOT,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{args}: {done.stderr[-2000:]}")
    result = json.loads(lines[-1])
    result["start"] = start
    return result


def scale_file(scale: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"demo-{TODAY}-x{scale}.sqlite"
    if not path.exists():
        print(f"  making the scale {scale} file…", flush=True)
        subprocess.run(
            [str(CLI), "demo", "--today", TODAY, "--scale", str(scale), str(path)],
            check=True,
            capture_output=True,
        )
    if path not in _MIGRATED:  # a file made by an older version: migrated before any clock
        subprocess.run(
            [PYTHON, "-c", MIGRATE, str(path)], check=True, capture_output=True, cwd=ROOT
        )
        _MIGRATED.add(path)
    return path


_MIGRATED: set[Path] = set()
MIGRATE = (
    "import sys; from ahuntsic_desktop.store import Database; "
    "Database.open(sys.argv[1], backup=False).close()"
)


class Screen:
    """An Xvfb screen for the start-up measures, or offscreen when Xvfb is missing."""

    def __init__(self) -> None:
        self.process = None
        self.env = dict(os.environ)
        home = Path(tempfile.mkdtemp(prefix="ahuntsic-bench-home-"))
        # QSettings (last file, recent files) and the data folder: never the user's own.
        self.env["XDG_CONFIG_HOME"] = str(home / "config")
        self.env["XDG_DATA_HOME"] = str(home / "data")
        # Bytecode as an installed application has it (pip compiles it): kept between runs
        # under the cache, even when the shell sets PYTHONDONTWRITEBYTECODE (this sandbox
        # does; every start then compiled the application's modules again).
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
        if shutil.which("Xvfb"):
            display = f":{90 + os.getpid() % 500}"
            self.process = subprocess.Popen(
                ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(1.0)
            self.env["DISPLAY"] = display
            self.env.pop("QT_QPA_PLATFORM", None)
            self.name = "Xvfb"
        else:
            self.env["QT_QPA_PLATFORM"] = "offscreen"
            self.name = "offscreen"

    def close(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait()


def startup_rows(scales: list[int], repeat: int, screen: Screen) -> list[Row]:
    rows = []
    measure("startup", "app", str(scale_file(scales[0])), env=screen.env)  # compiles, once
    floor = Row("bare window")
    for _ in range(repeat):
        r = measure("startup", "bare", env=screen.env)
        floor.floor_samples.append(r["painted"] - r["start"])
        floor.floor_peaks.append(r["peak_mb"])
    for scale in scales:
        path = scale_file(scale)
        painted = Row(
            f"start-up to a painted window, x{scale} file ({screen.name})",
            target="2.5x (x10), 3x (x400)",
            note="peak: until the paint",
        )
        settled = Row(
            f"start-up to the dashboard's figures, x{scale} ({screen.name})",
            target="120 MB (x10)",
            note="peak: until the figures show",
        )
        idle = Row(
            f"start-up to every page built (idle), x{scale} ({screen.name})",
            note="peak: until the last page is built",
        )
        for _ in range(repeat):
            r = measure("startup", "app", str(path), env=screen.env)
            painted.samples.append(r["painted"] - r["start"])
            settled.samples.append(r["settled"] - r["start"])
            idle.samples.append(r["idle"] - r["start"])
            painted.peaks.append(r["paint_mb"])
            settled.peaks.append(r["settled_mb"])
            idle.peaks.append(r["peak_mb"])
        for row in (painted, settled, idle):
            row.floor = "bare PySide6 window"
            row.floor_samples, row.floor_peaks = floor.floor_samples, floor.floor_peaks
        rows += [painted, settled, idle]
    office = libreoffice_row(repeat, screen, floor)
    return rows + ([office] if office else [])


def libreoffice_row(repeat: int, screen: Screen, floor: Row) -> Row | None:
    """The issue's peer: LibreOffice Calc opening a 250-row workbook to a window on screen
    (under Xvfb only: headless LibreOffice shows no window)."""
    if screen.name != "Xvfb" or not (shutil.which("soffice") and shutil.which("xwininfo")):
        return None
    book = peers.small_workbook(CACHE / "membres-250.xlsx")
    profile = CACHE / "libreoffice-profile"  # made by the first, unmeasured start
    peers.libreoffice_once(book, profile, screen.env)
    row = Row(
        f"LibreOffice Calc opening a 250-row xlsx ({screen.name})",
        floor="bare PySide6 window",
        note="window viewable (xwininfo)",
    )
    for _ in range(repeat):
        found = peers.libreoffice_once(book, profile, screen.env)
        if found is not None:
            row.samples.append(found[0])
            row.peaks.append(found[1])
    row.floor_samples, row.floor_peaks = floor.floor_samples, floor.floor_peaks
    return row if row.samples else None


def list_rows(scale: int, repeat: int) -> list[Row]:
    path = str(scale_file(scale))
    listing = Row(f"persons.list_persons, x{scale}", floor="sqlite3 fetch of the same columns")
    for _ in range(repeat):
        r = measure("list_persons", path, TODAY)
        listing.samples.append(r["seconds"])
        listing.peaks.append(r["peak_mb"])
        listing.note = f"first call {r['first']:.2f} s (configures the mappers)"
        f = measure("list_floor", path)
        listing.floor_samples.append(f["seconds"])
        listing.floor_peaks.append(f["peak_mb"])
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    rows = [listing]
    for settled, flow in (("1", "window settled"), ("0", "clicked as soon as built")):
        page = Row(f"members page, persons tab painted, x{scale} ({flow})", target="0.5 s")
        search = Row(f"search keystroke « tremblay », x{scale} ({flow})", target="0.1 s")
        clear = Row(f"search cleared, x{scale} ({flow})", target="0.1 s")
        sort = Row(f"sort by a column, x{scale} ({flow})", target="0.3 s")
        for _ in range(repeat):
            # a fresh settings folder: no sort or widths remembered from the last run
            env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="config-", dir=CACHE)
            r = measure("members_page", path, TODAY, settled, env=env)
            for row, key in ((page, "seconds"), (search, "search"), (clear, "clear")):
                row.samples.append(r[key])
                row.peaks.append(r["peak_mb"])
            sort.samples.append(r["sort"])
            sort.peaks.append(r["peak_mb"])
            page.note = (
                f"{r['rows']} rows, offscreen; click on « Membres » {r['page']:.2f} s, "
                f"then « Personnes » {r['tab']:.2f} s"
                + (
                    f" ({r['first_rows']} first rows; the whole list {r['whole']:.2f} s later)"
                    if r.get("whole")
                    else ""
                )
                + (
                    f"; read ahead done {r['waited']:.1f} s after the pages"
                    if settled == "1"
                    else ""
                )
            )
        rows += [page, search, clear, sort]
    return rows


def export_rows(
    scale: int, key: str, repeat: int, start: str = "", end: str = "", label: str = ""
) -> list[Row]:
    """The export against two floors measured in the same run: openpyxl write-only writing
    the same cells' values only, and the same cells with their styles (number formats,
    fonts, fills, borders, alignments: ``measures.xlsx_styled_floor``)."""
    path = str(scale_file(scale))
    out = CACHE / f"out-{key}-x{scale}.xlsx"
    row = Row(
        f"export {key}{label}, x{scale}",
        floor="openpyxl write-only",
        target="1.5x time, 3x memory",
    )
    styled = Row(
        f"export {key}{label}, x{scale} (styled floor)",
        floor="openpyxl write-only, same styles",
        target="1.5x time, 3x memory",
    )
    imports = []
    for _ in range(repeat):
        r = measure("export", path, key, str(out), start, end, TODAY)
        imports.append(r.get("imports", 0.0))
        for target in (row, styled):
            target.samples.append(r["seconds"])
            target.peaks.append(r["peak_mb"])
        floor = measure("xlsx_floor", str(out), str(out) + ".floor")
        row.floor_samples.append(floor["seconds"])
        row.floor_peaks.append(floor["peak_mb"])
        floor = measure("xlsx_styled_floor", str(out), str(out) + ".styled")
        styled.floor_samples.append(floor["seconds"])
        styled.floor_peaks.append(floor["peak_mb"])
    row.note = (
        f"a first export in a fresh process also imports its services: "
        f"+{statistics.median(imports):.2f} s"
    )
    return [row, styled]


def memory_rows() -> list[Row]:
    """Peak memory of the biggest exports at the 400x scale (100,000 persons), once each:
    the issue's ceiling is 400 MB for any single operation at that scale."""
    path = str(scale_file(400))
    rows = []
    for key, start, end, label, suffix in (
        ("membres", "", "", "", ".xlsx"),
        ("presences", "2025-12-01", "2026-11-30", " (one year)", ".xlsx"),
        ("bottin", "", "", "", ".pdf"),
    ):
        out = CACHE / f"out-{key}-x400{suffix}"
        r = measure("export", path, key, str(out), start, end, TODAY)
        row = Row(f"export {key}{label}, x400 (memory)", target="400 MB")
        row.samples.append(r["seconds"])
        row.peaks.append(r["peak_mb"])
        rows.append(row)
    return rows


# The largest meeting of the x40 file (an assemblée générale, 3,061 on its list) for the
# meeting's documents; found again by its list's size if the demo changes.
BIG_MEETING_SQL = (
    "SELECT meeting_id FROM attendance GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id"
)


def pdf_rows(scale: int, repeat: int) -> list[Row]:
    """The PDFs that grow with the data, each against a bare reportlab build of the same
    flowables (``benchmarks/pdf_floors.py``); the bottin also against the earlier floor,
    its text as one paragraph a line. Wall seconds, as every other row; the CPU seconds
    (less sensitive to a shared machine) go in the note."""
    import sqlite3

    path = str(scale_file(scale))
    with sqlite3.connect(path) as connection:
        meeting = str(connection.execute(BIG_MEETING_SQL).fetchone()[0])
    same = "reportlab, same flowables"
    documents = [
        ("bottin", f"export bottin, x{scale}", ("export", path, "bottin"), ()),
        (
            "sheet",
            f"attendance sheet of the largest meeting, x{scale}",
            ("meeting_pdf", path, "sheet", meeting),
            (meeting,),
        ),
        (
            "minutes",
            f"minutes of the largest meeting, x{scale}",
            ("meeting_pdf", path, "minutes", meeting),
            (meeting,),
        ),
    ]
    rows = []
    for kind, what, command, floor_args in documents:
        out = CACHE / f"out-{kind}-x{scale}.pdf"
        row = Row(what, floor=same, target="1.5x time")
        lines = Row(f"{what} (earlier floor)", floor="reportlab, one paragraph a line")
        cpu, floor_cpu = [], []
        for _ in range(repeat):
            args = (
                (*command, str(out), "", "", TODAY)
                if kind == "bottin"
                else (*command, str(out), TODAY)
            )
            r = measure(*args)
            row.samples.append(r["seconds"])
            row.peaks.append(r["peak_mb"])
            cpu.append(r["cpu"])
            floor = measure("pdf_same_floor", kind, path, *floor_args, TODAY, str(out) + ".floor")
            row.floor_samples.append(floor["seconds"])
            row.floor_peaks.append(floor["peak_mb"])
            floor_cpu.append(floor["cpu"])
            if kind == "bottin":
                line_floor = measure("pdf_floor", str(out), str(out) + ".lines")
                lines.samples.append(r["seconds"])
                lines.peaks.append(r["peak_mb"])
                lines.floor_samples.append(line_floor["seconds"])
                lines.floor_peaks.append(line_floor["peak_mb"])
        row.note = (
            f"CPU {statistics.median(cpu):.2f} s against {statistics.median(floor_cpu):.2f} s "
            f"({statistics.median(cpu) / statistics.median(floor_cpu):.1f}x); "
            f"pages {pdf_pages(out)} against {floor['pages']}"
        )
        rows.append(row)
        if kind == "bottin":
            rows.append(lines)
    return rows


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(path).pages)


def import_rows(repeat: int) -> list[Row]:
    folder = CACHE / "import"
    folder.mkdir(exist_ok=True)
    if not (folder / "big.csv").exists():
        measure("make_import_files", str(folder))
    rows = []
    for suffix in ("xlsx", "csv"):
        row = Row(
            f"import 10,000 rows ({suffix})",
            floor="read + Core bulk insert",
            target="2x",
        )
        # The same imports against a floor that writes what the import writes, unchecked.
        same = Row(
            f"import 10,000 rows ({suffix}), floor writing the same records",
            floor="read + Core inserts of its persons, memberships, audit entries",
        )
        for _ in range(repeat):
            r = measure("import_rows", str(folder), suffix)
            for target in (row, same):
                target.samples.append(r["seconds"])
                target.peaks.append(r["peak_mb"])
            parts = f"read {r.get('read', 0):.2f} s, commit {r.get('commit', 0):.2f} s"
            row.note = f"check {r['check']:.2f} s ({parts})"
            f = measure("import_floor", str(folder), suffix)
            row.floor_samples.append(f["seconds"])
            row.floor_peaks.append(f["peak_mb"])
            f = measure("import_floor_records", str(folder), suffix)
            same.floor_samples.append(f["seconds"])
            same.floor_peaks.append(f["peak_mb"])
        rows += [row, same]
    for leftover in folder.glob("*-*.sqlite*"):
        leftover.unlink()
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines)


def quote_in_readme(text: str) -> None:
    """The README quotes the last full run's table between its two markers."""
    readme = ROOT / "README.md"
    content = readme.read_text(encoding="utf-8")
    start, end = "<!-- benchmarks -->", "<!-- /benchmarks -->"
    if start in content and end in content:
        before, rest = content.split(start, 1)
        after = rest.split(end, 1)[1]
        quoted = text.replace("# Benchmarks", "#### Benchmarks", 1)
        readme.write_text(f"{before}{start}\n{quoted}\n{end}{after}", encoding="utf-8")
        print("quoted in README.md")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small scales, 1 repetition")
    parser.add_argument("--repeat", type=int, help="repetitions (5 for start-up, 3 else)")
    parser.add_argument(
        "--only",
        help="comma-separated: startup,lists,exports (with pdfs),xlsx (the workbooks only),pdfs,import",
    )
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    quick = args.quick
    repeat = args.repeat or (1 if quick else 3)
    parts = set((args.only or "startup,lists,exports,import").split(","))
    started = time.time()
    rows: list[Row] = []
    screen = Screen()
    try:
        if "startup" in parts:
            print("start-up…", flush=True)
            rows += startup_rows(
                [10] if quick else [10, 400], args.repeat or (1 if quick else 5), screen
            )
        if "lists" in parts:
            print("lists…", flush=True)
            rows += list_rows(10 if quick else 400, repeat)
        if parts & {"exports", "xlsx"}:
            print("exports…", flush=True)
            scale = 4 if quick else 40
            rows += export_rows(
                scale, "presences", repeat, "2025-12-01", "2026-11-30", " (one year)"
            )
            if not quick:
                rows += export_rows(
                    scale, "presences", 1, "2020-01-01", "2027-12-31", " (2020-2027)"
                )
            rows += export_rows(scale, "membres", repeat)
            # the other workbooks with many rows at scale (all periods)
            rows += export_rows(scale, "chantiers", repeat)
            rows += export_rows(scale, "suivis", repeat)
            if not quick:
                rows += export_rows(400, "chantiers", 1 if "exports" in parts else repeat)
                rows += export_rows(400, "suivis", 1 if "exports" in parts else repeat)
                if "exports" in parts:
                    rows += memory_rows()
        if parts & {"exports", "pdfs"}:
            print("PDFs…", flush=True)
            rows += pdf_rows(4 if quick else 40, repeat)
        if "import" in parts and not quick:
            print("import…", flush=True)
            rows += import_rows(repeat)
    finally:
        screen.close()
    elapsed = time.time() - started
    text = table(rows)
    print(text)
    mode = "quick" if quick else "full"
    header = (
        f"# Benchmarks ({mode} run, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())})\n\n"
        f"`{' '.join(['benchmarks/run.py', *sys.argv[1:]])}`: medians of {repeat} "
        f"(start-up: {args.repeat or (1 if quick else 5)}), floors measured in the same run, "
        f"{os.cpu_count()} cores shared with other work (load average "
        f"{os.getloadavg()[0]:.1f} at the end); whole run {elapsed / 60:.1f} min.\n\n"
    )
    previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    notes = previous.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in previous else "\n"
    args.out.write_text(header + text + "\n\n<!-- notes -->" + notes, encoding="utf-8")
    print(f"written to {args.out}")
    if args.out == HERE / "results.md" and not quick:
        quote_in_readme(header + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
