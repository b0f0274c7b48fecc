"""Plain tables that list queries return to the screens and to the exports.

Rows hold raw values (ints, str, dates, cents); the column's ``kind`` says how to show them:
``text``, ``int``, ``money`` (integer cents), ``date``, ``time``, ``bool``, ``percent``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...text import fold_rows


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
    # Each row's folded search text when computed with the rows (a list read ahead in the
    # background); a window's model takes it over, else folds the rows itself.
    folded: list[str] | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.rows)

    def search_texts(self) -> list[str]:
        """Each row's text columns, folded for searching (:func:`text.fold_rows`)."""
        columns = [i for i, column in enumerate(self.columns) if column.kind == "text"]
        return fold_rows(self.rows, columns)

    def fold(self) -> None:
        """Compute :attr:`folded` now (in a worker thread, so a first search is instant)."""
        self.folded = self.search_texts()

    def column_index(self, key: str) -> int:
        return next(i for i, column in enumerate(self.columns) if column.key == key)

    def values(self, key: str) -> list:
        index = self.column_index(key)
        return [row[index] for row in self.rows]


@dataclass(frozen=True)
class Choice:
    value: int | str
    text: str
