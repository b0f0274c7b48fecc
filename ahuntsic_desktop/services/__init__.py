"""Use cases and queries. Plain Python: no Qt. Each call is one unit of work and returns
plain values (dataclasses, tuples, :class:`~.listing.Table`), never live ORM objects."""

# Every Database's sessions write the audit trail as soon as any service is imported.
from .core import audit as _audit  # noqa: E402, F401
