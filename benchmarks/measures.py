"""One measure, run in a process of its own so its peak memory is its own.

    .venv/bin/python benchmarks/measures.py MEASURE [ARGS...]

Prints one JSON line: ``{"seconds": ..., "peak_mb": ..., ...}``. ``benchmarks/run.py``
calls this; it is not meant to be run by hand (but can be, to profile one measure).
Nothing here asserts.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import sqlite3
import sys
import time
from copy import copy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
START = time.time()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def report(**values) -> None:
    values.setdefault("peak_mb", round(peak_mb(), 1))
    print(json.dumps(values), flush=True)


# -- start-up: a separate process to a painted window ------------------------------------


def startup(kind: str, path: str = "") -> None:
    """``bare``: a bare PySide6 main window; ``app``: the application on ``path``. Prints
    when the main window has painted and the peak memory until then; when the dashboard's
    figures have painted (``settled``) and the peak until then; and when every other page
    has been built in the idle moments after (``idle``), with the peak until then. The
    application's modules are imported first, in its own order (``ahuntsic-desktop`` runs ``cli.main``, then ``ui.app``), not after this watcher's
    Qt: PySide6's import hook reads the source of every module imported after it."""
    if kind == "app":
        from ahuntsic_desktop.ui.app import run_gui
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

    app = QApplication(sys.argv[:1])
    seen: dict[str, float] = {}

    def main_window():
        return next((w for w in app.topLevelWidgets() if isinstance(w, QMainWindow)), None)

    def built() -> list:
        """The application's pages, None for each not built yet; the bare window has none."""
        pages = getattr(main_window(), "pages", None)
        return [] if pages is None else list(getattr(pages, "built", pages))

    def first_page_built() -> bool:
        """The dashboard built and filled (after the first paint, or before it in older
        versions)."""
        pages = built()
        return not pages or (pages[0] is not None and 0 not in main_window()._stale)

    def settle(now: float) -> None:
        seen["settled"], seen["settled_mb"] = now, round(peak_mb(), 1)
        QTimer.singleShot(0, idle)

    def figures_painting(obj) -> bool:  # noqa: ANN001
        """A paint of the dashboard (or of a widget in it) once its figures are read."""
        pages = built()
        first = pages[0] if pages else None
        return (
            first is not None
            and first_page_built()
            and isinstance(obj, QWidget)
            and (obj is first or first.isAncestorOf(obj))
        )

    def idle() -> None:
        if any(page is None for page in built()):
            QTimer.singleShot(5, idle)
            return
        report(
            painted=seen["painted"],
            paint_mb=seen["paint_mb"],
            settled=seen["settled"],
            settled_mb=seen["settled_mb"],
            idle=time.time(),
        )
        app.exit(0)

    class Watch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() != QEvent.Type.Paint:
                return False
            if "painted" not in seen and isinstance(
                getattr(obj, "window", lambda: None)(), QMainWindow
            ):
                seen["painted"] = time.time()
                seen["paint_mb"] = round(peak_mb(), 1)  # the peak until the first paint
                if not built():  # the bare window: nothing more to wait for
                    settle(seen["painted"])
            elif "painted" in seen and "settled" not in seen and figures_painting(obj):
                settle(time.time())  # the figures' first paint (not a later page's build)
            return False

    watch = Watch()
    app.installEventFilter(watch)
    if kind == "bare":
        window = QMainWindow()
        window.setCentralWidget(QLabel("Ahuntsic"))
        window.resize(1280, 800)
        window.show()
        app.exec()
        return
    run_gui(Path(path))


# -- lists ---------------------------------------------------------------------------------


def list_persons(path: str, today: str) -> None:
    from ahuntsic_desktop.services.registry import persons
    from ahuntsic_desktop.store import Database

    db = Database.open(path, backup=False)
    day = dt.date.fromisoformat(today)
    start = time.perf_counter()
    persons.list_persons(db, today=day)  # the first also configures the ORM's mappers
    first = time.perf_counter() - start
    start = time.perf_counter()
    table = persons.list_persons(db, today=day)
    seconds = time.perf_counter() - start
    db.close()
    report(seconds=seconds, first=first, rows=len(table.rows))


