"""The house: settings, validation and its error, the audit trail and journal, backups,
and the plain tables list queries return. Every other services package builds on it.

The public face: other services packages import only what is listed in ``__all__``
(the modules, and the few names other concepts build on)."""

from . import (
    audit,
    backup,
    bulk,
    errors,
    journal,
    journal_names,
    listing,
    periods,
    references,
    server_backup,
    settings,
    validation,
)
from .bulk import BulkResult
from .errors import ConflictError, NotFoundError, ValidationError, require_version
from .listing import Choice, Column, Table
from .periods import Period
from .references import is_referenced
from .settings import TableSettings
from .validation import name_sort_key

__all__ = [
    "audit",
    "backup",
    "bulk",
    "BulkResult",
    "Choice",
    "Column",
    "ConflictError",
    "errors",
    "is_referenced",
    "journal",
    "journal_names",
    "listing",
    "server_backup",
    "name_sort_key",
    "NotFoundError",
    "Period",
    "periods",
    "references",
    "require_version",
    "settings",
    "Table",
    "TableSettings",
    "validation",
    "ValidationError",
]
