"""Use cases and queries. Plain Python: no Qt. Each call is one unit of work and returns
plain values (dataclasses, tuples, :class:`~.listing.Table`), never live ORM objects."""
