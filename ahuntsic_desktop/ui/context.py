"""What every page, tab and dialog of the window is given: the open file and today's date."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from ..store import Database


@dataclass
class Context:
    """What the pages need to ask the services: the open file and today's date."""

    db: Database
    today: Callable[[], date] = field(default=date.today)

    def now(self) -> datetime:
        """This moment on the context's day: the day from ``today``, the hour from the
        clock (documents stamp both; tests pin the day)."""
        return datetime.combine(self.today(), datetime.now().time()).replace(microsecond=0)
