"""The portrait's indicators as a plain table for the window."""

from __future__ import annotations

from ...domain.enums import TerritoryLevel
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import Column, Table
from .indicators import list_indicators


def indicators_table(db: Database, theme: str | None = None) -> Table:
    rows = list_indicators(db, theme)
    columns = [
        Column("theme", _("Thème")),
        Column("name", _("Indicateur")),
        Column("population_group", _("Groupe")),
        Column("territory", _("Territoire")),
        Column("territory_level", _("Niveau")),
        Column("year", _("Année")),
        Column("value", _("Valeur")),
        Column("unit", _("Unité")),
        Column("source", _("Source")),
    ]
    return Table(
        columns,
        [
            (
                r.theme,
                r.name,
                r.population_group,
                r.territory,
                label(r.territory_level, TerritoryLevel),
                str(r.year),
                format(r.value.normalize(), "f").replace(".", ","),
                r.unit,
                r.source or "",
            )
            for r in rows
        ],
        [r.id for r in rows],
    )


def preview_table(preview) -> Table:
    """An import's preview: one line per value, or per refused row with its reasons."""
    columns = [
        Column("row", _("Ligne"), "int"),
        Column("name", _("Indicateur")),
        Column("territory", _("Territoire")),
        Column("year", _("Année")),
        Column("value", _("Valeur")),
        Column("unit", _("Unité")),
        Column("state", _("État")),
    ]
    rows = []
    for row in preview.rows:
        if row.values is not None:
            values = row.values
            state = _("Remplace la valeur existante") if row.replaces else _("Nouvelle valeur")
            rows.append(
                (
                    row.number, values["name"], values["territory"], str(values["year"]),
                    format(values["value"].normalize(), "f").replace(".", ","),
                    values["unit"], state,
                )
            )  # fmt: skip
        for problem in row.problems:
            where = f"{problem.column} : " if problem.column else ""
            rows.append((row.number, "", "", "", problem.value, "", where + problem.message))
    return Table(columns, rows, list(range(1, len(rows) + 1)))