def list_floor(path: str) -> None:
    start = time.perf_counter()
    connection = sqlite3.connect(path)
    rows = connection.execute(
        "SELECT id, last_name, first_name, email, phone, is_resident, sector, archived_at "
        "FROM person"
    ).fetchall()
    connection.close()
    report(seconds=time.perf_counter() - start, rows=len(rows))


def members_page(path: str, today: str, settled: str = "0") -> None:
    """Open the window, then time: the click on « Membres » to its painted list of persons,
    a search keystroke (« tremblay » typed at once) and its clearing, a sort by name.

    ``settled`` "1": the clicks come once the window has settled, as a user who looks at
    the window a few seconds first: the persons list has been read ahead in the background
    (when the code does). "0": the clicks come as soon as every page is built."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from ahuntsic_desktop.store import Database
    from ahuntsic_desktop.ui.app import make_application
    from ahuntsic_desktop.ui.main_window import MainWindow

    app = make_application("fr")
    day = dt.date.fromisoformat(today)
    db = Database.open(path, backup=False)
    try:  # as the application starts: pages built while the window waits for the user
        window = MainWindow(db, today=lambda: day, load_later=True)
    except TypeError:  # older versions built every page at once
        window = MainWindow(db, today=lambda: day)
    window.show()
    deadline = time.perf_counter() + 120
    built = getattr(window.pages, "built", window.pages)
    while any(page is None for page in built) and time.perf_counter() < deadline:
        QApplication.processEvents()
    QApplication.processEvents()
    ahead_s = 0.0
    if settled == "1":  # wait for the read ahead (started a moment after the page is built)
        members_page = window.pages.built[1]
        persons_tab = getattr(members_page, "persons", None)
        ahead = getattr(persons_tab, "ahead", None)
        begin = time.perf_counter()
        while ahead is not None and time.perf_counter() < deadline:
            task = ahead.task
            if task is not None and task.isFinished():
                break
            QApplication.processEvents()
            time.sleep(0.01)
        ahead_s = time.perf_counter() - begin

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        window.repaint()
        QApplication.processEvents()
        return time.perf_counter() - start

    members = next(i for i in range(window.navigation.count()) if i == 1)
    page_s = timed(lambda: window.navigation.setCurrentRow(members))
    page = window.current_page()
    tab_s = timed(lambda: page.tabs.setCurrentWidget(page.persons))
    listing = page.persons.list
    first_rows = listing.model.rowCount()
    # the first rows may show while the rest is read: the search and sort below are timed
    # on the whole list, once it is there
    begin = time.perf_counter()
    while getattr(page.persons, "partial", None) is not None and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
    whole_s = time.perf_counter() - begin if first_rows != listing.model.rowCount() else 0.0
    rows = listing.model.rowCount()
    search_s = timed(lambda: listing.search.setText("tremblay"))
    found = listing.proxy.rowCount()
    clear_s = timed(lambda: listing.search.setText(""))
    sort_s = timed(lambda: listing.view.sortByColumn(0, Qt.SortOrder.DescendingOrder))
    sort2_s = timed(lambda: listing.view.sortByColumn(1, Qt.SortOrder.AscendingOrder))
    window.close()
    report(
        seconds=page_s + tab_s,
        page=page_s,
        tab=tab_s,
        search=search_s,
        clear=clear_s,
        sort=max(sort_s, sort2_s),
        rows=rows,
        first_rows=first_rows,
        whole=whole_s,
        found=found,
        waited=ahead_s,
    )
    del app


# -- exports -------------------------------------------------------------------------------


def export(path: str, key: str, out: str, start: str, end: str, today: str) -> None:
    # The library the document needs, imported before the clock, as in the floor (only
    # that one: the application imports reportlab for a PDF only, and its memory would
    # count in an xlsx export's peak).
    if out.endswith(".pdf"):
        import reportlab.platypus  # noqa: F401
    else:
        import openpyxl  # noqa: F401

    from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
    from ahuntsic_desktop.store import Database

    db = Database.open(path, backup=False)
    # A workbook's writer module, with the services and models it imports, imported (and
    # the ORM's mappers configured) before the clock: the running application has imported
    # every service by the time its window has settled. Timed apart: a first export in a
    # fresh process pays it once (``imports``).
    imports = time.perf_counter()
    if key in XLSX_WRITERS:
        from sqlalchemy.orm import configure_mappers

        __import__(f"ahuntsic_desktop.exports.xlsx.{XLSX_WRITERS[key]}")
        configure_mappers()
    imports = time.perf_counter() - imports
    options = ExportOptions(
        start=dt.date.fromisoformat(start) if start else None,
        end=dt.date.fromisoformat(end) if end else None,
        today=dt.date.fromisoformat(today),
    )
    begin, cpu = time.perf_counter(), time.process_time()
    run_export(db, key, out, options)
    seconds, cpu = time.perf_counter() - begin, time.process_time() - cpu
    db.close()
    report(seconds=seconds, cpu=cpu, imports=imports)


XLSX_WRITERS = {  # export key: its module under ahuntsic_desktop.exports.xlsx
    "membres": "members",
    "presences": "attendance",
    "chantiers": "chantiers",
    "suivis": "follow_ups",
}


def meeting_pdf(path: str, kind: str, meeting: str, out: str, today: str) -> None:
    """A meeting's document, not in the export catalogue: ``sheet`` (the attendance sheet)
    or ``minutes`` (the procès-verbal) of meeting ``meeting``. Its module is imported
    before the clock, as the application has imported the services when it is asked."""
    import reportlab.platypus  # noqa: F401 (imported before the clock, as in the floor)

    from ahuntsic_desktop.exports.pdf.attendance_sheet import write_attendance_sheet
    from ahuntsic_desktop.exports.pdf.minutes import write_minutes
    from ahuntsic_desktop.store import Database

    db = Database.open(path, backup=False)
    begin, cpu = time.perf_counter(), time.process_time()
    if kind == "sheet":
        write_attendance_sheet(db, int(meeting), out)
    else:
        write_minutes(db, int(meeting), out, today=dt.date.fromisoformat(today))
    seconds, cpu = time.perf_counter() - begin, time.process_time() - cpu
    db.close()
    report(seconds=seconds, cpu=cpu)


def xlsx_floor(source: str, out: str) -> None:
    """openpyxl write-only writing the cells of ``source`` (read first with calamine):
    one value per cell, no style. Peak = memory before reading + what writing added."""
    from openpyxl import Workbook
    from python_calamine import CalamineWorkbook

    base = rss_mb()
    book = CalamineWorkbook.from_path(source)
    sheets = [(name, book.get_sheet_by_name(name).to_python()) for name in book.sheet_names]
    loaded = rss_mb()
    begin, cpu = time.perf_counter(), time.process_time()
    workbook = Workbook(write_only=True)
    cells = 0
    for name, rows in sheets:
        sheet = workbook.create_sheet(name[:31])
        for row in rows:
            sheet.append([None if v == "" else v for v in row])
            cells += len(row)
    workbook.save(out)
    seconds, cpu = time.perf_counter() - begin, time.process_time() - cpu
    peak = round(base + max(0.0, peak_mb() - loaded), 1)
    report(seconds=seconds, cpu=cpu, peak_mb=peak, cells=cells)


def xlsx_styled_floor(source: str, out: str) -> None:
    """openpyxl write-only writing the cells of ``source`` WITH their styles: the same
    values, number formats, fonts, fills, borders, alignments and quote prefixes, each
    styled cell a ``WriteOnlyCell`` given its style objects (made once per distinct style,
    as any writer would), the others plain values. ``source`` is read first (openpyxl
    read-only, outside the clock). No column widths, row heights, print set-up or
    conditional formats: the cells only. Peak as in :func:`xlsx_floor`."""
    from openpyxl import Workbook, load_workbook
    from openpyxl.cell.cell import WriteOnlyCell

    base = rss_mb()
    book = load_workbook(source, read_only=True)
    looks: dict[int, tuple] = {}  # style id: (font, fill, border, alignment, format, quote)
    sheets = []
    for ws in book.worksheets:
        rows = []
        for row in ws.iter_rows():
            out_row = []
            for cell in row:
                value = getattr(cell, "value", None)
                if not getattr(cell, "has_style", False):
                    out_row.append((value, None))
                    continue
                if cell._style_id not in looks:
                    array = cell.style_array
                    looks[cell._style_id] = (
                        copy(cell.font) if array.fontId else None,
                        copy(cell.fill) if array.fillId else None,
                        copy(cell.border) if array.borderId else None,
                        copy(cell.alignment) if array.alignmentId else None,
                        cell.number_format if array.numFmtId else None,
                        bool(array.quotePrefix),
                    )
                out_row.append((value, looks[cell._style_id]))
            rows.append(out_row)
        sheets.append((ws.title, rows))
    book.close()
    loaded = rss_mb()
    begin, cpu = time.perf_counter(), time.process_time()
    workbook = Workbook(write_only=True)
    cells = styled = 0
    for name, rows in sheets:
        sheet = workbook.create_sheet(name[:31])
        for row in rows:
            values = []
            for value, look in row:
                if look is None:
                    values.append(value)
                    continue
                cell = WriteOnlyCell(sheet, value)
                font, fill, border, alignment, number_format, quote = look
                if quote:
                    cell.data_type = "s"
                    cell.quotePrefix = True
                if font is not None:
                    cell.font = font
                if fill is not None:
                    cell.fill = fill
                if border is not None:
                    cell.border = border
                if alignment is not None:
                    cell.alignment = alignment
                if number_format is not None:
                    cell.number_format = number_format
                values.append(cell)
                styled += 1
            sheet.append(values)
            cells += len(row)
    workbook.save(out)
    seconds, cpu = time.perf_counter() - begin, time.process_time() - cpu
    peak = round(base + max(0.0, peak_mb() - loaded), 1)
    report(seconds=seconds, cpu=cpu, peak_mb=peak, cells=cells, styled=styled)


def pdf_floor(source: str, out: str) -> None:
    """The earlier PDF floor, kept as a second row: reportlab building the PDF's text
    (read back with pypdf) as one ``BodyText`` paragraph a line, with no table: the least
    a document of that many lines can cost, not the same flowables (``pdf_same_floor``)."""
    from xml.sax.saxutils import escape

    from pypdf import PdfReader
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    lines = [
        line
        for page in PdfReader(source).pages
        for line in (page.extract_text() or "").splitlines()
        if line.strip()
    ]
    style = getSampleStyleSheet()["BodyText"]
    begin = time.perf_counter()
    story = [Paragraph(escape(line), style) for line in lines]
    SimpleDocTemplate(out, pagesize=letter).build(story)
    report(seconds=time.perf_counter() - begin, lines=len(lines))


def pdf_same_floor(kind: str, *args: str) -> None:
    """A bare reportlab build of the same flowables as the ``kind`` document (its data read
    outside the clock): see ``benchmarks/pdf_floors.py`` for exactly what each builds.
    ``args``: the scale file, the meeting's id for a meeting's document, today, the PDF."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import pdf_floors
    import reportlab.platypus  # noqa: F401 (imported before the clock, as in the export)

    report(**getattr(pdf_floors, kind)(*args))


