"""Tell apart what goes wrong with a data file: a damaged file, a full disk, a failing
disk, another program writing. Only a damaged file calls for a backup; the others leave
the file healthy and pass once the cause is gone.

The messages never quote SQL parameters or values: only the file name and SQLite's own
error name reach the user and the log.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
import sys
from pathlib import Path

from ..i18n import _
from .errors import StoreError, StoreProblem

# Below this much free space, a vague "disk I/O error" is a full disk (SQLite reports
# some failed writes, e.g. of the -shm, as I/O errors).
LOW_SPACE = 1024 * 1024
_CORRUPT = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def _orig(error: BaseException) -> BaseException:
    return getattr(error, "orig", None) or error


def _sqlite_name(error: BaseException) -> str:
    return getattr(_orig(error), "sqlite_errorname", "") or ""


def _low_space(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        return shutil.disk_usage(Path(path).resolve().parent).free < LOW_SPACE
    except OSError:
        return False


def problem_of(error: BaseException, path: Path | None = None) -> StoreProblem | None:
    """The kind of fault behind a SQLite or OS error, or None when it says nothing of one."""
    error = _orig(error)
    name = _sqlite_name(error)
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return StoreProblem.DISK_FULL
        if error.errno == errno.EIO:
            return StoreProblem.IO_ERROR
        return None
    if not isinstance(error, sqlite3.Error):
        return None
    text = str(error).lower()
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return StoreProblem.DISK_FULL
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StoreProblem.DISK_FULL if _low_space(path) else StoreProblem.IO_ERROR
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StoreProblem.BUSY
    if name.startswith(_CORRUPT) or "malformed" in text or "not a database" in text:
        return StoreProblem.CORRUPT
    return None


def disk_full(path: Path | None) -> StoreError:
    name = Path(path).name if path else ""
    return StoreError(
        StoreProblem.DISK_FULL,
        _("Le disque est plein : « {name} » ne peut pas être écrit.").format(name=name),
        path,
        _(
            "Libérez de l'espace sur le disque (videz la corbeille, supprimez des fichiers "
            "inutiles) puis réessayez. Rien n'a été enregistré à moitié."
        ),
    )


def io_error(path: Path | None) -> StoreError:
    name = Path(path).name if path else ""
    return StoreError(
        StoreProblem.IO_ERROR,
        _("Le disque n'a pas pu lire ou écrire « {name} » (erreur d'entrée-sortie).").format(
            name=name
        ),
        path,
        _(
            "Vérifiez que la clé USB ou le disque réseau est toujours branché, puis "
            "réessayez. Rien n'a été enregistré à moitié. Si l'erreur revient, copiez le "
            "fichier sur un autre disque."
        ),
    )


def busy(path: Path | None) -> StoreError:
    name = Path(path).name if path else ""
    return StoreError(
        StoreProblem.BUSY,
        _("« {name} » est en cours d'écriture par un autre programme.").format(name=name),
        path,
        _("Rien n'a été enregistré. Attendez qu'il ait fini (ou fermez-le), puis réessayez."),
    )


def _server_lost(error: BaseException) -> bool:
    """A server connection that failed or was refused (psycopg's OperationalError)."""
    orig = _orig(error)
    return type(orig).__module__.startswith("psycopg") and any(
        kind.__name__ == "OperationalError" for kind in type(orig).__mro__
    )


def unreachable(name: str, error: BaseException | None = None) -> StoreError:
    return StoreError(
        StoreProblem.UNREACHABLE,
        _("Le serveur « {name} » ne répond pas ou refuse la connexion.").format(name=name),
        name,
        _(
            "Rien n'a été enregistré. Vérifiez le réseau, l'adresse, l'utilisateur et le mot "
            "de passe, puis réessayez."
        ),
        type(_orig(error)).__name__ if error is not None else "",
    )


def fault(error: BaseException, path: Path | None = None) -> StoreError | None:
    """The user's explanation of a full disk, a failing disk or a busy file; None for
    anything else (a damaged file included: its callers explain that in their words)."""
    if _server_lost(error):
        return unreachable(str(path or _("serveur")), error)
    problem = problem_of(error, path)
    detail = _sqlite_name(error) or type(_orig(error)).__name__
    made = {
        StoreProblem.DISK_FULL: disk_full,
        StoreProblem.IO_ERROR: io_error,
        StoreProblem.BUSY: busy,
    }.get(problem)
    if made is None:
        return None
    explained = made(path)
    explained.detail = detail
    return explained


def drop_stillborn_companions(path: Path) -> None:
    """Remove the empty ``-wal`` and the truncated ``-shm`` (a real one is at least 32 KiB)
    that a full disk left when switching to WAL: they hold nothing, and would stop the
    file from being read without writing beside it."""
    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    try:
        if wal.stat().st_size == 0 and (not shm.exists() or shm.stat().st_size < 32768):
            shm.unlink(missing_ok=True)
            wal.unlink()
    except OSError:
        pass


def sql_errors() -> tuple[type[BaseException], ...]:
    """sqlite3's database errors and, once SQLAlchemy is imported, its own."""
    if "sqlalchemy.exc" not in sys.modules:  # start-up, before the engine: sqlite3 only
        return (sqlite3.DatabaseError,)
    from sqlalchemy.exc import DatabaseError

    return (DatabaseError, sqlite3.DatabaseError)


def refused_at_opening(error: BaseException, path: Path) -> StoreError:
    """Why ``path`` could not be opened, in the user's words: a full or failing disk (the
    file is healthy), what the system said, or a damaged file."""
    explained = fault(error, path)
    if explained is not None:  # a full or failing disk: the file is healthy
        drop_stillborn_companions(path)
        return explained
    if isinstance(error, OSError):  # not the file's fault: say what the system said
        return StoreError(
            StoreProblem.FAILED,
            _("« {name} » ne peut pas être ouvert : {reason}.").format(
                name=path.name, reason=error.strerror or error
            ),
            path,
            _(
                "Le fichier n'a pas été modifié. Réessayez ; si l'erreur revient, "
                "transmettez le journal."
            ),
        )
    detail = error.orig if hasattr(error, "orig") else error
    return StoreError(
        StoreProblem.CORRUPT,
        _("« {name} » ne peut pas être ouvert : il semble endommagé.").format(name=path.name),
        path,
        _("Restaurez une sauvegarde ou choisissez un autre fichier."),
        str(detail),
    )
