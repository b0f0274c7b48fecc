"""Round trip of the plan-tracking workbook: what the export writes so that the file can
come back, and the import of the statuses, evaluations and comments edited in Excel or
LibreOffice.

The export (see :mod:`ahuntsic_desktop.exports.xlsx.plan_tracking`) adds hidden *Type* and
*Identifiant* columns and a hidden sheet holding the export's date and the values each
means and target had then. On import, each row is compared three ways:

- the sheet's value equals the exported one: **unchanged** (the app's value stays);
- the sheet changed it and the app did not since the export: **changed**;
- both changed it, differently: **conflict** (changed in the app since the export).

:func:`preview_import` reads and compares without writing anything; :func:`apply_import`
writes the changes (and the conflicts only when asked) in one transaction, after checking
that nothing moved since the preview.
"""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from ...domain import Means, Orientation, Target
from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import choices
from ...i18n import N_, _
from ...store import Database
from ..core import ValidationError

FORMAT_NAME = "ahuntsic-desktop/suivi-plan"
FORMAT_VERSION = 1
META_SHEET = "_ahuntsic"
EDITABLE = ("status", "evaluation", "comment")
LEAF_KINDS = {"means": Means, "target": Target}

# The tracking sheet's columns, in order: (key, French header). The import finds them by
# their header (French or the current language), wherever the person moved them.
COLUMNS = (
    ("number", N_("Numéro")),
    ("level", N_("Niveau")),
    ("title", N_("Intitulé")),
    ("status", N_("Statut")),
    ("evaluation", N_("Évaluation")),
    ("comment", N_("Commentaire")),
    ("status_date", N_("Date du statut")),
    ("progress", N_("Avancement")),
    ("indicator", N_("Indicateur")),
    ("target_value", N_("Cible")),
    ("actual_value", N_("Réel")),
    ("unit", N_("Unité")),
    ("kind", N_("Type")),
    ("id", N_("Identifiant")),
)
LEVELS = {
    "pillar": N_("Pilier"),
    "chantier": N_("Chantier"),
    "orientation": N_("Orientation"),
    "means": N_("Moyen"),
    "target": N_("Cible"),
}


def _fold(text: object) -> str:
    return " ".join(str(text or "").casefold().split())


def _codes(enum) -> dict[str, str]:
    """Folded label or code -> code, in French and in the current language."""
    out = {}
    for code, text in choices(enum):
        out[_fold(code)] = code
        out[_fold(text)] = code
    from ...domain.labels import LABELS

    for (kind, code), text in LABELS.items():
        if kind is enum:
            out[_fold(text)] = code
    return out


@dataclass(frozen=True)
class Values:
    status: str | None
    evaluation: str | None
    comment: str | None

    def get(self, name: str):
        return getattr(self, name)


@dataclass(frozen=True)
class RowChange:
    kind: str
    id: int
    row: int  # the sheet's row number
    number: str
    title: str
    current: Values  # in the app now
    incoming: Values  # in the sheet (merged: only what the sheet changed)
    fields: tuple[str, ...]  # what the sheet changed


@dataclass
class ImportPreview:
    plan_id: int
    exported_at: dt.datetime
    changes: list[RowChange] = field(default_factory=list)
    conflicts: list[RowChange] = field(default_factory=list)
    unchanged: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.changes or self.conflicts)


def _clean_comment(value: object) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _read(path: Path) -> tuple[dict, list[tuple[int, dict]], dict[tuple[str, int], Values]]:
    """The metadata, the sheet's rows (row number, {key: value}) and the exported values."""
    from openpyxl import load_workbook  # slow to import: only when importing

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file it cannot read
        raise ValidationError(
            _("« {name} » n'est pas un classeur Excel lisible.").format(name=path.name), "path"
        ) from error
    try:
        if META_SHEET not in workbook.sheetnames:
            raise ValidationError(
                _(
                    "Ce classeur n'est pas un suivi du plan exporté par Ahuntsic Desktop "
                    "(sa feuille d'origine est absente)."
                ),
                "path",
            )
        meta_rows = list(workbook[META_SHEET].iter_rows(values_only=True))
        meta = {
            row[0]: row[1] for row in meta_rows if row and row[0] and not row[0].startswith("#")
        }
        if meta.get("format") != FORMAT_NAME:
            raise ValidationError(_("Ce classeur n'est pas un suivi du plan."), "path")
        originals: dict[tuple[str, int], Values] = {}
        start = next(i for i, row in enumerate(meta_rows) if row and row[0] == "#origine")
        for row in meta_rows[start + 1 :]:
            if row and row[0] in LEAF_KINDS and row[1] is not None:
                originals[(row[0], int(row[1]))] = Values(
                    row[2] or None, row[3] or None, row[4] or None
                )
        sheet = workbook[meta["sheet"]] if meta.get("sheet") in workbook.sheetnames else None
        if sheet is None:
            raise ValidationError(_("La feuille du plan a été renommée ou supprimée."), "path")
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, ())
        titles = {_fold(title): key for key, title in COLUMNS}
        titles.update({_fold(_(title)): key for key, title in COLUMNS})
        positions = {titles[_fold(t)]: i for i, t in enumerate(header) if _fold(t) in titles}
        missing = [k for k in ("kind", "id", *EDITABLE) if k not in positions]
        if missing:
            names = ", ".join(_(dict(COLUMNS)[k]) for k in missing)
            raise ValidationError(
                _("Colonnes introuvables dans la feuille du plan : {names}.").format(names=names),
                "path",
            )
        lines = []
        for number, row in enumerate(rows, start=2):
            values = {key: row[i] if i < len(row) else None for key, i in positions.items()}
            if values.get("kind") in LEAF_KINDS and values.get("id") is not None:
                lines.append((number, values))
        return meta, lines, originals
    finally:
        workbook.close()


