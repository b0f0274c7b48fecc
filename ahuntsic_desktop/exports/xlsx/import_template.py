"""The workbook to fill in before importing organisations or persons (with memberships):
one sheet with the expected columns and two fictional example rows, and an instructions
sheet that explains each column. :mod:`...services.importing` reads it back as is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...domain.enums import PaymentMethod, Sector
from ...domain.labels import label
from ...i18n import _
from ...services.importing import ImportKind, fields_for
from .common import Book, Col, put

WIDTHS = {"name": 36, "last_name": 20, "first_name": 16, "email": 30, "notes": 40,
          "address": 28, "organization": 32, "category": 20, "sector": 22}  # fmt: skip
DATE_FIELDS = {"paid_on"}
LIST_ROWS = 2000


def title_lines(ws, lines: list[tuple[str, str]], start: int = 1) -> int:
    """A bold title in row ``start`` (A1), then label/value lines; returns the next free
    row."""
    from openpyxl.styles import Font

    put(ws.cell(start, 1), lines[0][0])
    ws.cell(start, 1).font = Font(bold=True, size=14, color="1F4E79")
    row = start + 1
    for key, value in lines[1:]:
        put(ws.cell(row, 1), key)
        ws.cell(row, 1).font = Font(bold=True)
        put(ws.cell(row, 2), value)
        row += 1
    return row + 1


def default_filename(kind: ImportKind | str) -> str:
    if ImportKind(kind) is ImportKind.ORGANIZATIONS:
        return _("modele-import-organismes.xlsx")
    return _("modele-import-personnes.xlsx")


def _examples(kind: ImportKind) -> list[list]:
    fields = fields_for(kind)
    first = []
    for field in fields:
        value = field.example(kind) or None
        if field.key in DATE_FIELDS and value:
            value = dt.date(2026, 4, 1)
        first.append(value)
    second = list(first)
    for i, field in enumerate(fields):
        if field.key in ("category", "year", "dues", "paid_on", "payment_method", "receipt_number"):
            second[i] = None  # a record without membership
        elif field.key == "name":
            second[i] = _("Comptoir alimentaire (exemple)")
        elif field.key == "first_name":
            second[i] = "Jean"
        elif field.key == "last_name":
            second[i] = "Tremblay (exemple)"
        elif field.key in ("email", "phone", "acronym", "website", "organization"):
            second[i] = None
        elif field.key == "notes":
            second[i] = _("Exemple fictif : remplacez ou supprimez ces lignes.")
    return [first, second]


def _instructions(kind: ImportKind) -> list[tuple[str, str]]:
    return [
        (
            _("Une ligne par fiche"),
            _(
                "Gardez la ligne des titres telle quelle (l'ordre des colonnes est libre, les "
                "colonnes en trop sont ignorées) et remplacez les deux lignes d'exemple."
            ),
        ),
        (
            _("Adhésions"),
            _(
                "Remplissez Catégorie (et au besoin Année, Cotisation, Payé le, Mode de "
                "paiement) pour inscrire l'adhésion de l'année ; laissez-les vides sinon."
            ),
        ),
        (
            _("Vérification"),
            _(
                "Avant d'écrire quoi que ce soit, le logiciel vérifie chaque ligne et montre les "
                "problèmes avec leur numéro de ligne : courriel, téléphone, code postal, date, "
                "montant, secteur ou catégorie invalides, nom manquant, doublon d'une fiche "
                "existante ou d'une autre ligne. Vous pouvez corriger le fichier ou ignorer les "
                "lignes en erreur ; l'importation se fait ensuite en entier ou pas du tout."
            ),
        ),
        (
            _("Fichiers CSV"),
            _(
                "Un fichier .csv est aussi accepté : UTF-8 ou Windows-1252, séparé par des "
                "virgules ou des points-virgules."
            ),
        ),
    ]


def write_import_template(
    path: Path | str,
    kind: ImportKind | str,
    *,
    categories: list[str] | None = None,
    table_name: str = "",
) -> Path:
    """Write the template for ``kind`` to ``path``; ``categories`` (the names defined in the
    data file) become a drop-down list in the Catégorie column."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    kind = ImportKind(kind)
    fields = fields_for(kind)
    title = (
        _("Importation d'organismes")
        if kind is ImportKind.ORGANIZATIONS
        else _("Importation de personnes")
    )
    book = Book(title, table_name=table_name or _("Table de quartier"))
    columns = [
        Col(f.title, "date" if f.key in DATE_FIELDS else "text", WIDTHS.get(f.key, 15))
        for f in fields
    ]
    sheet = book.data_sheet(
        _("Organismes") if kind is ImportKind.ORGANIZATIONS else _("Personnes"),
        columns,
        _examples(kind),
        frozen_columns=1 if kind is ImportKind.ORGANIZATIONS else 2,
        banding=False,
    )
    for row in sheet.iter_rows(min_row=2, max_row=3):
        for cell in row:
            cell.font = Font(italic=True, color="6B7280")
    keys = [f.key for f in fields]
    lists = {
        "sector": [label(s) for s in Sector],
        "payment_method": [label(m) for m in PaymentMethod],
        "is_resident": [_("Oui"), _("Non")],
        "category": categories or [],
    }
    for key, values in lists.items():
        formula = '"' + ",".join(v.replace('"', "") for v in values) + '"'
        if key not in keys or not values or len(formula) > 255:
            continue
        letter = sheet.cell(row=1, column=keys.index(key) + 1).column_letter
        check = DataValidation(type="list", formula1=formula, allow_blank=True)
        check.showErrorMessage = False  # a suggestion: the import checks every value anyway
        sheet.add_data_validation(check)
        check.add(f"{letter}2:{letter}{LIST_ROWS}")

    notes = book.new_sheet(_("Instructions"))
    notes.column_dimensions["A"].width = 24
    notes.column_dimensions["B"].width = 12
    notes.column_dimensions["C"].width = 70
    notes.column_dimensions["D"].width = 28
    row = title_lines(notes, [(title + " — Ahuntsic Desktop", "")])
    for heading, text in _instructions(kind):
        put(notes.cell(row, 1), heading)
        notes.cell(row, 1).font = Font(bold=True)
        notes.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        put(notes.cell(row, 2), text)
        notes.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
        notes.row_dimensions[row].height = 15 * (1 + len(text) // 100)
        row += 1
    row += 1
    for column, heading in enumerate(
        (_("Colonne"), _("Obligatoire"), _("Ce qu'il faut y mettre"), _("Exemple")), start=1
    ):
        put(notes.cell(row, column), heading)
        notes.cell(row, column).font = Font(bold=True)
    for field in fields:
        row += 1
        put(notes.cell(row, 1), field.title)
        put(notes.cell(row, 2), _("Oui") if field.required else "")
        put(notes.cell(row, 3), _(field.help))
        notes.cell(row, 3).alignment = Alignment(wrap_text=True, vertical="top")
        put(notes.cell(row, 4), field.example(kind))
    if kind is ImportKind.PERSONS:
        put(notes.cell(row + 2, 1), _("Nom ou prénom : au moins un des deux est obligatoire."))
    return book.save(path)
