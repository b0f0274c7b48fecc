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

from PySide6.QtCore import QObject, QTimer

from ...services.core.listing import Table
from ...store import Database
from ..widgets.worker import Task, run_task

log = logging.getLogger(__name__)
READ_REST_AFTER_MS = 400  # after the first rows are shown: they paint, the user looks


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

    def ready(self, db: Database, arguments: Hashable) -> bool:
        """Whether the table for ``arguments`` has been read and still holds."""
        return (
            self.task is not None
            and self.task.error is None
            and bool(self._read)
            and self._key == self.key(db, arguments)
        )

    def when_read(self, slot: Callable[[], None]) -> None:
        """``slot()`` in the window's thread once the read running has ended (soon, when
        none runs): the slot then :meth:`take`s what was read."""
        task = self.task
        if task is not None and task.isRunning():
            task.finished.connect(slot)
        else:
            QTimer.singleShot(0, slot)

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
    :class:`ReadAhead`. Its ``load`` then takes what was read ahead when it still holds.

    A tab whose ``first_reader(arguments)`` reads its first rows (in the order the whole
    list comes in) shows them at once when the big list is first shown before it was
    read, and the whole list as soon as the background read ends: at 100,000 persons,
    a click in the window's first seconds paints in a few hundredths of a second instead
    of waiting a second and a half. Until then ``partial`` holds the arguments shown, and
    an action on the whole list (its export) waits for the rest (:meth:`whole_list`)."""

    read_ahead_above = 5_000  # rows: under this a list reads in a blink when shown
    first_rows = 200  # shown while the rest is read (a few screens)
    first_order = ""  # the column the first rows come sorted on, ascending
    partial: Hashable | None = None  # arguments of the first rows shown, the rest coming
    whole_shown: Hashable | None = None  # arguments of the last whole list shown

    def first_reader(self, arguments: Hashable) -> Callable[[], Table] | None:
        """A call reading the first rows, for a tab that can (none by default)."""
        return None

    def load(self) -> Table:
        arguments = self.arguments()
        first = self._first_rows(arguments)
        if first is not None:
            table, total = first
            self.partial = arguments
            self.list.show_partial(total)
            return table
        return self._whole(arguments)

    def _whole(self, arguments: Hashable) -> Table:
        """The whole list: the one read ahead if it still holds, else read now."""
        self.partial, self.whole_shown = None, arguments
        self.list.show_partial(None)
        table = self.ahead.take(self.db, arguments)
        return table if table is not None else self.reader(arguments)()

    def _first_rows(self, arguments: Hashable) -> tuple[Table, int] | None:
        """The first rows and the whole list's count, the whole list then read in the
        background, when that is worth
        it: a big list shown for the first time or with other arguments, not read yet,
        sorted as the rows come. A reload after a change reads the whole list at once."""
        reader = self.first_reader(arguments)
        if reader is None or arguments == self.whole_shown:
            return None
        key, descending = self.list.sort_column()
        if key not in (None, self.first_order) or descending:
            return None  # the first rows of another order would show other persons
        if self.ahead.ready(self.db, arguments):
            return None
        total = self.size(arguments)
        if total < self.read_ahead_above:
            return None
        # the rest read once the first rows have painted: a Python thread reading 100,000
        # rows takes the interpreter from the window's thread, which paints in Python too
        QTimer.singleShot(READ_REST_AFTER_MS, self, lambda: self._read_rest(arguments))
        return reader(), total

    def _read_rest(self, arguments: Hashable) -> None:
        if self.partial != arguments:
            return  # shown whole meanwhile (an export, a destination), or other arguments
        self.ahead.start(self.db, arguments, self.reader(arguments), Table.fold)
        self.ahead.when_read(self._whole_read)

    def _whole_read(self) -> None:
        """The background read has ended: the whole list replaces its first rows (the
        search, filters, sort and selection kept)."""
        if self.partial is None or self.partial != self.arguments():
            return  # shown whole meanwhile, or other arguments asked since
        self.list.set_table(self._whole(self.partial))
        self.update_buttons()

    def whole_list(self) -> None:
        """Before an action on the whole list: the rest of it, if it is still coming."""
        if self.partial is not None:
            self._whole_read()

    def read_ahead(self) -> None:
        """Start reading the list in the background when it is big; the page asks while
        the tab is hidden, or before the page is first shown."""
        arguments = self.arguments()
        if self.size(arguments) < self.read_ahead_above:
            return
        self.ahead.start(self.db, arguments, self.reader(arguments), Table.fold)
