"""Let go of the source lines PySide6's import hook reads (issue 16: memory at start-up).

Once PySide6 is imported, its ``__feature__`` import hook reads the source of every module
imported after it (``inspect.getsource``, looking for « PySide6 » in it: PYSIDE-2029), and
:mod:`linecache` keeps those lines. The dashboard's first build imports the ORM, the models
and most services that way: 6.5 MB of source held as some 170,000 line strings, the peak of
the start-up's memory (16 MB of the 125 MB after the dashboard was built). The finder below
finds nothing; it only empties :mod:`linecache` before each new module is loaded, so at most
the lines of the modules being imported are held at a time. A traceback reads its lines
again from the files (they are a cache)."""

from __future__ import annotations

import linecache
import sys


class ForgetSourceLines:
    """A ``sys.meta_path`` finder that finds no module and empties :mod:`linecache`."""

    @staticmethod
    def find_spec(_name, _path=None, _target=None) -> None:  # noqa: ANN001 (the protocol's)
        linecache.clearcache()


def forget_source_lines() -> None:
    """Install the finder first in ``sys.meta_path`` (once)."""
    if not any(isinstance(finder, ForgetSourceLines) for finder in sys.meta_path):
        sys.meta_path.insert(0, ForgetSourceLines())
