"""The rows of a plan workbook: its columns, levels, statuses and evaluations, and the
checks made on each row before anything is imported (see :mod:`.importing`)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import LABELS, label
from ...i18n import N_, _
from ...text import fold_for_search
from ..core import ValidationError
from ..core import validation as v
from .nodes import kind_label, parse_quantity

SHEET_TITLE = "Plan d'action"
# The template's columns, in order: (key, header). Headers are read in French (and in the
# current language), whatever their order.
COLUMNS = (
    ("level", N_("Niveau")),
    ("number", N_("Numéro")),
    ("title", N_("Titre")),
    ("description", N_("Description")),
    ("status", N_("Statut")),
    ("evaluation", N_("Évaluation")),
    ("status_date", N_("Date")),
    ("indicator", N_("Indicateur")),
    ("target_value", N_("Cible")),
    ("actual_value", N_("Réel")),
    ("unit", N_("Unité")),
    ("comment", N_("Commentaire")),
)
# Column key -> accepted header spellings (folded: lower case, no accents).
HEADERS = {
    "level": ("niveau",),
    "number": ("numero", "no", "n°", "num"),
    "title": ("titre", "intitule"),
    "description": ("description", "mandat"),
    "status": ("statut",),
    "evaluation": ("evaluation",),
    "status_date": ("date", "date du statut"),
    "indicator": ("indicateur",),
    "target_value": ("cible", "valeur cible"),
    "actual_value": ("reel", "valeur reelle", "resultat"),
    "unit": ("unite",),
    "comment": ("commentaire", "commentaires"),
}
LEVELS = {
    "vision": "vision",
    "pilier": "pillar",
    "pilier strategique": "pillar",
    "chantier": "chantier",
    "orientation": "orientation",
    "moyen": "means",
    "moyen d'action": "means",
    "strategie": "means",
    "strategie d'action": "means",
    "cible": "target",
    # A template written in English comes back with English level names.
    "pillar": "pillar",
    "strategic pillar": "pillar",
    "work stream": "chantier",
    "means": "means",
    "action": "means",
    "strategy": "means",
    "target": "target",
}
# What a row of each kind may sit under in a workbook ("plan": first level).
PARENTS = {
    "pillar": ("plan",),
    "chantier": ("plan", "pillar"),
    "orientation": ("pillar", "chantier"),
    "means": ("orientation",),
    "target": ("orientation",),
}
_MISSING_LEVEL = {
    "orientation": N_("Une orientation doit se trouver sous un chantier ou un pilier."),
    "means": N_("Un moyen doit se trouver sous une orientation."),
    "target": N_("Une cible doit se trouver sous une orientation."),
}
LEVEL_LABELS = {
    "vision": N_("Vision"),
    "pillar": N_("Pilier"),
    "chantier": N_("Chantier"),
    "orientation": N_("Orientation"),
    "means": N_("Moyen"),
    "target": N_("Cible"),
}


def _translated_levels() -> dict[str, str]:
    """Level names in the current language, as the template was written in it."""
    return {label_key(_(text)): kind for kind, text in LEVEL_LABELS.items()}


_NUMBER = re.compile(r"\d+(\.\d+)*")


def label_key(text: object) -> str:
    """How a typed level, status or header is matched: searched fold, ’ as ', no colons,
    spacing ignored."""
    text = fold_for_search(str(text).replace("’", "'"))
    return " ".join(text.replace(":", " ").split())


def _choices(enum, extra: dict[str, str]) -> dict[str, str]:
    """Folded spelling -> stored value: codes, French labels, translated labels, variants."""
    found = {label_key(member.value.replace("_", " ")): member.value for member in enum}
    found.update({label_key(LABELS[(enum, member.value)]): member.value for member in enum})
    found.update({label_key(label(member)): member.value for member in enum})
    found.update(extra)
    return found


def status_choices() -> dict[str, str]:
    return _choices(PlanStatus, {"realisee": "realise", "abandonnee": "abandonne"})


def evaluation_choices() -> dict[str, str]:
    extra = {
        "atteint": "atteinte",
        "partiellement atteint": "partielle",
        "partiellement": "partielle",
        "non atteint": "non_atteinte",
        "s.o.": "sans_objet",
    }
    return _choices(Evaluation, extra)


@dataclass(frozen=True)
class ImportProblem:
    row: int | None  # the worksheet row (1 = the first), None for the whole file
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return _("Ligne {row} : {message}").format(row=self.row, message=self.message)


@dataclass(frozen=True)
class ImportRow:
    row: int
    kind: str
    number: str | None
    title: str
    parent_row: int | None  # None: first level of the plan
    depth: int
    description: str | None = None
    status: str | None = None
    evaluation: str | None = None
    status_date: dt.date | None = None
    indicator: str | None = None
    target_value: Decimal | None = None
    actual_value: Decimal | None = None
    unit: str | None = None
    comment: str | None = None


def text_of(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


def _number_text(value) -> str:
    if isinstance(value, float):
        return repr(value)  # a number typed in a cell not formatted as text: 1.2
    return text_of(value)


class RowChecker:
    """Reads the data rows one by one, collecting rows and problems."""

    def __init__(self) -> None:
        self.rows: list[ImportRow] = []
        self.problems: list[ImportProblem] = []
        self.vision: str | None = None
        self.vision_row: int | None = None
        self.by_number: dict[str, ImportRow] = {}
        self.names: dict[tuple[str, str], int] = {}
        self.chain: list[ImportRow] = []
        self.parents: dict[int, ImportRow] = {}
        self.statuses, self.evaluations = status_choices(), evaluation_choices()

    def problem(self, row: int | None, message: str) -> None:
        self.problems.append(ImportProblem(row, message))

    def read(self, n: int, cells: dict[str, object]) -> None:
        level = text_of(cells.get("level"))
        kind = LEVELS.get(label_key(level)) or _translated_levels().get(label_key(level))
        if not level:
            self.problem(n, _("Le niveau est vide (Pilier, Chantier, Orientation, Moyen, Cible)."))
            return
        if kind is None:
            self.problem(
                n,
                _(
                    "Niveau « {level} » inconnu : utilisez Vision, Pilier, Chantier, "
                    "Orientation, Moyen ou Cible."
                ).format(level=level),
            )
            return
        title = text_of(cells.get("title"))
        if kind == "vision":
            self._vision(n, title or text_of(cells.get("description")))
            return
        values = self._values(n, kind, cells)
        if not title:
            self.problem(n, _("Le titre est vide."))
        elif len(title) > (200 if kind in ("pillar", "chantier") else 300):
            self.problem(n, _("Le titre est trop long."))
        number = self._number(n, cells.get("number"))
        parent = self._parent(n, kind, number)
        self._unique_name(n, kind, title)
        row = ImportRow(
            n,
            kind,
            number,
            title,
            parent.row if parent else None,
            (parent.depth + 1) if parent else 1,
            **values,
        )
        if parent is not None:
            self.parents[n] = parent
        if number and number not in self.by_number:
            self.by_number[number] = row
        self.rows.append(row)
        chain, p = [row], parent
        while p is not None:
            chain.insert(0, p)
            p = self.parents.get(p.row)
        self.chain = chain

    def _vision(self, n: int, text: str) -> None:
        if self.vision_row is not None:
            self.problem(
                n, _("La vision est déjà donnée à la ligne {row}.").format(row=self.vision_row)
            )
        elif not text:
            self.problem(n, _("La vision est vide."))
        else:
            self.vision, self.vision_row = text, n

    def _number(self, n: int, value) -> str | None:
        number = _number_text(value)
        if not number:
            return None
        if not _NUMBER.fullmatch(number):
            self.problem(
                n,
                _("Numéro « {number} » mal formé : écrivez par exemple 1, 1.2 ou 1.2.3.").format(
                    number=number
                ),
            )
            return None
        if number in self.by_number:
            self.problem(
                n,
                _("Le numéro {number} est déjà utilisé à la ligne {row}.").format(
                    number=number, row=self.by_number[number].row
                ),
            )
            return None
        return number

    def _parent(self, n: int, kind: str, number: str | None) -> ImportRow | None:
        allowed = PARENTS[kind]
        if number is not None and "." in number:
            above = number.rsplit(".", 1)[0]
            parent = self.by_number.get(above)
            if parent is None:
                self.problem(
                    n,
                    _("Il manque un niveau : aucun élément numéroté {above} plus haut.").format(
                        above=above
                    ),
                )
            elif parent.kind not in allowed:
                self.problem(
                    n,
                    _(
                        "Il manque un niveau : {kind} {number} ne peut pas se trouver sous "
                        "{parent_kind} {above} (ligne {row})."
                    ).format(
                        kind=kind_label(kind),
                        number=number,
                        parent_kind=kind_label(parent.kind).lower(),
                        above=above,
                        row=parent.row,
                    ),
                )
            return parent
        if number is not None:  # a first-level number
            if "plan" not in allowed:
                self.problem(n, _("Il manque un niveau : ") + _(_MISSING_LEVEL[kind]))
            return None
        for candidate in reversed(self.chain):
            if candidate.kind in allowed:
                return candidate
        if "plan" not in allowed:
            self.problem(n, _("Il manque un niveau : ") + _(_MISSING_LEVEL[kind]))
        return None

    def _unique_name(self, n: int, kind: str, title: str) -> None:
        if kind not in ("pillar", "chantier") or not title:
            return
        key = (kind, v.name_sort_key(title))
        if key in self.names:
            self.problem(
                n,
                _("« {title} » est déjà le nom d'un {kind} à la ligne {row}.").format(
                    title=title, kind=kind_label(kind).lower(), row=self.names[key]
                ),
            )
        else:
            self.names[key] = n

    def _values(self, n: int, kind: str, cells: dict) -> dict:
        leaf, target = kind in ("means", "target"), kind == "target"
        found: dict = {}
        given = {key for key, value in cells.items() if text_of(value)}
        if not leaf and given & {"status", "evaluation", "status_date", "comment"}:
            self.problem(
                n,
                _(
                    "Statut, évaluation, date et commentaire ne s'appliquent qu'aux moyens et "
                    "aux cibles (utilisez Description pour un {kind})."
                ).format(kind=kind_label(kind).lower()),
            )
        if not target and given & {"indicator", "target_value", "actual_value", "unit"}:
            self.problem(n, _("Indicateur, Cible, Réel et Unité ne s'appliquent qu'aux cibles."))
        if leaf and "description" in given:
            self.problem(
                n, _("Un moyen ou une cible n'a pas de description : utilisez Commentaire.")
            )
        for key, choices, message in (
            (
                "status",
                self.statuses,
                _("Statut « {value} » inconnu : utilisez À venir, En cours, Réalisé ou Abandonné."),
            ),
            (
                "evaluation",
                self.evaluations,
                _(
                    "Évaluation « {value} » inconnue : utilisez Atteinte, Partiellement "
                    "atteinte, Non atteinte ou Sans objet."
                ),
            ),
        ):
            text = text_of(cells.get(key))
            if text and label_key(text) not in choices:
                self.problem(n, message.format(value=text))
            elif text and leaf:
                found[key] = choices[label_key(text)]
        long_text = {"max_length": 10_000, "multiline": True}
        checks = {
            "description": lambda x: v.optional_text(x, "", _("Description"), **long_text),
            "comment": lambda x: v.optional_text(x, "", _("Commentaire"), **long_text),
            "status_date": lambda x: v.parse_date(x, "", _("Date")),
            "indicator": lambda x: v.optional_text(x, "", _("Indicateur"), max_length=300),
            "unit": lambda x: v.optional_text(x, "", _("Unité"), max_length=40),
            "target_value": lambda x: parse_quantity(x, "", _("Cible")),
            "actual_value": lambda x: parse_quantity(x, "", _("Réel")),
        }
        for key, check in checks.items():
            raw = cells.get(key)
            if not text_of(raw):
                continue
            if isinstance(raw, int | float) and key not in ("target_value", "actual_value"):
                raw = text_of(raw)  # a number typed where text or a date is expected
            try:
                found[key] = check(raw)
            except ValidationError as error:
                self.problem(n, error.message)
        return found


def header_columns(row) -> dict[str, int]:
    """Column key -> index, for the headers recognised in ``row``."""
    spellings = {key: {*names, label_key(_(dict(COLUMNS)[key]))} for key, names in HEADERS.items()}
    columns: dict[str, int] = {}
    for index, value in enumerate(row):
        name = label_key(text_of(value)).rstrip(" .")
        for key, names in spellings.items():
            if name in names and key not in columns:
                columns[key] = index
    return columns
