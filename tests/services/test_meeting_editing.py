"""The meeting editor's services: walk-ins, convening, participant counts, minutes."""

from __future__ import annotations

from datetime import date, time

import pytest

from ahuntsic_desktop.domain import (
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Representation,
)
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.meetings import attendance, followups, meetings, pick_lists
from ahuntsic_desktop.services.meetings import meetings as meeting_service
from ahuntsic_desktop.services.meetings import minutes as meeting_minutes
from ahuntsic_desktop.services.meetings.followups import FollowUpData
from ahuntsic_desktop.services.meetings.meetings import MeetingData

DAY = date(2026, 5, 12)


def meeting(db, day=DAY, **changes) -> int:
    values = dict(kind="comite_coordination", title="CC", date=day, start_time=time(19, 0))
    values.update(changes)
    return meeting_service.create_meeting(db, MeetingData(**values))


def member_org(db, name: str, delegate: tuple[str, str]) -> tuple[int, int]:
    """A voting, paid member organisation and its delegate: (organisation id, person id)."""
    with db.session() as session:
        category = session.query(MembershipCategory).filter_by(name="Régulier").one_or_none()
        if category is None:
            category = MembershipCategory(name="Régulier", voting=True)
        org = Organization(name=name, sector="communautaire")
        person = Person(first_name=delegate[0], last_name=delegate[1])
        session.add_all([category, org, person])
        session.flush()
        session.add(Membership(organization_id=org.id, year=2026, category=category, paid_on=DAY))
        session.add(Representation(person_id=person.id, organization_id=org.id, role="delegue"))
        session.flush()
        return org.id, person.id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Marie-Ève Gagnon Roy", ("Marie-Ève", "Gagnon Roy")),
        ("  Jean   Tremblay ", ("Jean", "Tremblay")),
        ("Cher", ("", "Cher")),
        ("   ", ("", "")),
    ],
)
def test_split_full_name(text, expected):
    assert attendance.split_full_name(text) == expected


def test_walk_in_creates_the_person_present_in_one_go(db):
    mid = meeting(db)
    added = attendance.add_walk_in(db, mid, "  Aïcha   Benali ")
    assert added.created_person and added.name == "Aïcha Benali"
    [row] = attendance.list_attendance(db, mid)
    assert (row.person_name, row.status, row.invited) == ("Aïcha Benali", "present", False)


def test_walk_in_reuses_a_known_person_and_refuses_twice(db):
    mid = meeting(db)
    org_id, person_id = member_org(db, "Maison des jeunes", ("Luc", "Héroux"))
    added = attendance.add_walk_in(db, mid, "luc heroux")
    assert (added.person_id, added.created_person) == (person_id, False)
    [row] = attendance.list_attendance(db, mid)
    assert (row.organization_id, row.voting) == (org_id, True)
    with pytest.raises(ValidationError) as error:
        attendance.add_walk_in(db, mid, "Luc Héroux")
    assert error.value.message == "Luc Héroux figure déjà dans les présences de cette rencontre."
    with db.session() as session:
        assert session.query(Person).count() == 1


def test_walk_in_with_an_ambiguous_name_asks_to_choose(db):
    mid = meeting(db)
    with db.session() as session:
        session.add_all([Person(first_name="Jean", last_name="Roy") for _ in range(2)])
    with pytest.raises(ValidationError, match="Plusieurs personnes"):
        attendance.add_walk_in(db, mid, "Jean Roy")
    assert attendance.list_attendance(db, mid) == []


def test_invite_members_lists_delegates_once(db):
    mid = meeting(db)
    member_org(db, "A", ("Ann", "Alpha"))
    member_org(db, "B", ("Bob", "Beta"))
    assert attendance.invite_members(db, mid) == 2
    assert attendance.invite_members(db, mid) == 0
    rows = attendance.list_attendance(db, mid)
    assert [(r.person_name, r.status, r.voting) for r in rows] == [
        ("Ann Alpha", "invite", True),
        ("Bob Beta", "invite", True),
    ]


def test_person_choices_show_the_organisation(db):
    member_org(db, "Maison des jeunes", ("Luc", "Héroux"))
    with db.session() as session:
        session.add(Person(first_name="Zoé", last_name="Abel"))
    labels = [c.label for c in pick_lists.person_choices(db, DAY)]
    assert labels == ["Zoé Abel", "Luc Héroux (Maison des jeunes)"]


def test_participant_counts(db):
    mid = meeting(db, kind="participation", participation_format="micro_trottoir")
    meetings.set_participant_count(db, mid, "citoyen", 12)
    meetings.set_participant_count(db, mid, "citoyen", 14)
    counts = meetings.participant_counts(db, mid)
    assert counts["citoyen"] == 14 and counts["communautaire"] == 0
    with pytest.raises(ValidationError):
        meetings.set_participant_count(db, mid, "citoyen", -1)


def test_meeting_follow_ups(db):
    first, second = meeting(db), meeting(db, day=date(2026, 6, 9))
    followups.add_follow_up(db, FollowUpData("Envoyer le bilan", meeting_id=first))
    assert len(followups.list_meeting_follow_ups(db, first, today=DAY)) == 1
    assert len(followups.list_meeting_follow_ups(db, second, today=DAY)) == 0


def test_approve_minutes_by_the_next_meeting(db):
    first = meeting(db, status="tenue")
    second = meeting(db, day=date(2026, 6, 9), title="CC de juin")
    meeting(db, day=date(2026, 6, 10), kind="comite_ad_hoc")
    choices = meeting_minutes.approving_meeting_choices(db, first)
    assert [c[0] for c in choices] == [second]
    meeting_minutes.approve_minutes(db, first, by_meeting_id=second)
    state = meeting_minutes.minutes_state(db, first)
    assert state.approved_on == date(2026, 6, 9) and state.approved_by_meeting_id == second
    assert (
        state.message
        == "Procès-verbal approuvé le 9 juin 2026 (rencontre du 9 juin 2026 — CC de juin)"
    )
    meeting_minutes.withdraw_minutes_approval(db, first)
    assert meeting_minutes.minutes_state(db, first).approved_on is None


def test_approve_minutes_refusals(db):
    planned = meeting(db)
    with pytest.raises(ValidationError, match="tenue"):
        meeting_minutes.approve_minutes(db, planned, date(2026, 6, 1))
    meeting_service.set_status(db, planned, "tenue")
    with pytest.raises(ValidationError) as error:
        meeting_minutes.approve_minutes(db, planned, date(2026, 5, 1))
    assert error.value.field == "approved_on"
    earlier = meeting(db, day=date(2026, 4, 1))
    with pytest.raises(ValidationError) as error:
        meeting_minutes.approve_minutes(db, planned, by_meeting_id=earlier)
    assert error.value.field == "by_meeting_id"
    assert meeting_minutes.minutes_state(db, planned).approved_on is None
