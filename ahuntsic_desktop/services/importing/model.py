"""The plain results of an import: problems by row, the preview, the outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ...i18n import _, format_number, ngettext
from .fields import FIELDS_BY_KEY, ImportKind


class Cancelled(Exception):
    """Raised by a progress callback to stop reading, checking or importing; nothing is
    written."""


class Reason(StrEnum):
    MISSING_NAME = "nom_manquant"
    BAD_EMAIL = "courriel_invalide"
    BAD_PHONE = "telephone_invalide"
    BAD_POSTAL_CODE = "code_postal_invalide"
    BAD_WEBSITE = "site_invalide"
    BAD_TEXT = "texte_invalide"
    BAD_VALUE = "valeur_invalide"
    UNKNOWN_SECTOR = "secteur_inconnu"
    UNKNOWN_CATEGORY = "categorie_inconnue"
    MISSING_CATEGORY = "categorie_manquante"
    UNKNOWN_PAYMENT_METHOD = "mode_inconnu"
    UNKNOWN_ORGANIZATION = "organisme_inconnu"
    BAD_YEAR = "annee_invalide"
    BAD_DATE = "date_invalide"
    BAD_AMOUNT = "montant_invalide"
    RECEIPT_TAKEN = "recu_deja_emis"
    MEMBERSHIP_EXISTS = "adhesion_existante"
    DUPLICATE_EXISTING = "doublon_existant"
    DUPLICATE_IN_FILE = "doublon_fichier"
    UNREADABLE_ROW = "ligne_illisible"  # a cell too long, an unclosed quote (readers)


@dataclass(frozen=True)
class Problem:
    row: int  # the row number the user sees in Excel
    field: str | None  # the field at fault (see fields.FIELDS), None for the whole row
    column: str  # the file's column title, "" for the whole row
    value: str  # what the cell held, as text
    reason: Reason
    message: str  # in French, for the user


@dataclass
class RowResult:
    number: int
    values: dict[str, object]
    problems: list[Problem] = field(default_factory=list)
    existing_id: int | None = None  # the record the row adds to (see ImportOptions)

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem_fields(self) -> set[str | None]:
        return {p.field for p in self.problems}


@dataclass(frozen=True)
class ImportOptions:
    """``add_to_existing``: a row that matches exactly one existing record adds its
    membership (and representation) to that record instead of being refused as a duplicate
    (the yearly list of members). Otherwise a match is an error."""

    add_to_existing: bool = False
    # field -> folded value -> the value to use instead, or None to leave it blank (see
    # value_maps): « Bibliothèque » in a « Catégorie » column -> « Membre partenaire ».
    value_maps: dict[str, dict[str, str | None]] = field(default_factory=dict)


@dataclass
class ImportPreview:
    kind: ImportKind
    file_name: str
    headers: list[str]  # column titles as shown
    mapping: list[str | None]
    rows: list[RowResult]
    cells: dict[int, tuple]  # row number -> the file's cells, for the error report
    options: ImportOptions = ImportOptions()

    @property
    def ready(self) -> list[RowResult]:
        return [r for r in self.rows if r.ok]

    @property
    def ready_count(self) -> int:
        return sum(1 for r in self.rows if r.ok)

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if not r.ok)

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.rows for p in r.problems]

    def summary(self) -> str:
        """« 9 812 lignes prêtes, 188 à corriger »"""
        ready = ngettext("{n} ligne prête", "{n} lignes prêtes", self.ready_count).format(
            n=format_number(self.ready_count)
        )
        if not self.error_count:
            return ready
        return _("{ready}, {errors} à corriger").format(
            ready=ready, errors=format_number(self.error_count)
        )

    def field_title(self, key: str) -> str:
        for index, mapped in enumerate(self.mapping):
            if mapped == key:
                return self.headers[index]
        return FIELDS_BY_KEY[key].title


@dataclass(frozen=True)
class ImportResult:
    created: int  # new organisations or persons
    added_to_existing: int
    memberships: int
    representations: int
    skipped: int  # rows in error left out
    seconds: float

    def summary(self) -> str:
        parts = [
            ngettext("{n} fiche créée", "{n} fiches créées", self.created).format(
                n=format_number(self.created)
            ),
            ngettext("{n} adhésion", "{n} adhésions", self.memberships).format(
                n=format_number(self.memberships)
            ),
        ]
        if self.added_to_existing:
            parts.append(
                ngettext(
                    "{n} fiche existante complétée",
                    "{n} fiches existantes complétées",
                    self.added_to_existing,
                ).format(n=format_number(self.added_to_existing))
            )
        if self.representations:
            parts.append(
                ngettext("{n} représentation", "{n} représentations", self.representations).format(
                    n=format_number(self.representations)
                )
            )
        if self.skipped:
            parts.append(
                ngettext(
                    "{n} ligne en erreur ignorée", "{n} lignes en erreur ignorées", self.skipped
                ).format(n=format_number(self.skipped))
            )
        return ", ".join(parts) + "."
