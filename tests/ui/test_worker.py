"""Background tasks: closing a file or the window waits for those still running, and only
for them. A task that has ended is forgotten when its work ends, not when its ``finished``
signal reaches the window: that signal can come after the task was deleted (a dialog closed
with it), and waiting on a deleted thread crashed the application at its next close."""

from __future__ import annotations

import shiboken6
from PySide6.QtWidgets import QWidget

from ahuntsic_desktop.ui.widgets.worker import run_task, wait_for_background


def test_a_task_ended_and_deleted_is_not_waited_for(qtbot):
    owner = QWidget()
    results: list = []
    task = run_task(owner, lambda _progress: 42, results.append, results.append)
    task.wait()  # ended; its signals not yet delivered (no event loop turned)
    assert task.result == 42
    shiboken6.delete(task)  # as when the dialog that owned it is closed
    wait_for_background(1_000)  # must not touch the deleted thread
    owner.deleteLater()


def test_closing_waits_for_a_task_still_running(qtbot):
    import threading

    release = threading.Event()
    ended: list = []
    task = run_task(None, lambda _progress: release.wait(5) and "done", ended.append, ended.append)
    qtbot.waitUntil(task.isRunning)
    release.set()
    wait_for_background(5_000)
    assert task.isFinished() and task.result == "done"
