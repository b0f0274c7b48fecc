"""Import a plan's structure from a workbook made on the shipped template.

One row per node: Niveau (Vision, Pilier, Chantier, Orientation, Moyen, Cible), Numéro,
Titre, Description, Statut, Évaluation, Date, Indicateur, Cible, Réel, Unité, Commentaire.
A row goes under the row whose number is its own without the last part (``1.2`` under
``1``); a row without a number goes under the nearest row above that may hold it.

Everything is checked before anything is written: :func:`read_plan_file` lists every
problem with its row; :func:`import_plan` writes the whole plan in one transaction only
when there is none, and changes nothing otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ...domain import ActionPlan, Chantier, Means, Orientation, Pillar, Target
from ...domain.enums import PlanStatus
from ...i18n import _
from ...store import Database
from .editing import check_plan_title, plan_values
from .workbook import (
    PARENTS,
    SHEET_TITLE,
    ImportProblem,
    ImportRow,
    RowChecker,
    header_columns,
    label_key,
    text_of,
)

__all__ = [
    "ImportProblem",
    "ImportResult",
    "ImportRow",
    "PlanPreview",
    "import_plan",
    "read_plan_file",
]


@dataclass(frozen=True)
class PlanPreview:
    rows: tuple[ImportRow, ...] = ()
    problems: tuple[ImportProblem, ...] = ()
    vision: str | None = None
    sheet: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def counts(self) -> dict[str, int]:
        found = {kind: 0 for kind in PARENTS}
        for row in self.rows:
            found[row.kind] += 1
        return found


@dataclass(frozen=True)
class ImportResult:
    plan_id: int | None  # None: nothing was imported
    preview: PlanPreview = field(default_factory=PlanPreview)


def read_plan_file(path: Path | str) -> PlanPreview:
    """Read and check a workbook; changes nothing. Every problem comes with its row."""
    from openpyxl import load_workbook

    path = Path(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        message = _("« {name} » n'est pas un classeur Excel (.xlsx) lisible.")
        return PlanPreview(problems=(ImportProblem(None, message.format(name=path.name)),))
    try:
        names = {label_key(name): name for name in workbook.sheetnames}
        sheet = workbook[names.get(label_key(SHEET_TITLE), workbook.sheetnames[0])]
        checker, columns, header_row = RowChecker(), None, None
        for n, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            if columns is None:
                found = header_columns(row)
                if "level" in found and "title" in found:
                    columns, header_row = found, n
                elif n >= 10:
                    break
                continue
            cells = {key: row[i] if i < len(row) else None for key, i in columns.items()}
            if any(text_of(value) for value in cells.values()):
                checker.read(n, cells)
    finally:
        workbook.close()
    if columns is None:
        message = _(
            "La feuille « {sheet} » n'a pas de ligne d'en-têtes avec les colonnes « Niveau » "
            "et « Titre » : partez du modèle fourni."
        )
        checker.problem(None, message.format(sheet=sheet.title))
    elif not checker.rows:
        message = _("La feuille « {sheet} » ne contient aucun élément de plan sous la ligne {row}.")
        checker.problem(None, message.format(sheet=sheet.title, row=header_row))
    problems = sorted(checker.problems, key=lambda p: -1 if p.row is None else p.row)
    return PlanPreview(tuple(checker.rows), tuple(problems), checker.vision, sheet.title)


def import_plan(
    db: Database,
    source: Path | str | PlanPreview,
    *,
    title: str,
    start_year: int,
    end_year: int,
    vision: str | None = None,
) -> ImportResult:
    """Create a plan from a checked workbook, in one transaction, when it has no problem.

    Bad plan fields (title taken, years) raise :class:`ValidationError`; problems in the
    workbook come back in the result, with ``plan_id`` None and nothing written."""
    preview = source if isinstance(source, PlanPreview) else read_plan_file(source)
    values = plan_values(title, start_year, end_year, vision or preview.vision)
    if not preview.ok:
        return ImportResult(None, preview)
    with db.session() as session:
        check_plan_title(session, values["title"])
        plan = ActionPlan(**values)
        session.add(plan)
        session.flush()
        made: dict[int, object] = {}
        kinds: dict[int, str] = {}
        positions: dict[tuple, int] = {}
        for row in preview.rows:
            parent = made.get(row.parent_row) if row.parent_row else None
            parent_kind = kinds.get(row.parent_row) if row.parent_row else "plan"
            key = (parent_kind, row.parent_row, row.kind)
            positions[key] = positions.get(key, 0) + 1
            obj = _build(plan.id, row, parent_kind, parent, positions[key])
            session.add(obj)
            session.flush()
            made[row.row], kinds[row.row] = obj, row.kind
        return ImportResult(plan.id, preview)


def _build(plan_id: int, row: ImportRow, parent_kind: str, parent, position: int):
    if row.kind == "pillar":
        return Pillar(
            plan_id=plan_id, name=row.title, description=row.description, position=position
        )
    if row.kind == "chantier":
        return Chantier(
            plan_id=plan_id,
            pillar_id=parent.id if parent_kind == "pillar" else None,
            name=row.title,
            mandate=row.description,
            position=position,
        )
    if row.kind == "orientation":
        return Orientation(
            plan_id=plan_id,
            pillar_id=parent.id if parent_kind == "pillar" else parent.pillar_id,
            chantier_id=parent.id if parent_kind == "chantier" else None,
            title=row.title,
            description=row.description,
            position=position,
        )
    common = {
        "orientation_id": parent.id,
        "title": row.title,
        "position": position,
        "status": row.status or PlanStatus.TODO.value,
        "evaluation": row.evaluation,
        "comment": row.comment,
        "status_date": row.status_date,
    }
    if row.kind == "means":
        return Means(**common)
    return Target(
        **common,
        indicator=row.indicator,
        target_value=row.target_value,
        actual_value=row.actual_value,
        unit=row.unit,
    )
