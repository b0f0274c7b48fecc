"""Governance: seats and mandates, the CC convened and counted on its seats, the assembly's
quorum on its members in good standing, and elections refused whole on bad input."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from ahuntsic_desktop.domain import (
    Attendance,
    Candidacy,
    Election,
    Mandate,
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Resolution,
)
from ahuntsic_desktop.services.core import ValidationError
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.demo import write_demo_file
from ahuntsic_desktop.services.governance import elections, seats
from ahuntsic_desktop.services.governance.elections import CandidacyData, ElectionData
from ahuntsic_desktop.services.governance.seats import MandateData, SeatData
from ahuntsic_desktop.services.meetings import attendance, meetings, quorum
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.store import Database

from ..dates import DEMO_TODAY

DAY = date(2026, 5, 12)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("gov") / "demo.sqlite"
    write_demo_file(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo(demo_template, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(demo_template, path)
    database = Database.open(path)
    yield database
    database.close()


def new_cc(db, day=DEMO_TODAY) -> int:
    data = MeetingData(kind="comite_coordination", title="CC de décembre", date=day)
    return meetings.create_meeting(db, data)


def test_demo_cc_meeting_invites_exactly_the_seated_members_and_counts_them(demo):
    seated = {r.person_id for r in seats.list_seats(demo, "CC", DEMO_TODAY) if r.person_id}
    assert len(seated) == 11
    meeting_id = new_cc(demo)
    assert attendance.invite_members(demo, meeting_id) == 11
    lines = attendance.list_attendance(demo, meeting_id)
    assert {line.person_id for line in lines} == seated
    assert all(line.voting for line in lines)
    state = quorum.quorum(demo, meeting_id)
    # The CC rule (50 %) on its 11 seats: 6, not the 25 of the whole table's 49 voters.
    assert (state.required, state.present_voting, state.reached) == (6, 0, False)
    for line in lines[:6]:
        attendance.set_attendance(demo, meeting_id, line.person_id, "present")
    assert quorum.quorum(demo, meeting_id).reached
    # Listing fewer people does not lower the bar: the denominator is the seats.
    attendance.remove_attendance(demo, lines[-1].id)
    assert quorum.quorum(demo, meeting_id).required == 6
    # The rule stays in Settings: a fixed count applies to the seats as well.
    table = settings_service.load(demo)
    rules = dict(table.quorum_rules, comite_coordination={"mode": "count", "value": 4})
    settings_service.save(demo, replace(table, quorum_rules=rules))
    assert quorum.quorum(demo, meeting_id).required == 4


def test_a_present_walk_in_without_a_seat_does_not_vote_at_the_cc(demo):
    meeting_id = new_cc(demo)
    attendance.invite_members(demo, meeting_id)
    with demo.session() as session:
        outsider = session.scalar(
            select(Person.id).where(Person.id.not_in(select(Mandate.person_id))).limit(1)
        )
    added = attendance.add_present_person(demo, meeting_id, outsider)
    row = next(
        r for r in attendance.list_attendance(demo, meeting_id) if r.id == added.attendance_id
    )
    assert not row.voting


def test_demo_terms_ending_within_90_days(demo):
    ending = seats.terms_ending(demo, DEMO_TODAY)
    assert len(ending) == 2
    assert all(DEMO_TODAY <= line.end_date <= DEMO_TODAY + timedelta(days=90) for line in ending)
    assert {line.origin_label for line in ending} == {"Coopté·e"}


def test_history_of_a_person_and_a_body(demo):
    chair = seats.list_seats(demo, "CC", DEMO_TODAY)[0]
    lines = seats.history(demo, person_id=chair.person_id)
    assert len(lines) == 2 and lines[0].end_date < lines[1].start_date
    assert len(seats.history(demo, body="CC")) == 22


# -- bad input -----------------------------------------------------------------------------


def world(db):
    """A CC with a community seat and a residents' seat; people and organisations."""
    with db.session() as session:
        community = Organization(name="Maison des jeunes", sector="communautaire")
        school = Organization(name="École Saint-Paul", sector="scolaire")
        people = [Person(first_name=f"P{i}", last_name=f"Nom{i}") for i in range(6)]
        session.add_all([community, school, *people])
        session.flush()
        ids = [p.id for p in people], community.id, school.id
    seat_c = seats.add_seat(db, SeatData("CC", "Siège 1", "presidence", "communautaire"))
    seat_r = seats.add_seat(db, SeatData("CC", "Siège 2", "membre", "residents"))
    return ids, seat_c, seat_r


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_seat_held_twice_over_the_same_dates_is_refused(db):
    (persons, community, _school), seat_c, _seat_r = world(db)
    seats.add_mandate(db, MandateData(seat_c, persons[0], DAY, date(2027, 6, 1), community))
    with pytest.raises(ValidationError, match="déjà occupé par P0 Nom0"):
        seats.add_mandate(db, MandateData(seat_c, persons[1], date(2027, 1, 1), None, community))
    # The day after the mandate ends, the seat is free again.
    seats.add_mandate(db, MandateData(seat_c, persons[1], date(2027, 6, 2), None, community))
    assert count(db, Mandate) == 2


