"""Merging two records of a person who both took part in one election (issue 13's open
question): candidacies, proposers and seconders, mandates are settled, never a crash."""

from __future__ import annotations

from sqlalchemy import select

from ahuntsic_desktop.domain import Candidacy, Mandate, Person
from ahuntsic_desktop.services.governance import elections
from ahuntsic_desktop.services.governance.elections import CandidacyData
from ahuntsic_desktop.services.registry.merge import merge, merge_preview

from .test_governance import assembly, election, world


def held_election(db):
    (persons, community, _school), seat_c, seat_r = world(db)
    meeting_id = assembly(db, persons, community)
    elections.hold_election(
        db,
        election(
            meeting_id,
            persons,
            CandidacyData(seat_r, persons[2], persons[0], persons[1], votes=3),
            CandidacyData(seat_r, persons[3], persons[1], persons[0], votes=2),
            CandidacyData(seat_c, persons[4], persons[2], persons[3], community, votes=5),
        ),
    )
    return persons


def test_two_candidates_of_one_election_merged_keep_one_candidacy(db):
    persons = held_election(db)
    preview = merge_preview(db, "person", persons[2], persons[3])
    assert any("les deux fiches y sont candidates" in c.what for c in preview.conflicts)
    merge(db, "person", persons[2], persons[3])
    with db.session() as session:
        rows = session.scalars(select(Candidacy).where(Candidacy.person_id == persons[2])).all()
        assert len(rows) == 1 and rows[0].elected and rows[0].votes == 3
        assert (
            session.scalars(select(Candidacy).where(Candidacy.person_id == persons[3])).all() == []
        )
        assert session.get(Person, persons[3]).archived_at is not None


def test_proposer_and_seconder_merged_leave_the_proposer(db):
    persons = held_election(db)
    preview = merge_preview(db, "person", persons[0], persons[1])
    assert sum(c.what.startswith("Candidature proposée") for c in preview.conflicts) == 2
    merge(db, "person", persons[0], persons[1])  # used to fail on the CHECK constraint
    with db.session() as session:
        rows = {r.person_id: r for r in session.scalars(select(Candidacy))}
        assert rows[persons[2]].proposed_by_id == persons[0]
        assert rows[persons[2]].seconded_by_id is None
        assert rows[persons[3]].proposed_by_id == persons[0]
        assert rows[persons[3]].seconded_by_id is None
        assert rows[persons[4]].proposed_by_id == persons[2]  # untouched
        assert session.scalars(select(Mandate.person_id)).all()
