"""A server killed mid-way (packaging/pg-cluster.sh's kill switch): the work of the
moment fails with a French message and is rolled back, nothing committed is lost, and the
same open Database works again once the server is back. PostgreSQL pass only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.store import RETRYABLE, StoreError, StoreProblem
from tests import server_db

pytestmark = pytest.mark.skipif(
    not server_db.KILL_SWITCH, reason="needs packaging/pg-cluster.sh's server (kill switch)"
)


def last_names(db) -> list[str]:
    with db.session() as session:
        return sorted(session.scalars(select(Person.last_name)))


@pytest.fixture
def killed(db):
    """Kill the server; started again whatever the test does."""
    persons.save_person(db, None, PersonData("Ana", "Roy"))  # committed before
    down = [True]

    def start():
        server_db.start_server()
        down[0] = False

    server_db.kill_server()
    yield start
    if down[0]:
        start()


def test_a_save_while_the_server_is_down_is_explained_and_passes_once_it_is_back(db, killed):
    with pytest.raises(StoreError) as refused:
        persons.save_person(db, None, PersonData("Léo", "Tremblay"))
    error = refused.value
    assert error.problem is StoreProblem.UNREACHABLE and error.problem in RETRYABLE
    assert "ne répond pas ou refuse la connexion" in error.message
    assert "Rien n'a été enregistré" in error.advice
    killed()
    persons.save_person(db, None, PersonData("Léo", "Tremblay"))  # the same Database
    assert last_names(db) == ["Roy", "Tremblay"]


def test_a_transaction_cut_by_the_kill_leaves_nothing_and_keeps_what_was_committed(db):
    persons.save_person(db, None, PersonData("Ana", "Roy"))
    with pytest.raises(StoreError) as refused, db.session() as session:
        session.add(Person(first_name="Zoé", last_name="Coupée"))
        session.flush()  # written, not committed
        server_db.kill_server()
    try:
        assert refused.value.problem is StoreProblem.UNREACHABLE
    finally:
        server_db.start_server()
    assert last_names(db) == ["Roy"]
