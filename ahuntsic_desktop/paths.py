"""Where the application keeps its files on each OS (platformdirs)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_path

from .private_files import PRIVATE_FOLDER, make_private_folder, tighten

APP_NAME = "AhuntsicDesktop"


def data_dir() -> Path:
    """The user's data folder; ``AHUNTSIC_DATA_DIR`` overrides it (tests, portable use).

    It is private: 0700 on POSIX, made so even when an older version left it open; on
    Windows it is in the user's own profile, which other accounts cannot read."""
    override = os.environ.get("AHUNTSIC_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    make_private_folder(path)
    tighten(path, PRIVATE_FOLDER)
    return path


def default_db_path() -> Path:
    return data_dir() / "table-de-quartier.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo-fictive.sqlite"


def log_path() -> Path:
    return data_dir() / "journal" / "ahuntsic-desktop.log"


def backups_dir() -> Path:
    return data_dir() / "sauvegardes"


def resources_dir() -> Path:
    """The ``resources/`` folder, in a checkout or inside a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
