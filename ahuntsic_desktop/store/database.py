"""Open a data file: check it, lock it, migrate it, and hand out short sessions."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from . import migrate
from .engine import make_engine
from .errors import StoreError, StoreProblem

log = logging.getLogger(__name__)
SQLITE_MAGIC = b"SQLite format 3\x00"


def _probe_file(path: Path) -> None:
    """Refuse what is not a readable SQLite file, without writing to it."""
    if not path.exists():
        raise StoreError(StoreProblem.NOT_FOUND, f"Le fichier « {path} » n'existe pas.", path)
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise StoreError(
            StoreProblem.READ_ONLY, f"Impossible de lire « {path} » : {error.strerror}.", path
        ) from error
    if header != SQLITE_MAGIC:
        if not header and path.stat().st_size == 0:
            return  # an empty file is a new database in waiting
        raise StoreError(
            StoreProblem.NOT_DATABASE,
            f"« {path.name} » n'est pas un fichier de données Ahuntsic Desktop "
            "(ce n'est pas une base SQLite). Il n'a pas été modifié.",
            path,
        )
    connection = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
    try:
        row = connection.execute("PRAGMA quick_check").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(
            StoreProblem.CORRUPT,
            f"« {path.name} » est endommagé et ne peut pas être lu ({error}). "
            "Il n'a pas été modifié : restaurez une sauvegarde.",
            path,
        ) from error
    finally:
        connection.close()
    if row is None or row[0] != "ok":
        raise StoreError(
            StoreProblem.CORRUPT,
            f"« {path.name} » est endommagé (vérification d'intégrité : {row and row[0]}). "
            "Il n'a pas été modifié : restaurez une sauvegarde.",
            path,
        )


class Database:
    """One open data file. ``session()`` gives a short unit of work."""

    def __init__(self, engine: Engine, path: Path | None, *, read_only: bool, lock=None):
        self.engine = engine
        self.path = path
        self.read_only = read_only
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def in_memory(cls) -> Database:
        engine = make_engine(None)
        migrate.upgrade(engine, None, None)
        return cls(engine, None, read_only=False)

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        read_only: bool = False,
        backup_dir: Path | None = None,
    ) -> Database:
        """Open ``path``; raises :class:`StoreError` with a French message when it can't."""
        path = Path(path)
        if create and not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            _probe_file(path)
        lock = None
        if not read_only:
            lock = FileLock(str(path) + ".lock", timeout=0)
            try:
                lock.acquire()
            except Timeout as error:
                raise StoreError(
                    StoreProblem.IN_USE,
                    f"« {path.name} » est déjà ouvert dans une autre fenêtre d'Ahuntsic "
                    "Desktop. Vous pouvez l'ouvrir en lecture seule ou fermer l'autre fenêtre.",
                    path,
                ) from error
            except OSError as error:
                raise StoreError(
                    StoreProblem.READ_ONLY,
                    f"Le dossier de « {path.name} » n'est pas accessible en écriture. "
                    "Vous pouvez l'ouvrir en lecture seule.",
                    path,
                ) from error
        engine = make_engine(path, read_only=read_only)
        try:
            if read_only:
                with engine.connect() as connection:
                    migrate.check_not_newer(connection, path)
                    if migrate.current_revision(connection) != migrate.head_revision():
                        raise StoreError(
                            StoreProblem.READ_ONLY,
                            "Ce fichier date d'une version précédente et doit être mis à "
                            "jour ; il ne peut pas être ouvert en lecture seule.",
                            path,
                        )
            else:
                migrate.upgrade(engine, path, backup_dir or path.parent / "sauvegardes")
        except StoreError:
            engine.dispose()
            if lock is not None:
                lock.release()
            raise
        except (DatabaseError, sqlite3.DatabaseError) as error:
            engine.dispose()
            if lock is not None:
                lock.release()
            log.exception("Could not open %s", path)
            raise StoreError(
                StoreProblem.READ_ONLY
                if "readonly" in str(error).lower()
                else StoreProblem.CORRUPT,
                f"« {path.name} » ne peut pas être ouvert : {error.orig if hasattr(error, 'orig') else error}.",
                path,
            ) from error
        log.info("Opened %s%s", path, " (read-only)" if read_only else "")
        return cls(engine, path, read_only=read_only, lock=lock)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def integrity_ok(self) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(text("PRAGMA quick_check")).scalar() == "ok"

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
