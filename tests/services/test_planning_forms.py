"""What the démarche's dialogs rely on: walk-ins made or found by name, term names unique
whatever their accents, the participation meetings an activity may be, the tabs' lists."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from ahuntsic_desktop.domain import Meeting, Person
from ahuntsic_desktop.services import planning
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.planning import ActivityData, PhaseData, ProcessData, SynthesisData


@pytest.fixture
def activity(db):
    with db.session() as s:
        s.add_all([Person(first_name="Hélène", last_name="Roy"),
                   Person(first_name="Jo", last_name="Diallo"),
                   Person(first_name="Jo", last_name="Diallo")])  # fmt: skip
    process = planning.create_process(db, ProcessData("Démarche", dt.date(2026, 1, 1)))
    type_id = planning.list_activity_types(db)[0].id
    return planning.create_activity(
        db, process, ActivityData(type_id, "Idéation", dt.date(2026, 2, 1))
    )


def persons(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Person))


def test_a_walk_in_is_found_by_name_or_created(db, activity):
    found = planning.add_walk_in_participant(db, activity, "  helene   ROY ")
    assert not found.created_person and persons(db) == 3
    made = planning.add_walk_in_participant(db, activity, "Zoé Passante")
    assert made.created_person and persons(db) == 4
    assert [p.name for p in planning.participant_lines(db, activity)] == ["Zoé Passante",
                                                                          "Hélène Roy"]  # fmt: skip
    with pytest.raises(ValidationError, match="figure déjà"):
        planning.add_walk_in_participant(db, activity, "Zoé Passante")
    with pytest.raises(ValidationError, match="Plusieurs personnes"):
        planning.add_walk_in_participant(db, activity, "Jo Diallo")
    with pytest.raises(ValidationError, match="Tapez le prénom"):
        planning.add_walk_in_participant(db, activity, "   ")
    assert persons(db) == 4


def test_term_names_are_unique_whatever_their_accents(db):
    planning.create_theme(db, "Sécurité")
    with pytest.raises(ValidationError, match="existe déjà"):
        planning.create_theme(db, "securite")
    kept = planning.create_theme(db, "Securite alimentaire")
    planning.rename_theme(db, kept, "Sécurité alimentaire")  # its own name, accented
    with pytest.raises(ValidationError, match="existe déjà"):
        planning.rename_activity_type(
            db, planning.list_activity_types(db)[1].id, planning.list_activity_types(db)[0].name
        )


def test_an_activity_may_be_a_participation_meeting_not_yet_taken(db, activity):
    with db.session() as s:
        s.add_all([
            Meeting(kind="participation", body="AQ", title="Assemblée de quartier",
                    date=dt.date(2026, 2, 3)),
            Meeting(kind="participation", body="AQ", title="Café citoyen",
                    date=dt.date(2026, 2, 4)),
        ])  # fmt: skip
    choices = planning.participation_meetings(db)
    assert [c.label for c in choices] == ["4 février 2026 — Café citoyen",
                                          "3 février 2026 — Assemblée de quartier"]  # fmt: skip
    data = planning.activity_data(db, activity)
    planning.update_activity(db, activity, ActivityData(data.type_id, data.title, data.date,
                                                        meeting_id=choices[0].id))  # fmt: skip
    assert [c.id for c in planning.participation_meetings(db)] == [choices[1].id]
    assert choices[0].id in [c.id for c in planning.participation_meetings(db, activity)]


def test_the_tabs_lists_and_the_forms_values(db, activity):
    process = planning.list_processes(db)[0].id
    planning.create_phase(db, process, PhaseData("Consultation", dt.date(2026, 1, 5)))
    planning.set_section(db, process, "mandat", "Dresser le bilan.")
    ids = planning.add_contributions(
        db, activity, [planning.ContributionData("A"), planning.ContributionData("B")],
        dt.date(2026, 2, 1),
    ).ids  # fmt: skip
    synthesis = planning.create_synthesis(
        db, process, SynthesisData("Logement", salient=True, contribution_ids=ids)
    )
    assert planning.phases_table(db, process).rows[0][:4] == (
        "Consultation", dt.date(2026, 1, 5), None, "À venir")  # fmt: skip
    assert planning.sections_table(db, process).rows == [("Mandat", "Dresser le bilan.")]
    assert planning.syntheses_table(db, process).rows == [("Logement", "", "", "Oui", 2)]
    assert planning.synthesis_data(db, synthesis).contribution_ids == tuple(sorted(ids))
    assert planning.process_data(db, process).title == "Démarche"
