"""The one error type services raise for bad input, carrying a user-facing message."""

from __future__ import annotations

from ...i18n import _
from ...store import ConflictError


class ValidationError(Exception):
    """Input refused by a service. ``field`` names the form field at fault (or None)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFoundError(ValidationError):
    """The record asked for does not exist (any more)."""


def require_version(record, version: int | None) -> None:
    """Refuse to save ``record`` over a change made since ``version`` was read (another
    user of a shared server): :class:`ConflictError`, nothing written. ``None`` skips the
    check (a caller that read no version)."""
    if version is not None and record.version != version:
        raise ConflictError(
            _("Quelqu'un d'autre a modifié cette fiche entre-temps : rien n'a été enregistré.")
        )
