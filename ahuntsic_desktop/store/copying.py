"""Move a table's data between a SQLite file and a PostgreSQL server, either way.

Both ends are opened (so both are at the same schema version), the target emptied in one
transaction and filled table by table in foreign-key order, ids kept; then every table is
counted and checksummed on both sides. A target holding anything but what a new database
holds is refused unless ``replace`` is asked. Nothing of the source is ever written.
"""

from __future__ import annotations

import datetime as dt
import decimal
import hashlib
import json
import logging
from dataclasses import dataclass

from sqlalchemy import Connection, Integer, Table, func, select, text, update

from ..domain import Base
from ..i18n import _
from .database import Database
from .errors import StoreError, StoreProblem

log = logging.getLogger(__name__)
BATCH = 2000


@dataclass(frozen=True)
class TableCheck:
    name: str
    rows: int
    checksum: str  # sha256 of the rows in id order, the same on both engines


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(Base.metadata.sorted_tables)


def _canonical(value: object) -> object:
    """A value as both engines give it back once read through the models."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value.normalize())
    if isinstance(value, bytes | memoryview):
        return hashlib.sha256(bytes(value)).hexdigest()
    return value


def check_table(connection: Connection, table: Table) -> TableCheck:
    digest = hashlib.sha256()
    rows = 0
    order = list(table.primary_key.columns)
    for row in connection.execute(select(table).order_by(*order)):
        line = json.dumps([_canonical(v) for v in row], sort_keys=True, ensure_ascii=False)
        digest.update(line.encode() + b"\n")
        rows += 1
    return TableCheck(table.name, rows, digest.hexdigest())


def checks(database: Database) -> list[TableCheck]:
    with database.engine.connect() as connection:
        return [check_table(connection, table) for table in tables()]


def _counts(connection: Connection) -> dict[str, int]:
    return {t.name: connection.scalar(select(func.count()).select_from(t)) for t in tables()}


def holds_data(database: Database) -> bool:
    """Whether ``database`` holds more than a new one (the migrations seed a few lists)."""
    new = Database.in_memory()
    try:
        with new.engine.connect() as connection:
            seeded = _counts(connection)
    finally:
        new.close()
    with database.engine.connect() as connection:
        return _counts(connection) != seeded


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _fill(source: Connection, target: Connection, table: Table) -> None:
    """Copy ``table``'s rows; a column pointing into its own table (a meeting approving
    another's minutes) is written once every row is there."""
    later = _self_references(table)
    # Columns the UPDATE would set by themselves (updated_at) keep the copied value.
    kept = [*later, *(c.name for c in table.columns if c.onupdate is not None), "id"]
    pending: list[dict] = []
    result = source.execute(select(table).order_by(*table.primary_key.columns))
    while batch := result.mappings().fetchmany(BATCH):
        rows = [dict(row) for row in batch]
        for row in rows:
            if any(row[name] is not None for name in later):
                pending.append({name: row[name] for name in kept})
                row.update(dict.fromkeys(later, None))
        target.execute(table.insert(), rows)
    for row in pending:
        values = {name: value for name, value in row.items() if name != "id"}
        target.execute(update(table).where(table.c.id == row["id"]).values(**values))


def _restart_sequences(target: Connection) -> None:
    """On the server, ids given by the copy must not be given again."""
    if target.dialect.name != "postgresql":
        return
    for table in tables():
        key = list(table.primary_key.columns)
        if len(key) == 1 and isinstance(key[0].type, Integer) and key[0].autoincrement:
            target.execute(
                text(
                    "SELECT setval(pg_get_serial_sequence(:t, :c), "
                    f'coalesce((SELECT max("{key[0].name}") FROM "{table.name}"), 0) + 1, false)'
                ),
                {"t": table.name, "c": key[0].name},
            )


def _refused(name: str) -> StoreError:
    return StoreError(
        StoreProblem.FAILED,
        _("« {name} » contient déjà des données.").format(name=name),
        name,
        _("Rien n'a été copié. Ajoutez --replace pour remplacer son contenu."),
    )


def copy_data(source: Database, target: Database, *, replace: bool = False) -> list[TableCheck]:
    """Copy every row of ``source`` into ``target`` (emptied first) in one transaction;
    returns the checks of every table, equal on both sides, or raises :class:`StoreError`
    (the target then holds what it held before)."""
    name = target.url or str(target.path)
    if not replace and holds_data(target):
        raise _refused(name)
    with source.engine.connect() as reading, target.engine.begin() as writing:
        for table in reversed(tables()):
            writing.execute(table.delete())
        for table in tables():
            _fill(reading, writing, table)
        _restart_sequences(writing)
    mine, theirs = checks(source), checks(target)
    if mine != theirs:
        wrong = [a.name for a, b in zip(mine, theirs, strict=True) if a != b]
        log.error("Copy differs in tables %s", ", ".join(wrong))
        raise StoreError(
            StoreProblem.FAILED,
            _("La copie diffère de l'original (tables : {tables}).").format(
                tables=", ".join(wrong)
            ),
            name,
            _("Ne l'utilisez pas ; transmettez le journal à l'équipe de soutien."),
        )
    log.info("Copied %s rows into %s", sum(c.rows for c in mine), name)
    return mine
