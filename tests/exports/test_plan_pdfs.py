"""Plan documents (fiche chantier, plan d'action, bilan), read back with pypdf: accents,
numbers and counts as the services compute them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from ahuntsic_desktop.domain import Organization, Person
from ahuntsic_desktop.exports.pdf.chantier_sheet import write_chantier_sheet
from ahuntsic_desktop.exports.pdf.plan_bilan import write_plan_bilan
from ahuntsic_desktop.exports.pdf.plan_handout import write_plan_handout
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.meetings import attendance, followups, meetings
from ahuntsic_desktop.services.plan import chantiers
from ahuntsic_desktop.services.plan import editing as pe
from ahuntsic_desktop.services.plan.editing import NodeRef

TODAY = date(2026, 6, 1)
TABLE = "Solidarité Ahuntsic — table de quartier"
LETTER = (612, 792)
A4 = (595, 842)


def read(path) -> tuple[list[str], str]:
    pages = [page.extract_text() for page in PdfReader(path).pages]
    return pages, " ".join(" ".join(pages).split())


def assert_numbered(pages: list[str]) -> None:
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} de {len(pages)}" in text


def page_size(path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


@pytest.fixture
def current(db):
    """Plan 2021-2025: « Vivre ensemble » › « Sécurité alimentaire » › two orientations."""
    settings_service.save(db, replace(settings_service.load(db), table_name=TABLE))
    plan_id = pe.create_plan(
        db, "Plan d'action 2021-2025", 2021, 2025, "Un quartier où l’on mange à sa faim."
    )
    root = NodeRef("plan", plan_id)
    vivre = pe.add_node(db, "pillar", root, "Vivre ensemble")
    agir = pe.add_node(db, "pillar", root, "Agir « ensemble »")
    food = pe.add_node(db, "chantier", vivre, "Sécurité alimentaire")
    pe.set_description(db, food, "Améliorer l'accès à une alimentation saine & abordable.")
    pe.add_node(db, "chantier", agir, "Mobilisation citoyenne")
    access = pe.add_node(db, "orientation", food, "Accès économique aux aliments")
    skills = pe.add_node(db, "orientation", food, "Compétences culinaires")
    market = pe.add_node(db, "means", access, "Marché solidaire d'été")
    pe.set_status(db, market, "realise")
    fridge = pe.add_node(db, "means", access, "Frigo communautaire")
    pe.set_status(db, fridge, "en_cours", "partielle")
    families = pe.add_node(db, "target", access, "Rejoindre 500 ménages")
    pe.set_target_values(db, families.id, "Ménages rejoints", 500, 320, "ménages")
    pe.add_node(db, "means", skills, "Ateliers de cuisine collective")
    with db.session() as session:
        org = Organization(name="Cuisine collective L'Œuf", sector="communautaire")
        lea = Person(first_name="Léa", last_name="Gagné-Roy")
        noe = Person(first_name="Noé", last_name="Côté")
        session.add_all([org, lea, noe])
        session.flush()
        ids = {"org": org.id, "lea": lea.id, "noe": noe.id}
    chantiers.join(db, food.id, ids["lea"], "porteur", organization_id=ids["org"],
                   start_date=date(2023, 9, 1))  # fmt: skip
    chantiers.join(db, food.id, ids["noe"], "ressource", start_date=date(2024, 1, 15))
    meeting = meetings.create_meeting(
        db,
        meetings.MeetingData(
            kind="chantier", title="Rencontre du chantier — printemps", date=date(2026, 4, 8),
            chantier_id=food.id, status="tenue",
        ),
    )  # fmt: skip
    attendance.set_attendance(db, meeting, ids["lea"], "present", ids["org"])
    attendance.set_attendance(db, meeting, ids["noe"], "excuse")
    followups.add_follow_up(
        db,
        followups.FollowUpData("Réserver la salle paroissiale", meeting_id=meeting,
                               due_date=date(2026, 5, 1), owner_person_id=ids["lea"]),
    )  # fmt: skip
    return {"plan": plan_id, "food": food.id}


def test_fiche_chantier(db, current, tmp_path):
    path = write_chantier_sheet(db, current["food"], tmp_path / "fiche.pdf", today=TODAY)
    pages, text = read(path)
    assert_numbered(pages)
    assert page_size(path) == LETTER
    assert TABLE in pages[0]
    assert "Fiche chantier" in text
    assert "1.1 Sécurité alimentaire" in text
    assert "Plan d'action 2021-2025 · Vivre ensemble — au 1er juin 2026" in text
    assert "Améliorer l'accès à une alimentation saine & abordable." in text
    assert "1.1.1 Accès économique aux aliments" in text
    assert "1.1.2 Compétences culinaires" in text
    assert "1.1.1.1 Marché solidaire d'été — Réalisé" in text
    assert "En cours · Partiellement atteinte" in text
    assert "50 %" in text and "1,5 sur 3" in text  # the orientation: 1 + 0.5 of 3
    assert "38 %" in text  # the chantier: 1.5 of 4
    assert "Léa Gagné-Roy" in text and "Cuisine collective L'Œuf" in text
    assert "Personne-ressource" in text and "À titre personnel" in text
    assert "2 participant·es" in text
    assert "Rencontre du chantier — printemps" in text
    assert "1 sur 2 (50 %)" in text
    assert "Réserver la salle paroissiale" in text and "En retard" in text


def test_plan_handout(db, current, tmp_path):
    settings_service.save(db, replace(settings_service.load(db), paper_size="a4"))
    path = write_plan_handout(db, current["plan"], tmp_path / "plan.pdf", today=TODAY)
    pages, text = read(path)
    assert_numbered(pages)
    assert page_size(path) == A4
    assert "Plan d'action 2021-2025" in pages[0]
    assert "De 2021 à 2025 — état au 1er juin 2026" in text
    assert "Un quartier où l’on mange à sa faim." in text
    assert "1 Vivre ensemble" in text and "2 Agir « ensemble »" in text
    assert "2.1 Mobilisation citoyenne" in text
    assert "1.1.2.1 Ateliers de cuisine collective — À venir" in text
    assert "1.1.1.3 Cible : Rejoindre 500 ménages" in text
    assert "Ensemble du plan" in text
    assert "1,5 sur 4" in text  # the whole plan
    assert "Orientations à venir." in text  # the empty chantier
    assert "avancement global 38 %" in text


@pytest.fixture
def evaluated(db):
    """Plan 2009-2019: two chantiers without pillar, three orientations, evaluated."""
    plan_id = pe.create_plan(db, "Plan d'action 2009-2019", 2009, 2019)
    root = NodeRef("plan", plan_id)
    outcomes = {
        ("Sécurité alimentaire", "Accès aux aliments"): (
            ["atteinte", "atteinte", "non_atteinte"],
            ["atteinte", "partielle"],
        ),
        ("Sécurité alimentaire", "Saines habitudes"): (
            ["atteinte", "sans_objet"],
            ["non_atteinte"],
        ),
        ("Habitation", "Logements salubres"): (["partielle", "atteinte"], ["atteinte"]),
    }
    made: dict[str, NodeRef] = {}
    for (chantier, orientation), (means, targets) in outcomes.items():
        if chantier not in made:
            made[chantier] = pe.add_node(db, "chantier", root, chantier)
        node = pe.add_node(db, "orientation", made[chantier], orientation)
        for i, evaluation in enumerate(means, start=1):
            leaf = pe.add_node(db, "means", node, f"Stratégie {orientation.lower()} {i}")
            pe.set_status(
                db, leaf, "realise" if evaluation == "atteinte" else "abandonne", evaluation
            )
        for i, evaluation in enumerate(targets, start=1):
            leaf = pe.add_node(db, "target", node, f"Cible {orientation.lower()} {i}")
            pe.set_status(db, leaf, "en_cours", evaluation, "Évalué en 2020.")
            pe.set_target_values(db, leaf.id, "Nombre de ménages", 100, 80 + 10 * i, "ménages")
    return plan_id


def test_bilan(db, evaluated, tmp_path):
    path = write_plan_bilan(db, evaluated, tmp_path / "bilan.pdf", today=TODAY)
    pages, text = read(path)
    assert_numbered(pages)
    assert "Bilan du plan d'action" in text
    assert "De 2009 à 2019 — bilan au 1er juin 2026" in text
    # targets: 2 achieved of 4; strategies: 4 achieved of 7, one « sans objet », which the
    # figures and their percentage both leave out, and say so
    assert "2 / 4 cibles atteintes (50 %)" in text
    assert "4 / 6 stratégies d'action atteintes (67 %) · 1 sans objet non comptée" in text
    assert "ni au numérateur ni au dénominateur" in text
    assert "3 orientations" in text and "2 chantiers" in text
    assert "Cibles 2 1 1 0 4" in text  # atteinte, partielle, non atteinte, sans objet, total
    assert "Stratégies d'action 4 1 1 1 7" in text
    assert "1 Sécurité alimentaire 1 / 3 3 / 4 57 %" in text  # 4 of 7 counted: 57 %
    assert "2 Habitation 1 / 1 1 / 2" in text
    assert "Partiellement atteinte" in text and "Sans objet" in text  # the chart's legend
    assert "1.1 Accès aux aliments 1 / 2 2 / 3" in text
    assert "Détail des cibles" in text
    assert "Cible accès aux aliments 2" in text and "Nombre de ménages" in text
    assert "100 ménages" in text and "Évalué en 2020." in text


def test_bilan_of_an_empty_plan(db, tmp_path):
    plan_id = pe.create_plan(db, "Plan vide", 2026, 2030)
    pages, text = read(write_plan_bilan(db, plan_id, tmp_path / "vide.pdf", today=TODAY))
    assert "0 / 0 cible atteinte (—)" in text
    assert len(pages) == 1
