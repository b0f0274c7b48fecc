"""Automatic backups, kept in rotation beside the data file.

A backup of ``…/table.sqlite`` is ``…/sauvegardes/table-YYYYMMDD-HHMMSS.sqlite``, written
through SQLite's online backup API (never a plain copy of a live file), under a temporary
name first. Copies taken before a schema update or before a restore carry a suffix
(``-avant-mise-a-jour``, ``-avant-restauration``) and rotate separately, so routine copies
never push them out. Rotation keeps ``keep`` copies, one per day first: opening the file
five times today keeps yesterday's copy rather than five copies of today.
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..i18n import _
from .engine import sqlite_backup, sqlite_restore
from .errors import StoreError, StoreProblem
from .migrate import BEFORE_UPDATE

log = logging.getLogger(__name__)
BACKUP_FOLDER = "sauvegardes"
BEFORE_RESTORE = "avant-restauration"
DAMAGED = "endommage"
DEFAULT_KEEP = 10
KINDS = ("", BEFORE_UPDATE, BEFORE_RESTORE)
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    kind: str  # "" for a routine copy, else BEFORE_UPDATE or BEFORE_RESTORE
    size: int


def default_folder(data_path: Path) -> Path:
    return Path(data_path).resolve().parent / BACKUP_FOLDER


def _pattern(stem: str) -> re.Pattern[str]:
    kinds = "|".join(re.escape(kind) for kind in KINDS if kind)
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:-({kinds}))?(?:-(\d+))?\.sqlite$")


def list_backups(data_path: Path, folder: Path | None = None) -> list[BackupFile]:
    """The backups of ``data_path`` found in ``folder``, newest first."""
    folder = folder or default_folder(data_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(Path(data_path).stem)
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            taken_at = datetime.strptime(match[1], STAMP)
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(
            (taken_at, int(match[3] or 1), BackupFile(path, taken_at, match[2] or "", size))
        )
    found.sort(key=lambda item: item[:2], reverse=True)
    return [backup for _taken, _n, backup in found]


def latest_backup(data_path: Path, folder: Path | None = None) -> BackupFile | None:
    backups = list_backups(data_path, folder)
    return backups[0] if backups else None


def changed_since(data_path: Path, backup: BackupFile) -> bool:
    """Whether the file (or its write-ahead log) was written after ``backup`` was.

    The backup's own modification time is the moment its copy ended; no one else writes
    to the data file meanwhile (we hold its lock), so a later write time means a change."""
    data_path = Path(data_path)
    times = [data_path.stat().st_mtime]
    wal = data_path.with_name(data_path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        times.append(wal.stat().st_mtime)
    try:
        copied = backup.path.stat().st_mtime
    except OSError:
        return True
    return max(times) > copied


def _kept(backups: list[BackupFile], keep: int) -> set[Path]:
    """The newest copy of each of the latest days first, then the newest of the rest."""
    kept: list[Path] = []
    days = set()
    for backup in backups:
        if len(kept) >= keep:
            break
        if backup.taken_at.date() not in days:
            days.add(backup.taken_at.date())
            kept.append(backup.path)
    for backup in backups:
        if len(kept) >= keep:
            break
        if backup.path not in kept:
            kept.append(backup.path)
    return set(kept)


def rotate(data_path: Path, folder: Path | None = None, keep: int = DEFAULT_KEEP) -> list[Path]:
    """Delete the copies beyond ``keep`` of each kind; returns what was deleted."""
    backups = list_backups(data_path, folder)
    removed = []
    for kind in KINDS:
        of_kind = [backup for backup in backups if backup.kind == kind]
        kept = _kept(of_kind, max(1, keep))
        for backup in of_kind:
            if backup.path not in kept:
                try:
                    backup.path.unlink()
                    removed.append(backup.path)
                except OSError:
                    log.warning("Could not delete old backup %s", backup.path, exc_info=True)
    return removed


def _free_name(folder: Path, stem: str, now: datetime, kind: str) -> Path:
    base = f"{stem}-{now.strftime(STAMP)}" + (f"-{kind}" if kind else "")
    target = folder / f"{base}.sqlite"
    number = 2
    while target.exists():
        target = folder / f"{base}-{number}.sqlite"
        number += 1
    return target


def make_backup(
    data_path: Path,
    folder: Path | None = None,
    *,
    keep: int | None = None,
    kind: str = "",
    now: datetime | None = None,
) -> Path:
    """Copy ``data_path`` into ``folder`` now, then rotate when ``keep`` is given."""
    data_path = Path(data_path)
    folder = folder or default_folder(data_path)
    now = now or datetime.now()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _free_name(folder, data_path.stem, now, kind)
        sqlite_backup(data_path, target)
    except (OSError, sqlite3.Error) as error:
        log.warning("Backup of %s into %s failed", data_path, folder, exc_info=True)
        raise StoreError(
            StoreProblem.FAILED,
            _("La sauvegarde de « {name} » n'a pas pu être écrite ({error}).").format(
                name=data_path.name, error=getattr(error, "strerror", None) or error
            ),
            data_path,
            _("Vérifiez l'espace libre du disque et les droits du dossier « {folder} ».").format(
                folder=folder
            ),
        ) from error
    log.info("Backed up %s to %s", data_path, target)
    if keep is not None:
        rotate(data_path, folder, keep)
    return target


def backup_if_changed(
    data_path: Path,
    folder: Path | None = None,
    *,
    keep: int = DEFAULT_KEEP,
    now: datetime | None = None,
) -> Path | None:
    """A new routine copy, unless nothing was written since the latest one."""
    latest = latest_backup(data_path, folder)
    if latest is not None and not changed_since(data_path, latest):
        return None
    return make_backup(data_path, folder, keep=keep, now=now)


def backup_due(data_path: Path, folder: Path | None = None, now: datetime | None = None) -> bool:
    """True when no copy was taken today (the latest is from an earlier day, or none)."""
    latest = latest_backup(data_path, folder)
    return latest is None or latest.taken_at.date() < (now or datetime.now()).date()


def restore_into(source: Path, target: Path) -> None:
    """Replace the content of ``target`` (closed by us, still locked) by ``source``."""
    try:
        sqlite_restore(Path(source), Path(target))
    except (OSError, sqlite3.Error) as error:
        log.warning("Restore of %s from %s failed", target, source, exc_info=True)
        raise StoreError(
            StoreProblem.FAILED,
            _("La sauvegarde n'a pas pu être restaurée ({error}).").format(error=error),
            target,
            _("Le fichier ouvert n'a pas été modifié."),
        ) from error


def set_aside(damaged: Path, folder: Path | None = None, now: datetime | None = None) -> Path:
    """Move a damaged file (and what lies beside it) into ``folder``, bytes untouched."""
    damaged = Path(damaged)
    folder = folder or default_folder(damaged)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime(STAMP)
    target = folder / f"{damaged.stem}-{stamp}-{DAMAGED}{damaged.suffix or '.sqlite'}"
    number = 2
    while target.exists():
        target = folder / f"{damaged.stem}-{stamp}-{DAMAGED}-{number}{damaged.suffix}"
        number += 1
    for suffix in ("-wal", "-shm", "-journal"):
        companion = damaged.with_name(damaged.name + suffix)
        if companion.exists():
            shutil.move(companion, target.with_name(target.name + suffix))
    shutil.move(damaged, target)
    log.info("Set %s aside as %s", damaged, target)
    return target
