"""The audit trail: one mechanism (session events) records every create, change, archive,
restore, merge, anonymisation and deletion, in the same transaction as the change."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import insert, select

from ahuntsic_desktop.domain import (
    AuditEntry,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Setting,
)
from ahuntsic_desktop.domain.enums import AuditAction
from ahuntsic_desktop.i18n import format_money
from ahuntsic_desktop.services.core import audit, journal
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.registry import merge, persons
from ahuntsic_desktop.services.registry.persons import PersonData


def trail(db, entity: str | None = None, entity_id: int | None = None) -> list[AuditEntry]:
    query = select(AuditEntry).order_by(AuditEntry.id)
    if entity:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    with db.session() as session:
        return list(session.scalars(query))


@pytest.fixture
def named(db):
    with db.session() as session:
        session.add(Setting(key="user_name", value="Josée (coordination)"))
    return db


def test_create_change_archive_restore_delete_of_a_person(named):
    db = named
    pid = persons.save_person(
        db, None, PersonData(first_name="Ana", last_name="Roy", email="a@b.ca")
    )
    persons.save_person(
        db, pid, PersonData(first_name="Ana", last_name="Roy-Côté", email="ana@b.ca")
    )
    persons.archive_person(db, pid)
    persons.restore_person(db, pid)
    persons.delete_person(db, pid)
    entries = trail(db, "person", pid)
    assert [e.action for e in entries] == [
        "creation",
        "modification",
        "archivage",
        "restauration",
        "suppression",
    ]
    # On a shared server, the database user instead: tests/store/test_server_roles.py
    expected = db.engine.url.username if db.on_server else "Josée (coordination)"
    assert all(e.user == expected for e in entries)
    created, changed, archived, restored, deleted = (e.changes for e in entries)
    assert created["last_name"] == "Roy" and created["email"] == "a@b.ca"
    assert changed == {"last_name": ["Roy", "Roy-Côté"], "email": ["a@b.ca", "ana@b.ca"]}
    assert archived["archived_at"][0] is None and archived["archived_at"][1]
    assert restored["archived_at"][1] is None
    assert deleted == {
        "first_name": "Ana",
        "last_name": "Roy-Côté",
        "is_resident": False,
        "is_elected": False,
    }  # a deleted person's contact details are not kept
    assert all(abs(e.at - dt.datetime.now()) < dt.timedelta(minutes=1) for e in entries)


def test_without_a_user_name_the_account_name_is_used(db, monkeypatch):
    monkeypatch.setattr(audit.getpass, "getuser", lambda: "poste-accueil")
    persons.save_person(db, None, PersonData(last_name="Tremblay"))
    expected = db.engine.url.username if db.on_server else "poste-accueil"
    assert trail(db, "person")[0].user == expected


def test_an_entry_is_written_in_the_same_transaction(db):
    with pytest.raises(RuntimeError), db.session() as session:
        session.add(Organization(name="Éphémère", sector="communautaire"))
        session.flush()
        assert session.scalar(select(AuditEntry.action)) == "creation"  # written at flush
        raise RuntimeError("annulé")
    assert trail(db) == []  # rolled back with the change
    with pytest.raises(ValidationError):  # a refused change writes nothing either
        persons.save_person(db, None, PersonData())
    assert trail(db) == []


def test_nothing_is_recorded_when_nothing_changed(db):
    pid = persons.save_person(db, None, PersonData(first_name="Léa", last_name="Roy"))
    persons.save_person(db, pid, PersonData(first_name="Léa", last_name="Roy"))
    assert [e.action for e in trail(db)] == ["creation"]


def test_values_set_without_being_loaded_still_say_what_they_were(db):
    pid = persons.save_person(db, None, PersonData(first_name="Léa", last_name="Roy"))
    with db.session() as session:
        person = session.get(Person, pid)
        session.expire(person)
        person.last_name = "Gagnon"  # not loaded first: the old value is read back
    assert trail(db)[-1].changes == {"last_name": ["Roy", "Gagnon"]}


def test_changing_a_link_records_the_new_id(db):
    with db.session() as session:
        cat = MembershipCategory(name="Régulier")
        a, b = Person(last_name="A"), Person(last_name="B")
        session.add_all([cat, a, b])
        session.flush()
        membership = Membership(person=a, year=2026, category=cat)
        session.add(membership)
        session.flush()
        ids = membership.id, a.id, b.id
    with db.session() as session:
        membership = session.get(Membership, ids[0])
        membership.person = session.get(Person, ids[2])
    [entry] = trail(db, "membership")[1:]
    assert entry.changes == {"person_id": [ids[1], ids[2]]}


def test_anonymised_persons_never_have_personal_values_logged(db):
    pid = persons.save_person(
        db, None, PersonData(first_name="Élise", last_name="Côté", phone=None)
    )
    with db.session() as session:
        person = session.get(Person, pid)
        person.first_name, person.last_name = "", f"Personne anonymisée #{pid}"
        person.anonymized_at = dt.datetime(2026, 11, 26, 10, 0)
    with db.session() as session:  # even later, by mistake
        session.get(Person, pid).notes = "Élise a appelé"
    anonymised, later = trail(db, "person", pid)[1:]
    assert anonymised.action == "anonymisation"
    assert anonymised.changes["first_name"] == ["[anonymisé]", "[anonymisé]"]
    assert anonymised.changes["last_name"] == ["[anonymisé]", "[anonymisé]"]
    assert "Élise" not in json.dumps(anonymised.changes, ensure_ascii=False)
    assert later.changes == {"notes": [None, "[anonymisé]"]}


def test_a_service_writing_its_own_entry_speaks_for_the_record(db):
    """A merge writes « fusion » entries; the automatic ones for the same records in that
    transaction (the loser's archiving, the keeper's filled fields) are withdrawn."""
    keep = persons.save_person(db, None, PersonData(first_name="Marie", last_name="Côté"))
    lose = persons.save_person(
        db, None, PersonData(first_name="marie", last_name="cote", email="m@exemple.org")
    )
    merge.merge(db, "person", keep, lose)
    assert [e.action for e in trail(db, "person", keep)] == ["creation", "fusion"]
    assert [e.action for e in trail(db, "person", lose)] == ["creation", "fusion"]
    assert all(e.user for e in trail(db))  # the service left it blank: filled in


def test_record_bulk_for_core_inserts(db):
    with db.session() as session:
        session.execute(
            insert(Person.__table__),
            [{"id": i, "first_name": "I", "last_name": f"N{i}"} for i in range(1, 101)],
        )
        assert session.scalar(select(AuditEntry.id)) is None  # Core: the listener saw nothing
        audit.record_bulk(
            session, "person", AuditAction.CREATE, ids=list(range(1, 101)), note="importation"
        )
        audit.record_bulk(session, "meeting", AuditAction.CREATE, count=12, note="démo")
    entries = trail(db)
    assert len(entries) == 101
    assert entries[0].changes == {"note": "importation"} and entries[0].entity_id == 1
    assert entries[-1].entity_id == audit.BULK_ID and entries[-1].changes["count"] == 12
    assert journal.record_history(db, "person", 42)[0].summary == "importation"


def test_every_audited_model_is_seen(db):
    """Each model of the list in the brief is audited by the one mechanism."""
    names = {model.__name__ for model in audit.AUDITED}
    assert names >= {
        "Organization", "Person", "Representation", "Membership", "MembershipCategory",
        "PartnerRole", "FundingAgreement", "ReportingDeadline", "ActionPlan", "Pillar",
        "Chantier", "Orientation", "Means", "Target", "Assignment", "Meeting", "AgendaItem",
        "Attendance", "Resolution", "FollowUp", "Consent",
    }  # fmt: skip
    with db.session() as session:
        session.add(
            Meeting(kind="comite_coordination", body="CC", title="CC", date=dt.date(2026, 3, 5))
        )
    assert [e.entity for e in trail(db)] == ["meeting"]


# -- reading the trail ------------------------------------------------------------------------


def test_summaries_read_in_french(db):
    assert journal.describe("modification", {"email": ["a@b.ca", "c@d.ca"]}) == (
        "courriel : « a@b.ca » → « c@d.ca »"
    )
    assert journal.describe("modification", {"dues_cents": [5000, None]}) == (
        f"cotisation : {format_money(5000)} → (vide)"
    )
    assert journal.describe("fusion", {"merged_into": 7}) == "Fusionné dans la fiche n° 7"
    assert journal.action_label("archivage") == "Archivage"
    assert journal.entity_label("funding_agreement") == "Entente de financement"
    long = journal.describe("creation", {"notes": "x" * 2000})
    assert len(long) <= journal.MAX_SUMMARY


def test_filters_and_order(db):
    day = dt.datetime(2026, 3, 1, 9, 0)
    rows = [
        {
            "at": day + dt.timedelta(days=i),
            "user": "u",
            "entity": "person" if i % 2 else "meeting",
            "entity_id": i,
            "action": "creation" if i < 5 else "modification",
            "changes": None,
        }
        for i in range(10)
    ]
    with db.session() as session:
        session.execute(insert(AuditEntry.__table__), rows)
    ids = journal.entry_ids(db)
    assert ids == sorted(ids, reverse=True)  # newest first
    march = journal.JournalFilter(start=dt.date(2026, 3, 3), end=dt.date(2026, 3, 5))
    assert [r.entity_id for r in journal.load_entries(db, journal.entry_ids(db, march))] == [
        4,
        3,
        2,
    ]
    people = journal.JournalFilter(entity="person", action="modification")
    assert [r.entity_id for r in journal.entries(db, people)] == [9, 7, 5]
    assert journal.entities_in_use(db) == [("person", "Personne"), ("meeting", "Rencontre")]


def test_the_journal_of_100_000_entries_pages_and_filters(db):
    start = dt.datetime(2025, 1, 1)
    rows = [
        {
            "at": start + dt.timedelta(minutes=i),
            "user": "coordination",
            "entity": "person",
            "entity_id": i % 700 + 1,
            "action": "modification",
            "changes": {"email": [f"a{i}@b.ca", f"c{i}@d.ca"]},
        }
        for i in range(100_000)
    ]
    with db.session() as session:
        session.execute(insert(AuditEntry.__table__), rows)
    # How fast this is is measured by benchmarks/bench_scale.py, not asserted here.
    ids = journal.entry_ids(db)
    first_page = journal.load_entries(db, ids[:200])
    history = journal.record_history(db, "person", 5)
    assert len(ids) == 100_000 and len(history) == 143
    assert first_page[0].summary == "courriel : « a99999@b.ca » → « c99999@d.ca »"
