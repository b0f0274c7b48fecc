"""The verdict of the integrity check that start-up leaves running while the window is built
and painted (``Database.open(check_later=True)``): awaited once the window has painted,
before the first page reads the file. A damaged file is closed and explained as when it is
refused at opening, with the same message and the same ways out (restore a backup, another
file); nothing was written to it, since every session waits for the verdict."""

from __future__ import annotations

import logging

from ..store import StoreError
from .file_opening import explain_refusal

log = logging.getLogger(__name__)


def passed(window) -> bool:  # noqa: ANN001 (the MainWindow)
    """True when the window's file passed its check (or had none running). Else the file
    is closed and explained; the window then shows the file chosen instead, or closes."""
    db = window.db
    if getattr(window, "refused_file", None) is db:
        return False  # being explained (the late-load timer came during the box) or closed
    try:
        db.verdict()
    except StoreError as error:
        log.warning("Refused %s after its check: %s", db.path, error.problem)
        window.refused_file = db
        db.close()  # its lock goes: a backup may be restored in its place
        chosen = explain_refusal(window, db.path, error)
        if chosen is None:
            window.close()
        else:
            window.set_database(chosen)
        return False
    return True