def test_one_person_cannot_hold_two_seats_of_a_body_at_once(db):
    (persons, _community, _school), _seat_c, seat_r = world(db)
    seat_3 = seats.add_seat(db, SeatData("CC", "Siège 3"))
    seats.add_mandate(db, MandateData(seat_r, persons[0], DAY, None))
    with pytest.raises(ValidationError, match="un autre siège"):
        seats.add_mandate(db, MandateData(seat_3, persons[0], DAY, None))


def test_mandate_ending_before_it_starts_is_refused(db):
    (persons, _community, _school), _seat_c, seat_r = world(db)
    with pytest.raises(ValidationError, match="ne peut pas précéder") as error:
        seats.add_mandate(db, MandateData(seat_r, persons[0], DAY, DAY - timedelta(days=1)))
    assert error.value.field == "end_date"
    assert count(db, Mandate) == 0


def test_ineligible_holder_for_the_college_is_refused(db):
    (persons, community, school), seat_c, seat_r = world(db)
    with pytest.raises(ValidationError, match="n'appartient pas au collège communautaire"):
        seats.add_mandate(db, MandateData(seat_c, persons[0], DAY, None, school))
    with pytest.raises(ValidationError, match="à titre personnel"):
        seats.add_mandate(db, MandateData(seat_r, persons[0], DAY, None, community))
    assert count(db, Mandate) == 0


def test_assembly_bodies_have_no_seats(db):
    with pytest.raises(ValidationError, match="membres en règle"):
        seats.add_seat(db, SeatData("AG", "Siège 1"))


# -- elections -----------------------------------------------------------------------------


def assembly(db, persons, community, voting: int = 5):
    """An AGA on DAY; ``voting`` of the persons present with a paid voting membership."""
    with db.session() as session:
        category = MembershipCategory(name="Régulier", voting=True)
        session.add(category)
        session.flush()
        for pid in persons[:voting]:
            session.add(Membership(person_id=pid, year=2026, category_id=category.id,
                                   paid_on=date(2026, 4, 10)))  # fmt: skip
    meeting_id = meetings.create_meeting(
        db, MeetingData(kind="aga", title="AGA 2026", date=DAY), standard_agenda=False
    )
    for pid in persons:
        attendance.set_attendance(db, meeting_id, pid, "present")
    return meeting_id


def election(meeting_id, persons, *candidacies, method="scrutin", voters=5) -> ElectionData:
    return ElectionData(meeting_id, "CC", persons[0], persons[1], method, tuple(candidacies),
                        moved_by_id=persons[0], seconded_by_id=persons[1], voters=voters)  # fmt: skip


