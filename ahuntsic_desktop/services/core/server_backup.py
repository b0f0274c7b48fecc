"""Backups of a database on the shared server, the counterparts of a file's copies
(:mod:`.backup`): a copy saved by ``pg_dump`` (custom format, ``.dump``), and a restore
into the same database (after the user confirmed; the current content is dumped first)
or into an empty one.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from ...domain.enums import AuditAction
from ...i18n import _
from ...store import Database, StoreError
from ...store import server_backup as dumps
from ...store.copying import holds_data
from ...store.roles import reapply_if_present
from . import audit
from .errors import ValidationError

log = logging.getLogger(__name__)
SUFFIX = dumps.DUMP_SUFFIX
BEFORE_RESTORE = "avant-restauration"


def _explained(error: StoreError) -> ValidationError:
    return ValidationError(f"{error.message} {error.advice}".strip())


def _require_server(db: Database) -> None:
    if not db.on_server:
        raise ValidationError(_("Ce n'est pas une base de données sur un serveur."))


def dump_name(db: Database, now: dt.datetime, kind: str = "") -> str:
    """``ahuntsic-20261207-143000.dump``: the database's name and the time."""
    stem = "-".join(filter(None, [db.engine.url.database, now.strftime("%Y%m%d-%H%M%S"), kind]))
    return stem + SUFFIX


def save_dump(db: Database, target: Path, *, overwrite: bool = False) -> Path:
    """Write a ``pg_dump`` of the server database to ``target``."""
    _require_server(db)
    target = Path(target)
    if target.exists() and not overwrite:
        raise ValidationError(_("« {name} » existe déjà.").format(name=target.name))
    try:
        return dumps.dump(db.engine, target)
    except StoreError as error:
        raise _explained(error) from error


@dataclass(frozen=True)
class RestoredServer:
    db: Database  # connected again, on the restored content
    safety_copy: Path | None  # the content it had just before (None when it was empty)


def restore_dump(
    db: Database,
    source: Path,
    safety_folder: Path,
    now: dt.datetime,
    *,
    replace: bool = False,
) -> RestoredServer:
    """Load the dump ``source`` into the server database ``db``.

    A database holding data is replaced only when ``replace`` is True (the user said so),
    and its current content is first dumped into ``safety_folder``. ``db`` is closed and
    the database connected again (and updated when the dump predates this version). On
    failure nothing changed and ``db`` is still usable."""
    _require_server(db)
    source = Path(source)
    if not source.is_file():
        raise ValidationError(_("« {name} » est introuvable.").format(name=source.name))
    safety = None
    if holds_data(db):
        if not replace:
            raise ValidationError(
                _(
                    "La base « {name} » contient déjà des données : confirmez le remplacement "
                    "de son contenu."
                ).format(name=db.engine.url.database),
                "replace",
            )
        Path(safety_folder).mkdir(parents=True, exist_ok=True)
        safety = save_dump(db, Path(safety_folder) / dump_name(db, now, BEFORE_RESTORE))
    url = db.engine.url.render_as_string(hide_password=False)
    db.engine.dispose()  # our idle connections must not hold the tables being dropped
    try:
        dumps.restore(db.engine, source)
    except StoreError as error:
        raise _explained(error) from error
    db.close()
    try:
        reopened = Database.connect(url)
    except StoreError as error:
        raise _explained(error) from error
    reapply_if_present(reopened.engine)
    with reopened.session() as session:
        audit.record_event(
            session,
            "fichier",
            audit.BULK_ID,
            AuditAction.RESTORE,
            {"sauvegarde": source.name, "copie_avant": safety.name if safety else ""},
        )
    log.info("Server database restored")
    return RestoredServer(reopened, safety)
