"""Look at a data file before opening it, without ever writing to it.

:func:`probe` refuses, with a French explanation and advice, what must not be opened: a
missing, unreadable, empty, foreign, damaged or newer file. :func:`require_writable` says
when the file or its folder (a locked USB key, a CD) refuses writing.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _
from . import faults, migrate
from .engine import BUSY_TIMEOUT_MS, connect_read_only, folder_writable
from .errors import StoreError, StoreProblem

log = logging.getLogger(__name__)
SQLITE_MAGIC = b"SQLite format 3\x00"
_UNREADABLE = {"SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"}
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}


@dataclass(frozen=True)
class FileFacts:
    """What a readable data file holds."""

    revision: str | None
    backup_keep: int | None  # the file's own setting, when it has one
    checked: bool = True  # its integrity was checked (else see LaterCheck)
    table_name: str | None = None  # its setting, when it has one

    @property
    def current(self) -> bool:
        return self.revision == migrate.head_revision()


def _refuse(problem: StoreProblem, path: Path, message: str, advice: str) -> StoreError:
    return StoreError(problem, message, path, advice)


def _damaged(path: Path, detail: str) -> StoreError:
    log.warning("%s failed its integrity check: %s", path, detail[:2000])
    return StoreError(
        StoreProblem.CORRUPT,
        _("« {name} » est endommagé : une partie de son contenu est illisible.").format(
            name=path.name
        ),
        path,
        _(
            "Le fichier n'a pas été modifié. Restaurez la dernière sauvegarde (elles sont "
            "dans le dossier « sauvegardes » à côté du fichier) ou choisissez un autre fichier."
        ),
        detail,
    )


def _empty(path: Path) -> StoreError:
    return _refuse(
        StoreProblem.EMPTY,
        path,
        _("« {name} » est vide : il ne contient aucune donnée.").format(name=path.name),
        _(
            "Une copie ou un enregistrement a peut-être été interrompu. Le fichier n'a pas "
            "été modifié. Restaurez une sauvegarde, choisissez un autre fichier, ou créez un "
            "nouveau fichier avec Fichier › Nouveau fichier."
        ),
    )


def _header(path: Path) -> bytes:
    if not path.exists():
        raise _refuse(
            StoreProblem.NOT_FOUND,
            path,
            _("Le fichier « {path} » n'existe pas.").format(path=path),
            _("Il a peut-être été déplacé ou renommé. Choisissez un autre fichier."),
        )
    if not path.is_file():
        raise _refuse(
            StoreProblem.NOT_DATABASE,
            path,
            _("« {name} » est un dossier, pas un fichier de données.").format(name=path.name),
            _("Choisissez un fichier de données Ahuntsic Desktop (.sqlite)."),
        )
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise _refuse(
            StoreProblem.UNREADABLE,
            path,
            _("« {name} » ne peut pas être lu : {reason}.").format(
                name=path.name, reason=error.strerror or error
            ),
            _(
                "Votre compte n'a peut-être pas le droit de lire ce fichier. Demandez à la "
                "personne responsable de l'ordinateur, ou choisissez un autre fichier."
            ),
        ) from error


def _tables(connection: sqlite3.Connection) -> set[str]:
    rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {name for (name,) in rows}


def _parsed(value: object) -> object:
    """A setting's value, stored as JSON; None when it is not."""
    try:  # the column has NUMERIC affinity: "10" comes back as 10
        return json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return None


def _settings(connection: sqlite3.Connection, tables: set[str]) -> dict[str, object]:
    """The settings opening needs: ``backup_keep``, and ``table_name`` for the window's
    title before SQLAlchemy is imported."""
    if "setting" not in tables:
        return {}
    rows = connection.execute(
        "SELECT key, value FROM setting WHERE key IN ('backup_keep', 'table_name')"
    )
    return {key: _parsed(value) for key, value in rows}


def _backup_keep(settings: dict[str, object]) -> int | None:
    try:
        keep = int(settings.get("backup_keep"))
    except (TypeError, ValueError):
        return None
    return max(1, min(365, keep))


def _table_name(settings: dict[str, object]) -> str | None:
    name = settings.get("table_name")
    return name if isinstance(name, str) and name.strip() else None


def is_blank(path: Path) -> bool:
    """True for a file that holds nothing yet: 0 bytes, or SQLite without a single table."""
    path = Path(path)
    if not path.is_file():
        return False
    if path.stat().st_size == 0:
        return True
    try:
        if _header(path) != SQLITE_MAGIC:
            return False
        connection = connect_read_only(path)
        try:
            return not _tables(connection)
        finally:
            connection.close()
    except (StoreError, sqlite3.Error):
        return False


