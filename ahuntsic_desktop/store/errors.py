"""Errors raised when a data file cannot be opened as asked. Messages are for the user:
``message`` says what happened, ``advice`` what to do about it; ``detail`` is SQLite's
own words, for the log and for support."""

from __future__ import annotations

from enum import StrEnum


class StoreProblem(StrEnum):
    NOT_FOUND = "not_found"
    UNREADABLE = "unreadable"  # no permission to read the file
    EMPTY = "empty"  # 0 bytes, or a SQLite file with no table: nothing to open
    NOT_DATABASE = "not_database"  # not SQLite, or another application's SQLite file
    CORRUPT = "corrupt"  # damaged or truncated
    NEWER_VERSION = "newer_version"
    NEEDS_UPGRADE = "needs_upgrade"  # older schema, but asked to open read-only
    IN_USE = "in_use"
    READ_ONLY = "read_only"  # the file or its folder (or medium) refuses writing
    FAILED = "failed"  # a backup or restore could not be written
    DISK_FULL = "disk_full"  # no space left: the file itself is healthy
    IO_ERROR = "io_error"  # the disk (or key, or network share) failed to read or write
    BUSY = "busy"  # another program holds the write lock: try again later
    UNREACHABLE = "unreachable"  # the server can't be reached or refused the connection
    TOOL_MISSING = "tool_missing"  # pg_dump, pg_restore or psql is not installed
    VERSION_MISMATCH = "version_mismatch"  # those tools or a dump don't fit the server


# Problems that pass: the same operation may succeed when tried again.
RETRYABLE = frozenset(
    {StoreProblem.BUSY, StoreProblem.DISK_FULL, StoreProblem.IO_ERROR, StoreProblem.UNREACHABLE}
)


class StoreError(Exception):
    """A data file could not be opened; ``message`` says why in the user's language."""

    def __init__(
        self,
        problem: StoreProblem,
        message: str,
        path: object = None,
        advice: str = "",
        detail: str = "",
    ) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message
        self.path = path
        self.advice = advice
        self.detail = detail  # technical, for the log and a « détails » button

    def __str__(self) -> str:
        return f"{self.message}\n{self.advice}" if self.advice else self.message


class ConflictError(Exception):
    """A save lost the race: someone else changed the same record since it was read.
    Nothing was written; reload the record, compare and save again."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
