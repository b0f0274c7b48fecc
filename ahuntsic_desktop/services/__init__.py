"""Use cases and queries. Plain Python: no Qt. Each call is one unit of work and returns
plain values (dataclasses, tuples, :class:`~.listing.Table`), never live ORM objects."""

from __future__ import annotations

from collections.abc import Callable

from ..store.sessions import listen_to_sessions

_audit = None  # the audit module, once a flush has needed it


def _audit_listener(event_name: str) -> Callable:
    """Every Database's sessions write the audit trail (:mod:`.core.audit`) as soon as any
    service is imported. The audit module (and with it every model) loads at the first
    flush: a transaction that flushed nothing has no audit to end."""
    flushing = event_name.endswith("_flush")

    def listener(session, *args) -> None:  # noqa: ANN001 (SQLAlchemy's event arguments)
        global _audit
        if _audit is None:
            if not flushing:
                return
            from .core import audit

            _audit = audit
        _audit.LISTENERS[event_name](session, *args)

    return listener


for _event in ("before_flush", "after_flush", "after_commit", "after_rollback"):
    listen_to_sessions(_event, _audit_listener(_event))
