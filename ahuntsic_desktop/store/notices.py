"""Change notices from a shared server: another user's save makes the open lists refresh.

Migration 0016 has every table send ``NOTIFY ahuntsic_changes`` with the table's name and
the sender's ``application_name`` when a transaction that changed it commits. A
:class:`ChangeNotices` listens on a connection of its own, in a thread (no Qt here: the
window polls :meth:`ChangeNotices.take` with a timer), and ignores the notices of its own
Database (each names its connections, :func:`.server.server_engine`). When the connection
is lost it is opened again; notices missed meanwhile count as "everything changed".
"""

from __future__ import annotations

import logging
import threading

import psycopg
from sqlalchemy.engine import URL

log = logging.getLogger(__name__)
CHANNEL = "ahuntsic_changes"
EVERYTHING = "*"  # a notice that stands for any table (notices may have been missed)
RETRY_S = 2.0  # wait before listening again on a lost connection
TICK_S = 0.5  # how often the thread looks whether it should stop


class ChangeNotices:
    """The tables other users changed, gathered by a thread until :meth:`take`."""

    def __init__(self, url: URL, own_name: str) -> None:
        self._connect_args = url.translate_connect_args(username="user", database="dbname")
        self._own = own_name
        self._pending: set[str] = set()
        self._arrived = threading.Condition()
        self._stop = threading.Event()
        self.listening = threading.Event()  # set while the LISTEN connection is up
        self._thread = threading.Thread(target=self._run, name="change-notices", daemon=True)

    def start(self) -> ChangeNotices:
        self._thread.start()
        return self

    def take(self) -> set[str]:
        """The tables changed by others since the last call (``*``: maybe any)."""
        with self._arrived:
            taken, self._pending = self._pending, set()
        return taken

    def wait(self, timeout: float) -> bool:
        """Block until a notice is pending or ``timeout`` seconds passed; whether one is."""
        with self._arrived:
            return self._arrived.wait_for(lambda: bool(self._pending), timeout)

    def close(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _add(self, table: str) -> None:
        with self._arrived:
            self._pending.add(table)
            self._arrived.notify_all()

    def _run(self) -> None:
        missed = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    autocommit=True,
                    connect_timeout=10,
                    application_name=f"{self._own}-notices",
                    **self._connect_args,
                ) as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    if missed:  # what changed while we were away is unknown
                        self._add(EVERYTHING)
                    self._listen(connection)
            except psycopg.Error as error:
                self.listening.clear()
                missed = True
                log.info("Change notices interrupted (%s); listening again", type(error).__name__)
                self._stop.wait(RETRY_S)
        self.listening.clear()

    def _listen(self, connection: psycopg.Connection) -> None:
        while not self._stop.is_set():
            for notice in connection.notifies(timeout=TICK_S):
                table, _space, sender = notice.payload.partition(" ")
                if sender != self._own:
                    self._add(table)
