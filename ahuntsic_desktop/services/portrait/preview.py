"""What an indicator import shows before writing: each row's values or the reasons it is
refused (with the spreadsheet's row number), and the commit, all or nothing."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import insert, select

from ...domain import Indicator
from ...domain.enums import AuditAction
from ...i18n import _, ngettext
from ...store import Database
from ..core import ValidationError, audit
from .indicators import key_of

log = logging.getLogger(__name__)

MAX_BYTES = 25 * 1024 * 1024  # a census profile for a few geographies is far smaller
MAX_VALUES = 50_000


@dataclass(frozen=True)
class RowProblem:
    row: int  # as the user sees it in the spreadsheet
    column: str  # the file's column title, "" for the whole row
    value: str
    message: str  # in French


@dataclass
class PreviewRow:
    number: int
    values: dict | None  # the indicator's stored values; None when refused
    problems: list[RowProblem] = field(default_factory=list)
    replaces: bool = False  # a value with the same key is already in the file


@dataclass
class IndicatorPreview:
    file_name: str
    layout: str  # "long" or "recensement"
    headers: list[str]
    rows: list[PreviewRow]
    encoding: str | None = None
    skipped: int = 0  # rows with nothing to import (census values not published)

    @property
    def problems(self) -> list[RowProblem]:
        return [p for row in self.rows for p in row.problems]

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.problems

    @property
    def values(self) -> list[dict]:
        return [row.values for row in self.rows if row.values is not None]

    def summary(self) -> str:
        count, wrong = len(self.values), len({p.row for p in self.problems})
        text = ngettext("{n} valeur prête", "{n} valeurs prêtes", count).format(n=count)
        if wrong:
            text += " ; " + ngettext("{n} ligne refusée", "{n} lignes refusées", wrong).format(
                n=wrong
            )
        return text


def check_size(path: Path | str) -> Path:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ValidationError(
            _("Impossible de lire « {name} » : {reason}.").format(
                name=path.name, reason=error.strerror or error
            ),
            "path",
        ) from error
    if size > MAX_BYTES:
        raise ValidationError(
            _(
                "« {name} » est trop volumineux ({size} Mo, {max} Mo au plus) : ne gardez que "
                "les territoires et les caractéristiques utiles."
            ).format(name=path.name, size=size // (1024 * 1024), max=MAX_BYTES // (1024 * 1024)),
            "path",
        )
    return path


def check_count(count: int) -> None:
    if count > MAX_VALUES:
        raise ValidationError(
            _("Le fichier donne {count} valeurs ; {max} au plus par importation.").format(
                count=count, max=MAX_VALUES
            ),
            "path",
        )


_KEY = ("name", "territory", "population_group", "year", "unit")


def _existing_keys(session) -> dict[tuple, int]:
    """The key of every value already in the file, with its id."""
    i = Indicator
    return {
        key_of(dict(zip(_KEY, row[1:], strict=True))): row[0]
        for row in session.execute(
            select(i.id, i.name, i.territory, i.population_group, i.year, i.unit)
        )
    }


def mark_duplicates(db: Database, rows: list[PreviewRow], columns: str = "") -> None:
    """Refuse a second row with the same key, and mark the rows that replace a value."""
    seen: dict[tuple, int] = {}
    for row in rows:
        if row.values is None:
            continue
        key = key_of(row.values)
        if key in seen:
            row.problems.append(
                RowProblem(
                    row.number,
                    columns,
                    row.values["name"],
                    _("Même indicateur, territoire, groupe et année qu'à la ligne {row}.").format(
                        row=seen[key]
                    ),
                )
            )
            row.values = None
        else:
            seen[key] = row.number
    with db.session() as session:
        existing = _existing_keys(session)
    for row in rows:
        if row.values is not None and key_of(row.values) in existing:
            row.replaces = True


def commit_preview(db: Database, preview: IndicatorPreview) -> int:
    """Write every value of ``preview`` in one transaction (an existing value with the same
    key is replaced), or nothing when any row was refused; returns how many were written."""
    if not preview.ok:
        raise ValidationError(
            _("Corrigez les lignes refusées ({summary}) : rien n'a été importé.").format(
                summary=preview.summary()
            )
        )
    values = preview.values
    with db.session() as session:
        i = Indicator
        existing = _existing_keys(session)
        replaced = [existing[key_of(v)] for v in values if key_of(v) in existing]
        if replaced:
            session.execute(i.__table__.delete().where(i.id.in_(replaced)))
        session.execute(insert(i.__table__), values)
        audit.record_bulk(
            session,
            "indicator",
            AuditAction.CREATE,
            count=len(values),
            note=_("Importation de « {name} »").format(name=preview.file_name),
        )
    log.info("indicator import: %d values (%d replaced)", len(values), len(replaced))
    return len(values)
