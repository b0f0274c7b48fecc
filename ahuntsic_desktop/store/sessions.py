"""The session factories of open Databases, and the session events each of them gets, e.g.
the audit trail's ``before_flush``/``after_flush`` (registered by the services, which the
store can't import).

A Database makes its factory at its first session, and this module imports SQLAlchemy only
then: start-up opens the file and paints the window before it imports SQLAlchemy (see
Database.open's ``check_later``), and the first reads use Core, without the ORM."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import sessionmaker

_LISTENERS: list[tuple[str, Callable]] = []
_FACTORIES: weakref.WeakSet[sessionmaker] = weakref.WeakSet()


def listen_to_sessions(event_name: str, listener: Callable) -> None:
    """Install ``listener`` for ``event_name`` on the sessions of every Database, open or
    to come. Registering the same pair twice has no effect."""
    if (event_name, listener) in _LISTENERS:
        return
    _LISTENERS.append((event_name, listener))
    if not _FACTORIES:
        return
    from sqlalchemy import event

    for factory in list(_FACTORIES):
        event.listen(factory, event_name, listener)


def session_factory(engine: Engine) -> sessionmaker:
    """A factory of sessions on ``engine``, with every listener registered so far."""
    from sqlalchemy import event
    from sqlalchemy.orm import sessionmaker

    factory = sessionmaker(engine, expire_on_commit=False)
    for event_name, listener in _LISTENERS:
        event.listen(factory, event_name, listener)
    _FACTORIES.add(factory)
    return factory
