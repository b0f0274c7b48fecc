"""The lock that keeps a data file to one window of Ahuntsic Desktop at a time (a file lock
beside it; a server needs none)."""

from __future__ import annotations

import os
from pathlib import Path

from filelock import FileLock, Timeout

from ..i18n import _
from . import integrity
from .errors import StoreError, StoreProblem


def _in_use(path: Path) -> StoreError:
    return StoreError(
        StoreProblem.IN_USE,
        _("« {name} » est déjà ouvert dans une autre fenêtre d'Ahuntsic Desktop.").format(
            name=path.name
        ),
        path,
        _(
            "Fermez l'autre fenêtre puis réessayez, ou ouvrez-le en lecture seule pour le "
            "consulter."
        ),
    )


def lock_path(path: Path) -> Path:
    """The lock file of ``path``, named after the file itself, not after the way to it: a
    symbolic link, a ``..`` or another case (on a disk that ignores case) finds the same."""
    return Path(os.path.normcase(os.path.realpath(path)) + ".lock")


def take_lock(path: Path) -> FileLock:
    lock = FileLock(str(lock_path(path)), timeout=0)
    try:
        lock.acquire()
    except Timeout as error:
        raise _in_use(path) from error
    except OSError:
        integrity.require_writable(path)  # says why, in the user's words
        raise
    return lock