def probe(path: Path, *, check: bool = True) -> FileFacts:
    """Check ``path`` read-only: header, quick integrity check, schema version.

    The integrity check reads the whole file (0.3 s for 120 MB). Without ``check`` it is
    left to :class:`LaterCheck` (``facts.checked`` is False), but only for a file of the
    current version that opening for writing leaves untouched (:func:`_opens_untouched`):
    any other is checked now, before its backup, migration or change of journal. (The
    routine backup taken at opening checks its own copy: a damaged file never becomes one
    of the backups, nor pushes good ones out of the rotation.)"""
    path = Path(path)
    header = _header(path)
    if not header and path.stat().st_size == 0:
        raise _empty(path)
    if header != SQLITE_MAGIC:
        raise _refuse(
            StoreProblem.NOT_DATABASE,
            path,
            _(
                "« {name} » n'est pas un fichier de données Ahuntsic Desktop "
                "(ce n'est pas une base SQLite)."
            ).format(name=path.name),
            _(
                "Le fichier n'a pas été modifié. Pour reprendre une liste d'un tableur, "
                "utilisez l'importation ; sinon, choisissez un autre fichier."
            ),
        )
    untouched = _opens_untouched(path)
    try:
        connection = connect_read_only(path)
    except sqlite3.Error as error:
        raise (faults.fault(error, path) or _damaged(path, str(error))) from error
    try:
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        checked = check or not untouched
        if checked:
            _quick_check(connection, path)
        tables = _tables(connection)
        revision = None
        if "alembic_version" in tables:
            found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = found[0] if found else None
        settings = _settings(connection, tables)
        keep, name = _backup_keep(settings), _table_name(settings)
        if not checked and revision != migrate.head_revision():
            _quick_check(connection, path)  # a migration is due: checked before it
            checked = True
    except sqlite3.Error as error:
        raise _explained(error, path) from error
    finally:
        connection.close()
    if not tables:
        raise _empty(path)
    if revision is None:
        raise _refuse(
            StoreProblem.NOT_DATABASE,
            path,
            _(
                "« {name} » est une base de données d'une autre application, pas un fichier "
                "d'Ahuntsic Desktop."
            ).format(name=path.name),
            _("Le fichier n'a pas été modifié. Choisissez un autre fichier."),
        )
    if revision not in migrate.known_revisions():
        raise _refuse(
            StoreProblem.NEWER_VERSION,
            path,
            _(
                "« {name} » a été enregistré par une version plus récente d'Ahuntsic Desktop."
            ).format(name=path.name),
            _(
                "Il n'a pas été modifié. Installez la dernière version d'Ahuntsic Desktop pour "
                "l'ouvrir, ou choisissez un autre fichier."
            ),
        )
    return FileFacts(revision, keep, checked, name)


def _quick_check(connection: sqlite3.Connection, path: Path) -> None:
    rows = connection.execute("PRAGMA quick_check(20)").fetchall()
    if [tuple(row) for row in rows] != [("ok",)]:
        raise _damaged(path, "\n".join(str(row[0]) for row in rows))


def _explained(error: sqlite3.Error, path: Path) -> StoreError:
    name = getattr(error, "sqlite_errorname", "")
    if name in _BUSY:
        return _refuse(
            StoreProblem.IN_USE,
            path,
            _("« {name} » est en cours d'écriture par un autre programme.").format(name=path.name),
            _("Réessayez dans un moment, ou ouvrez-le en lecture seule."),
        )
    if name in _UNREADABLE:
        return StoreError(
            StoreProblem.UNREADABLE,
            _("« {name} » ne peut pas être lu.").format(name=path.name),
            path,
            _("Copiez-le dans vos documents puis ouvrez la copie."),
            str(error),
        )
    return faults.fault(error, path) or _damaged(path, str(error))


def _opens_untouched(path: Path) -> bool:
    """Whether opening ``path`` for writing leaves it byte for byte as it is until the first
    write: already in WAL mode (bytes 18-19 of the header are 2; switching would rewrite
    them) and no ``-wal`` left with pages to fold in (the last connection would write them
    into the file when it closes)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(20)
        wal = path.with_name(path.name + "-wal")
        return header[18:20] == b"\x02\x02" and (not wal.exists() or wal.stat().st_size == 0)
    except OSError:
        return False


class LaterCheck:
    """The integrity check of an open file, run in a thread of its own on its own read-only
    connection, while the window is built and painted. :meth:`verdict` waits for it and
    raises the same :class:`StoreError` as :func:`probe` would have (« endommagé »);
    :class:`~.database.Database` asks for it before anything is written."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._error: StoreError | None = None
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            connection = connect_read_only(self.path)
            try:
                _quick_check(connection, self.path)
            finally:
                connection.close()
        except StoreError as error:
            self._error = error
        except sqlite3.Error as error:
            self._error = _explained(error, self.path)
        except Exception as error:  # noqa: BLE001 - never a silent pass on a failed check
            log.exception("The integrity check of %s failed", self.path)
            self._error = _damaged(self.path, repr(error))

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def wait(self) -> None:
        self._thread.join()

    def verdict(self) -> None:
        """Wait for the check; raises its :class:`StoreError` when the file is damaged."""
        self.wait()
        if self._error is not None:
            raise self._error


def require_writable(path: Path) -> None:
    """Refuse, before anything is written, a file or folder that can't be written."""
    path = Path(path)
    if not folder_writable(path):
        raise _refuse(
            StoreProblem.READ_ONLY,
            path,
            _(
                "Le dossier de « {name} » est en lecture seule (clé USB verrouillée, disque "
                "protégé, CD ou dossier sans droit d'écriture)."
            ).format(name=path.name),
            _(
                "Ouvrez-le en lecture seule pour le consulter, ou enregistrez-en une copie "
                "dans vos documents et ouvrez la copie pour y travailler."
            ),
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise _refuse(
            StoreProblem.READ_ONLY,
            path,
            _(
                "« {name} » est protégé en écriture (ses droits ne permettent que la lecture)."
            ).format(name=path.name),
            _(
                "Ouvrez-le en lecture seule pour le consulter, ou enregistrez-en une copie "
                "et ouvrez la copie pour y travailler."
            ),
        )
