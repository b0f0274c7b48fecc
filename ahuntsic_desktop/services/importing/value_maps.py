"""When most values of a mapped column are refused, say so at the column, and map them.

A public list of places has a « Catégorie » column of place types (Bibliothèque, Parc...):
guessed as the membership category, every row was refused « catégorie inconnue ». The
preview now names the column (:func:`troubled_columns`); the user ignores the column, or
maps each distinct value to a known category, sector or payment method, or ignores that
value (:func:`value_choices`, :func:`distinct_values`). The value maps travel in
``ImportOptions.value_maps`` (applied to the cells by the checks) and are saved with the
column mapping (see :mod:`.mappings`), as other import wizards do.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import MembershipCategory
from ...domain.enums import PaymentMethod, Sector
from ...domain.labels import label
from ...i18n import _, format_number
from ...store import Database
from ..registry import name_key
from .fields import FIELDS_BY_KEY, ImportKind
from .model import ImportPreview
from .readers import SourceTable, cell_text

MAPPABLE = ("category", "sector", "payment_method")  # fields whose values are choices
MOSTLY = 0.5  # a column is flagged when more than this share of its values is refused
MINIMUM = 3  # ...and at least this many (two typing errors do not make a wrong column)

ValueMaps = Mapping[str, Mapping[str, str | None]]  # field -> folded value -> value or None


def value_key(value: object) -> str:
    """The key a value is mapped by: its words folded (case, accents, order ignored)."""
    return name_key(cell_text(value))


def mapped_cell(value: object, values: Mapping[str, str | None] | None) -> object:
    """The cell as the checks see it: replaced by its mapped value, blank when ignored."""
    if not values or value is None:
        return value
    key = value_key(value)
    return values.get(key, value)  # None (ignored) when mapped so


@dataclass(frozen=True)
class ColumnTrouble:
    index: int  # the file's column
    key: str  # the field it fills
    title: str  # the column's title in the file
    refused: int  # rows whose value in this column was refused
    filled: int  # rows with a value in this column
    examples: tuple[str, ...]  # the most frequent refused values
    reason: str  # the first refusal's message

    @property
    def mappable(self) -> bool:
        return self.key in MAPPABLE

    def summary(self) -> str:
        return _(
            "La colonne « {title} » (associée à « {field} ») : {refused} valeurs sur {filled} "
            "sont refusées, par exemple « {example} ». Est-ce la bonne colonne ? "
            "Ignorez-la ou associez ses valeurs."
        ).format(
            title=self.title,
            field=FIELDS_BY_KEY[self.key].title,
            refused=format_number(self.refused),
            filled=format_number(self.filled),
            example=self.examples[0] if self.examples else "",
        )


def troubled_columns(preview: ImportPreview) -> list[ColumnTrouble]:
    """The mapped columns whose values are mostly refused, in the file's order."""
    found = []
    for index, key in enumerate(preview.mapping):
        if key is None:
            continue
        refused = [p for r in preview.rows for p in r.problems if p.field == key]
        rows = {p.row for p in refused}
        filled = sum(
            1
            for cells in preview.cells.values()
            if index < len(cells) and cell_text(cells[index]) is not None
        )
        if len(rows) < MINIMUM or len(rows) <= MOSTLY * filled:
            continue
        examples = Counter(p.value for p in refused if p.value).most_common(5)
        found.append(
            ColumnTrouble(
                index=index,
                key=key,
                title=preview.headers[index],
                refused=len(rows),
                filled=filled,
                examples=tuple(value for value, _count in examples),
                reason=refused[0].message,
            )
        )
    return found


def distinct_values(source: SourceTable, index: int) -> list[tuple[str, int]]:
    """Each distinct value of a column (one per folded key, as first written) and how many
    rows hold it, the most frequent first."""
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for row in source.rows:
        text = cell_text(row.cells[index]) if index < len(row.cells) else None
        if text is None:
            continue
        key = name_key(text)
        shown.setdefault(key, text)
        counts[key] += 1
    return [(shown[key], count) for key, count in counts.most_common()]


def value_choices(db: Database, kind: ImportKind | str, key: str) -> list[tuple[str, str]]:
    """What a value of field ``key`` may be mapped to: (value put in the cell, label)."""
    if key == "category":
        c = MembershipCategory
        applies = c.for_persons if ImportKind(kind) is ImportKind.PERSONS else c.for_organizations
        with db.session() as session:
            names = session.scalars(
                select(c.name).where(applies.is_(True)).order_by(c.position, c.name)
            ).all()
        return [(name, name) for name in names]
    if key == "sector":
        return [(s.value, label(s)) for s in Sector]
    if key == "payment_method":
        return [(m.value, label(m)) for m in PaymentMethod]
    raise ValueError(f"the values of {key!r} are not choices")


def clean_value_maps(value: object, allowed: set[str]) -> dict[str, dict[str, str | None]]:
    """Value maps read back from a saved setting: anything malformed is dropped."""
    if not isinstance(value, dict):
        return {}
    maps = {}
    for key, values in value.items():
        if key not in allowed or key not in MAPPABLE or not isinstance(values, dict):
            continue
        maps[key] = {
            str(k): v
            for k, v in values.items()
            if isinstance(k, str) and (v is None or isinstance(v, str))
        }
    return maps
