"""Instants as the data file keeps them: in UTC, without a zone, the way SQLite's
``CURRENT_TIMESTAMP`` writes ``created_at`` and ``updated_at``. Every instant the program
stamps itself (``archived_at``, ``anonymized_at``, the journal's ``at``) is taken with
:func:`utc_now`, and every instant shown to a person goes through :func:`local` first, so
one action's « créé » and « archivé » agree. Dates (``paid_on``, ``granted_on``...) are
calendar days and are not instants."""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    """This instant in UTC, without a zone, to the second: what the file stores."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def local(at: dt.datetime | None) -> dt.datetime | None:
    """A stored instant (UTC, no zone) in the computer's local time, without a zone, to
    show it; an instant that carries a zone is converted from it."""
    if at is None:
        return None
    aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
    return aware.astimezone().replace(tzinfo=None)


def from_local(at: dt.datetime) -> dt.datetime:
    """A local time without a zone (as typed, or as an old file kept it) in UTC, without
    a zone, to store it."""
    aware = at.astimezone() if at.tzinfo is None else at
    return aware.astimezone(dt.UTC).replace(tzinfo=None)
