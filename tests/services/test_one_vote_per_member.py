"""One vote per member organisation, carried by one present person at a time (issue 13,
"Rules that are wrong today", item 5): its delegate, or if absent its substitute; a walk-in
employee does not get the vote unless recorded as the organisation's representative; mover
and seconder of a resolution from different members."""

from __future__ import annotations

from datetime import date

import pytest

from ahuntsic_desktop.domain import (
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Representation,
)
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.meetings import attendance, documents, meetings, quorum, resolutions
from ahuntsic_desktop.services.meetings.resolutions import ResolutionData

from .test_meetings import DAY, coordination


@pytest.fixture
def table(db):
    """A member organisation with its delegate, substitute and an employee, and a member
    resident; a CC meeting on DAY."""
    with db.session() as session:
        category = MembershipCategory(name="Régulier", voting=True)
        org = Organization(name="Maison des jeunes", sector="communautaire")
        delegate = Person(first_name="Dora", last_name="Délégué")
        substitute = Person(first_name="Sam", last_name="Substitut")
        employee = Person(first_name="Émile", last_name="Employé")
        resident = Person(first_name="Rita", last_name="Résidente", is_resident=True)
        session.add_all([category, org, delegate, substitute, employee, resident])
        session.flush()
        session.add_all(
            [
                Membership(organization=org, year=2026, category=category, paid_on=DAY),
                Membership(person=resident, year=2026, category=category, paid_on=DAY),
                Representation(person=delegate, organization=org, role="delegue"),
                Representation(person=substitute, organization=org, role="substitut"),
                Representation(person=employee, organization=org, role="employe"),
            ]
        )
        ids = {
            "org": org.id,
            "delegate": delegate.id,
            "substitute": substitute.id,
            "employee": employee.id,
            "resident": resident.id,
        }
    ids["meeting"] = meetings.create_meeting(db, coordination())
    return ids


def voting(db, meeting_id) -> dict[str, bool]:
    return {r.person_name: r.voting for r in attendance.list_attendance(db, meeting_id)}


def test_delegate_and_substitute_present_carry_one_vote(db, table):
    mid = table["meeting"]
    for who in ("delegate", "substitute"):
        attendance.set_attendance(db, mid, table[who], "present", table["org"])
    attendance.set_attendance(db, mid, table["resident"], "present")
    assert voting(db, mid) == {
        "Dora Délégué": True,
        "Sam Substitut": False,
        "Rita Résidente": True,
    }
    rows = {r.person_name: r for r in attendance.list_attendance(db, mid)}
    assert rows["Sam Substitut"].vote_carried_by == "Dora Délégué"
    assert rows["Dora Délégué"].vote_carried_by == ""
    assert quorum.quorum(db, mid).present_voting == 2
    # The attendance sheet prints one vote for the organisation too.
    sheet = {line.first_name: line.voting for line in documents.attendance_sheet(db, mid)}
    assert sheet == {"Dora": True, "Sam": False, "Rita": True}


def test_the_substitute_carries_the_vote_when_the_delegate_is_absent(db, table):
    mid = table["meeting"]
    attendance.set_attendance(db, mid, table["delegate"], "absent", table["org"])
    attendance.set_attendance(db, mid, table["substitute"], "present", table["org"])
    assert voting(db, mid) == {"Dora Délégué": False, "Sam Substitut": True}
    assert quorum.quorum(db, mid).present_voting == 1


def test_mover_and_seconder_come_from_different_members(db, table):
    mid = table["meeting"]
    for who in ("delegate", "substitute"):
        attendance.set_attendance(db, mid, table[who], "present", table["org"])
    attendance.set_attendance(db, mid, table["resident"], "present")
    with pytest.raises(ValidationError) as caught:
        resolutions.add_resolution(
            db, mid, ResolutionData("Budget", table["delegate"], table["substitute"])
        )
    assert caught.value.field == "seconded_by_id"
    number = resolutions.add_resolution(
        db, mid, ResolutionData("Budget", table["delegate"], table["resident"])
    )
    assert number == "CC-2026-001"


def test_a_walk_in_employee_does_not_get_the_organisation_vote(db, table):
    mid = table["meeting"]
    added = attendance.add_present_person(db, mid, table["employee"])
    [row] = attendance.list_attendance(db, mid)
    assert row.organization_id == table["org"]  # listed for it, as she works there
    assert row.voting is False
    assert quorum.quorum(db, mid).present_voting == 0
    attendance.set_attendance(db, mid, table["resident"], "present")
    with pytest.raises(ValidationError) as caught:
        resolutions.add_resolution(
            db, mid, ResolutionData("Budget", added.person_id, table["resident"])
        )
    assert caught.value.field == "moved_by_id"


def test_an_employee_recorded_as_representative_for_the_day_carries_the_vote(db, table):
    mid = table["meeting"]
    with db.session() as session:
        session.add(
            Representation(
                person_id=table["employee"],
                organization_id=table["org"],
                role="substitut",
                start_date=DAY,
                end_date=DAY,
            )
        )
    attendance.add_present_person(db, mid, table["employee"])
    assert voting(db, mid) == {"Émile Employé": True}
    assert quorum.quorum(db, mid).present_voting == 1
    # The next day's meeting: the mandate ended, the vote with it.
    later = meetings.create_meeting(db, coordination(date=date(2026, 5, 13)))
    attendance.add_present_person(db, later, table["employee"])
    assert voting(db, later) == {"Émile Employé": False}
