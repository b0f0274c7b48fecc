"""Suivi du plan d'action: the plan's hierarchy with row outline levels, status and
evaluation drop-down lists, conditional colours and progress; hidden *Type* and
*Identifiant* columns and a hidden sheet of exported values let the edited file come back
(see :mod:`...services.plan.roundtrip`)."""

from __future__ import annotations

from pathlib import Path

from openpyxl.formatting.rule import CellIsRule, DataBarRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import choices, label
from ...i18n import _, format_date, format_time
from ...services.core import settings as settings_service
from ...services.plan.reporting import PlanLine, plan_lines
from ...services.plan.roundtrip import COLUMNS, LEAF_KINDS, LEVELS, META_SHEET, meta_rows
from ...store import Database
from ..catalog import ExportOptions, Progress
from .common import FONT_NAME, SECTION_STYLE_FILL, Book, Col, line_count, measured_height, put

WIDTHS = {
    "number": 9,
    "level": 12,
    "title": 58,
    "status": 13,
    "evaluation": 21,
    "comment": 40,
    "status_date": 12,
    "progress": 12,
    "indicator": 26,
    "target_value": 10,
    "actual_value": 10,
    "unit": 10,
    "kind": 10,
    "id": 10,
}
KINDS = {
    "status_date": "date",
    "progress": "percent",
    "target_value": "number",
    "actual_value": "number",
    "id": "int",
}
INDENT_WIDTH = 3  # column-width units taken by one level of the title's indent (two steps)
TOP = Alignment(vertical="top")
UNIT = Alignment(horizontal="left", indent=1, vertical="top")
STATUS_COLOURS = {
    PlanStatus.DONE: ("C6EFCE", "006100"),
    PlanStatus.IN_PROGRESS: ("DDEBF7", "1F4E79"),
    PlanStatus.ABANDONED: ("E7E6E6", "595959"),
}
EVALUATION_COLOURS = {
    Evaluation.ACHIEVED: ("C6EFCE", "006100"),
    Evaluation.PARTIAL: ("FFEB9C", "9C5700"),
    Evaluation.NOT_ACHIEVED: ("FFC7CE", "9C0006"),
}


def _values(line: PlanLine) -> tuple:
    node = line.node
    leaf = node.kind in LEAF_KINDS
    return (
        node.number,
        _(LEVELS.get(node.kind, node.kind)),
        node.title,
        label(node.status, PlanStatus) if leaf else "",
        label(node.evaluation, Evaluation) if leaf and node.evaluation else "",
        line.comment or "",
        line.status_date,
        node.progress,
        line.indicator or "",
        line.target_value,
        line.actual_value,
        line.unit or "",
        node.kind,
        node.id,
    )


def _ranges(column: str, rows: list[int]) -> str:
    """``D5:D9 D12:D14`` for rows 5-9 and 12-14: a compact multi-range reference."""
    parts, start, previous = [], None, None
    for row in rows:
        if start is None:
            start = previous = row
        elif row == previous + 1:
            previous = row
        else:
            parts.append((start, previous))
            start = previous = row
    if start is not None:
        parts.append((start, previous))
    return " ".join(f"{column}{a}:{column}{b}" if a != b else f"{column}{a}" for a, b in parts)


def _validation(texts: list[str], column: str, leaf_rows: list[int], prompt: str) -> DataValidation:
    formula = '"' + ",".join(t.replace('"', "'") for t in texts) + '"'
    rule = DataValidation(type="list", formula1=formula, allow_blank=True)
    rule.error = _("Choisissez une valeur de la liste.")
    rule.errorTitle = _("Valeur inconnue")
    rule.prompt = prompt
    rule.showErrorMessage = rule.showInputMessage = True
    for ref in _ranges(column, leaf_rows).split():
        rule.add(ref)
    return rule


def _colour_rules(ws, ref: str, colours: dict, enum) -> None:
    for value, (fill, colour) in colours.items():
        ws.conditional_formatting.add(
            ref,
            CellIsRule(
                operator="equal",
                formula=['"' + label(value, enum) + '"'],
                fill=PatternFill("solid", bgColor=fill),
                font=Font(name=FONT_NAME, color=colour),
            ),
        )


