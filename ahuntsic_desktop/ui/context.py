"""What every page, tab and dialog of the window is given: the open file and today's date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ..store import Database


@dataclass
class Context:
    """What the pages need to ask the services: the open file and today's date."""

    db: Database
    today: Callable[[], date] = field(default=date.today)
