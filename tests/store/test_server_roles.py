"""Roles enforced by the server: a board member's connection reads names but never
emails, and writes nothing; staff write the data but never see the privacy registers.
PostgreSQL pass only (AHUNTSIC_TEST_DB)."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import ProgrammingError

from ahuntsic_desktop.services.registry import persons
from ahuntsic_desktop.services.registry.persons import PersonData
from ahuntsic_desktop.store import chantier_roles
from ahuntsic_desktop.store.roles import BOARD, STAFF, apply_roles
from tests.server_db import SERVER

pytestmark = pytest.mark.skipif(not SERVER, reason="needs AHUNTSIC_TEST_DB (PostgreSQL)")


@pytest.fixture
def login(db):
    """Make a login role member of a group; yields a function giving its engine."""
    made: list[str] = []
    engines = []

    def connect_as(group: str):
        user = f"{group}_{os.getpid()}_{len(made)}"
        with db.engine.begin() as connection:
            connection.exec_driver_sql(f"DROP ROLE IF EXISTS {user}")
            connection.exec_driver_sql(f"CREATE ROLE {user} LOGIN IN ROLE {group}")
        made.append(user)
        engine = create_engine(db.engine.url.set(username=user), hide_parameters=True)
        engines.append(engine)
        return engine

    apply_roles(db.engine)
    yield connect_as
    for engine in engines:
        engine.dispose()
    with db.engine.begin() as connection:
        for user in made:
            connection.exec_driver_sql(f"DROP OWNED BY {user}")
            connection.exec_driver_sql(f"DROP ROLE {user}")


def refused(engine, sql: str) -> bool:
    try:
        with engine.begin() as connection:
            connection.execute(text(sql))
    except ProgrammingError as error:
        return "permission denied" in str(error.orig)
    return False


def test_a_board_member_reads_names_but_not_emails_and_writes_nothing(db, login):
    persons.save_person(db, None, PersonData("Ana", "Roy", email="ana@exemple.ca"))
    board = login(BOARD)
    with board.connect() as connection:
        names = connection.execute(text("SELECT first_name, last_name FROM person")).all()
    assert names == [("Ana", "Roy")]
    assert refused(board, "SELECT email FROM person")
    assert refused(board, "SELECT * FROM person")
    assert refused(board, "SELECT phone FROM organization")
    assert refused(board, "SELECT count(*) FROM consent")
    assert refused(board, "SELECT subject FROM outbox_message")  # what was sent to whom
    assert refused(board, "UPDATE person SET last_name = 'Autre'")
    assert refused(board, "INSERT INTO theme (name) VALUES ('x')")
    assert refused(board, "DELETE FROM meeting")
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT last_name FROM person")).scalar() == "Roy"


def test_staff_write_the_data_but_not_the_settings_nor_the_privacy_registers(db, login):
    staff = login(STAFF)
    with staff.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO person (first_name, last_name, is_resident, is_elected, version) "
                "VALUES ('Ben', 'Test', false, false, 1)"
            )
        )
        assert connection.execute(text("SELECT email FROM person")).all() == [(None,)]
    assert refused(staff, "SELECT count(*) FROM access_request")
    assert refused(staff, "DELETE FROM setting")


def test_the_cli_sets_the_roles_and_refuses_a_file(server_database, tmp_path, capsys):
    from ahuntsic_desktop.cli import main

    assert main(["roles", "--db", server_database]) == 0
    assert BOARD in capsys.readouterr().out
    assert main(["roles", "--db", str(tmp_path / "table.sqlite")]) == 1
    assert "serveur" in capsys.readouterr().err


def test_the_audit_trail_names_the_database_user_and_the_server_keeps_it_so(db, login):
    from ahuntsic_desktop.domain import AuditEntry
    from ahuntsic_desktop.services.core import settings
    from ahuntsic_desktop.store import Database

    settings.save(db, replace(settings.load(db), user_name="Nom partagé des paramètres"))
    staff = login(STAFF)
    user = staff.url.username
    database = Database.connect(staff.url.render_as_string(hide_password=False))
    try:
        pid = persons.save_person(database, None, PersonData("Ben", "Test"))
    finally:
        database.close()
    with staff.begin() as connection:  # a client that writes another name
        connection.execute(
            text(
                'INSERT INTO audit_entry ("at", "user", entity, entity_id, action) '
                "VALUES (now(), 'Josée (coordination)', 'person', :pid, 'modification')"
            ),
            {"pid": pid},
        )
    with db.session() as session:
        entries = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "person").order_by(AuditEntry.id)
        ).all()
    assert [(e.action, e.user) for e in entries] == [
        ("creation", user),
        ("modification", user),
    ]


@pytest.fixture
def two_chantiers(db):
    """Two chantiers with a meeting and a means each: (mine, theirs) ids as dicts."""
    from ahuntsic_desktop.domain import ActionPlan, Chantier, Means, Meeting, Orientation

    made = []
    with db.session() as session:
        plan = ActionPlan(title="Plan 2026", start_year=2026, end_year=2028)
        session.add(plan)
        session.flush()
        for name in ("Alimentation", "Logement"):
            chantier = Chantier(plan_id=plan.id, name=name)
            session.add(chantier)
            session.flush()
            orientation = Orientation(plan_id=plan.id, chantier_id=chantier.id, title=name)
            session.add(orientation)
            session.flush()
            means = Means(orientation_id=orientation.id, title=f"Moyen {name}")
            meeting = Meeting(
                kind="chantier",
                title=f"Chantier {name}",
                date=dt.date(2026, 5, 12),
                chantier_id=chantier.id,
                body="CH",
            )
            session.add_all([means, meeting])
            session.flush()
            made.append({"chantier": chantier.id, "means": means.id, "meeting": meeting.id})
    yield made
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"DELETE FROM {chantier_roles.LEADS_TABLE}")


def changed(engine, sql: str, **values) -> int:
    with engine.begin() as connection:
        return connection.execute(text(sql), values).rowcount


def test_a_chantier_lead_writes_their_chantiers_meetings_and_progress_only(
    db, login, two_chantiers
):
    mine, theirs = two_chantiers
    lead = login(chantier_roles.LEAD)
    chantier_roles.assign(db.engine, lead.url.username, [mine["chantier"]])
    update_title = "UPDATE meeting SET title = 'Modifiée' WHERE id = :id"
    assert changed(lead, update_title, id=mine["meeting"]) == 1
    assert changed(lead, update_title, id=theirs["meeting"]) == 0  # not theirs to see
    progress = "UPDATE means SET status = 'en_cours' WHERE id = :id"
    assert changed(lead, progress, id=mine["means"]) == 1
    assert changed(lead, progress, id=theirs["means"]) == 0
    assert refused(lead, "UPDATE means SET title = 'Autre'")  # progress only
    assert refused(lead, "UPDATE person SET last_name = 'Autre'")
    assert refused(lead, "INSERT INTO theme (name) VALUES ('x')")
    assert refused(lead, "DELETE FROM organization")
    assert refused(lead, "SELECT count(*) FROM consent")
    insert = (
        "INSERT INTO meeting (kind, title, date, body, status, chantier_id, version) "
        "VALUES ('chantier', 'Nouvelle', '2026-06-01', 'CH', 'prevue', :c, 1)"
    )
    assert changed(lead, insert, c=mine["chantier"]) == 1
    with pytest.raises(ProgrammingError, match="row-level security"):
        changed(lead, insert, c=theirs["chantier"])
    with db.engine.connect() as connection:  # the owner sees what really happened
        titles = connection.execute(text("SELECT title FROM meeting ORDER BY id")).scalars()
        assert list(titles) == ["Modifiée", "Chantier Logement", "Nouvelle"]
        statuses = connection.execute(text("SELECT status FROM means ORDER BY id")).scalars()
        assert list(statuses) == ["en_cours", "a_venir"]


def test_a_chantier_lead_convenes_through_the_services_and_staff_still_write_all(
    db, login, two_chantiers
):
    from ahuntsic_desktop.services.meetings import meetings
    from ahuntsic_desktop.services.meetings.meetings import MeetingData
    from ahuntsic_desktop.store import Database

    mine, theirs = two_chantiers
    lead = login(chantier_roles.LEAD)
    chantier_roles.assign(db.engine, lead.url.username, [mine["chantier"]])
    database = Database.connect(lead.url.render_as_string(hide_password=False))
    try:
        data = MeetingData("chantier", "Chantier de juin", dt.date(2026, 6, 9))
        made = meetings.create_meeting(database, replace(data, chantier_id=mine["chantier"]))
        assert meetings.get_meeting(database, made).title == "Chantier de juin"
        with pytest.raises(ProgrammingError):
            meetings.create_meeting(database, replace(data, chantier_id=theirs["chantier"]))
    finally:
        database.close()
    staff = login(STAFF)
    assert changed(staff, "UPDATE meeting SET place = 'Salle' WHERE id = :id", id=theirs["meeting"])
    board = login(BOARD)
    with board.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM meeting")).scalar() == 3
