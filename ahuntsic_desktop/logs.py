"""Logging to a rotating file in the user's data folder."""

from __future__ import annotations

import logging
import logging.handlers
import sys

from .paths import log_path


def setup_logging(verbose: bool = False) -> None:
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
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