def _style_structure(ws, sheet, count: int) -> list[int]:
    """Outline levels, indents and bold parents; returns the rows of means and targets."""
    bold = Font(name=FONT_NAME, bold=True)
    italic = Font(name=FONT_NAME, italic=True)
    leaf_rows = []
    for r, line in enumerate(sheet.lines, start=2):
        kind = line.node.kind
        ws.row_dimensions[r].outlineLevel = min(line.depth, 7)
        title = ws.cell(r, 3)
        title.alignment = Alignment(
            horizontal="left", indent=line.depth * 2, wrap_text=True, vertical="top"
        )
        ws.cell(r, 12).alignment = UNIT
        # The indent narrows the title's room (bold takes more): LibreOffice prints with
        # this height, readers fit it again when the row is edited.
        room = WIDTHS["title"] - line.depth * INDENT_WIDTH
        lines = max(
            line_count(line.node.title, room, bold=kind == "pillar" or line.depth == 0),
            line_count(line.comment or "", WIDTHS["comment"]),
        )
        if lines > 1:
            measured_height(ws, r, lines)
            for c in (1, 2, 4, 5, 8, 9, 10, 11):
                ws.cell(r, c).alignment = TOP
        if kind in LEAF_KINDS:
            leaf_rows.append(r)
        elif kind == "pillar" or line.depth == 0:
            for c in range(1, count + 1):
                ws.cell(r, c).fill = SECTION_STYLE_FILL
                ws.cell(r, c).font = bold
        elif kind == "chantier":
            for c in range(1, 4):
                ws.cell(r, c).font = bold
        else:
            title.font = italic
    ws.sheet_properties.outlinePr.summaryBelow = False
    return leaf_rows


def _instructions(book: Book, sheet, exported_at) -> None:
    lines = [
        (_("Plan d'action"), sheet.title),
        (_("Années"), f"{sheet.start_year}-{sheet.end_year}"),
        (_("Avancement global"), sheet.progress),
        (
            _("Exporté le"),
            f"{format_date(exported_at.date())} {_('à')} {format_time(exported_at.time())}",
        ),
        (
            _("Mode d'emploi"),
            _(
                "Modifiez au besoin les colonnes Statut, Évaluation (listes déroulantes) et "
                "Commentaire des moyens et des cibles, enregistrez le classeur, puis importez-le "
                "dans Ahuntsic Desktop (Exports > Importer un suivi du plan). Un aperçu montre "
                "ce qui change avant que rien ne soit enregistré."
            ),
        ),
        (
            _("À ne pas modifier"),
            _(
                "Les colonnes masquées Type et Identifiant, et la feuille masquée : elles "
                "permettent de retrouver chaque ligne et de repérer ce qui a changé dans "
                "l'application depuis l'exportation."
            ),
        ),
        (
            _("Avancement"),
            _(
                "Part des moyens et des cibles réalisés ou atteints (la moitié pour une cible "
                "partiellement atteinte), sans compter ce qui est abandonné ou sans objet."
            ),
        ),
    ]
    ws = book.data_sheet(
        _("À propos"), [Col(_("Rubrique"), width=22), Col(_("Valeur"), width=90)], lines
    )
    put(ws.cell(4, 2), sheet.progress, "percent")


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    table_settings = settings_service.load(db)
    sheet = plan_lines(db, options.plan_id)
    book = Book(
        _("Suivi du plan d'action"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        subject=sheet.title,
        progress=progress,
    )
    book.expect(2 * len(sheet.lines) + 10)
    columns = [
        Col(_(title), KINDS.get(key, "text"), WIDTHS[key], hidden=key in ("kind", "id"))
        for key, title in COLUMNS
    ]
    columns[2] = Col(columns[2].title, width=WIDTHS["title"], wrap=True)
    columns[5] = Col(columns[5].title, width=WIDTHS["comment"], wrap=True)
    rows = [_values(line) for line in sheet.lines]
    ws = book.data_sheet(sheet.title, columns, rows, frozen_columns=3, banding=False)
    leaf_rows = _style_structure(ws, sheet, len(columns))
    last = len(rows) + 1
    if leaf_rows:
        ws.add_data_validation(
            _validation(
                [text for _code, text in choices(PlanStatus)],
                "D",
                leaf_rows,
                _("Statut du moyen ou de la cible"),
            )
        )
        ws.add_data_validation(
            _validation(
                [text for _code, text in choices(Evaluation)],
                "E",
                leaf_rows,
                _("Évaluation (facultative)"),
            )
        )
    if rows:
        _colour_rules(ws, f"D2:D{last}", STATUS_COLOURS, PlanStatus)
        _colour_rules(ws, f"E2:E{last}", EVALUATION_COLOURS, Evaluation)
        ws.conditional_formatting.add(
            f"H2:H{last}",
            DataBarRule(
                start_type="num", start_value=0, end_type="num", end_value=1, color="5B9BD5"
            ),
        )
    book.advance(len(rows))
    _instructions(book, sheet, book.now)
    meta = book.workbook.create_sheet(META_SHEET)
    originals = [
        (line.node.kind, line.node.id, line.node.status, line.node.evaluation, line.comment)
        for line in sheet.lines
        if line.node.kind in LEAF_KINDS
    ]
    for r, values in enumerate(
        [*meta_rows(sheet.plan_id, sheet.title, ws.title, book.now), *originals], start=1
    ):
        for c, value in enumerate(values, start=1):
            put(meta.cell(r, c), value)  # a comment may start with "="
    meta.sheet_state = "hidden"
    return book.save(path)
