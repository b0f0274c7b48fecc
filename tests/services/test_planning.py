"""The démarche de planification: refusals in French, distinct participants, fast entry all
or nothing, names on contributions only with consent, the Law 25 hooks."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from ahuntsic_desktop.domain import (
    ActionPlan,
    Attendance,
    Contribution,
    Meeting,
    Organization,
    ParticipantCount,
    Person,
    Representation,
    Theme,
)
from ahuntsic_desktop.services import planning
from ahuntsic_desktop.services.core.errors import NotFoundError, ValidationError
from ahuntsic_desktop.services.planning import (
    ActivityData,
    ContributionData,
    Headcount,
    PhaseData,
    ProcessData,
    SynthesisData,
)
from ahuntsic_desktop.services.privacy import anonymize_person, grant_consent, withdraw_consent
from ahuntsic_desktop.services.privacy.dossier import person_file

TODAY = dt.date(2026, 5, 15)


@pytest.fixture
def world(db):
    """A démarche with two phases and the seeded activity types, three persons."""
    with db.session() as s:
        old = ActionPlan(title="Plan 2009-2019", start_year=2009, end_year=2019)
        new = ActionPlan(title="Plan 2021-2025", start_year=2021, end_year=2025)
        org = Organization(name="Maison de quartier", sector="communautaire")
        people = [
            Person(first_name="Ana", last_name="Roy", is_resident=True),
            Person(first_name="Jo", last_name="Diallo", sector="institutionnel"),
            Person(first_name="Lou", last_name="Nguyen"),
        ]
        s.add_all([old, new, org, *people])
        s.flush()
        s.add(Representation(person_id=people[2].id, organization_id=org.id, role="delegue"))
        ids = (old.id, new.id, *(p.id for p in people))
    process = planning.create_process(
        db,
        ProcessData(
            "Démarche 2019-2020",
            dt.date(2019, 1, 1),
            dt.date(2020, 12, 31),
            evaluated_plan_id=ids[0],
            produced_plan_id=ids[1],
            committee_body="cp",
        ),
    )
    first = planning.create_phase(
        db, process, PhaseData("Bilan", dt.date(2019, 1, 1), dt.date(2019, 6, 30), "terminee")
    )
    second = planning.create_phase(
        db, process, PhaseData("Portrait", dt.date(2019, 7, 1), dt.date(2020, 12, 31))
    )
    types = {t.name: t.id for t in planning.list_activity_types(db)}
    return {
        "process": process,
        "phases": (first, second),
        "types": types,
        "plans": ids[:2],
        "persons": ids[2:],
    }


def _activity(db, world, day=dt.date(2019, 3, 2), **kwargs) -> int:
    data = ActivityData(
        type_id=kwargs.pop("type_id", world["types"]["Micro-trottoir"]),
        title=kwargs.pop("title", "Micro-trottoir au marché"),
        date=day,
        phase_id=kwargs.pop("phase_id", world["phases"][0]),
        **kwargs,
    )
    return planning.create_activity(db, world["process"], data)


def test_the_seeded_activity_types_are_the_listed_ones(db):
    names = [t.name for t in planning.list_activity_types(db)]
    assert names == [
        "Micro-trottoir",
        "Entretien avec des partenaires",
        "Entretien avec des résident·es",
        "Atelier d'idéation",
        "Réflexion collective",
        "Visite commentée",
        "Groupe de discussion",
        "Visite de quartier",
        "Atelier de conception participative",
        "Suivi et ajustement",
    ]


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        (ProcessData("", dt.date(2019, 1, 1)), "title", "obligatoire"),
        (ProcessData("X", dt.date(2020, 1, 1), dt.date(2019, 1, 1)), "end_date", "précède"),
        (ProcessData("X", None), "start_date", "obligatoire"),
        (ProcessData("X", "2019-02-30"), "start_date", "date valide"),
        (ProcessData("démarche 2019-2020", dt.date(2019, 1, 1)), "title", "déjà"),
        (ProcessData("X", dt.date(2019, 1, 1), evaluated_plan_id=999), "evaluated_plan_id", ""),
    ],
)
def test_bad_processes_are_refused(db, world, data, field, words):
    with pytest.raises(ValidationError) as caught:
        planning.create_process(db, data)
    assert caught.value.field == field and words in caught.value.message
    assert len(planning.list_processes(db)) == 1


def test_same_plan_evaluated_and_produced_is_refused(db, world):
    plan = world["plans"][0]
    data = ProcessData("Autre", dt.date(2021, 1, 1), None, plan, plan)
    with pytest.raises(ValidationError, match="différents"):
        planning.create_process(db, data)


def test_phases_stay_within_the_process_and_are_unique(db, world):
    process = world["process"]
    with pytest.raises(ValidationError, match="dans les dates de la démarche") as caught:
        planning.create_phase(db, process, PhaseData("Après", dt.date(2021, 1, 1)))
    assert caught.value.field == "start_date"
    with pytest.raises(ValidationError, match="déjà une phase"):
        planning.create_phase(db, process, PhaseData("bilan", dt.date(2019, 2, 1)))
    with pytest.raises(ValidationError):
        planning.create_phase(db, process, PhaseData("Y", dt.date(2019, 2, 1), status="finie"))
    assert [p.name for p in planning.list_phases(db, process)] == ["Bilan", "Portrait"]
    # shrinking the démarche may not leave a phase out
    with pytest.raises(ValidationError, match="phase"):
        planning.update_process(
            db, process, ProcessData("Démarche 2019-2020", dt.date(2019, 8, 1), dt.date(2020, 1, 1))
        )


def test_activities_are_checked_against_process_phase_and_meeting(db, world):
    with pytest.raises(ValidationError, match="pendant la démarche"):
        _activity(db, world, dt.date(2018, 12, 31))
    with pytest.raises(ValidationError, match="pendant la phase « Bilan »"):
        _activity(db, world, dt.date(2019, 8, 1))
    with pytest.raises(ValidationError) as caught:
        _activity(db, world, type_id=None)
    assert caught.value.field == "type_id"
    with db.session() as s:
        committee = Meeting(kind="comite_coordination", body="CC", title="CC", date=TODAY)
        walk = Meeting(kind="participation", body="PA", title="Marche", date=dt.date(2019, 4, 4))
        s.add_all([committee, walk])
        s.flush()
        committee_id, walk_id = committee.id, walk.id
    with pytest.raises(ValidationError, match="participation"):
        _activity(db, world, meeting_id=committee_id)
    first = _activity(db, world, meeting_id=walk_id)
    with pytest.raises(ValidationError, match="déjà une activité"):
        _activity(db, world, meeting_id=walk_id, title="Encore")
    assert planning.activity_data(db, first).meeting_id == walk_id


def test_headcounts_refuse_negative_unknown_and_duplicates_and_keep_the_old_ones(db, world):
    activity = _activity(db, world)
    planning.set_headcounts(db, activity, [Headcount("citoyen", 12, "Aîné·es")])
    bad = [
        [Headcount("citoyen", -1)],
        [Headcount("martien", 3)],
        [Headcount("citoyen", "douze")],
        [Headcount("citoyen", 2, "Jeunes"), Headcount("citoyen", 3, "jeunes")],
    ]
    for rows in bad:
        with pytest.raises(ValidationError):
            planning.set_headcounts(db, activity, rows)
    assert planning.headcounts(db, activity) == [Headcount("citoyen", 12, "Aîné·es")]


def test_a_named_participant_is_refused_twice(db, world):
    activity = _activity(db, world)
    ana = world["persons"][0]
    planning.add_participant(db, activity, ana)
    with pytest.raises(ValidationError, match="déjà"):
        planning.add_participant(db, activity, ana)
    with pytest.raises(ValidationError):
        planning.set_participants(db, activity, [ana, ana])
    with pytest.raises(NotFoundError):
        planning.set_participants(db, activity, [ana, 9999])
    assert planning.participant_ids(db, activity) == [ana]


def test_distinct_participants_count_a_person_once_and_add_headcounts(db, world):
    ana, jo, lou = world["persons"]
    first = _activity(db, world)
    second = _activity(db, world, dt.date(2019, 9, 9), phase_id=world["phases"][1],
                       type_id=world["types"]["Visite de quartier"], title="Visite")  # fmt: skip
    planning.set_participants(db, first, [ana, jo])
    planning.set_participants(db, second, [ana, lou])
    planning.set_headcounts(db, first, [Headcount("citoyen", 10), Headcount("scolaire", 4)])
    planning.set_headcounts(db, second, [Headcount("citoyen", 6, "Aîné·es")])
    assert planning.distinct_participants(db, world["process"]) == (3, 20)
    # a meeting that is an activity brings its present persons and its counts
    with db.session() as s:
        meeting = Meeting(
            kind="participation", body="PA", title="Atelier", date=dt.date(2019, 10, 1)
        )
        s.add(meeting)
        s.flush()
        s.add_all(
            [
                Attendance(meeting_id=meeting.id, person_id=jo, status="present"),
                Attendance(meeting_id=meeting.id, person_id=lou, status="absent"),
                ParticipantCount(meeting_id=meeting.id, sector="communautaire", count=5),
            ]
        )
        meeting_id = meeting.id
    third = _activity(db, world, dt.date(2019, 10, 1), phase_id=None, meeting_id=meeting_id,
                      type_id=world["types"]["Atelier d'idéation"], title="Atelier")  # fmt: skip
    assert planning.distinct_participants(db, world["process"]) == (3, 25)
    summary = planning.process_summary(db, world["process"])
    assert summary.participants == 28
    lines = {a.id: (a.named, a.anonymous) for a in summary.activities}
    assert lines == {first: (2, 14), second: (2, 6), third: (1, 5)}
    sectors = {f.sector: (f.named, f.anonymous) for f in summary.by_sector}
    # Ana: resident; Jo: own sector; Lou: through the organisation represented
    assert sectors == {
        "communautaire": (1, 5),
        "institutionnel": (1, 0),
        "scolaire": (0, 4),
        "citoyen": (1, 16),
    }
    by_type = {t.name: (t.activities, t.participations) for t in summary.by_type}
    assert by_type == {
        "Micro-trottoir": (1, 16),
        "Atelier d'idéation": (1, 6),
        "Visite de quartier": (1, 8),
    }
    assert [t.name for t in summary.by_type][0] == "Micro-trottoir"  # in the vocabulary's order


def test_fast_entry_is_all_or_nothing_with_a_reason_per_row(db, world):
    activity = _activity(db, world)
    theme = planning.create_theme(db, "Logement")
    rows = [
        ContributionData("Trop de logements insalubres", "constat", ["logement"], "Familles", 3),
        ContributionData("", "idée"),  # blank: skipped
        ContributionData("Une ruelle verte", "rêve"),
        ContributionData("Plus de bancs", "idée", votes=-2),
        ContributionData("Jardins", "Idées", ["Verdissement"]),
    ]
    result = planning.add_contributions(db, activity, rows, TODAY)
    assert not result.ok and result.ids == ()
    assert [(e.index, e.field) for e in result.errors] == [
        (2, "kind"),
        (3, "votes"),
        (4, "themes"),
    ]
    assert "Nature inconnue « rêve »" in result.errors[0].message
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Contribution)) == 0
    fixed = [rows[0], rows[1], ContributionData("Une ruelle verte", "proposition", votes="4"),
             ContributionData("Jardins", "Idées", ["Verdissement", "logement"])]  # fmt: skip
    result = planning.add_contributions(db, activity, fixed, TODAY, create_themes=True)
    assert result.ok and len(result.ids) == 3 and result.new_themes == ("Verdissement",)
    lines = planning.list_contributions(db, world["process"], TODAY)
    assert [(c.text, c.kind, c.votes, c.themes) for c in lines] == [
        ("Une ruelle verte", "proposition", 4, ()),
        ("Trop de logements insalubres", "constat", 3, ("Logement",)),
        ("Jardins", "idee", 0, ("Logement", "Verdissement")),
    ]
    with db.session() as s:
        assert s.get(Theme, theme).name == "Logement"
    summary = planning.process_summary(db, world["process"])
    assert summary.contributions == 3 and summary.votes == 7
    assert dict(summary.by_kind) == {"Constat": 1, "Idée": 1, "Proposition": 1}
    assert [(t.name, t.contributions, t.votes) for t in summary.by_theme] == [
        ("Logement", 2, 3),
        ("Verdissement", 1, 0),
    ]


def test_a_name_needs_a_consent_in_force(db, world):
    activity = _activity(db, world)
    ana = world["persons"][0]
    named = ContributionData("Un local pour les jeunes", "besoin", person_id=ana)
    with pytest.raises(ValidationError, match="consentement") as caught:
        planning.add_contribution(db, activity, named, TODAY)
    assert caught.value.field == "person_id"
    consent = grant_consent(db, ana, "nom_contributions", dt.date(2026, 1, 1), source="Fiche")
    planning.add_contribution(db, activity, named, TODAY)
    [line] = planning.list_contributions(db, world["process"], TODAY)
    assert line.person_name == "Ana Roy"
    withdraw_consent(db, consent, dt.date(2026, 5, 1))
    [line] = planning.list_contributions(db, world["process"], TODAY)
    assert line.person_name == ""  # shown anonymous once the consent is withdrawn
    with pytest.raises(ValidationError, match="consentement"):
        planning.update_contribution(db, line.id, named, TODAY)


def test_syntheses_rest_on_contributions_of_their_own_process(db, world):
    activity = _activity(db, world)
    result = planning.add_contributions(
        db, activity, [ContributionData("A", "constat"), ContributionData("B", "force")], TODAY
    )
    synthesis = planning.create_synthesis(
        db,
        world["process"],
        SynthesisData("Le logement d'abord", "Texte", world["phases"][0], None, True, result.ids),
    )
    other = planning.create_process(db, ProcessData("Autre", dt.date(2024, 1, 1)))
    with pytest.raises(ValidationError, match="propre démarche"):
        planning.create_synthesis(db, other, SynthesisData("X", contribution_ids=result.ids))
    with pytest.raises(ValidationError, match="autre démarche"):
        planning.create_synthesis(db, other, SynthesisData("X", phase_id=world["phases"][0]))
    [line] = planning.list_syntheses(db, world["process"], salient_only=True)
    assert (line.id, line.phase, line.contributions) == (synthesis, "Bilan", 2)


def test_frame_sections_come_in_their_usual_order(db, world):
    process = world["process"]
    planning.set_section(db, process, "portee_limites", "Limites.")
    planning.set_section(db, process, "Remerciements", "Merci.", "Remerciements")
    planning.set_section(db, process, "mandat", "Le mandat.")
    planning.set_section(db, process, "mandat", "Le mandat revu.")
    lines = planning.sections(db, process)
    assert [(s.key, s.title, s.text) for s in lines] == [
        ("mandat", "Mandat", "Le mandat revu."),
        ("portee_limites", "Portée et limites", "Limites."),
        ("remerciements", "Remerciements", "Merci."),
    ]


def test_vocabulary_terms_in_use_are_kept(db, world):
    _activity(db, world)
    micro = world["types"]["Micro-trottoir"]
    with pytest.raises(ValidationError, match="utilisé"):
        planning.delete_activity_type(db, micro)
    with pytest.raises(ValidationError, match="existe déjà"):
        planning.create_activity_type(db, "micro-trottoir")
    planning.rename_activity_type(db, micro, "Micro-trottoir spontané")
    assert planning.list_activity_types(db)[0].name == "Micro-trottoir spontané"


def test_access_report_and_erasure_cover_participants_and_named_contributions(db, world):
    activity = _activity(db, world)
    ana = world["persons"][0]
    planning.set_participants(db, activity, [ana])
    grant_consent(db, ana, "nom_contributions", dt.date(2026, 1, 1))
    planning.add_contributions(
        db,
        activity,
        [
            ContributionData("Un local pour les jeunes", "besoin", person_id=ana),
            ContributionData("Ana Roy propose une fête de ruelle", "idee"),
        ],
        TODAY,
    )
    sections = {s.key: s.rows for s in person_file(db, ana).sections}
    assert sections["planning_activities"] == (
        (dt.date(2019, 3, 2), "Micro-trottoir au marché", "Micro-trottoir", "Démarche 2019-2020"),
    )
    assert [row[3] for row in sections["planning_contributions"]] == ["Un local pour les jeunes"]
    assert any("fête de ruelle" in row[1] for row in sections["mentions"])
    anonymize_person(db, ana, user="test", now=dt.datetime(2026, 5, 15, 9, 0))
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Contribution.person_id == ana)) == 0
        texts = set(s.scalars(select(Contribution.text)))
    assert "Ana Roy propose une fête de ruelle" not in texts
    assert planning.distinct_participants(db, world["process"]) == (1, 0)  # still counted
    assert len(planning.list_contributions(db, world["process"], TODAY)) == 2


def test_deleting_a_process_takes_its_parts_but_not_its_meetings(db, world):
    with db.session() as s:
        meeting = Meeting(
            kind="participation", body="PA", title="Atelier", date=dt.date(2019, 3, 2)
        )
        s.add(meeting)
        s.flush()
        meeting_id = meeting.id
    activity = _activity(db, world, meeting_id=meeting_id)
    planning.add_contributions(db, activity, [ContributionData("A")], TODAY)
    planning.delete_process(db, world["process"])
    assert planning.list_processes(db) == []
    with db.session() as s:
        assert s.get(Meeting, meeting_id) is not None
        assert s.scalar(select(func.count()).select_from(Contribution)) == 0


def test_merging_two_persons_at_one_activity_keeps_one_participation(db, world):
    from ahuntsic_desktop.services.registry.merge import merge, merge_preview

    ana, jo, _lou = world["persons"]
    first = _activity(db, world)
    second = _activity(db, world, dt.date(2019, 4, 1), title="Autre micro-trottoir")
    planning.set_participants(db, first, [ana, jo])
    planning.set_participants(db, second, [jo])
    preview = merge_preview(db, "person", ana, jo)
    assert any("Micro-trottoir au marché" in c.what for c in preview.conflicts)
    merge(db, "person", ana, jo)
    assert planning.participant_ids(db, first) == [ana]
    assert planning.participant_ids(db, second) == [ana]
    assert planning.distinct_participants(db, world["process"]) == (1, 0)


def test_hostile_rows_never_crash_the_fast_entry(db, world):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    activity = _activity(db, world)
    texts = st.text(max_size=300) | st.sampled_from(["=1+1", "\u202eabc", "x" * 6000, "\x00"])
    values = st.one_of(st.none(), st.integers(-5, 10**12), texts)

    @settings(max_examples=60, derandomize=True, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
    @given(text=texts, kind=texts, votes=values, population=st.none() | texts)
    def run(text, kind, votes, population):
        row = ContributionData(text, kind or "idee", (), population, votes)
        result = planning.add_contributions(db, activity, [row], TODAY)
        assert result.ok or all(e.index == 0 and e.message for e in result.errors)

    run()
    for line in planning.list_contributions(db, world["process"], TODAY):
        assert line.text.strip() and line.votes >= 0 and "\x00" not in line.text
