"""Follow-ups: the list with overdue first, status changes, carrying to the next meeting."""

from __future__ import annotations

from datetime import date

import pytest

from ahuntsic_desktop.domain import ActionPlan, Chantier, FollowUp, Person
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.meetings import followups, meetings
from ahuntsic_desktop.services.meetings.followups import FollowUpData
from ahuntsic_desktop.services.meetings.meetings import MeetingData

TODAY = date(2026, 6, 15)


def meeting(db, day, kind="comite_coordination", chantier_id=None) -> int:
    return meetings.create_meeting(
        db, MeetingData(kind=kind, title="Rencontre", date=day, chantier_id=chantier_id)
    )


def test_list_overdue_first_then_due_date(db):
    with db.session() as session:
        person = Person(first_name="Lina", last_name="Roy")
        session.add(person)
        session.flush()
        person_id = person.id
    cc = meeting(db, date(2026, 5, 1))
    later = followups.add_follow_up(
        db, FollowUpData("Envoyer le PV", date(2026, 7, 1), meeting_id=cc)
    )
    undated = followups.add_follow_up(db, FollowUpData("Réserver la salle", meeting_id=cc))
    overdue = followups.add_follow_up(
        db, FollowUpData("Relancer la Ville", date(2026, 6, 10), person_id, meeting_id=cc)
    )
    done_late = followups.add_follow_up(
        db, FollowUpData("Imprimer", date(2026, 6, 1), meeting_id=cc)
    )
    followups.update_follow_up_status(db, done_late, "fait", today=TODAY)

    table = followups.list_follow_ups(db, today=TODAY)
    assert table.ids == [overdue, done_late, later, undated]
    assert table.values("overdue") == [True, False, False, False]
    assert table.values("owner")[0] == "Lina Roy"
    assert table.values("body") == ["CC"] * 4
    assert table.values("meeting_date") == [date(2026, 5, 1)] * 4
    assert table.values("status")[1] == "Fait"
    open_table = followups.list_follow_ups(db, open_only=True, today=TODAY)
    assert open_table.ids == [overdue, later, undated]
    assert len(followups.list_follow_ups(db, body="AG", today=TODAY)) == 0


def test_done_date_is_kept_only_while_done(db):
    follow_up = followups.add_follow_up(db, FollowUpData("Écrire au CIUSSS", body="CC"))
    followups.update_follow_up_status(db, follow_up, "fait", date(2026, 6, 2))
    with db.session() as session:
        assert session.get(FollowUp, follow_up).done_on == date(2026, 6, 2)
    followups.update_follow_up_status(db, follow_up, "en_cours")
    with db.session() as session:
        assert session.get(FollowUp, follow_up).done_on is None
    with pytest.raises(ValidationError):
        followups.update_follow_up_status(db, follow_up, "perdu")
    with pytest.raises(ValidationError) as error:
        followups.add_follow_up(db, FollowUpData("   "))
    assert error.value.field == "description"


def test_follow_up_carried_to_next_meeting_of_same_body(db):
    may = meeting(db, date(2026, 5, 1))
    june = meeting(db, date(2026, 6, 5))
    assembly = meeting(db, date(2026, 5, 20), kind="aga")
    carried = followups.add_follow_up(db, FollowUpData("Bilan du chantier", meeting_id=may))
    done = followups.add_follow_up(db, FollowUpData("Déjà fait", meeting_id=may))
    followups.update_follow_up_status(db, done, "fait", TODAY)
    followups.add_follow_up(db, FollowUpData("Autre instance", meeting_id=assembly))
    followups.add_follow_up(db, FollowUpData("Décidé en juin", meeting_id=june))

    assert followups.open_follow_ups_for_next_meeting(db, june).ids == [carried]
    assert len(followups.open_follow_ups_for_next_meeting(db, may)) == 0


def test_chantier_follow_ups_stay_with_their_chantier(db):
    with db.session() as session:
        plan = ActionPlan(title="Plan", start_year=2021, end_year=2025)
        food, housing = (
            Chantier(plan=plan, name="Alimentation"),
            Chantier(plan=plan, name="Logement"),
        )
        session.add_all([food, housing])
        session.flush()
        food_id, housing_id = food.id, housing.id
    first = meeting(db, date(2026, 5, 1), "chantier", food_id)
    meeting(db, date(2026, 5, 2), "chantier", housing_id)
    next_food = meeting(db, date(2026, 6, 1), "chantier", food_id)
    next_housing = meeting(db, date(2026, 6, 2), "chantier", housing_id)
    follow_up = followups.add_follow_up(db, FollowUpData("Cartographie", meeting_id=first))

    assert followups.open_follow_ups_for_next_meeting(db, next_food).ids == [follow_up]
    assert len(followups.open_follow_ups_for_next_meeting(db, next_housing)) == 0
    table = followups.list_follow_ups(db, chantier_id=food_id, today=TODAY)
    assert table.values("chantier") == ["Alimentation"]


def test_same_day_meetings_carry_follow_ups_by_start_time(db):
    # Issue 13, item 7: the evening meeting was entered first, the morning one second.
    from datetime import time

    day = date(2026, 6, 3)
    evening = meetings.create_meeting(
        db, MeetingData(kind="comite_coordination", title="Soir", date=day, start_time=time(19))
    )
    morning = meetings.create_meeting(
        db, MeetingData(kind="comite_coordination", title="Matin", date=day, start_time=time(9))
    )
    decided = followups.add_follow_up(db, FollowUpData("Appeler la Ville", meeting_id=morning))
    assert followups.open_follow_ups_for_next_meeting(db, evening).ids == [decided]
    assert len(followups.open_follow_ups_for_next_meeting(db, morning)) == 0
