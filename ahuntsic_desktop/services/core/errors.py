"""The one error type services raise for bad input, carrying a user-facing message."""

from __future__ import annotations


class ValidationError(Exception):
    """Input refused by a service. ``field`` names the form field at fault (or None)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFoundError(ValidationError):
    """The record asked for does not exist (any more)."""
