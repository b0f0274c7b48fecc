"""The workbook template for importing an action plan: a sheet with one row per node
(with fictional examples) and a sheet of notes. :mod:`...services.plan.importing` reads it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import label
from ...i18n import _
from ...services.plan.workbook import COLUMNS, SHEET_TITLE

WIDTHS = {
    "level": 13,
    "number": 10,
    "title": 52,
    "description": 40,
    "status": 13,
    "evaluation": 22,
    "status_date": 12,
    "indicator": 26,
    "target_value": 9,
    "actual_value": 9,
    "unit": 12,
    "comment": 36,
}
HEADER_FILL = "1F4E79"
LEVEL_FILLS = {"pillar": "DDEBF7", "chantier": "EDF3FA", "vision": "FFF2CC"}


def default_filename() -> str:
    return _("modele-plan-d-action.xlsx")


def level_names() -> dict[str, str]:
    return {
        "vision": _("Vision"),
        "pillar": _("Pilier"),
        "chantier": _("Chantier"),
        "orientation": _("Orientation"),
        "means": _("Moyen"),
        "target": _("Cible"),
    }


def example_rows() -> list[tuple[str, dict]]:
    """(level, cells) of the fictional example plan shipped in the template."""
    done, going, todo = (
        label(s) for s in (PlanStatus.DONE, PlanStatus.IN_PROGRESS, PlanStatus.TODO)
    )
    return [
        ("vision", {"title": _("Exemple : un quartier solidaire où chaque personne trouve sa place.")}),
        ("pillar", {"number": "1", "title": _("Vivre dans un quartier à échelle humaine"),
                    "description": _("Exemple fictif : remplacez ces lignes par votre plan.")}),
        ("chantier", {"number": "1.1", "title": _("Alimentation"),
                      "description": _("Améliorer l'accès à une alimentation saine et abordable.")}),
        ("orientation", {"number": "1.1.1", "title": _("Rapprocher les aliments frais des ménages")}),
        ("means", {"number": "1.1.1.1", "title": _("Tenir un marché solidaire l'été"),
                   "status": going, "status_date": dt.date(2024, 6, 1),
                   "comment": _("Trois marchés tenus en 2024.")}),
        ("means", {"number": "1.1.1.2", "title": _("Soutenir les jardins collectifs"),
                   "status": todo}),
        ("target", {"number": "1.1.1.3", "title": _("Rejoindre 500 ménages"), "status": going,
                    "indicator": _("Ménages rejoints"), "target_value": 500,
                    "actual_value": 320, "unit": _("ménages")}),
        ("chantier", {"number": "1.2", "title": _("Logement"),
                      "description": _("Défendre le droit à un logement abordable et salubre.")}),
        ("orientation", {"number": "1.2.1", "title": _("Informer les locataires de leurs droits")}),
        ("means", {"number": "1.2.1.1", "title": _("Tenir un kiosque d'information"),
                   "status": done, "status_date": dt.date(2023, 10, 15)}),
        ("pillar", {"number": "2", "title": _("Agir ensemble")}),
        ("chantier", {"number": "2.1", "title": _("Mobilisation citoyenne")}),
        ("orientation", {"number": "2.1.1", "title": _("Donner la parole aux résident·es")}),
        ("means", {"number": "2.1.1.1", "title": _("Organiser une assemblée de quartier par année"),
                   "status": done, "evaluation": label(Evaluation.ACHIEVED)}),
        ("target", {"number": "2.1.1.2", "title": _("100 résident·es participent"),
                    "evaluation": label(Evaluation.PARTIAL), "indicator": _("Participant·es"),
                    "target_value": 100, "actual_value": 74, "unit": _("personnes"),
                    "comment": _("Évaluation de mi-parcours.")}),
    ]  # fmt: skip


def notes() -> list[tuple[str, str]]:
    statuses = ", ".join(label(s) for s in PlanStatus)
    evaluations = ", ".join(label(e) for e in Evaluation)
    return [
        (_("Niveau"), _("Vision, Pilier, Chantier, Orientation, Moyen ou Cible (obligatoire).")),
        (
            _("Numéro"),
            _(
                "Facultatif. 1, 1.2, 1.2.3… Une ligne numérotée se place sous la ligne dont le "
                "numéro est le sien sans la dernière partie (1.2.3 sous 1.2). Sans numéro, elle se "
                "place sous la ligne la plus proche au-dessus qui peut la contenir. Chaque numéro "
                "n'apparaît qu'une fois. Dans le logiciel, la numérotation suit ensuite l'ordre."
            ),
        ),
        (_("Titre"), _("Obligatoire. Pour la vision : son texte.")),
        (_("Description"), _("Piliers et orientations : description ; chantiers : mandat.")),
        (_("Statut"), _("Moyens et cibles seulement : {values}.").format(values=statuses)),
        (_("Évaluation"), _("Moyens et cibles seulement : {values}.").format(values=evaluations)),
        (_("Date"), _("Date du statut ou de l'évaluation, par exemple 2026-04-01.")),
        (_("Indicateur, Cible, Réel, Unité"), _("Cibles seulement ; Cible et Réel sont des nombres.")),
        (_("Commentaire"), _("Moyens et cibles seulement.")),
        (
            _("Règles"),
            _(
                "Un pilier est au premier niveau ; un chantier est sous un pilier ou au premier "
                "niveau ; une orientation est sous un chantier ou un pilier ; un moyen ou une "
                "cible est sous une orientation. Deux piliers ou deux chantiers ne portent pas "
                "le même nom."
            ),
        ),
        (
            _("Importation"),
            _(
                "Tout le classeur est vérifié avant l'importation. S'il reste un problème, la "
                "liste des problèmes indique chaque ligne et rien n'est importé."
            ),
        ),
        (_("Exemples"), _("Les lignes d'exemple sont fictives : remplacez-les par votre plan.")),
    ]  # fmt: skip


def write_plan_template(path: Path | str) -> Path:
    """Write the template workbook to ``path``."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    keys = [key for key, _title in COLUMNS]
    sheet.append([_(title) for _key, title in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(vertical="center")
    levels = level_names()
    for level, cells in example_rows():
        sheet.append([levels[level] if key == "level" else cells.get(key) for key in keys])
        row = sheet.max_row
        for index, key in enumerate(keys, start=1):
            cell = sheet.cell(row=row, column=index)
            cell.alignment = Alignment(vertical="top", wrap_text=key in ("title", "description"))
            if key == "status_date":
                cell.number_format = "yyyy-mm-dd"
            if level in LEVEL_FILLS:
                cell.fill = PatternFill("solid", fgColor=LEVEL_FILLS[level])
            if level in ("pillar", "chantier", "vision") and key in ("level", "title"):
                cell.font = Font(bold=True)
    for index, key in enumerate(keys, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = WIDTHS.get(key, 14)
        if key == "number":  # typed 1.10 must stay 1.10, not become the number 1.1
            for row in range(2, 1001):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "C2"
    lists = {
        "level": list(levels.values()),
        "status": [label(s) for s in PlanStatus],
        "evaluation": [label(e) for e in Evaluation],
    }
    for key, values in lists.items():
        letter = sheet.cell(row=1, column=keys.index(key) + 1).column_letter
        check = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
        check.error = _("Choisissez une valeur de la liste.")
        check.showErrorMessage = False  # a warning, not a refusal: the import checks anyway
        sheet.add_data_validation(check)
        check.add(f"{letter}2:{letter}1000")

    notes_sheet = workbook.create_sheet(_("Notes"))
    notes_sheet.append([_("Modèle d'importation d'un plan d'action — Ahuntsic Desktop")])
    notes_sheet["A1"].font = Font(bold=True, size=13)
    notes_sheet.append([])
    notes_sheet.append([_("Colonne"), _("Ce qu'elle contient")])
    for cell in notes_sheet[3]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for name, text in notes():
        notes_sheet.append([name, text])
        for cell in notes_sheet[notes_sheet.max_row]:
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        notes_sheet[f"A{notes_sheet.max_row}"].font = Font(bold=True)
    notes_sheet.column_dimensions["A"].width = 28
    notes_sheet.column_dimensions["B"].width = 100
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
