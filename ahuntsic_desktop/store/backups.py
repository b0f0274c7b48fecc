"""Automatic backups, kept in rotation beside the data file.

A backup of ``…/table.sqlite`` is ``…/sauvegardes/table-YYYYMMDD-HHMMSS.sqlite``, written
through SQLite's online backup API (never a plain copy of a live file), under a temporary
name first. Copies taken before a schema update or before a restore carry a suffix
(``-avant-mise-a-jour``, ``-avant-restauration``) and rotate separately, so routine copies
never push them out. Rotation keeps ``keep`` copies, one per day first: opening the file
five times today keeps yesterday's copy rather than five copies of today. A damaged file
set aside (``-endommage``) rotates the same way, with its own count.

A backup is put in place by writing it beside the data file, flushing and checking it,
and only then renaming it over the file: a full disk or a crash leaves the file as it was.
Backups and the folder that holds them are private (0600 and 0700 on POSIX).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..i18n import _
from ..private_files import (
    PRIVATE_FILE,
    fsync_folder,
    make_private_folder,
    sweep_stale,
    tighten,
)
from . import faults
from .engine import checkpoint_and_close_wal, prepared_copy, sqlite_backup
from .errors import StoreError, StoreProblem
from .migrate import BEFORE_UPDATE

log = logging.getLogger(__name__)
BACKUP_FOLDER = "sauvegardes"
BEFORE_RESTORE = "avant-restauration"
DAMAGED = "endommage"
DEFAULT_KEEP = 10
KINDS = ("", BEFORE_UPDATE, BEFORE_RESTORE, DAMAGED)
COMPANIONS = ("-wal", "-shm", "-journal")
STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    kind: str  # "" for a routine copy, else BEFORE_UPDATE, BEFORE_RESTORE or DAMAGED
    size: int


def default_folder(data_path: Path) -> Path:
    return Path(data_path).resolve().parent / BACKUP_FOLDER


def _pattern(stem: str) -> re.Pattern[str]:
    kinds = "|".join(re.escape(kind) for kind in KINDS if kind)
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:-({kinds}))?(?:-(\d+))?\.sqlite$")


def list_backups(
    data_path: Path, folder: Path | None = None, *, damaged: bool = False
) -> list[BackupFile]:
    """The backups of ``data_path`` found in ``folder``, newest first; with ``damaged``,
    the damaged files set aside too."""
    folder = folder or default_folder(data_path)
    if not folder.is_dir():
        return []
    pattern = _pattern(Path(data_path).stem)
    found = []
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if not match or not path.is_file() or (match[2] == DAMAGED and not damaged):
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


def rotate(
    data_path: Path,
    folder: Path | None = None,
    keep: int = DEFAULT_KEEP,
    kinds: tuple[str, ...] = KINDS,
) -> list[Path]:
    """Delete the copies beyond ``keep`` of each of ``kinds``; returns what was deleted."""
    backups = list_backups(data_path, folder, damaged=True)
    removed = []
    for kind in kinds:
        of_kind = [backup for backup in backups if backup.kind == kind]
        kept = _kept(of_kind, max(1, keep))
        for backup in of_kind:
            if backup.path not in kept:
                try:
                    for companion in COMPANIONS:
                        backup.path.with_name(backup.path.name + companion).unlink(missing_ok=True)
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
        make_private_folder(folder)
        target = _free_name(folder, data_path.stem, now, kind)
        sqlite_backup(data_path, target)
    except (OSError, sqlite3.Error) as error:
        log.warning("Backup of %s into %s failed", data_path, folder, exc_info=True)
        explained = faults.fault(error, folder / data_path.name)
        if explained is not None and explained.problem is StoreProblem.DISK_FULL:
            message = _(
                "Le disque est plein : la sauvegarde de « {name} » n'a pas pu être écrite."
            ).format(name=data_path.name)
        else:
            message = _("La sauvegarde de « {name} » n'a pas pu être écrite ({error}).").format(
                name=data_path.name, error=getattr(error, "strerror", None) or error
            )
        raise StoreError(
            explained.problem if explained is not None else StoreProblem.FAILED,
            message,
            data_path,
            _("Vérifiez l'espace libre du disque et les droits du dossier « {folder} ».").format(
                folder=folder
            ),
        ) from error
    log.info("Backed up %s to %s", data_path, target)
    if keep is not None:
        rotate(data_path, folder, keep)
    return target


def copy_to(data_path: Path, target: Path) -> Path:
    """A private, checked copy of ``data_path`` at ``target`` (a copy saved elsewhere)."""
    try:
        sqlite_backup(Path(data_path), Path(target))
    except (OSError, sqlite3.Error) as error:
        log.warning("Copy of %s to %s failed", data_path, target, exc_info=True)
        explained = faults.fault(error, Path(target))
        if explained is not None:
            raise explained from error
        raise StoreError(
            StoreProblem.FAILED,
            _("La copie n'a pas pu être écrite : {error}").format(
                error=getattr(error, "strerror", None) or error
            ),
            target,
        ) from error
    return Path(target)


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


def _not_written(error: BaseException, path: Path, what: str) -> StoreError:
    log.warning("%s of %s failed", what, path, exc_info=True)
    explained = faults.fault(error, path)
    if explained is not None:
        explained.advice = _("Le fichier n'a pas été modifié.") + " " + explained.advice
        return explained
    return StoreError(
        StoreProblem.FAILED,
        _("La sauvegarde n'a pas pu être restaurée ({error}).").format(error=error),
        path,
        _("Le fichier n'a pas été modifié."),
    )


def restore_into(source: Path, target: Path) -> None:
    """Replace ``target`` (closed by us, still locked) by a copy of ``source``.

    The copy is written beside ``target``, flushed and checked first; only then is
    ``target``'s write-ahead log folded in and the copy renamed over it. Any failure
    before the rename leaves ``target`` as it was."""
    target = Path(target)
    try:
        with prepared_copy(Path(source), target) as fresh:
            checkpoint_and_close_wal(target)
            os.replace(fresh, target)
        fsync_folder(target.parent)
    except (OSError, sqlite3.Error) as error:
        raise _not_written(error, target, "Restore") from error


def _aside_name(damaged: Path, folder: Path, now: datetime | None) -> Path:
    stamp = (now or datetime.now()).strftime(STAMP)
    target = folder / f"{damaged.stem}-{stamp}-{DAMAGED}.sqlite"
    number = 2
    while target.exists():
        target = folder / f"{damaged.stem}-{stamp}-{DAMAGED}-{number}.sqlite"
        number += 1
    return target


def set_aside(damaged: Path, folder: Path | None = None, now: datetime | None = None) -> Path:
    """Move a damaged file (and what lies beside it) into ``folder``, bytes untouched."""
    damaged = Path(damaged)
    folder = make_private_folder(folder or default_folder(damaged))
    target = _aside_name(damaged, folder, now)
    for suffix in COMPANIONS:
        companion = damaged.with_name(damaged.name + suffix)
        if companion.exists():
            shutil.move(companion, target.with_name(target.name + suffix))
    shutil.move(damaged, target)
    tighten(target, PRIVATE_FILE)
    log.info("Set %s aside as %s", damaged, target)
    return target


def _swap(damaged: Path, fresh: Path, aside: Path) -> None:
    """Keep ``damaged`` (and its companions) as ``aside`` and put ``fresh`` in its place;
    on failure, everything goes back where it was."""
    moved: list[tuple[Path, Path]] = []
    try:
        try:
            os.link(damaged, aside)
        except OSError:  # FAT keys, another disk: a plain move
            shutil.move(damaged, aside)
            moved.append((aside, damaged))
        for suffix in COMPANIONS:
            companion = damaged.with_name(damaged.name + suffix)
            if companion.exists():
                shutil.move(companion, aside.with_name(aside.name + suffix))
                moved.append((aside.with_name(aside.name + suffix), companion))
        os.replace(fresh, damaged)
    except BaseException:
        for there, back in reversed(moved):
            with contextlib.suppress(OSError):
                shutil.move(there, back)
        if not moved or moved[0][1] != damaged:  # linked: drop the link
            with contextlib.suppress(OSError):
                if damaged.exists():
                    aside.unlink()
        raise


def recover_into(
    damaged: Path,
    source: Path,
    folder: Path | None = None,
    *,
    keep: int = DEFAULT_KEEP,
    now: datetime | None = None,
) -> Path:
    """Put the backup ``source`` in place of the file ``damaged`` (locked by the caller),
    which is kept, bytes untouched, in ``folder``. Returns where it went.

    The backup is written beside ``damaged``, flushed and checked before anything moves:
    a full disk leaves ``damaged`` where it was. The damaged file is then hard-linked
    aside (moved where links are not possible) and the copy renamed over it, so a file is
    at the data path all along. Damaged copies rotate like backups (``keep`` of them)."""
    damaged = Path(damaged)
    folder = make_private_folder(folder or default_folder(damaged))
    try:
        with prepared_copy(Path(source), damaged) as fresh:
            target = _aside_name(damaged, folder, now)
            _swap(damaged, fresh, target)
        fsync_folder(damaged.parent)
    except (OSError, sqlite3.Error) as error:
        raise _not_written(error, damaged, "Recovery") from error
    tighten(target, PRIVATE_FILE)
    log.info("Set %s aside as %s", damaged, target)
    with contextlib.suppress(OSError):
        rotate(damaged, folder, keep, kinds=(DAMAGED,))
    return target


def sweep(data_path: Path, folder: Path | None = None) -> None:
    """Remove what killed runs left beside ``data_path`` and in its backup folder."""
    sweep_stale(Path(data_path).resolve().parent)
    sweep_stale(folder or default_folder(data_path))
