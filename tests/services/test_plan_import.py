"""Importing a plan from the shipped template: everything is checked first, each problem
comes with its row, and a workbook with problems changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from ahuntsic_desktop.domain import ActionPlan, Chantier, Means, Orientation, Pillar, Target
from ahuntsic_desktop.exports.xlsx.plan_template import write_plan_template
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.plan import editing as pe
from ahuntsic_desktop.services.plan import plans as plan
from ahuntsic_desktop.services.plan.importing import import_plan, read_plan_file

HEADER = ["Niveau", "Numéro", "Titre", "Description", "Statut", "Évaluation", "Date",
          "Indicateur", "Cible", "Réel", "Unité", "Commentaire"]  # fmt: skip


def workbook(path, rows, header=HEADER, sheet="Plan d'action"):
    book = Workbook()
    ws = book.active
    ws.title = sheet
    if header:
        ws.append(header)
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def row_counts(db) -> tuple[int, ...]:
    with db.session() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (ActionPlan, Pillar, Chantier, Orientation, Means, Target)
        )


def test_the_template_imports_as_shipped(db, tmp_path):
    path = write_plan_template(tmp_path / "modele.xlsx")
    preview = read_plan_file(path)
    assert preview.ok, [str(p) for p in preview.problems]
    assert preview.counts() == {
        "pillar": 2,
        "chantier": 3,
        "orientation": 3,
        "means": 4,
        "target": 2,
    }
    result = import_plan(db, path, title="Plan importé", start_year=2024, end_year=2028)
    assert result.plan_id is not None
    nodes = {n.number: n for n in plan.plan_tree(db, result.plan_id).walk()}
    assert nodes["1.1"].title == "Alimentation" and nodes["1.1"].kind == "chantier"
    assert nodes["1.1.1.3"].kind == "target"
    assert nodes["2.1.1.2"].evaluation == "partielle"
    assert nodes["1.2.1.1"].status == "realise"
    target = pe.node_detail(db, pe.NodeRef("target", nodes["1.1.1.3"].id))
    assert (target.target_value, target.actual_value, target.unit) == (
        Decimal("500.00"),
        Decimal("320.00"),
        "ménages",
    )
    means = pe.node_detail(db, pe.NodeRef("means", nodes["1.1.1.1"].id))
    assert means.status_date == date(2024, 6, 1)
    assert means.comment == "Trois marchés tenus en 2024."
    info = pe.node_detail(db, pe.NodeRef("plan", result.plan_id))
    assert info.description.startswith("Exemple : un quartier solidaire")
    chantier = pe.node_detail(db, pe.NodeRef("chantier", nodes["1.2"].id))
    assert chantier.description.startswith("Défendre le droit")


def test_a_bad_workbook_lists_every_problem_and_changes_nothing(db, tmp_path):
    pe.create_plan(db, "Plan existant", 2020, 2024)
    before = row_counts(db)
    path = workbook(
        tmp_path / "plan.xlsx",
        [
            ("Orientation", "", "Sans parent"),  # row 2: missing level
            ("Pilier", "1", "Vivre"),  # 3
            ("Chantier", "1.1", "Alimentation"),  # 4
            ("Orientation", "1.1.1", "Accès"),  # 5
            ("Moyen", "1.1.1.1", "Marché", None, "Fini"),  # 6: unknown status
            ("Moyen", "1.1.1.1", "Jardins"),  # 7: duplicate number
            ("Cible", "1.1.1.3", "", None, None, "Bof"),  # 8: empty title, unknown evaluation
            ("Moyen", "3.1.1", "Perdu"),  # 9: no 3.1 above
            ("Chantier", "1.2", "alimentation"),  # 10: duplicate name
            ("Sous-moyen", "", "Quoi"),  # 11: unknown level
            ("Cible", "1.1.1.4", "Cible", None, None, None, None, "x", "beaucoup"),  # 12
            ("Pilier", "2", "Agir", None, "En cours"),  # 13: status on a pillar
            ("Moyen", "2.1", "Sous un pilier"),  # 14: means right under a pillar
        ],
    )
    preview = read_plan_file(path)
    problems = [(p.row, p.message) for p in preview.problems]
    rows = [row for row, _m in problems]
    assert rows == sorted(rows)
    assert set(rows) == {2, 6, 7, 8, 9, 10, 11, 12, 13, 14}

    def about(row):
        return " | ".join(m for r, m in problems if r == row)

    assert "Il manque un niveau" in about(2) and "chantier ou un pilier" in about(2)
    assert "Statut « Fini » inconnu" in about(6)
    assert "1.1.1.1 est déjà utilisé à la ligne 6" in about(7)
    assert "titre est vide" in about(8) and "Évaluation « Bof » inconnue" in about(8)
    assert "aucun élément numéroté 3.1" in about(9)
    assert "déjà le nom d'un chantier à la ligne 4" in about(10)
    assert "Niveau « Sous-moyen » inconnu" in about(11)
    assert "« beaucoup » n'est pas un nombre" in about(12)
    assert "qu'aux moyens et aux cibles" in about(13)
    assert "sous pilier 2" in about(14)
    assert str(preview.problems[0]).startswith("Ligne 2 : ")

    result = import_plan(db, path, title="Nouveau plan", start_year=2025, end_year=2029)
    assert result.plan_id is None
    assert len(result.preview.problems) == len(problems)
    assert row_counts(db) == before


def test_rows_without_numbers_follow_the_outline(db, tmp_path):
    path = workbook(
        tmp_path / "plan.xlsx",
        [
            ("Vision", "", "Un quartier pour tous"),
            ("Pilier", "", "Vivre"),
            ("Chantier", "", "Alimentation", "Nourrir"),
            ("Orientation", "", "Accès"),
            ("Stratégie d'action", "", "Marché", None, "réalisée"),
            ("Cible", "", "500 familles", None, "", "Atteinte", "2024-05-01", "Familles", 500),
            ("Orientation", "", "Concertation"),  # under the same chantier
            (),
            ("Pilier stratégique", "", "Agir"),
            ("Orientation", "", "Mobiliser"),  # right under the pillar
            ("Chantier", "3", "Mobilité"),  # numbered first level: no pillar
            ("Orientation", "", "Transport"),
        ],
    )
    preview = read_plan_file(path)
    assert preview.ok, [str(p) for p in preview.problems]
    assert preview.vision == "Un quartier pour tous"
    assert [r.row for r in preview.rows][-3:] == [11, 12, 13]  # the blank row 9 counts
    result = import_plan(db, preview, title="Plan", start_year=2021, end_year=2025)
    assert [(n.number, n.kind, n.title) for n in plan.plan_tree(db, result.plan_id).walk()][1:] == [
        ("1", "pillar", "Vivre"),
        ("1.1", "chantier", "Alimentation"),
        ("1.1.1", "orientation", "Accès"),
        ("1.1.1.1", "means", "Marché"),
        ("1.1.1.2", "target", "500 familles"),
        ("1.1.2", "orientation", "Concertation"),
        ("2", "pillar", "Agir"),
        ("2.1", "orientation", "Mobiliser"),
        ("3", "chantier", "Mobilité"),
        ("3.1", "orientation", "Transport"),
    ]
    tree = plan.plan_tree(db, result.plan_id)
    assert tree.progress == 1.0
    assert pe.node_detail(db, pe.NodeRef("plan", result.plan_id)).description == (
        "Un quartier pour tous"
    )


def test_numbers_typed_as_numbers_and_headers_in_any_order(db, tmp_path):
    path = workbook(
        tmp_path / "plan.xlsx",
        [
            ("Chantier", "Logement", 1),
            ("Orientation", "Droits", 1.1),
            ("Moyen", "Kiosque", "1.1.1"),
        ],
        header=["Niveau", "Titre", "N°"],
        sheet="Feuille1",
    )
    preview = read_plan_file(path)
    assert preview.ok, [str(p) for p in preview.problems]
    assert [r.number for r in preview.rows] == ["1", "1.1", "1.1.1"]


def test_unreadable_or_headless_files(db, tmp_path):
    text = tmp_path / "plan.xlsx"
    text.write_text("Niveau;Titre\nPilier;Vivre\n", encoding="utf-8")
    preview = read_plan_file(text)
    assert [(p.row, p.message) for p in preview.problems] == [
        (None, "« plan.xlsx » n'est pas un classeur Excel (.xlsx) lisible.")
    ]
    headless = workbook(tmp_path / "vide.xlsx", [("Pilier", "Vivre")], header=None)
    assert "Niveau" in read_plan_file(headless).problems[0].message
    empty = workbook(tmp_path / "rien.xlsx", [])
    assert "aucun élément" in read_plan_file(empty).problems[0].message


def test_plan_fields_are_checked_before_writing(db, tmp_path):
    pe.create_plan(db, "Plan 2021-2025", 2021, 2025)
    before = row_counts(db)
    path = write_plan_template(tmp_path / "modele.xlsx")
    with pytest.raises(ValidationError) as error:
        import_plan(db, path, title="Plan 2021-2025", start_year=2021, end_year=2025)
    assert error.value.field == "title"
    with pytest.raises(ValidationError) as error:
        import_plan(db, path, title="Autre", start_year=2021, end_year=2019)
    assert error.value.field == "end_year"
    assert row_counts(db) == before


def test_a_template_written_in_english_imports_back(db, tmp_path):
    from ahuntsic_desktop import i18n
    from ahuntsic_desktop.exports.xlsx.plan_template import write_plan_template
    from ahuntsic_desktop.services.plan.importing import read_plan_file

    i18n.set_locale("en_CA")
    path = tmp_path / "template-en.xlsx"
    write_plan_template(path)
    preview = read_plan_file(path)
    assert preview.ok, [p for p in preview.problems]
    assert len(preview.rows) > 5
