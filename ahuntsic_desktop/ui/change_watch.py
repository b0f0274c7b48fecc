"""Lists that follow other users' saves on a shared server.

The store gathers the server's change notices in a thread (:mod:`ahuntsic_desktop.store.
notices`, LISTEN/NOTIFY); here a timer looks at them in the window's own thread and says
which tables others changed (``changed``). A data file has no notices: nothing runs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from ..store import Database

log = logging.getLogger(__name__)
POLL_MS = 1000  # how soon another user's save shows in the open list


class ChangeWatch(QObject):
    changed = Signal(object)  # the set of tables changed by others ("*": maybe any)

    def __init__(self, parent: QObject | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.notices = None
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)

    def watch(self, db: Database) -> None:
        """Follow ``db``'s server (nothing for a file), and stop following the last one."""
        self.stop()
        self.db = db
        self.notices = db.change_notices()
        if self.notices is not None:
            self.timer.start()

    def poll(self) -> None:
        if self.notices is None:
            return
        tables = self.notices.take()
        if tables:
            log.debug("Changed by others: %s", ", ".join(sorted(tables)))
            self.db.writes.bump()  # what was read ahead may be stale
            self.changed.emit(tables)

    def stop(self) -> None:
        self.timer.stop()
        if self.notices is not None:
            self.notices.close()
            self.notices = None
