"""Storage: the engine, the file lock, migrations and backups. Only here is SQLite known."""

from .database import Database
from .errors import StoreError, StoreProblem

__all__ = ["Database", "StoreError", "StoreProblem"]
