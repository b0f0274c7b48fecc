"""Change notices (LISTEN/NOTIFY): another user's commit reaches the listener with the
table's name, our own commits don't, a rolled-back change sends nothing, and a file has
no notices. The server tests need AHUNTSIC_TEST_DB (packaging/pg-cluster.sh)."""

from __future__ import annotations

import pytest

from ahuntsic_desktop.domain import Organization
from ahuntsic_desktop.services.registry import organizations, persons
from ahuntsic_desktop.services.registry.organizations import OrganizationData
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.store import Database

WAIT_S = 10  # an upper bound on a loaded machine; the wait ends as soon as a notice comes


def test_a_file_has_no_notices(file_db):
    assert file_db.change_notices() is None


@pytest.fixture
def listening(db):
    if not db.on_server:
        pytest.skip("needs AHUNTSIC_TEST_DB (PostgreSQL)")
    notices = db.change_notices()
    assert notices.listening.wait(WAIT_S)
    yield notices
    notices.close()


@pytest.fixture
def other(db, listening):
    second = Database.connect(db.engine.url.render_as_string(hide_password=False))
    yield second
    second.close()


def test_another_users_commit_is_noticed_and_ours_is_not(db, other, listening):
    persons.save_person(db, None, PersonData("Ana", "Roy"))  # ours
    organizations.create_organization(other, OrganizationData("Maison des jeunes"))
    assert listening.wait(WAIT_S)
    taken = listening.take()
    assert "organization" in taken and "person" not in taken
    assert listening.take() == set()  # taken once


def test_a_rolled_back_change_sends_nothing(db, other, listening):
    with pytest.raises(RuntimeError), other.session() as session:
        persons.save_person(other, None, PersonData("Léo", "Tremblay"))  # committed
        session.add(Organization(name="Éphémère", sector="communautaire"))
        session.flush()
        raise RuntimeError("annulé")
    assert listening.wait(WAIT_S)
    taken = listening.take()
    assert "person" in taken and "organization" not in taken  # rolled back: never sent
    organizations.create_organization(other, OrganizationData("Après"))
    assert listening.wait(WAIT_S)
    assert "organization" in listening.take()
