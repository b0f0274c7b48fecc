"""The one background worker of the window: a long service call (import, export, backup,
report) runs in a worker thread, so the
window keeps answering; progress and the outcome come back as signals on the GUI thread.

A :class:`QThread` subclass whose ``run()`` calls the work: the task object lives in the
GUI thread, so its signals, emitted from the worker, reach the widgets queued. The work
only touches plain Python and its own short database sessions, never a widget.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from ...services.core.errors import ValidationError
from ...store import StoreError

log = logging.getLogger(__name__)
Work = Callable[[Callable[[int, int], None]], object]  # work(progress) -> result
_RUNNING: set[Task] = set()  # started and not finished: waited for before a file closes


def wait_for_background(milliseconds: int = 60_000) -> None:
    """Let every background task end (closing the file or the window): a thread reading
    a file being closed would fail, and Qt aborts if a running thread is destroyed."""
    for task in list(_RUNNING):
        task.cancel()
        task.wait(milliseconds)


class Task(QThread):
    """``work(progress)`` in its own thread. ``cancel()`` makes the next progress report
    raise :class:`Cancelled` (the services roll back); ``wait()`` blocks until it ends."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        self.cancelled = False
        self.result: object = None  # the work's result once it succeeded
        self.error: BaseException | None = None

    def start(self, *args) -> None:
        _RUNNING.add(self)  # left by run() itself: a signal can outlive its receiver
        super().start(*args)

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            # Imported here: the main window imports this module before its first paint,
            # and the import services' face loads most of the others.
            from ...services.importing import Cancelled

            raise Cancelled
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            self._run()
        finally:
            _RUNNING.discard(self)

    def _run(self) -> None:
        try:
            result = self.work(self._progress)
        except Exception as error:  # handed to the GUI thread, which shows it in French
            from ...services.importing import Cancelled

            if isinstance(error, ValidationError | StoreError):  # explained to the user;
                # its message may quote what the user typed or imported: not in the log
                log.info("Background work refused: %s", type(error).__name__)
            elif not isinstance(error, Cancelled):
                log.info("Background work failed", exc_info=True)
            self.error = error
            self.failed.emit(error)
        else:
            self.result = result
            self.succeeded.emit(result)

    def cancel(self) -> None:
        self.cancelled = True


def run_task(parent: QObject, work: Work, on_success, on_failure, on_progress=None) -> Task:
    """Start ``work`` in the background and wire its outcome; returns the running task."""
    task = Task(work, parent)
    task.succeeded.connect(on_success)
    task.failed.connect(on_failure)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    task.start()
    return task


def close_after_background(db) -> None:
    """Close ``db`` once the background tasks, which may be reading it, have ended."""
    wait_for_background()
    db.close()
