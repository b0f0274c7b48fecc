"""Files that hold personal information are private to the user who made them.

On POSIX the data folder and the backup folder are 0700, the data file, its copies and
the temporary files of exports 0600, whatever the umask. On Windows the data folder is in
the user's own profile (``%LOCALAPPDATA%``), which other accounts cannot read: the modes
below change nothing there.

A temporary file is written beside its target and renamed onto it once complete
(:func:`private_temporary`). One left behind by a killed process (``.membres-x1y2z3q4.tmp``
holding a whole member list) is removed by :func:`sweep_stale` at the next start and
before the next export into the same folder.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)
PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
POSIX = os.name == "posix"
# When this process started: a stale temporary file is older than that.
STARTED = time.time()
# Our temporary names: a dot, the target's stem, a dash, mkstemp's 8 random characters
# (legacy backups used ``<name>.partiel``). Only files that also hold what we write (an
# xlsx/zip, a PDF, a SQLite file) or nothing yet are removed.
_TEMPORARY = re.compile(r"^\..+-[a-z0-9_]{8}\.tmp$|^.+\.sqlite\.partiel$")
_COMPANIONS = ("-journal", "-wal", "-shm")
_OURS = (b"PK\x03\x04", b"%PDF", b"SQLite format 3\x00", b"{", b"[", b"BEGIN:VCALENDAR")


def make_private_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) with the last level readable by us only."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    return folder


def tighten(path: Path, mode: int) -> None:
    """Take away every right of the group and others on ``path`` (a file system that has
    no modes, a FAT key for instance, is left as it is)."""
    if not POSIX:
        return
    try:
        current = os.stat(path).st_mode & 0o777
        if current & 0o077:
            os.chmod(path, current & mode)
    except OSError:
        log.info("Could not make %s private", path, exc_info=True)


def create_private_file(path: Path) -> None:
    """Create the empty file ``path`` (0600); it must not exist yet."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.close(descriptor)
    tighten(path, PRIVATE_FILE)  # a umask never widens, but an odd ACL might


def _lock(descriptor: int, *, blocking: bool) -> bool:
    """An advisory lock telling :func:`sweep_stale` that a live writer uses the file."""
    if not POSIX:
        return True  # on Windows an open file cannot be deleted anyway
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
    except OSError:
        return False
    return True


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; Windows has no folder handles)."""
    if not POSIX:
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


@contextlib.contextmanager
def private_temporary(target: Path) -> Iterator[Path]:
    """A private (0600) empty temporary file beside ``target``, removed after the block.

    The block writes it and moves it into place (``os.replace``). Stale
    temporary files of earlier, killed runs are swept from the folder first."""
    target = Path(target)
    sweep_stale(target.parent)
    descriptor, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".tmp", dir=target.parent)
    temporary = Path(name)
    try:
        _lock(descriptor, blocking=True)
        yield temporary
    finally:
        os.close(descriptor)
        _remove(temporary)  # nothing left once renamed; removed if not


def write_atomically(target: Path, write) -> Path:
    """Call ``write(temporary_path)`` on a private temporary file beside ``target``, then
    move it onto ``target``: a failure leaves ``target`` as it was and no temporary file."""
    target = Path(target)
    with private_temporary(target) as temporary:
        write(str(temporary))
        os.replace(temporary, target)
    return target


def _remove(path: Path) -> None:
    for companion in (*(path.with_name(path.name + s) for s in _COMPANIONS), path):
        with contextlib.suppress(FileNotFoundError):
            companion.unlink()


def _is_ours(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return not head or any(head.startswith(magic) for magic in _OURS)


def _in_use(path: Path) -> bool:
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except OSError:
        return True
    try:
        return not _lock(descriptor, blocking=False)
    finally:
        os.close(descriptor)


def sweep_stale(folder: Path, started: float | None = None) -> list[Path]:
    """Remove from ``folder`` the temporary files that killed runs of the application
    left: our names and content, older than this process and used by no live writer.
    Returns what was removed; a folder that can't be read is left alone."""
    started = STARTED if started is None else started
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMPORARY.match(entry.name):
            continue
        path = Path(entry.path)
        try:
            if not entry.is_file(follow_symlinks=False) or entry.stat().st_mtime >= started:
                continue
        except OSError:
            continue
        if not _is_ours(path) or _in_use(path):
            continue
        try:
            _remove(path)
        except OSError:  # e.g. open in another process on Windows
            log.info("Could not remove the stale temporary file %s", path, exc_info=True)
            continue
        removed.append(path)
    if removed:
        log.info("Removed %d stale temporary file(s) from %s", len(removed), folder)
    return removed
