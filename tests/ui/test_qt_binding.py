"""Guard against a broken Qt binding: PySide6 6.12.0 on Python 3.11 drops a reference to
None on every void call and the application aborts (none_dealloc) after a while of use."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_leak_references_to_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("x")
        label.hide()
    assert before - sys.getrefcount(None) < 100
