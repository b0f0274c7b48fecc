"""Import Statistics Canada's census profile CSV as downloaded: one row per characteristic
and geography (GEO_NAME, CHARACTERISTIC_ID, CHARACTERISTIC_NAME, C1_COUNT_TOTAL,
C10_RATE_TOTAL...), in Latin-1 or UTF-8. A count becomes one indicator value (unit
« nombre »), a rate another (unit « % »). Values Statistics Canada does not publish
(``..``, ``x``, ``F``) are skipped, not refused."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...domain.enums import TerritoryLevel
from ...i18n import _
from ...store import Database
from ..core import ValidationError
from ..importing.readers import cell_text, read_source
from .indicators import IndicatorForm, clean
from .preview import (
    IndicatorPreview,
    PreviewRow,
    RowProblem,
    check_count,
    check_size,
    mark_duplicates,
)

REQUIRED = ("GEO_NAME", "CHARACTERISTIC_ID", "CHARACTERISTIC_NAME", "C1_COUNT_TOTAL")
EXPECTED = (
    "CENSUS_YEAR", "DGUID", "ALT_GEO_CODE", "GEO_LEVEL", "GEO_NAME", "TNR_SF", "TNR_LF",
    "DATA_QUALITY_FLAG", "CHARACTERISTIC_ID", "CHARACTERISTIC_NAME", "CHARACTERISTIC_NOTE",
    "C1_COUNT_TOTAL", "C10_RATE_TOTAL",
)  # fmt: skip
NOT_PUBLISHED = {"", "..", "...", "x", "X", "F", "E"}
UNIT_COUNT, UNIT_RATE = "nombre", "%"
SOURCE = "Statistique Canada, Recensement de la population {year}, profil"
_GEO_LEVELS = {
    "census subdivision": TerritoryLevel.CITY.value,
    "subdivision de recensement": TerritoryLevel.CITY.value,
    "census tract": TerritoryLevel.SUB_SECTOR.value,
    "secteur de recensement": TerritoryLevel.SUB_SECTOR.value,
    "dissemination area": TerritoryLevel.SUB_SECTOR.value,
    "aire de diffusion": TerritoryLevel.SUB_SECTOR.value,
}
_YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class CensusOptions:
    theme: str
    year: int | None = None  # taken from CENSUS_YEAR or the file name when None
    characteristic_ids: frozenset[str] | None = None  # None: every characteristic
    levels: dict[str, str] | None = None  # geography name -> territory level
    population_group: str | None = None


def _column(headers: list[str], name: str) -> int | None:
    upper = [h.strip().upper() for h in headers]
    return upper.index(name) if name in upper else None


def _check_layout(headers: list[str]) -> dict[str, int]:
    columns = {name: _column(headers, name) for name in EXPECTED}
    missing = [name for name in REQUIRED if columns[name] is None]
    if missing:
        raise ValidationError(
            _(
                "Ce fichier n'a pas la disposition du profil du recensement de Statistique "
                "Canada. Colonnes attendues : {expected} (obligatoires : {required}). "
                "Colonnes trouvées : {found}."
            ).format(
                expected=", ".join(EXPECTED),
                required=", ".join(REQUIRED),
                found=", ".join(h for h in headers if h) or _("aucune"),
            ),
            "path",
        )
    return {name: index for name, index in columns.items() if index is not None}


def _year(options: CensusOptions, path: Path, first_row, columns: dict[str, int]) -> int:
    if options.year is not None:
        return options.year
    if "CENSUS_YEAR" in columns and first_row is not None:
        text = cell_text(first_row.cells[columns["CENSUS_YEAR"]])
        if text and text.isdigit():
            return int(text)
    found = _YEAR_IN_NAME.findall(path.stem)
    if found:
        return int(found[-1])
    raise ValidationError(_("Indiquez l'année du recensement."), "year")


def preview_census(db: Database, path: Path | str, options: CensusOptions) -> IndicatorPreview:
    """Read the census CSV and check every value; nothing is written."""
    path = check_size(path)
    if path.suffix.lower() not in (".csv", ".txt"):
        raise ValidationError(_("Choisissez le fichier .csv du profil du recensement."), "path")
    source = read_source(path)
    columns = _check_layout(source.headers)
    year = _year(options, path, source.rows[0] if source.rows else None, columns)
    titles = source.column_titles
    levels = {k.casefold(): v for k, v in (options.levels or {}).items()}
    rows: list[PreviewRow] = []
    skipped = 0

    def cell(row, name: str) -> str | None:
        index = columns.get(name)
        return cell_text(row.cells[index]) if index is not None else None

    for source_row in source.rows:
        characteristic = cell(source_row, "CHARACTERISTIC_ID") or ""
        if options.characteristic_ids is not None and (
            characteristic not in options.characteristic_ids
        ):
            continue
        geography = cell(source_row, "GEO_NAME") or ""
        level = levels.get(geography.casefold()) or _GEO_LEVELS.get(
            (cell(source_row, "GEO_LEVEL") or "").casefold()
        )
        for column, unit in (("C1_COUNT_TOTAL", UNIT_COUNT), ("C10_RATE_TOTAL", UNIT_RATE)):
            raw = cell(source_row, column)
            if column not in columns or (raw or "").strip() in NOT_PUBLISHED:
                skipped += 1
                continue
            row = PreviewRow(source_row.number, None)
            form = IndicatorForm(
                theme=options.theme,
                name=cell(source_row, "CHARACTERISTIC_NAME") or "",
                territory=geography,
                year=year,
                value=raw,
                territory_level=level,
                population_group=options.population_group,
                unit=unit,
                source=SOURCE.format(year=year),
            )
            try:
                row.values = clean(form)
            except ValidationError as error:
                where = {"value": column, "territory": "GEO_NAME", "name": "CHARACTERISTIC_NAME"}
                name = where.get(error.field or "", "")
                shown = titles[columns[name]] if name in columns else ""
                value = (cell(source_row, name) if name else "") or ""
                row.problems.append(RowProblem(row.number, shown, value, error.message))
            rows.append(row)
    check_count(len(rows))
    mark_duplicates(db, rows)
    return IndicatorPreview(
        source.file_name, "recensement", titles, rows, encoding=source.encoding, skipped=skipped
    )
