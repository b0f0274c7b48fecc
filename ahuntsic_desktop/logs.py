"""Logging to a rotating file in the user's data folder.

The log never holds personal information: SQL parameters are hidden by the engines
(``hide_parameters``) and log lines name files, counts and ids, never names, emails or
phones. Its folder is private all the same (0700 on POSIX)."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from .paths import log_path
from .private_files import make_private_folder


def setup_logging(verbose: bool = False) -> None:
    path = log_path()
    make_private_folder(path.parent)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        root.addHandler(handler)
    if verbose:
        root.addHandler(logging.StreamHandler(sys.stderr))
