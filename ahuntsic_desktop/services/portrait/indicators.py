"""Indicators of the neighbourhood portrait: entering one value, listing them by theme, and
comparing one indicator across territories and years (the table behind the charts)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from ...domain import Indicator
from ...domain.enums import TerritoryLevel
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v
from .values import guess_level, level_rank, parse_value


@dataclass(frozen=True)
class IndicatorForm:
    theme: str
    name: str
    territory: str
    year: object
    value: object
    territory_level: str | None = None  # guessed from the territory's name when None
    population_group: str | None = None
    unit: str | None = None
    source: str | None = None


def clean(form: IndicatorForm) -> dict:
    """The stored values of ``form``, or a French ValidationError naming the field."""
    territory = v.required_text(form.territory, "territory", _("Territoire"))
    level = form.territory_level or guess_level(territory)
    raw = form.year
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    try:
        year = int(str(raw).strip()) if raw not in (None, "") else None
    except ValueError:
        year = None
    if year is None or not 1800 <= year <= 2200:
        raise ValidationError(
            _("« {value} » n'est pas une année valide.").format(value=form.year or ""), "year"
        )
    return {
        "theme": v.required_text(form.theme, "theme", _("Thème"), max_length=120),
        "name": v.required_text(form.name, "name", _("Indicateur"), max_length=300),
        "territory": territory,
        "territory_level": v.choice(level, TerritoryLevel, "territory_level", _("Niveau")),
        "population_group": v.optional_text(
            form.population_group, "population_group", _("Groupe de population")
        )
        or "",
        "year": year,
        "value": parse_value(form.value),
        "unit": v.optional_text(form.unit, "unit", _("Unité"), max_length=40) or "",
        "source": v.optional_text(form.source, "source", _("Source"), max_length=300),
    }


def key_of(values: dict) -> tuple:
    """What makes one value unique: indicator, territory, group, year, unit."""
    return (
        values["name"].casefold(),
        values["territory"].casefold(),
        values["population_group"].casefold(),
        values["year"],
        values["unit"].casefold(),
    )


def save_indicator(db: Database, form: IndicatorForm, indicator_id: int | None = None) -> int:
    """Create or change one value; a second value for the same key is refused."""
    values = clean(form)
    with db.session() as session:
        others = session.scalars(
            select(Indicator).where(
                Indicator.year == values["year"], Indicator.id != (indicator_id or 0)
            )
        )
        if any(key_of(vars(o)) == key_of(values) for o in others):
            raise ValidationError(
                _(
                    "Une valeur existe déjà pour « {name} », {territory}, {year} : "
                    "modifiez-la plutôt."
                ).format(**values),
                "name",
            )
        if indicator_id is None:
            record = Indicator(**values)
            session.add(record)
        else:
            record = session.get(Indicator, indicator_id)
            if record is None:
                raise NotFoundError(_("Cet indicateur n'existe plus."), "id")
            for key, value in values.items():
                setattr(record, key, value)
        session.flush()
        return record.id


def delete_indicator(db: Database, indicator_id: int) -> None:
    with db.session() as session:
        record = session.get(Indicator, indicator_id)
        if record is None:
            raise NotFoundError(_("Cet indicateur n'existe plus."), "id")
        session.delete(record)


@dataclass(frozen=True)
class IndicatorRow:
    id: int
    theme: str
    name: str
    territory: str
    territory_level: str
    population_group: str
    year: int
    value: Decimal
    unit: str
    source: str | None


def list_indicators(db: Database, theme: str | None = None) -> list[IndicatorRow]:
    i = Indicator
    query = select(
        i.id, i.theme, i.name, i.territory, i.territory_level, i.population_group, i.year,
        i.value, i.unit, i.source,
    )  # fmt: skip
    if theme is not None:
        query = query.where(i.theme == theme)
    with db.session() as session:
        rows = [IndicatorRow(*row) for row in session.execute(query)]
    return sorted(
        rows,
        key=lambda r: (
            v.name_sort_key(r.theme), v.name_sort_key(r.name), r.population_group, r.unit,
            level_rank(r.territory_level), v.name_sort_key(r.territory), r.year,
        ),
    )  # fmt: skip


@dataclass(frozen=True)
class Comparison:
    """One indicator across territories (rows) and years (columns)."""

    theme: str
    name: str
    population_group: str
    unit: str
    territories: tuple[str, ...]
    years: tuple[int, ...]
    values: dict[tuple[str, int], Decimal] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def value(self, territory: str, year: int) -> Decimal | None:
        return self.values.get((territory, year))

    @property
    def title(self) -> str:
        text = self.name
        if self.population_group:
            text += f" — {self.population_group}"
        return text + (f" ({self.unit})" if self.unit else "")


def _comparison(rows: list[IndicatorRow]) -> Comparison:
    first = rows[0]
    territories = tuple(dict.fromkeys(r.territory for r in rows))  # rows are sorted
    years = tuple(sorted({r.year for r in rows}))
    sources = tuple(sorted({r.source for r in rows if r.source}))
    return Comparison(
        first.theme, first.name, first.population_group, first.unit, territories, years,
        {(r.territory, r.year): r.value for r in rows}, sources,
    )  # fmt: skip


def comparisons(db: Database, theme: str | None = None) -> list[Comparison]:
    """Every indicator (name, population group, unit) compared across territories and
    years, in theme and name order."""
    groups: dict[tuple, list[IndicatorRow]] = {}
    for row in list_indicators(db, theme):
        groups.setdefault((row.theme, row.name, row.population_group, row.unit), []).append(row)
    return [_comparison(rows) for rows in groups.values()]


def comparison(
    db: Database, name: str, *, population_group: str = "", unit: str | None = None
) -> Comparison:
    """One indicator across territories and years (its first unit when ``unit`` is None)."""
    for found in comparisons(db):
        if (
            found.name.casefold() == name.casefold()
            and found.population_group.casefold() == population_group.casefold()
            and (unit is None or found.unit.casefold() == unit.casefold())
        ):
            return found
    raise NotFoundError(_("Aucune valeur pour l'indicateur « {name} ».").format(name=name), "name")


def themes(db: Database) -> list[str]:
    with db.session() as session:
        found = session.scalars(select(Indicator.theme).distinct()).all()
    return sorted(found, key=v.name_sort_key)
