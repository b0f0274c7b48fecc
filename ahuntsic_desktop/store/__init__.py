"""Storage: the engine, the file lock, migrations and backups. Only here is the engine known
(a SQLite file, or a PostgreSQL server: :mod:`.server`)."""

from .database import Database
from .errors import RETRYABLE, ConflictError, StoreError, StoreProblem
from .folding import french_key
from .server import (
    account_of,
    build_url,
    database_user,
    is_server_url,
    server_url,
    single_writer,
)

__all__ = [
    "RETRYABLE",
    "ConflictError",
    "Database",
    "StoreError",
    "StoreProblem",
    "account_of",
    "build_url",
    "database_user",
    "french_key",
    "is_server_url",
    "server_url",
    "single_writer",
]
