"""Leave no copy of deleted or overwritten values in the data file (Law 25 erasure).

Minimal version for the privacy branch: the ``faults`` branch adds the same function to
:mod:`.engine` (``purge_free_pages``); keep one of the two when merging."""

from __future__ import annotations

from sqlalchemy import Engine


def purge_free_pages(engine: Engine) -> None:
    """Fold the ``-wal`` into the file and empty it, rebuild the file without its free
    pages (``VACUUM``), then fold and empty the ``-wal`` again. ``secure_delete`` is set
    first so that pages freed on the way are zeroed whatever SQLite's build default."""
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        raw.execute("PRAGMA secure_delete = ON")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