def test_election_by_ballot_writes_mandates_and_a_resolution(db):
    (persons, community, _school), seat_c, seat_r = world(db)
    meeting_id = assembly(db, persons, community)
    assert [s.seat_id for s in elections.open_seats(db, meeting_id)] == [seat_c, seat_r]
    result = elections.hold_election(
        db,
        election(
            meeting_id,
            persons,
            CandidacyData(seat_r, persons[2], persons[0], persons[1], votes=3),
            CandidacyData(seat_r, persons[3], persons[1], persons[0], votes=2),
            CandidacyData(seat_c, persons[4], persons[2], persons[3], community, votes=5),
        ),
    )
    assert result.resolution_number == "AG-2026-001"
    assert sorted(result.elected) == ["P2 Nom2", "P4 Nom4"]
    rows = {r.seat_id: r for r in seats.list_seats(db, "CC", DAY + timedelta(days=1))}
    assert rows[seat_r].holder == "P2 Nom2" and rows[seat_r].end_date == date(2028, 5, 12)
    assert rows[seat_c].organization == "Maison des jeunes"
    assert elections.open_seats(db, meeting_id) == []
    with db.session() as session:
        text = session.scalar(select(Resolution.text))
    assert "proposée par P1 Nom1, appuyée par P0 Nom0 : 2 voix" in text
    assert "Est élu·e au siège « Siège 2 » : P2 Nom2" in text


def test_ballot_count_larger_than_voters_present_is_refused_and_nothing_written(db):
    (persons, community, _school), _seat_c, seat_r = world(db)
    meeting_id = assembly(db, persons, community, voting=5)
    bad = election(meeting_id, persons, CandidacyData(seat_r, persons[2], persons[0], persons[1],
                                                      votes=6), voters=6)  # fmt: skip
    with pytest.raises(ValidationError, match="6 bulletins pour 5 membres votants présents"):
        elections.hold_election(db, bad)
    too_many_votes = replace(bad, voters=4)
    with pytest.raises(ValidationError, match="dépassent les 4 bulletins"):
        elections.hold_election(db, too_many_votes)
    for model in (Election, Candidacy, Mandate, Resolution):
        assert count(db, model) == 0


def test_candidacy_rules(db):
    (persons, community, school), seat_c, seat_r = world(db)
    meeting_id = assembly(db, persons, community, voting=3)
    cases = [
        (CandidacyData(seat_c, persons[4], persons[0], persons[1], school), "n'appartient pas"),
        # persons[4] has no vote: may not second
        (CandidacyData(seat_r, persons[2], persons[0], persons[4]), "membres votants présents"),
        (CandidacyData(seat_r, persons[2], persons[0], persons[0]), "appuyée par la personne"),
    ]
    for candidacy, message in cases:
        with pytest.raises(ValidationError, match=message):
            elections.hold_election(
                db, election(meeting_id, persons, candidacy, method="acclamation")
            )
    two = election(meeting_id, persons, CandidacyData(seat_r, persons[2], persons[0], persons[1]),
                   CandidacyData(seat_r, persons[3], persons[1], persons[0]), method="acclamation")  # fmt: skip
    with pytest.raises(ValidationError, match="par scrutin"):
        elections.hold_election(db, two)
    assert count(db, Mandate) == 0 and count(db, Attendance) == 6


def test_assembly_quorum_counts_members_in_good_standing_not_only_those_listed(db):
    (persons, community, _school), _seat_c, _seat_r = world(db)
    meeting_id = assembly(db, persons[:2], community, voting=2)
    with db.session() as session:
        category = session.scalar(select(MembershipCategory.id))
        for pid in persons[2:6]:
            session.add(Membership(person_id=pid, year=2026, category_id=category,
                                   paid_on=date(2026, 4, 10)))  # fmt: skip
    table = settings_service.load(db)
    rules = dict(table.quorum_rules, aga={"mode": "percent", "value": 50})
    settings_service.save(db, replace(table, quorum_rules=rules))
    state = quorum.quorum(db, meeting_id)
    # 2 present of 6 members in good standing (only 2 listed): 3 required, not reached.
    assert (state.required, state.present_voting, state.reached) == (3, 2, False)


def test_demo_agas_recorded_their_elections(demo):
    with demo.session() as session:
        elected = session.scalar(
            select(func.count())
            .select_from(Mandate)
            .where(Mandate.elected_at_meeting_id.is_not(None))
        )
        assert session.scalar(select(func.count()).select_from(Election)) == 3
        assert session.scalar(select(func.count()).select_from(Candidacy)) == elected > 0
