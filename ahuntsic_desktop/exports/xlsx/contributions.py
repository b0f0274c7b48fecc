"""Contributions de la démarche: one row per contribution (identifier, activity, date,
kind, text, themes, population, votes) for coding themes in Excel; the file comes back
through :mod:`ahuntsic_desktop.services.planning.contribution_roundtrip`. Anonymous: no
person's name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl.cell.cell import WriteOnlyCell
from openpyxl.worksheet.datavalidation import DataValidation

from ...domain.labels import choices
from ...domain.planning import ContributionKind
from ...i18n import _
from ...services import planning
from ...services.core import settings as settings_service
from ...services.planning import contribution_roundtrip as roundtrip
from ...store import Database
from ..catalog import ExportOptions, Progress
from .common import Book, Col, put

WIDTHS = {"id": 12, "activity": 34, "date": 14, "kind": 16, "text": 70, "themes": 34,
          "population": 26, "votes": 9}  # fmt: skip
KINDS = {"id": "int", "date": "date", "votes": "int"}


def write_contributions(
    db: Database,
    process_id: int,
    path: Path | str,
    today: dt.date,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> Path:
    title = next(p.title for p in planning.list_processes(db) if p.id == process_id)
    rows = roundtrip.export_rows(db, process_id, today)
    table_settings = settings_service.load(db)
    book = Book(
        _("Contributions de la démarche"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=title,
        progress=progress,
        now=now,
        streamed=True,  # the validation and the hidden sheet need no written cell
    )
    book.expect(len(rows) + 2)
    columns = [
        Col(_(heading), KINDS.get(key, "text"), WIDTHS[key], wrap=key == "text")
        for key, heading in roundtrip.COLUMNS
    ]
    values = (
        (r.id, r.activity, r.date, r.kind, r.text, r.themes, r.population, r.votes) for r in rows
    )
    ws = book.data_sheet(_("Contributions"), columns, values, frozen_columns=1)
    if rows:
        kinds = DataValidation(
            type="list",
            formula1='"' + ",".join(text for _c, text in choices(ContributionKind)) + '"',
            allow_blank=False,
        )
        kinds.promptTitle = _("Nature")
        kinds.prompt = _("Constat, besoin, idée, force, défi ou proposition")
        ws.data_validations.append(kinds)  # add_data_validation, on a write-only sheet too
        kinds.add(f"D2:D{len(rows) + 1}")
    book.advance(len(rows))
    about = book.data_sheet(
        _("Mode d'emploi"),
        [Col(_("Rubrique"), width=22), Col(_("Valeur"), width=90)],
        [
            (_("Démarche"), title),
            (
                _("Mode d'emploi"),
                _(
                    "Codez les thèmes (séparés par des virgules), corrigez la nature ou les "
                    "votes, enregistrez, puis importez le classeur depuis la page Démarche "
                    "(Importer les contributions…). Un aperçu montre ce qui change ; une ligne "
                    "refusée bloque tout l'import."
                ),
            ),
            (
                _("À ne pas modifier"),
                _(
                    "La colonne Identifiant et la feuille masquée. Les colonnes Activité, Date, "
                    "Contribution et Population sont en lecture seule : leurs changements ne "
                    "sont pas importés."
                ),
            ),
        ],
    )
    about.sheet_state = "visible"
    meta = book.workbook.create_sheet(roundtrip.META_SHEET)
    for line in roundtrip.meta_rows(process_id, title, ws.title, book.now):
        cells = [WriteOnlyCell(meta) for _value in line]
        for cell, value in zip(cells, line, strict=True):
            put(cell, value)
        meta.append(cells)
    meta.sheet_state = "hidden"
    book.workbook.active = 0
    return book.save(path)


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    process_id = planning.process_for_export(db, options.plan_id, options.day)
    return write_contributions(db, process_id, path, options.day, progress)
