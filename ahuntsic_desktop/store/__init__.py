"""Storage: the engine, the file lock, migrations and backups. Only here is SQLite known."""

from .database import Database
from .errors import RETRYABLE, StoreError, StoreProblem

__all__ = ["RETRYABLE", "Database", "StoreError", "StoreProblem"]
