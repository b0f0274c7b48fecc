"""A count of the writes made to an open file, so a window can tell whether what it read a
moment ago is still what the file holds (a list loaded ahead in the background is used only
if nothing was written since it started).

Every statement sent through the engine is looked at (its first word, a few characters):
INSERT, UPDATE, DELETE and REPLACE count, whatever their session or thread. Writes by other
programs are not seen here; on a server the window hears of them and calls :meth:`bump`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class WriteCounter:
    def __init__(self, engine: Engine) -> None:
        from sqlalchemy import event

        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _connection, _cursor, statement: str, *_rest) -> None:
        if statement[:24].lstrip()[:7].upper().startswith(_WRITES):
            self.count += 1

    def bump(self) -> None:
        """Something changed that this engine did not write (another computer)."""
        self.count += 1
