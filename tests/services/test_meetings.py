"""Meetings: creation and validation, the list, the agenda, attendance and quorum."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from ahuntsic_desktop.domain import (
    ActionPlan,
    Chantier,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Person,
)
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.meetings import agenda, attendance, meetings, quorum
from ahuntsic_desktop.services.meetings.agenda import AgendaItemData
from ahuntsic_desktop.services.meetings.meetings import MeetingData

DAY = date(2026, 5, 12)  # membership year 2026 (April to March)


def coordination(**changes) -> MeetingData:
    values = dict(kind="comite_coordination", title="CC de mai", date=DAY, start_time=time(19, 0))
    values.update(changes)
    return MeetingData(**values)


def people(db, count: int, *, voting: bool = True, year: int = 2026) -> list[int]:
    """``count`` persons, each with a paid membership of a (non-)voting category."""
    with db.session() as session:
        category = MembershipCategory(name=f"Catégorie {voting}", voting=voting)
        persons = [Person(first_name=f"P{i}", last_name=f"Nom{i:02d}") for i in range(count)]
        session.add_all([category, *persons])
        session.flush()
        for person in persons:
            session.add(Membership(person_id=person.id, year=year, category=category, paid_on=DAY))
        return [person.id for person in persons]


def test_create_meeting_with_standard_agenda(db):
    meeting_id = meetings.create_meeting(db, coordination(place="  Centre  "))
    detail = meetings.get_meeting(db, meeting_id)
    assert detail.body == "CC"
    assert detail.place == "Centre"
    assert detail.kind_label == "Comité de coordination"
    assert detail.status_label == "Prévue"
    titles = [row.title for row in agenda.list_agenda(db, meeting_id)]
    assert titles == [
        "Ouverture",
        "Vérification du quorum",
        "Adoption de l'ordre du jour",
        "Adoption du procès-verbal de la rencontre précédente",
        "Suivis",
        "Varia",
        "Levée de la rencontre",
    ]


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("aga", "AG"),
        ("age", "AG"),
        ("assemblee_quartier", "AG"),
        ("comite_coordination", "CC"),
        ("comite_ad_hoc", "AH"),
        ("participation", "PA"),
    ],
)
def test_default_body(db, kind, body):
    meeting_id = meetings.create_meeting(db, coordination(kind=kind))
    assert meetings.get_meeting(db, meeting_id).body == body


def test_end_before_start_refused_and_nothing_saved(db):
    with pytest.raises(ValidationError) as error:
        meetings.create_meeting(db, coordination(start_time=time(19), end_time=time(18, 30)))
    assert error.value.field == "end_time"
    assert error.value.message == "L'heure de fin doit suivre l'heure de début."
    with db.session() as session:
        assert session.query(Meeting).count() == 0
    assert len(meetings.list_meetings(db)) == 0


def test_validation_rules(db):
    with pytest.raises(ValidationError) as error:
        meetings.create_meeting(db, coordination(title="   "))
    assert error.value.field == "title"
    with pytest.raises(ValidationError) as error:
        meetings.create_meeting(db, coordination(kind="chantier"))
    assert error.value.field == "chantier_id"
    with pytest.raises(ValidationError) as error:
        meetings.create_meeting(db, coordination(participation_format="micro_trottoir"))
    assert error.value.field == "participation_format"
    meeting_id = meetings.create_meeting(
        db, coordination(kind="participation", participation_format="micro_trottoir")
    )
    assert agenda.list_agenda(db, meeting_id) == []  # no assembly agenda for an activity


def test_update_and_status(db):
    meeting_id = meetings.create_meeting(db, coordination())
    detail = meetings.get_meeting(db, meeting_id)
    meetings.update_meeting(db, meeting_id, replace(detail.data(), title="CC de juin"))
    meetings.set_status(db, meeting_id, "tenue")
    detail = meetings.get_meeting(db, meeting_id)
    assert (detail.title, detail.status) == ("CC de juin", "tenue")
    with pytest.raises(ValidationError):
        meetings.set_status(db, meeting_id, "inconnu")


def test_list_meetings_counts_present_and_filters(db):
    with db.session() as session:
        plan = ActionPlan(title="Plan", start_year=2021, end_year=2025)
        chantier = Chantier(plan=plan, name="Sécurité alimentaire")
        session.add(chantier)
        session.flush()
        chantier_id = chantier.id
    first = meetings.create_meeting(db, coordination(date=date(2026, 1, 10)))
    meetings.create_meeting(
        db, coordination(kind="chantier", chantier_id=chantier_id, date=date(2026, 9, 1))
    )
    ids = people(db, 3)
    for person_id, status in zip(ids, ("present", "present", "excuse"), strict=True):
        attendance.set_attendance(db, first, person_id, status)

    table = meetings.list_meetings(db)
    assert [c.key for c in table.columns] == [
        "date",
        "start_time",
        "kind",
        "title",
        "body",
        "chantier",
        "place",
        "status",
        "present",
    ]
    assert table.values("date") == [date(2026, 9, 1), date(2026, 1, 10)]  # latest first
    assert table.values("present") == [0, 2]
    assert table.values("chantier") == ["Sécurité alimentaire", ""]
    assert len(meetings.list_meetings(db, kind="chantier")) == 1
    assert meetings.list_meetings(db, chantier_id=chantier_id).values("body") == ["CH"]
    upcoming = meetings.list_meetings(db, upcoming=True, today=date(2026, 6, 1))
    assert upcoming.values("date") == [date(2026, 9, 1)]
    past = meetings.list_meetings(db, upcoming=False, today=date(2026, 6, 1))
    assert past.ids == [first]


def test_agenda_times_and_positions(db):
    meeting_id = meetings.create_meeting(db, coordination(start_time=time(19, 0)))
    rows = agenda.list_agenda(db, meeting_id)
    assert [r.start_time for r in rows[:4]] == [time(19), time(19, 5), time(19, 10), time(19, 15)]
    new_id = agenda.add_agenda_item(
        db, meeting_id, AgendaItemData("Budget", "decision", planned_minutes=20), position=4
    )
    rows = agenda.list_agenda(db, meeting_id)
    assert rows[4].id == new_id and rows[4].start_time == time(19, 25)
    assert rows[5].start_time == time(19, 45)
    assert [r.position for r in rows] == list(range(8))

    agenda.move_agenda_item(db, new_id, 0)
    rows = agenda.list_agenda(db, meeting_id)
    assert rows[0].id == new_id and rows[1].start_time == time(19, 20)
    agenda.move_agenda_item(db, new_id, 99)
    assert agenda.list_agenda(db, meeting_id)[-1].id == new_id

    agenda.delete_agenda_item(db, rows[3].id)
    rows = agenda.list_agenda(db, meeting_id)
    assert [r.position for r in rows] == list(range(7))
    with db.session() as session:
        positions = sorted(item.position for item in session.get(Meeting, meeting_id).agenda_items)
    assert positions == list(range(7))
    with pytest.raises(ValidationError):
        agenda.update_agenda_item(db, new_id, AgendaItemData("  "))


def test_same_person_twice_refused(db):
    meeting_id = meetings.create_meeting(db, coordination())
    (person_id,) = people(db, 1)
    attendance.add_attendance(db, meeting_id, person_id, "present")
    with pytest.raises(ValidationError) as error:
        attendance.add_attendance(db, meeting_id, person_id, "present")
    assert "P0 Nom00 figure déjà dans les présences" in error.value.message
    attendance.set_attendance(db, meeting_id, person_id, "excuse")  # changes the one line
    rows = attendance.list_attendance(db, meeting_id)
    assert [(r.person_name, r.status_label) for r in rows] == [("P0 Nom00", "Excusé·e")]


def test_quorum_reached_then_lost(db):
    meeting_id = meetings.create_meeting(db, coordination(kind="aga"))  # 10 required
    voters = people(db, 12)
    (observer,) = people(db, 1, voting=False)
    for person_id in [*voters, observer]:
        attendance.set_attendance(db, meeting_id, person_id, "present")
    state = quorum.quorum(db, meeting_id)
    assert (state.required, state.present_voting, state.reached) == (10, 12, True)
    assert state.message == "Quorum atteint : 12 membres votants sur 10 requis"

    for person_id in voters[:9]:
        attendance.set_attendance(db, meeting_id, person_id, "absent")
    state = quorum.quorum(db, meeting_id)
    assert (state.present_voting, state.reached) == (3, False)
    assert state.message == "Quorum non atteint : 3 membres votants sur 10 requis"
    voting = {r.person_id: r.voting for r in attendance.list_attendance(db, meeting_id)}
    assert voting[voters[0]] is True and voting[observer] is False


def test_quorum_percent_rule_and_votes_through_organisation(db):
    meeting_id = meetings.create_meeting(db, coordination())  # 50 % of voting invited
    with db.session() as session:
        category = MembershipCategory(name="Régulier", voting=True)
        org = Organization(name="Maison des jeunes", sector="communautaire")
        unpaid = Organization(name="Carrefour", sector="communautaire")
        old = Organization(name="Ancien", sector="communautaire")
        delegates = [Person(first_name="D", last_name=str(i)) for i in range(4)]
        session.add_all([category, org, unpaid, old, *delegates])
        session.flush()
        session.add_all(
            [
                Membership(organization=org, year=2026, category=category, paid_on=DAY),
                Membership(organization=unpaid, year=2026, category=category),
                Membership(organization=old, year=2025, category=category, paid_on=DAY),
            ]
        )
        ids = [d.id for d in delegates]
        orgs = (org.id, org.id, unpaid.id, old.id)
    for person_id, org_id in zip(ids, orgs, strict=True):
        attendance.set_attendance(db, meeting_id, person_id, "present", org_id)
    rows = {r.person_id: r for r in attendance.list_attendance(db, meeting_id)}
    # One vote per member organisation (issue 13, rule 5): the first listed carries it.
    assert [rows[i].voting for i in ids] == [True, False, False, False]
    assert rows[ids[1]].vote_carried_by == "D 0"
    assert rows[ids[0]].organization_name == "Maison des jeunes"
    state = quorum.quorum(db, meeting_id)
    # Two delegates of one member organisation are one voting member.
    assert (state.required, state.present_voting, state.reached) == (1, 1, True)
    assert state.message == "Quorum atteint : 1 membre votant sur 1 requis"
