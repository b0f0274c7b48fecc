"""Quorum rules at their edges (issue 13, "Rules that are wrong today", items 1, 2 and 4)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ahuntsic_desktop.domain import Membership, MembershipCategory, Person
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.meetings import attendance, meetings, quorum
from ahuntsic_desktop.services.registry import standing

from .test_meetings import DAY, coordination, people


def test_no_voting_member_listed_means_no_quorum(db):
    # Item 1: a percentage rule with nobody entitled to vote is not "0 sur 0 requis".
    meeting_id = meetings.create_meeting(db, coordination())  # 50 % of voting invited
    (observer,) = people(db, 1, voting=False)
    attendance.set_attendance(db, meeting_id, observer, "present")
    state = quorum.quorum(db, meeting_id)
    assert (state.present_voting, state.reached) == (0, False)
    assert state.message == "Quorum non atteint : aucun membre votant inscrit"


def test_meeting_without_quorum_rule_still_needs_none(db):
    meeting_id = meetings.create_meeting(db, coordination(kind="participation"))  # 0 required
    assert quorum.quorum(db, meeting_id).reached is True


def test_payment_after_the_meeting_does_not_give_a_vote(db):
    # Item 2: rights as they stood on the meeting's date (DAY = 12 May 2026).
    meeting_id = meetings.create_meeting(db, coordination())
    with db.session() as session:
        category = MembershipCategory(name="Régulier", voting=True)
        early, late = (
            Person(first_name="Tôt", last_name="A"),
            Person(first_name="Tard", last_name="B"),
        )
        session.add_all([category, early, late])
        session.flush()
        session.add_all(
            [
                Membership(person=early, year=2026, category=category, paid_on=DAY),
                Membership(person=late, year=2026, category=category, paid_on=date(2026, 6, 2)),
            ]
        )
        ids = early.id, late.id
    for person_id in ids:
        attendance.set_attendance(db, meeting_id, person_id, "present")
    rows = {r.person_id: r.voting for r in attendance.list_attendance(db, meeting_id)}
    assert rows == {ids[0]: True, ids[1]: False}
    state = quorum.quorum(db, meeting_id)
    assert (state.present_voting, state.required) == (1, 1)
    assert standing.is_voting_member_on(db, DAY, person_id=ids[1]) is False
    assert standing.is_voting_member_on(db, date(2026, 6, 2), person_id=ids[1]) is True


def with_rule(db, mode: str, value: int = 50) -> None:
    current = settings_service.load(db)
    rules = {**current.quorum_rules, "comite_coordination": {"mode": mode, "value": value}}
    settings_service.save(db, replace(current, quorum_rules=rules))


def test_fifty_percent_is_half_and_majority_is_more_than_half(db):
    # Item 4: 5 of 10 reaches "50 %"; the majority (50 % + 1) needs 6.
    meeting_id = meetings.create_meeting(db, coordination())
    voters = people(db, 10)
    for index, person_id in enumerate(voters):
        attendance.set_attendance(db, meeting_id, person_id, "present" if index < 5 else "absent")
    state = quorum.quorum(db, meeting_id)
    assert (state.required, state.reached) == (5, True)
    with_rule(db, "majority")
    state = quorum.quorum(db, meeting_id)
    assert (state.required, state.reached) == (6, False)
    assert state.message == "Quorum non atteint : 5 membres votants sur 6 requis"
    table = settings_service.load(db)
    assert table.quorum_rule_text("comite_coordination") == (
        "majorité (50 % + 1) des membres votants de l'instance"
    )


def test_count_rule_without_voting_member_still_says_how_many(db):
    meeting_id = meetings.create_meeting(db, coordination(kind="aga"))  # 10 required
    state = quorum.quorum(db, meeting_id)
    assert (state.required, state.reached) == (10, False)
    assert state.message == "Quorum non atteint : 0 membre votant sur 10 requis"
    with_rule(db, "majority")
    empty = meetings.create_meeting(db, coordination())
    assert quorum.quorum(db, empty).message == "Quorum non atteint : aucun membre votant inscrit"
