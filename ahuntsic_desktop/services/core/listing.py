"""Plain tables that list queries return to the screens and to the exports.

Rows hold raw values (ints, str, dates, cents); the column's ``kind`` says how to show them:
``text``, ``int``, ``money`` (integer cents), ``date``, ``time``, ``bool``, ``percent``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    kind: str = "text"


@dataclass
class Table:
    columns: list[Column]
    rows: list[tuple] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def values(self, key: str) -> list:
        index = self.column_index(key)
        return [row[index] for row in self.rows]


@dataclass(frozen=True)
class Choice:
    value: int | str
    text: str
