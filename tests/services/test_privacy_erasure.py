"""Erasure anonymises the person everywhere and keeps the counts that reports need."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from ahuntsic_desktop.domain import (
    AgendaItem,
    Assignment,
    Attendance,
    AuditEntry,
    Consent,
    FollowUp,
    FundingAgreement,
    FundingApplication,
    Membership,
    Person,
    Representation,
    Resolution,
)
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.privacy import access
from ahuntsic_desktop.services.privacy.dossier import person_file
from ahuntsic_desktop.services.privacy.erasure import (
    SCRUBBED,
    anonymize_person,
    erasure_preview,
    scrub,
)
from ahuntsic_desktop.services.privacy.forms import Identity, Record
from ahuntsic_desktop.services.registry import persons as person_service
from ahuntsic_desktop.services.registry.persons import PersonData

from .privacy_world import EMAIL, NAME, PHONE, build_world

NOW = dt.datetime(2026, 5, 15, 14, 0)


@pytest.fixture
def world(db):
    return build_world(db)


def count(session, model, *conditions) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*conditions))


def test_the_preview_says_what_goes_and_what_stays(db, world):
    preview = erasure_preview(db, world.elise)
    assert preview.full_name == NAME
    assert preview.anonymous_name == f"Personne anonymisée #{world.elise}"
    assert preview.cleared == (
        "Prénom",
        "Nom",
        "Courriel",
        "Téléphone",
        "Adresse",
        "Code postal",
        "Notes",
    )
    assert preview.consents == 2
    assert dict(preview.kept) == {
        "Présences aux rencontres": 1,
        "Adhésions et cotisations": 1,
        "Participations aux chantiers": 1,
        "Représentations": 1,
        "Résolutions proposées ou appuyées": 1,
        "Suivis": 1,
    }
    assert preview.mentions == 2
    audit = person_file(db, world.elise).section("audit").rows
    assert preview.audit_entries == len(audit) > 1


def test_erasure_anonymises_the_person_everywhere(db, world):
    access.open_request(
        db, world.elise, kind="effacement", received_on=dt.date(2026, 5, 1), today=NOW.date()
    )
    result = anonymize_person(db, world.elise, user="coordination", now=NOW)
    assert result.consents_deleted == 2
    assert result.texts_rewritten == 2
    label = f"Personne anonymisée #{world.elise}"
    with db.session() as s:
        p = s.get(Person, world.elise)
        assert (p.first_name, p.last_name, p.full_name) == ("", label, label)
        assert (p.email, p.phone, p.address, p.postal_code, p.notes) == (None,) * 5
        assert p.anonymized_at == NOW and p.archived_at == NOW
        assert p.sector == "citoyen" and p.is_resident  # kept for counts by sector
        assert count(s, Consent, Consent.person_id == world.elise) == 0
        # what the reports count stays, linked to the anonymous record
        assert count(s, Attendance, Attendance.person_id == world.elise) == 1
        assert count(s, Membership, Membership.person_id == world.elise) == 1
        assert count(s, Assignment, Assignment.person_id == world.elise) == 1
        assert s.get(Resolution, world.resolution).moved_by_id == world.elise
        assert s.get(FollowUp, world.follow_up).owner_person_id == world.elise
        membership = s.scalars(select(Membership)).one()
        assert (membership.dues_cents, membership.receipt_number, membership.notes) == (
            5000,
            "2025-0001",
            None,
        )
        representation = s.scalars(select(Representation)).one()
        assert representation.end_date == NOW.date()
        assert s.get(FundingAgreement, world.agreement).contact_person_id is None
        assert s.get(FundingApplication, world.application).contact_person_id is None
        # free text names the anonymous record instead
        minutes = s.get(AgendaItem, world.agenda_item).minutes_text
        assert minutes == f"{label} présente le bilan. Paul Roy pose une question."
        assert NAME not in s.get(Resolution, world.resolution).text
        # the audit trail keeps the facts, not the values
        about = s.get(AuditEntry, world.person_audit).changes
        assert about == {
            "email": [None, SCRUBBED],
            "phone": [SCRUBBED, SCRUBBED],
            "is_resident": [False, True],
        }
        other = s.get(AuditEntry, world.org_audit).changes
        assert other == {
            "notes": [None, f"Contact : {SCRUBBED} ({SCRUBBED})"],
            "email": [None, "info@mf.org"],
        }
        trail = json.dumps([e.changes for e in s.scalars(select(AuditEntry))], ensure_ascii=False)
        assert EMAIL not in trail and PHONE not in trail and "Élise" not in trail
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "anonymisation")).one()
        assert (entry.entity, entry.entity_id, entry.user) == (
            "person",
            world.elise,
            "coordination",
        )
    [request] = access.person_requests(db, world.elise)
    assert request.completed_on == NOW.date()


def test_nothing_personal_is_left_in_the_access_report(db, world):
    anonymize_person(db, world.elise, now=NOW)
    dump = repr(person_file(db, world.elise))
    for value in (NAME, "Élise", "Côté-Lévesque", EMAIL, PHONE, "Lajeunesse", "H2C 1A1"):
        assert value not in dump


def test_erasure_cannot_be_repeated_nor_the_record_edited(db, world):
    anonymize_person(db, world.elise, now=NOW)
    with pytest.raises(ValidationError):
        anonymize_person(db, world.elise, now=NOW)
    with pytest.raises(ValidationError):
        person_service.save_person(db, world.elise, PersonData(first_name="Élise"))
    assert erasure_preview(db, world.elise).already_anonymized


def test_lists_leave_out_the_anonymised_person(db, world):
    anonymize_person(db, world.elise, now=NOW)
    assert world.elise not in person_service.list_persons(db).ids
    assert world.elise in person_service.list_persons(db, include_archived=True).ids


def test_other_people_are_untouched(db, world):
    anonymize_person(db, world.elise, now=NOW)
    with db.session() as s:
        paul = s.get(Person, world.paul)
        assert (paul.first_name, paul.last_name, paul.anonymized_at) == ("Paul", "Roy", None)
        assert "Paul Roy" in s.get(AgendaItem, world.agenda_item).minutes_text


def person(first, last, email=None, phone=None, pid=1) -> Identity:
    return Identity(pid, (Record(pid, first, last, email, phone),))


def test_names_are_found_whatever_their_case_and_spacing():
    found = person("Élise", "Côté-Lévesque", "e@x.org")
    text = "ÉLISE  CÔTÉ-LÉVESQUE, Côté-Lévesque, Élise et E@X.ORG"
    assert found.replace(text, "#") == "#, # et #"
    assert person("", "Roy").regex is None  # a last name alone is too common


def test_scrub_keeps_structure_and_facts():
    regex = person("Jean", "Roy")
    value = {"name": ["Jean", "J."], "n": 3, "flag": True, "list": ["Vu Jean Roy", None]}
    assert scrub(value, regex, about=True) == {
        "name": [SCRUBBED, SCRUBBED],
        "n": 3,
        "flag": True,
        "list": [f"Vu {SCRUBBED}", None],
    }
    assert scrub(value, regex, about=False)["name"] == ["Jean", "J."]
