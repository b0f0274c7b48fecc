"""The neighbourhood portrait's figures: one value of one indicator, for one territory,
population group and year."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Timestamped, enum_check
from .enums import TerritoryLevel


class Indicator(Timestamped, Base):
    """Indicateur du portrait: e.g. « Personnes de 65 ans et plus », Ahuntsic, 2021, 21,4 %.

    ``population_group`` and ``unit`` are "" when not given, so that one value per
    indicator, territory, group, year and unit is enforced by the database."""

    __tablename__ = "indicator"
    __table_args__ = (
        UniqueConstraint("name", "territory", "population_group", "year", "unit"),
        enum_check("territory_level", TerritoryLevel),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint("length(trim(territory)) > 0", name="territory_not_blank"),
        CheckConstraint("year BETWEEN 1800 AND 2200", name="year_plausible"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    theme: Mapped[str] = mapped_column(String(120), index=True)
    name: Mapped[str] = mapped_column(String(300))
    territory: Mapped[str] = mapped_column(String(200))
    territory_level: Mapped[str] = mapped_column(String(32))
    population_group: Mapped[str] = mapped_column(String(200), default="")
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[Decimal] = mapped_column(Numeric(18, 4, asdecimal=True))
    unit: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str | None] = mapped_column(String(300))