def preview_import(db: Database, path: Path | str) -> ImportPreview:
    """Compare the edited workbook with the file: nothing is written."""
    path = Path(path)
    with warnings.catch_warnings():  # extensions LibreOffice adds, that openpyxl skips
        warnings.simplefilter("ignore", UserWarning)
        meta, lines, originals = _read(path)
    try:
        exported_at = dt.datetime.fromisoformat(str(meta["exported_at"]))
        plan_id = int(meta["plan_id"])
    except (KeyError, ValueError) as error:
        raise ValidationError(
            _("La date d'exportation du classeur est illisible."), "path"
        ) from error
    preview = ImportPreview(plan_id, exported_at)
    statuses, evaluations = _codes(PlanStatus), _codes(Evaluation)
    current = _current_values(db, plan_id)
    for row, values in lines:
        key = (values["kind"], _as_int(values["id"]))
        if key not in current or key not in originals:
            preview.problems.append(
                _("Ligne {row} : ce moyen ou cette cible n'existe plus dans le plan.").format(
                    row=row
                )
            )
            continue
        sheet = _sheet_values(row, values, statuses, evaluations, preview.problems)
        if sheet is None:
            continue
        original, now, (number, title) = originals[key], current[key][0], current[key][1]
        edited = tuple(f for f in EDITABLE if sheet.get(f) != original.get(f))
        if not edited or all(sheet.get(f) == now.get(f) for f in edited):
            preview.unchanged += 1
            continue
        merged = Values(*(sheet.get(f) if f in edited else now.get(f) for f in EDITABLE))
        change = RowChange(key[0], key[1], row, number, title, now, merged, edited)
        moved = any(now.get(f) != original.get(f) for f in edited)
        (preview.conflicts if moved else preview.changes).append(change)
    return preview


def _as_int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _sheet_values(row, values, statuses, evaluations, problems) -> Values | None:
    status_text, evaluation_text = values.get("status"), values.get("evaluation")
    status = statuses.get(_fold(status_text)) if status_text not in (None, "") else None
    evaluation = (
        evaluations.get(_fold(evaluation_text)) if evaluation_text not in (None, "") else None
    )
    if status_text not in (None, "") and status is None:
        problems.append(
            _("Ligne {row} : statut inconnu « {value} ».").format(row=row, value=status_text)
        )
        return None
    if evaluation_text not in (None, "") and evaluation is None:
        problems.append(
            _("Ligne {row} : évaluation inconnue « {value} ».").format(
                row=row, value=evaluation_text
            )
        )
        return None
    comment = _clean_comment(values.get("comment"))
    if comment and len(comment) > 10_000:
        problems.append(_("Ligne {row} : commentaire trop long.").format(row=row))
        return None
    return Values(status or PlanStatus.TODO.value, evaluation, comment)


def _current_values(db: Database, plan_id: int) -> dict[tuple[str, int], tuple[Values, tuple]]:
    from .plans import build_tree

    out = {}
    with db.session() as session:
        tree = build_tree(session, plan_id)
        numbers = {(n.kind, n.id): (n.number, n.title) for n in tree.walk()}
        for kind, model in LEAF_KINDS.items():
            for leaf in session.scalars(
                select(model)
                .join(Orientation, Orientation.id == model.orientation_id)
                .where(Orientation.plan_id == plan_id)
            ):
                values = Values(leaf.status, leaf.evaluation, leaf.comment)
                out[(kind, leaf.id)] = (values, numbers.get((kind, leaf.id), ("", leaf.title)))
    return out


def apply_import(
    db: Database,
    preview: ImportPreview,
    *,
    include_conflicts: bool = False,
    today: dt.date | None = None,
) -> int:
    """Write the previewed changes (and conflicts when asked); returns how many rows changed.

    Refuses, writing nothing, when a row changed in the app since the preview.
    """
    rows = preview.changes + (preview.conflicts if include_conflicts else [])
    today = today or dt.date.today()
    with db.session() as session:
        for change in rows:
            leaf = session.get(LEAF_KINDS[change.kind], change.id)
            if leaf is None or Values(leaf.status, leaf.evaluation, leaf.comment) != change.current:
                raise ValidationError(
                    _(
                        "« {title} » a changé depuis l'aperçu : refaites l'aperçu avant "
                        "d'importer. Rien n'a été modifié."
                    ).format(title=change.title)
                )
            if "status" in change.fields or "evaluation" in change.fields:
                leaf.status_date = today
            leaf.status = change.incoming.status or PlanStatus.TODO.value
            leaf.evaluation = change.incoming.evaluation
            leaf.comment = change.incoming.comment
    return len(rows)


def meta_rows(plan_id: int, plan_title: str, sheet: str, exported_at: dt.datetime) -> list[tuple]:
    """The hidden sheet's head: what the import needs to find its way back."""
    return [
        ("format", FORMAT_NAME),
        ("version", FORMAT_VERSION),
        ("plan_id", plan_id),
        ("plan_title", plan_title),
        ("sheet", sheet),
        ("exported_at", exported_at.isoformat(timespec="seconds")),
        ("#origine", "kind", "id", "status", "evaluation", "comment"),
    ]
