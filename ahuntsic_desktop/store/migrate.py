"""Schema versions: create a new file, upgrade an old one after a backup, refuse a newer one.

Alembic (with Mako and Pygments) costs about half a second to import: it is imported only
when a migration is due. Opening a file of the current version reads the revisions from
the headers of ``migrations/versions/*.py`` (the ``revision = ...`` and ``down_revision =
...`` lines Alembic writes; a test checks they agree with Alembic's own reading) and the
file's revision from its ``alembic_version`` table.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _
from . import server
from .errors import StoreError, StoreProblem

log = logging.getLogger(__name__)
BEFORE_UPDATE = "avant-mise-a-jour"
MIGRATIONS = Path(__file__).parent / "migrations"
_HEADER = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*['\"]?(\w+|None)['\"]?", re.M)

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@cache
def revision_chain() -> dict[str, str | None]:
    """Each revision of ``migrations/versions`` and the one it follows (None for the first)."""
    chain: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        found = dict(_HEADER.findall(script.read_text(encoding="utf-8")))
        if "revision" in found:
            down = found.get("down_revision")
            chain[found["revision"]] = None if down in (None, "None") else down
    return chain


@cache
def head_revision() -> str:
    """The revision no other follows."""
    chain = revision_chain()
    (head,) = set(chain) - set(chain.values())
    return head


def current_revision(connection: Connection) -> str | None:
    """The revision stored in the file (None for a file without Alembic's table)."""
    from sqlalchemy import inspect, text

    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def known_revisions() -> frozenset[str]:
    return frozenset(revision_chain())


def check_not_newer(connection: Connection, path: object = None) -> str | None:
    """The file's revision; raises if a newer version of the application wrote it."""
    revision = current_revision(connection)
    if revision is not None and revision not in known_revisions():
        raise StoreError(
            StoreProblem.NEWER_VERSION,
            _("Ce fichier a été enregistré par une version plus récente d'Ahuntsic Desktop."),
            path,
            _("Il n'a pas été modifié. Installez la dernière version pour l'ouvrir."),
        )
    return revision


def upgrade(engine: Engine, path: Path | None, backup_dir: Path | None = None) -> bool:
    """Bring the schema to head in one transaction. Returns True when a migration ran.

    :meth:`Database.open <.database.Database.open>` backs the file up before calling this;
    other callers may pass ``backup_dir`` to have a copy taken here first. Foreign keys are
    off while tables are rebuilt (a rebuilt parent table would otherwise cascade deletes
    into its children) and checked before the commit.
    """
    with engine.connect() as connection:
        revision = check_not_newer(connection, path)
        connection.rollback()
    head = head_revision()
    if revision == head:
        return False
    if revision is not None and path is not None and backup_dir is not None:
        from .backups import make_backup

        target = make_backup(Path(path), backup_dir, kind=BEFORE_UPDATE)
        log.info("Backed up %s to %s before migrating from %s", path, target, revision)
    if server.is_server(engine):
        _upgrade_server(engine)
    else:
        _upgrade_file(engine, path)
    log.info("Migrated %s from %s to %s", path or "memory", revision, head)
    return True


def _run_alembic(connection: Connection) -> None:
    from alembic import command  # only now: Alembic costs half a second to import

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _upgrade_file(engine: Engine, path: Path | None) -> None:
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")  # outside any transaction, or ignored
        try:
            with connection.begin():
                _run_alembic(connection)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(
                        StoreProblem.FAILED,
                        _("La mise à jour du fichier a été annulée : des liens seraient rompus."),
                        path,
                        _("Le fichier n'a pas été modifié. Transmettez-le à l'équipe de soutien."),
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def _upgrade_server(engine: Engine) -> None:
    """On the server DDL is transactional and foreign keys are checked as usual; two
    clients opening a database at once take turns (the second finds it migrated)."""
    with engine.connect() as connection, connection.begin():
        server.single_writer(connection, "migrate")
        if current_revision(connection) != head_revision():
            _run_alembic(connection)
