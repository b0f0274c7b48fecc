"""Import indicators from a spreadsheet in a long layout: one row per value, with columns
for the theme, indicator, territory, level, population group, year, value, unit and source.
The columns are mapped by their titles, or by the caller."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ...i18n import N_, _
from ...store import Database
from ..core import ValidationError
from ..importing.fields import normalize_header
from ..importing.readers import SourceTable, cell_text, read_source
from .indicators import IndicatorForm, clean
from .preview import (
    IndicatorPreview,
    PreviewRow,
    RowProblem,
    check_count,
    check_size,
    mark_duplicates,
)


@dataclass(frozen=True)
class Column:
    key: str
    title_source: str
    synonyms: tuple[str, ...]
    required: bool = False

    @property
    def title(self) -> str:
        return _(self.title_source)


COLUMNS = (
    Column("theme", N_("Thème"), ("theme", "thematique", "domaine")),
    Column("name", N_("Indicateur"), ("indicateur", "nom", "indicator", "caracteristique"), True),
    Column("territory", N_("Territoire"), ("territoire", "territory", "geographie", "lieu"), True),
    Column("territory_level", N_("Niveau"), ("niveau", "niveau territorial", "type de territoire")),
    Column("population_group", N_("Groupe de population"),
           ("population", "groupe", "groupe de population", "clientele")),
    Column("year", N_("Année"), ("annee", "year", "an"), True),
    Column("value", N_("Valeur"), ("valeur", "value", "donnee", "nombre"), True),
    Column("unit", N_("Unité"), ("unite", "unit", "unites")),
    Column("source", N_("Source"), ("source", "sources", "provenance")),
)  # fmt: skip
_LEVELS = {
    "quartier": "quartier",
    "arrondissement": "arrondissement",
    "ville": "ville",
    "montreal": "ville",
    "sous secteur": "sous_secteur",
    "sous_secteur": "sous_secteur",
    "secteur": "sous_secteur",
    "autre": "autre",
}


def guess_mapping(headers: list[str]) -> list[str | None]:
    """For each column of the file, the field it holds (None: ignored)."""
    mapping: list[str | None] = []
    for header in headers:
        key = normalize_header(header)
        found = next((c.key for c in COLUMNS if key in c.synonyms and c.key not in mapping), None)
        mapping.append(found)
    return mapping


def _check_mapping(source: SourceTable, mapping: list[str | None]) -> None:
    if len(mapping) != len(source.headers):
        raise ValidationError(_("La correspondance des colonnes ne couvre pas le fichier."))
    known = {c.key for c in COLUMNS}
    chosen = [m for m in mapping if m]
    if any(m not in known for m in chosen) or len(chosen) != len(set(chosen)):
        raise ValidationError(_("Chaque champ ne peut venir que d'une seule colonne."))
    missing = [c.title for c in COLUMNS if c.required and c.key not in chosen]
    if missing:
        raise ValidationError(
            _("Colonnes obligatoires non associées : {names}.").format(names=", ".join(missing))
        )


def preview_sheet(
    db: Database,
    path: Path | str,
    mapping: list[str | None] | None = None,
    *,
    sheet: str | None = None,
    default_theme: str | None = None,
) -> IndicatorPreview:
    """Read and check every row; nothing is written (see :func:`commit_preview`)."""
    source = read_source(check_size(path), sheet)
    mapping = guess_mapping(source.headers) if mapping is None else list(mapping)
    _check_mapping(source, mapping)
    check_count(len(source.rows))
    titles = source.column_titles
    rows = []
    for source_row in source.rows:
        cells = {key: source_row.cells[i] for i, key in enumerate(mapping) if key}
        level = cells.get("territory_level")
        level_code = _LEVELS.get(normalize_header(level)) if level is not None else None
        row = PreviewRow(source_row.number, None)
        if level is not None and level_code is None:
            column = titles[mapping.index("territory_level")]
            row.problems.append(
                RowProblem(row.number, column, cell_text(level) or "",
                           _("Niveau inconnu : quartier, sous-secteur, arrondissement, ville "
                             "ou autre."))
            )  # fmt: skip
        form = IndicatorForm(
            theme=cell_text(cells.get("theme")) or default_theme or _("Sans thème"),
            name=cell_text(cells.get("name")) or "",
            territory=cell_text(cells.get("territory")) or "",
            year=cells.get("year"),
            value=cells.get("value"),
            territory_level=level_code,
            population_group=cell_text(cells.get("population_group")),
            unit=cell_text(cells.get("unit")),
            source=cell_text(cells.get("source")),
        )
        try:
            values = clean(form)
        except ValidationError as error:
            field = error.field if error.field in mapping else None
            column = titles[mapping.index(field)] if field else ""
            shown = cell_text(cells.get(field)) if field else ""
            row.problems.append(RowProblem(row.number, column, shown or "", error.message))
        else:
            if not row.problems:
                row.values = values
        rows.append(row)
    mark_duplicates(db, rows)
    return IndicatorPreview(
        source.file_name, "long", source.column_titles, rows, encoding=source.encoding
    )
