"""Schema versions: create a new file, upgrade an old one after a backup, refuse a newer one."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from .engine import sqlite_backup
from .errors import StoreError, StoreProblem

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def check_not_newer(connection: Connection, path: object = None) -> str | None:
    """The file's revision; raises if a newer version of the application wrote it."""
    revision = current_revision(connection)
    if revision is not None and revision not in known_revisions():
        raise StoreError(
            StoreProblem.NEWER_VERSION,
            "Ce fichier a été enregistré par une version plus récente d'Ahuntsic Desktop. "
            "Il n'a pas été modifié. Installez la dernière version pour l'ouvrir.",
            path,
        )
    return revision


def upgrade(engine: Engine, path: Path | None, backup_dir: Path | None) -> bool:
    """Bring the schema to head; back the file up first when it already holds data.

    Returns True when a migration ran.
    """
    with engine.connect() as connection:
        revision = check_not_newer(connection, path)
    head = head_revision()
    if revision == head:
        return False
    if revision is not None and path is not None and backup_dir is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = backup_dir / f"{Path(path).stem}-avant-migration-{revision}-{stamp}.sqlite"
        sqlite_backup(Path(path), target)
        log.info("Backed up %s to %s before migrating from %s", path, target, revision)
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("Migrated %s from %s to %s", path or "memory", revision, head)
    return True