# -- import --------------------------------------------------------------------------------


def _messy():
    import importlib.util  # a test fixture, not a package module

    spec = importlib.util.spec_from_file_location(
        "make_messy_files", ROOT / "tests" / "fixtures" / "import" / "make_messy_files.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_rows(folder: str, suffix: str) -> None:
    """Read, check and commit the messy 10,000-row file (``xlsx`` or ``csv``)."""
    from ahuntsic_desktop.services.importing import (
        check_rows,
        commit_rows,
        initial_mapping,
        read_source,
    )
    from ahuntsic_desktop.services.registry import memberships
    from ahuntsic_desktop.store import Database

    messy = _messy()
    source = Path(folder) / f"big.{suffix}"
    target = Path(folder) / f"import-{suffix}-{os.getpid()}.sqlite"
    db = Database.open(target, create=True, backup=False)
    memberships.create_category(db, memberships.CategoryData(messy.CATEGORY))
    begin = time.perf_counter()
    read = read_source(source)
    was_read = time.perf_counter()
    mapping = initial_mapping(db, read)
    preview = check_rows(db, read, mapping.kind, mapping.columns)
    checked = time.perf_counter()
    commit_rows(db, preview, skip_errors=True)
    seconds = time.perf_counter() - begin
    db.close()
    # ``check`` counts the reading too (as in the first runs); ``read`` and ``commit`` apart
    report(
        seconds=seconds,
        check=checked - begin,
        read=was_read - begin,
        commit=seconds - (checked - begin),
    )


def import_floor(folder: str, suffix: str) -> None:
    """Read the file (openpyxl read-only or csv) and insert its rows with one Core bulk
    insert of persons: no checking, no mapping."""

    from sqlalchemy import insert

    from ahuntsic_desktop.domain import Person
    from ahuntsic_desktop.store import Database

    source = Path(folder) / f"big.{suffix}"
    target = Path(folder) / f"floor-{suffix}-{os.getpid()}.sqlite"
    db = Database.open(target, create=True, backup=False)
    begin = time.perf_counter()
    rows = _read_rows(source, suffix)
    values = [
        {"first_name": str(r[0] or "?")[:80], "last_name": str(r[1] or "?")[:80]} for r in rows[1:]
    ]
    with db.session() as session:
        session.execute(insert(Person), values)
    seconds = time.perf_counter() - begin
    db.close()
    report(seconds=seconds, rows=len(values))


def _read_rows(source: Path, suffix: str) -> list[list]:
    """The import file's rows as the floors read them (openpyxl read-only, or csv)."""
    if suffix == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(source, read_only=True)
        rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
        return rows
    import csv

    with open(source, encoding="cp1252", newline="") as handle:
        return list(csv.reader(handle, delimiter=";"))


def import_floor_records(folder: str, suffix: str) -> None:
    """Read the file as ``import_floor`` does, then write what the import writes, unchecked:
    each person with its ten columns, its membership and an audit entry for both (Core
    bulk inserts, the audit entries by INSERT ... SELECT). The floor of an import that
    would trust every cell."""
    from datetime import date

    from sqlalchemy import insert, literal, select

    from ahuntsic_desktop.domain import AuditEntry, Membership, Person
    from ahuntsic_desktop.services.registry import memberships
    from ahuntsic_desktop.store import Database

    messy = _messy()
    source = Path(folder) / f"big.{suffix}"
    target = Path(folder) / f"floorrec-{suffix}-{os.getpid()}.sqlite"
    db = Database.open(target, create=True, backup=False)
    category_id = memberships.create_category(db, memberships.CategoryData(messy.CATEGORY))
    begin = time.perf_counter()
    rows = _read_rows(source, suffix)
    rows = rows[1:]
    people = [
        {
            "first_name": str(r[1] or "?")[:100], "last_name": str(r[0] or "?")[:100],
            "email": r[2], "phone": r[3], "postal_code": r[4], "sector": "citoyen",
            "address": None, "notes": None, "is_resident": False, "is_elected": False,
        }
        for r in rows
    ]  # fmt: skip
    audit = AuditEntry.__table__
    with db.session() as session:
        table = Person.__table__
        ids = sorted(session.scalars(insert(table).returning(table.c.id), people))
        dues = [
            {"person_id": i, "organization_id": None, "category_id": category_id,
             "year": 2026, "dues_cents": 5000, "paid_on": date(2026, 4, 1),
             "payment_method": None, "receipt_number": None, "notes": None}
            for i in ids
        ]  # fmt: skip
        membership_ids = session.scalars(
            insert(Membership.__table__).returning(Membership.__table__.c.id), dues
        ).all()
        for entity, made in ((table, ids), (Membership.__table__, membership_ids)):
            constants = [literal("bench"), literal(entity.name), literal("creation")]
            for start in range(0, len(made), 1000):
                chosen = select(*constants, entity.c.id).where(
                    entity.c.id.in_(made[start : start + 1000])
                )
                session.execute(
                    insert(audit).from_select(["user", "entity", "action", "entity_id"], chosen)
                )
    seconds = time.perf_counter() - begin
    db.close()
    report(seconds=seconds, rows=len(people))


def make_import_files(folder: str) -> None:
    _messy().write_big(Path(folder))
    report(seconds=0.0)


MEASURES = {
    "startup": startup,
    "list_persons": list_persons,
    "list_floor": list_floor,
    "members_page": members_page,
    "export": export,
    "xlsx_floor": xlsx_floor,
    "xlsx_styled_floor": xlsx_styled_floor,
    "pdf_floor": pdf_floor,
    "pdf_same_floor": pdf_same_floor,
    "meeting_pdf": meeting_pdf,
    "import_rows": import_rows,
    "import_floor": import_floor,
    "import_floor_records": import_floor_records,
    "make_import_files": make_import_files,
}

if __name__ == "__main__":
    MEASURES[sys.argv[1]](*sys.argv[2:])
