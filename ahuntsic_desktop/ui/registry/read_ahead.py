"""A list's table read ahead in the background while the window waits for the user, so the
first click on a big list shows it at once instead of reading 100,000 rows then.

The read runs in a worker thread (:mod:`..widgets.worker`) with its own short sessions and
touches no widget; its arguments are read in the window's thread when it starts. Its result
is used only for the same file, the same arguments and when nothing was written to the file
since it started (:class:`store.writes.WriteCounter`); otherwise the list is read again, as
without it. A click that comes while the read runs waits for what is left of it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject

from ...services.core.listing import Table
from ...store import Database
from ..widgets.worker import Task, run_task

log = logging.getLogger(__name__)


class ReadAhead(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.task: Task | None = None
        self._key: tuple | None = None
        self._read: list[Table] = []  # the table read, put there by the worker thread

    @staticmethod
    def key(db: Database, arguments: Hashable) -> tuple:
        return (db, db.writes.count, arguments)

    def start(
        self,
        db: Database,
        arguments: Hashable,
        read: Callable[[], Table],
        then: Callable[[Table], None] | None = None,
    ) -> None:
        """Read ``read()`` in the background, then ``then(table)`` (a finish the table can
        be shown without), unless a read is already running."""
        key = self.key(db, arguments)
        if self.task is not None:
            if self.task.isRunning() or (key == self._key and self.task.error is None):
                return  # being read, or read and still good
            self.task.deleteLater()  # read for an older state, never taken
        read_so_far: list[Table] = []  # this read's own: a stale read cannot fill another's
        self._key, self._read = key, read_so_far

        def work(_progress) -> Table:
            table = read()
            read_so_far.append(table)  # shown as is if a click comes during ``then``
            if then is not None:
                then(table)
            return table

        self.task = run_task(self, work, _ignore, _ignore)
        log.debug("Reading a list ahead")

    def take(self, db: Database, arguments: Hashable) -> Table | None:
        """The table read ahead if it still holds: same file and arguments, no write since
        it started. Once taken (or found stale) it is gone. A click during the read waits
        for what is left of it (not a read from the start); during ``then``, not at all."""
        task, self.task = self.task, None
        if task is None:
            return None
        if not self._read:
            task.wait()
        if task.isRunning():  # finishing ``then``: deleted once done
            task.finished.connect(task.deleteLater)
        else:
            task.deleteLater()
        if self._key != self.key(db, arguments) or task.error is not None or not self._read:
            return None
        return self._read[0]


def _ignore(_result) -> None:
    """The outcome is taken by :meth:`ReadAhead.take`, not through the signals."""


class ReadsAhead:
    """What a registry tab adds to read its list ahead. The tab gives ``arguments()`` (read
    from its widgets, in the window's thread), ``reader(arguments)`` (a call touching no
    widget) and ``size(arguments)`` (how many rows, counted cheaply); ``ahead`` is its
    :class:`ReadAhead`. Its ``load`` then takes what was read ahead when it still holds."""

    read_ahead_above = 5_000  # rows: under this a list reads in a blink when shown

    def load(self) -> Table:
        arguments = self.arguments()
        table = self.ahead.take(self.db, arguments)
        return table if table is not None else self.reader(arguments)()

    def read_ahead(self) -> None:
        """Start reading the list in the background when it is big; the page asks while
        the tab is hidden, or before the page is first shown."""
        arguments = self.arguments()
        if self.size(arguments) < self.read_ahead_above:
            return
        self.ahead.start(self.db, arguments, self.reader(arguments), Table.fold)
