"""The house: settings, validation and its error, the audit trail and journal, backups,
and the plain tables list queries return. Every other services package builds on it.

The public face: other services packages import only what is listed in ``__all__``
(the modules, and the few names other concepts build on)."""

from . import bulk, errors, listing, periods, settings
from .bulk import BulkResult
from .errors import ConflictError, NotFoundError, ValidationError, require_version
from .listing import Choice, Column, Table
from .periods import Period
from .settings import TableSettings

# audit, backup, journal, journal_names, references, server_backup and validation load
# when first imported (``from ..core import journal``): they import every model or the
# e-mail and telephone libraries, which the window's first paint does not need.


def __getattr__(name: str):  # noqa: ANN202 (a function of the face)
    if name == "is_referenced":
        from .references import is_referenced

        return is_referenced
    if name == "name_sort_key":
        from .validation import name_sort_key

        return name_sort_key
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
