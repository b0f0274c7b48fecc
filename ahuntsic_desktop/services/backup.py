"""Copies of the data file, always through SQLite's online backup (never a plain copy):
a copy saved elsewhere, the daily automatic backup, and restoring a backup.

The automatic backups themselves (names, rotation, the copy taken at opening) live in
:mod:`ahuntsic_desktop.store.backups`; here are the use cases the window calls.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from ..domain import Meeting, Membership, Setting
from ..domain.enums import AuditAction
from ..i18n import N_, _
from ..store import Database, StoreError
from ..store import backups as store_backups
from ..store.engine import make_engine
from ..store.integrity import probe
from . import audit
from . import settings as settings_service
from .errors import ValidationError

log = logging.getLogger(__name__)
LAST_EXTERNAL_COPY = "last_external_copy_at"  # setting key: ISO date-time of the last copy
REMINDER_DAYS = 30
KIND_LABELS = {
    "": N_("Automatique"),
    store_backups.BEFORE_UPDATE: N_("Avant une mise à jour"),
    store_backups.BEFORE_RESTORE: N_("Avant une restauration"),
}


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, N_("Autre fichier")))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def save_copy(db: Database, target: Path, *, overwrite: bool = False) -> Path:
    """Write a consistent copy of the open file to ``target``.

    A copy outside the data file's folder (a USB key, another disk) is remembered: the
    dashboard reminds the coordinator when the last one is more than a month old."""
    if db.path is None:
        raise ValidationError(_("Ce fichier n'existe qu'en mémoire ; il n'y a rien à copier."))
    target = Path(target)
    if target.resolve() == Path(db.path).resolve():
        raise ValidationError(_("Choisissez un autre fichier que celui qui est ouvert."))
    if target.exists() and not overwrite:
        raise ValidationError(_("« {name} » existe déjà.").format(name=target.name))
    try:
        store_backups.copy_to(Path(db.path), target)  # private (0600), checked
    except StoreError as error:
        raise ValidationError(f"{error.message} {error.advice}".strip()) from error
    log.info("Copied %s to %s", db.path, target)
    if not _inside(target, Path(db.path).parent) and not db.read_only:
        with db.session() as session:
            session.merge(Setting(key=LAST_EXTERNAL_COPY, value=dt.datetime.now().isoformat()))
    return target


def last_external_copy(db: Database) -> dt.datetime | None:
    with db.session() as session:
        value = session.get(Setting, LAST_EXTERNAL_COPY)
        text = value.value if value is not None else None
    try:
        return dt.datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def external_copy_reminder(db: Database, today: dt.date) -> str | None:
    """A reminder when no copy was saved outside the data folder for 30 days (or ever)."""
    if db.path is None:
        return None
    last = last_external_copy(db)
    if last is None:
        return _(
            "Aucune copie de ce fichier n'a encore été enregistrée ailleurs que sur cet "
            "ordinateur. Enregistrez-en une sur une clé USB ou un autre disque "
            "(Fichier › Enregistrer une copie…)."
        )
    days = (today - last.date()).days
    if days <= REMINDER_DAYS:
        return None
    return _(
        "La dernière copie enregistrée hors de cet ordinateur date de {days} jours. "
        "Enregistrez-en une nouvelle sur une clé USB ou un autre disque "
        "(Fichier › Enregistrer une copie…)."
    ).format(days=days)


def backup_if_due(db: Database, now: dt.datetime | None = None) -> Path | None:
    """The automatic backup of the day: taken when the latest backup is from an earlier
    day and the file changed since. Returns the new copy, or None."""
    if db.path is None or db.read_only:
        return None
    now = now or dt.datetime.now()
    if not store_backups.backup_due(db.path, db.backup_dir, now):
        return None
    keep = settings_service.load(db).backup_keep
    try:
        return store_backups.backup_if_changed(db.path, db.backup_dir, keep=keep, now=now)
    except StoreError as error:
        raise ValidationError(error.message) from error


@dataclass(frozen=True)
class BackupSummary:
    """One backup as the restore dialog lists it."""

    path: Path
    taken_at: dt.datetime | None
    kind: str
    size: int
    members: int | None = None  # members of the latest membership year in the copy
    meetings: int | None = None
    problem: str | None = None  # why it can't be restored, in French

    @property
    def usable(self) -> bool:
        return self.problem is None


def describe_backup(path: Path, taken_at=None, kind: str = "") -> BackupSummary:
    """Check ``path`` read-only (integrity, version) and count what it holds."""
    path = Path(path)
    size = path.stat().st_size if path.exists() else 0
    taken_at = taken_at or (
        dt.datetime.fromtimestamp(path.stat().st_mtime) if path.exists() else None
    )
    try:
        probe(path)
    except StoreError as error:
        return BackupSummary(path, taken_at, kind, size, problem=error.message)
    engine = make_engine(path, read_only=True, immutable=True)
    try:
        with engine.connect() as connection:
            latest = select(func.max(Membership.year)).scalar_subquery()
            members = connection.scalar(
                select(func.count()).select_from(Membership).where(Membership.year == latest)
            )
            meetings = connection.scalar(select(func.count()).select_from(Meeting))
    except Exception as error:  # an old or odd copy: still listed, with the reason
        log.warning("Could not count %s", path, exc_info=True)
        return BackupSummary(path, taken_at, kind, size, problem=str(error))
    finally:
        engine.dispose()
    return BackupSummary(path, taken_at, kind, size, members, meetings)


def has_backups(path: Path) -> bool:
    """Whether the data file ``path`` has backups in its « sauvegardes » folder."""
    return bool(store_backups.list_backups(Path(path)))


def available_backups(path: Path, folder: Path | None = None) -> list[BackupSummary]:
    """The backups of the data file ``path``, newest first, each checked and counted."""
    return [
        describe_backup(b.path, b.taken_at, b.kind)
        for b in store_backups.list_backups(Path(path), folder)
    ]


@dataclass(frozen=True)
class Restored:
    db: Database  # the reopened file
    safety_copy: Path  # the content it had just before


def restore(db: Database, source: Path) -> Restored:
    """Replace the open file's content by the backup ``source``.

    The backup is checked first; the current content is kept as a backup
    (``…-avant-restauration``); the file is then reopened (and updated if the backup
    predates the current version). On failure ``db`` is still open and unchanged."""
    if db.path is None or db.read_only:
        raise ValidationError(
            _("Une sauvegarde ne peut être restaurée que dans un fichier ouvert en écriture.")
        )
    summary = describe_backup(Path(source))
    if not summary.usable:
        raise ValidationError(summary.problem or "")
    keep = settings_service.load(db).backup_keep
    try:
        reopened, safety = db.restore_from(Path(source), keep=keep)
    except StoreError as error:
        raise ValidationError(f"{error.message} {error.advice}".strip()) from error
    with reopened.session() as session:
        audit.record_event(
            session,
            "fichier",
            audit.BULK_ID,
            AuditAction.RESTORE,
            {"sauvegarde": Path(source).name, "copie_avant": safety.name},
        )
    return Restored(reopened, safety)


def recover(path: Path, source: Path, folder: Path | None = None) -> Path:
    """For a file that can't be opened (damaged, empty): put it aside untouched and put
    the backup ``source`` in its place. Returns where the damaged file went."""
    summary = describe_backup(Path(source))
    if not summary.usable:
        raise ValidationError(summary.problem or "")
    try:
        return Database.recover(Path(path), Path(source), backup_dir=folder)
    except StoreError as error:
        raise ValidationError(f"{error.message} {error.advice}".strip()) from error
