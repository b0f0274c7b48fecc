"""Resolutions: numbering that never reuses a number, movers and seconders."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest

from ahuntsic_desktop.domain import Membership, MembershipCategory, Person, ResolutionCounter
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.meetings import attendance, meetings, resolutions
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.services.meetings.resolutions import ResolutionData

DAY = date(2026, 5, 12)


@pytest.fixture
def setup(db):
    """A coordination committee meeting with Ana and Ben present and voting, Chloé present
    without a vote, and Dan (voting member) absent."""
    meeting_id = meetings.create_meeting(
        db, MeetingData(kind="comite_coordination", title="CC", date=DAY, start_time=time(19))
    )
    with db.session() as session:
        voting = MembershipCategory(name="Régulier", voting=True)
        observer = MembershipCategory(name="Observateur", voting=False)
        names = ("Ana", "Ben", "Chloé", "Dan")
        persons = {name: Person(first_name=name, last_name="Test") for name in names}
        session.add_all([voting, observer, *persons.values()])
        session.flush()
        for name, person in persons.items():
            category = observer if name == "Chloé" else voting
            session.add(Membership(person=person, year=2026, category=category, paid_on=DAY))
        ids = {name: person.id for name, person in persons.items()}
    for name in ("Ana", "Ben", "Chloé"):
        attendance.set_attendance(db, meeting_id, ids[name], "present")
    attendance.set_attendance(db, meeting_id, ids["Dan"], "absent")
    return meeting_id, ids


def motion(ids, title="Adoption", mover="Ana", seconder="Ben") -> ResolutionData:
    return ResolutionData(title, ids.get(mover), ids.get(seconder), votes_for=5)


def test_numbering_never_reuses_a_deleted_number(db, setup):
    meeting_id, ids = setup
    assert resolutions.add_resolution(db, meeting_id, motion(ids)) == "CC-2026-001"
    assert resolutions.add_resolution(db, meeting_id, motion(ids)) == "CC-2026-002"
    table = resolutions.list_resolutions(db, meeting_id=meeting_id)
    resolutions.delete_resolution(db, table.ids[1])
    assert resolutions.add_resolution(db, meeting_id, motion(ids)) == "CC-2026-003"
    table = resolutions.list_resolutions(db, year=2026)
    assert table.values("number") == ["CC-2026-001", "CC-2026-003"]
    assert table.values("moved_by") == ["Ana Test", "Ana Test"]
    assert table.values("seconded_by") == ["Ben Test", "Ben Test"]
    assert table.values("outcome") == ["Adoptée", "Adoptée"]
    assert len(resolutions.list_resolutions(db, year=2025)) == 0
    with db.session() as session:
        assert session.get(ResolutionCounter, ("CC", 2026)).last_sequence == 3


def test_each_body_and_year_has_its_own_sequence(db, setup):
    meeting_id, ids = setup
    resolutions.add_resolution(db, meeting_id, motion(ids))
    other = meetings.create_meeting(db, MeetingData(kind="comite_ad_hoc", title="Comité", date=DAY))
    for name in ("Ana", "Ben"):
        attendance.set_attendance(db, other, ids[name], "present")
    assert resolutions.add_resolution(db, other, motion(ids)) == "AH-2026-001"


@pytest.mark.parametrize(
    ("mover", "seconder", "field", "message"),
    [
        (
            "Dan",
            "Ben",
            "moved_by_id",
            "La personne qui propose doit être présente et avoir droit de vote.",
        ),
        (
            "Ana",
            "Dan",
            "seconded_by_id",
            "La personne qui appuie doit être présente et avoir droit de vote.",
        ),
        (
            "Chloé",
            "Ben",
            "moved_by_id",
            "La personne qui propose doit être présente et avoir droit de vote.",
        ),
        (
            "Ana",
            "Ana",
            "seconded_by_id",
            "La personne qui appuie doit être différente de celle qui propose.",
        ),
        (None, "Ben", "moved_by_id", "Indiquez la personne qui propose."),
    ],
)
def test_mover_and_seconder_must_be_present_voting_and_different(
    db, setup, mover, seconder, field, message
):
    meeting_id, ids = setup
    with pytest.raises(ValidationError) as error:
        resolutions.add_resolution(db, meeting_id, motion(ids, mover=mover, seconder=seconder))
    assert (error.value.field, error.value.message) == (field, message)
    assert len(resolutions.list_resolutions(db)) == 0
    # A refused resolution does not use up a number.
    assert resolutions.add_resolution(db, meeting_id, motion(ids)) == "CC-2026-001"


def test_update_keeps_the_number(db, setup):
    meeting_id, ids = setup
    resolutions.add_resolution(db, meeting_id, motion(ids))
    resolution_id = resolutions.list_resolutions(db).ids[0]
    resolutions.update_resolution(
        db, resolution_id, motion(ids, title="Adoption du budget", mover="Ben", seconder="Ana")
    )
    table = resolutions.list_resolutions(db)
    assert table.rows[0][:5] == ("CC-2026-001", DAY, "CC", "Adoption du budget", "Ben Test")


def test_meeting_moved_across_new_year_renumbers_its_resolutions(db, setup):
    # Issue 13, item 8: a resolution takes the year of its meeting's new date.
    meeting_id, ids = setup
    assert resolutions.add_resolution(db, meeting_id, motion(ids)) == "CC-2026-001"
    data = meetings.get_meeting(db, meeting_id).data()
    meetings.update_meeting(db, meeting_id, replace(data, date=date(2027, 1, 5)))
    table = resolutions.list_resolutions(db, meeting_id=meeting_id)
    assert table.values("number") == ["CC-2027-001"]
    assert len(resolutions.list_resolutions(db, year=2026)) == 0
    assert resolutions.add_resolution(db, meeting_id, motion(ids)) == "CC-2027-002"
    # Moved back, they take new 2026 numbers: CC-2026-001 was printed, never given again.
    data = meetings.get_meeting(db, meeting_id).data()  # the version saved (a form reads it)
    meetings.update_meeting(db, meeting_id, replace(data, date=date(2026, 12, 29)))
    table = resolutions.list_resolutions(db, meeting_id=meeting_id)
    assert table.values("number") == ["CC-2026-002", "CC-2026-003"]
