"""How much an import reads, and the French reasons given when a file passes a limit.

A list of members or organisations fits well within these; a file beyond them is hostile
or broken, and is refused quickly with its reason rather than read for minutes.
"""

from __future__ import annotations

from ...i18n import _, format_number

MEGABYTE = 1024 * 1024
MAX_ROWS = 100_000  # rows holding a value, headers included
MAX_COLUMNS = 200
MAX_CELL_LENGTH = 32_767  # Excel's own limit for a cell
EMPTY_ROWS_GAP = 10_000  # this many empty (styled) rows in a row end the reading
MAX_TEXT_BYTES = 200 * MEGABYTE  # a .csv file
MAX_PARTS = 10_000  # members of an .xlsx zip
MAX_PART_BYTES = 256 * MEGABYTE  # one member, decompressed
MAX_UNPACKED_BYTES = 512 * MEGABYTE  # all members, decompressed
RATIO_CHECKED_ABOVE = 32 * MEGABYTE  # a bigger member must not be compressed more than:
MAX_RATIO = 100  # (ordinary sheets compress 5 to 20 times; a zip bomb about 1,000 times)


def column_letter(index: int) -> str:
    """« A » for 0, « AB » for 27, « XFD » for 16,383."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def too_many_rows() -> str:
    return _("Le fichier compte plus de {max} lignes : divisez-le en plusieurs fichiers.").format(
        max=format_number(MAX_ROWS)
    )


def too_wide(cell: str) -> str:
    return _(
        "Le fichier a une valeur en {cell}, au-delà des {max} colonnes lues : supprimez les "
        "colonnes en trop ou copiez les données utiles dans un nouveau fichier."
    ).format(cell=cell, max=format_number(MAX_COLUMNS))


def values_after_gap(cell: str, last_row: int) -> str:
    return _(
        "Après la ligne {row}, plus de {gap} lignes vides précèdent une valeur en {cell} : "
        "supprimez les lignes vides ou copiez les données utiles dans un nouveau fichier."
    ).format(row=format_number(last_row), gap=format_number(EMPTY_ROWS_GAP), cell=cell)


def too_long_text_file(size: int) -> str:
    return _(
        "Le fichier pèse {size} Mo, plus que les {max} Mo qu'un import lit : divisez-le."
    ).format(
        size=format_number(round(size / MEGABYTE)), max=format_number(MAX_TEXT_BYTES // MEGABYTE)
    )


def too_long_cell(cell: str, length: int, row: int) -> str:
    return _(
        "La cellule {cell} contient {length} caractères, plus que les {max} qu'Excel "
        "permet : la ligne {row} est refusée, les autres sont lues."
    ).format(
        cell=cell,
        length=format_number(length),
        max=format_number(MAX_CELL_LENGTH),
        row=row,
    )
