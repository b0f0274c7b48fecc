"""The error report of an import: the rows to fix, as in the file (with the cells at fault
highlighted and the problems in a last column), one line per problem, and a summary.

The « À corriger » sheet keeps the file's own column titles: fix the rows there and import
that sheet again (its « Ligne » and « Problèmes » columns are ignored on import)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...i18n import _, format_date, format_number
from ...services.importing import ImportPreview, ImportResult
from ..privacy_marks import ConfidentialBanner, confidential_banner, mark_first_row
from .common import Book, Col, Progress
from .import_template import title_lines

PROBLEM_FILL = "F8D7DA"


def default_filename(file_name: str) -> str:
    stem = Path(file_name).stem or _("importation")
    return _("{name}-rapport-erreurs.xlsx").format(name=stem)


def write_import_report(
    path: Path | str,
    preview: ImportPreview,
    result: ImportResult | None = None,
    *,
    table_name: str = "",
    progress: Progress | None = None,
    banner: ConfidentialBanner | None = None,
) -> Path:
    """Write the report of ``preview`` (and of ``result`` once imported) to ``path``. The
    rows it copies are personal information: it is marked confidential, with ``banner``
    (the privacy officer from the settings: :func:`..privacy_marks.banner_for`)."""
    from openpyxl.styles import Font, PatternFill

    book = Book(
        _("Rapport d'importation — {file}").format(file=preview.file_name),
        table_name=table_name or _("Table de quartier"),
        progress=progress,
        banner=banner or confidential_banner(),
    )
    bad = [row for row in preview.rows if not row.ok]
    problems = preview.problems
    book.expect(len(bad) + len(problems) + 1)

    columns = [Col(_("Ligne"), "int", 8)]
    columns += [Col(title, "text", None) for title in preview.headers]
    columns.append(Col(_("Problèmes"), "text", 60, wrap=True))
    rows = []
    for row in bad:
        cells = list(preview.cells.get(row.number, ()))
        cells += [None] * (len(preview.headers) - len(cells))
        messages = "\n".join(p.message for p in row.problems)
        rows.append([row.number, *cells, messages])
    sheet = book.data_sheet(_("À corriger"), columns, rows, frozen_columns=1, banding=False)
    fill = PatternFill("solid", fgColor=PROBLEM_FILL)
    column_of = {}
    for index, key in enumerate(preview.mapping):
        if key is not None:
            column_of.setdefault(key, index + 2)  # after the « Ligne » column
    for offset, row in enumerate(bad, start=book.first_row):
        for problem in row.problems:
            column = column_of.get(problem.field)
            if column is not None:
                sheet.cell(offset, column).fill = fill
        sheet.cell(offset, len(columns)).font = Font(color="9B1C1C")

    book.data_sheet(
        _("Problèmes"),
        [
            Col(_("Ligne"), "int", 8),
            Col(_("Colonne"), "text", 22),
            Col(_("Valeur"), "text", 30),
            Col(_("Problème"), "text", 70, wrap=True),
            Col(_("Code"), "text", 20),
        ],
        [(p.row, p.column, p.value, p.message, p.reason.value) for p in problems],
        frozen_columns=1,
    )

    summary = book.new_sheet(_("Résumé"))
    summary.column_dimensions["A"].width = 34
    summary.column_dimensions["B"].width = 60
    lines = [
        (_("Rapport d'importation"), ""),
        (_("Fichier"), preview.file_name),
        (_("Produit le"), format_date(dt.date.today())),
        (_("Lignes lues"), format_number(len(preview.rows))),
        (_("Lignes prêtes"), format_number(preview.ready_count)),
        (_("Lignes à corriger"), format_number(preview.error_count)),
    ]
    if result is not None:
        lines.append((_("Importation"), result.summary()))
    else:
        lines.append((_("Importation"), _("pas encore faite")))
    mark_first_row(summary, book.banner)
    title_lines(summary, lines, start=book.first_row)
    book.advance()
    return book.save(path)
