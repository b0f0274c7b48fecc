"""Errors raised when a data file cannot be opened as asked. Messages are for the user."""

from __future__ import annotations

from enum import StrEnum


class StoreProblem(StrEnum):
    NOT_FOUND = "not_found"
    NOT_DATABASE = "not_database"
    CORRUPT = "corrupt"
    NEWER_VERSION = "newer_version"
    IN_USE = "in_use"
    READ_ONLY = "read_only"


class StoreError(Exception):
    """A data file could not be opened; ``message`` says why in the user's language."""

    def __init__(self, problem: StoreProblem, message: str, path: object = None) -> None:
        super().__init__(message)
        self.problem = problem
        self.message = message
        self.path = path
