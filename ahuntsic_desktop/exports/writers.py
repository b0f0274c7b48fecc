"""The writers of the export catalogue, each imported when its document is made, not when
the window opens (openpyxl and reportlab take about half a second to import). Each is
called as ``write(db, path, options, progress=None) -> Path``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store import Database
    from .catalog import ExportOptions, Progress


def members(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .xlsx.members import write

    return write(db, path, options, progress=progress)


def attendance(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .xlsx.attendance import write

    return write(db, path, options, progress=progress)


def chantiers(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .xlsx.chantiers import write

    return write(db, path, options, progress=progress)


def plan_tracking(
    db: Database, path: Path, options: ExportOptions, progress: Progress | None = None
):
    from .xlsx.plan_tracking import write

    return write(db, path, options, progress=progress)


def follow_ups(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .xlsx.follow_ups import write

    return write(db, path, options, progress=progress)


def funder_report(
    db: Database, path: Path, options: ExportOptions, progress: Progress | None = None
):
    from .xlsx.funder_report import write

    return write(db, path, options, progress=progress)


def financing(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .xlsx.financing import write

    return write(db, path, options, progress=progress)


def deadlines(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .deadlines_ics import write

    return write(db, path, options, progress=progress)


def activities(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .xlsx.activities import write

    return write(db, path, options, progress=progress)


def demarche(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .pdf.demarche import write

    return write(db, path, options, progress=progress)


def bilan_global(
    db: Database, path: Path, options: ExportOptions, progress: Progress | None = None
):
    from .pdf.bilan_global import write

    return write(db, path, options, progress=progress)


def timeline(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .pdf.timeline import write

    return write(db, path, options, progress=progress)


def portrait(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .pdf.portrait import write

    return write(db, path, options, progress=progress)


def contributions(
    db: Database, path: Path, options: ExportOptions, progress: Progress | None = None
):
    from .xlsx.contributions import write

    return write(db, path, options, progress=progress)


def coverage(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .xlsx.coverage import write

    return write(db, path, options, progress=progress)


def annual_report(
    db: Database, path: Path, options: ExportOptions, progress: Progress | None = None
):
    from .pdf.annual_report import write

    return write(db, path, options, progress=progress)


def directory(db: Database, path: Path, options: ExportOptions, progress: Progress | None = None):
    from .pdf.directory import write

    return write(db, path, options, progress=progress)
