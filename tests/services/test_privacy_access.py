"""Access requests: one call gathers everything the file holds about a person, written as a
readable PDF and a structured JSON file, and the 30-day deadline is tracked."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pypdf import PdfReader

from ahuntsic_desktop.domain import Base
from ahuntsic_desktop.exports.access_package import produce_access_package
from ahuntsic_desktop.exports.json_access import FORMAT, json_value
from ahuntsic_desktop.services.core.errors import NotFoundError, ValidationError
from ahuntsic_desktop.services.privacy import access
from ahuntsic_desktop.services.privacy.dossier import person_file

from .privacy_world import EMAIL, NAME, PHONE, build_world

TODAY = dt.date(2026, 5, 15)


@pytest.fixture
def world(db):
    return build_world(db)


def test_a_request_is_due_thirty_days_after_its_receipt(db, world):
    request_id = access.open_request(
        db, world.elise, received_on=dt.date(2026, 5, 1), notes="Par courriel", today=TODAY
    )
    request = access.get_request(db, request_id)
    assert request.due_on == dt.date(2026, 5, 31)
    assert request.person_name == NAME
    assert request.state(TODAY) == "Reste 16 jours"
    assert request.state(dt.date(2026, 5, 31)) == "Échéance aujourd'hui"
    assert request.state(dt.date(2026, 6, 2)) == "En retard de 2 jours"
    assert access.overdue_requests(db, dt.date(2026, 6, 2))[0].id == request_id
    access.complete_request(db, request_id, dt.date(2026, 5, 20))
    assert access.get_request(db, request_id).state(TODAY) == "Traitée le 20 mai 2026"
    assert access.overdue_requests(db, dt.date(2026, 6, 2)) == []


def test_the_request_list_puts_open_requests_first_by_deadline(db, world):
    late = access.open_request(db, world.paul, received_on=dt.date(2026, 4, 1), today=TODAY)
    done = access.open_request(db, world.elise, received_on=dt.date(2026, 3, 1), today=TODAY)
    access.complete_request(db, done, dt.date(2026, 3, 10))
    soon = access.open_request(db, world.elise, received_on=dt.date(2026, 5, 10), today=TODAY)
    table = access.list_requests(db, TODAY)
    assert table.ids == [late, soon, done]
    states = table.values("state")
    assert states == ["En retard de 14 jours", "Reste 25 jours", "Traitée le 10 mars 2026"]
    assert access.list_requests(db, TODAY, include_completed=False).ids == [late, soon]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"received_on": dt.date(2026, 6, 1)}, "received_on"),
        ({"received_on": "2026-02-30"}, "received_on"),
        ({"kind": "plainte"}, "kind"),
        ({"notes": "x" * 5001}, "notes"),
    ],
)
def test_bad_requests_are_refused(db, world, kwargs, field):
    with pytest.raises(ValidationError) as caught:
        access.open_request(db, world.elise, today=TODAY, **kwargs)
    assert caught.value.field == field
    assert access.person_requests(db, world.elise) == []


def test_a_request_cannot_be_answered_before_it_was_received(db, world):
    request_id = access.open_request(db, world.elise, received_on=dt.date(2026, 5, 1), today=TODAY)
    with pytest.raises(ValidationError):
        access.complete_request(db, request_id, dt.date(2026, 4, 30))
    with pytest.raises(NotFoundError):
        access.open_request(db, 9999, today=TODAY)


def test_the_file_holds_everything_about_the_person(db, world):
    contents = person_file(db, world.elise, now=dt.datetime(2026, 5, 15, 10, 30))
    assert contents.full_name == NAME
    assert contents.officer_name == "Josée Tremblay"
    keys = [c.key for c in contents.identity.columns]
    identity = dict(zip(keys, contents.identity.rows[0], strict=True))
    assert (identity["email"], identity["phone"], identity["postal_code"]) == (
        EMAIL,
        PHONE,
        "H2C 1A1",
    )
    assert identity["notes"] == "Préfère être jointe le soir."
    rows = {s.key: s.rows for s in contents.sections}
    assert rows["representations"] == (
        ("Maison de la famille", "Délégué·e", dt.date(2024, 1, 1), None),
    )
    assert rows["memberships"][0][:5] == (
        "2025-2026",
        "Membre régulier",
        5000,
        dt.date(2025, 4, 3),
        "Chèque",
    )
    assert rows["attendance"][0][3:] == ("Présent·e", "Maison de la famille", True)
    assert rows["assignments"][0][:3] == (
        "Sécurité alimentaire",
        "Porteur·euse",
        "Maison de la famille",
    )
    assert rows["resolutions"] == (
        ("CC-2026-001", "Adoption du bilan", dt.date(2026, 3, 5), "Proposée par"),
    )
    assert rows["follow_ups"][0][0] == "Envoyer le bilan aux membres"
    roles = {r[2] for r in rows["roles"]}
    assert roles == {
        "Présidence",
        "Présentation d'un point",
        "Personne-ressource d'une entente",
        "Personne-ressource d'une demande de financement",
    }
    assert {r[0] for r in rows["consents"]} == {"Contact par courriel", "Parution au bottin"}
    audit = rows["audit"]  # the journal's entries about her and her own records
    assert {(entry[2], entry[3]) for entry in audit} >= {
        ("Fiche de la personne", "Modification"),
        ("Consentement", "Création"),
        ("Présence", "Création"),
        ("Adhésion", "Création"),
    }
    assert any(EMAIL in json.dumps(entry[4], ensure_ascii=False) for entry in audit)
    # and, since Law 25 asks for all of it, the entries of other records that name her
    naming = [e for e in audit if e[2] == "Organisme"]
    assert len(naming) == 1 and NAME in json.dumps(naming[0][4], ensure_ascii=False)
    mentions = {r[0] for r in rows["mentions"]}
    assert mentions == {"Procès-verbal", "Texte de résolution"}
    paul = {s.key: s.rows for s in person_file(db, world.paul).sections}
    assert paul["resolutions"][0][3] == "Appuyée par"
    assert paul["consents"] == ()


# Every column that points at a person, and the section of the file that shows it.
COVERED = {
    ("representation", "person_id"): "representations",
    ("membership", "person_id"): "memberships",
    ("attendance", "person_id"): "attendance",
    ("assignment", "person_id"): "assignments",
    ("resolution", "moved_by_id"): "resolutions",
    ("resolution", "seconded_by_id"): "resolutions",
    ("follow_up", "owner_person_id"): "follow_ups",
    ("meeting", "chair_id"): "roles",
    ("meeting", "secretary_id"): "roles",
    ("agenda_item", "presenter_id"): "roles",
    ("funding_agreement", "contact_person_id"): "roles",
    ("funding_application", "contact_person_id"): "roles",
    ("consent", "person_id"): "consents",
    ("outbox_message", "person_id"): "messages",
    ("access_request", "person_id"): "requests",
    ("activity_participant", "person_id"): "planning_activities",
    ("contribution", "person_id"): "planning_contributions",
    ("resident_story", "person_id"): "portrait_stories",
    ("mandate", "person_id"): "governance",
    ("election", "chair_id"): "governance",
    ("election", "secretary_id"): "governance",
    ("candidacy", "person_id"): "governance",
    ("candidacy", "proposed_by_id"): "governance",
    ("candidacy", "seconded_by_id"): "governance",
}


def test_no_table_that_points_at_a_person_is_forgotten():
    """A new reference to a person must be added to the access report (and to erasure)."""
    person = Base.metadata.tables["person"]
    pointing = {
        (table.name, fk.parent.name)
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table is person
    }
    assert pointing == set(COVERED)


def test_one_call_writes_the_pdf_and_the_json_and_answers_the_request(db, world, tmp_path):
    request_id = access.open_request(db, world.elise, received_on=dt.date(2026, 5, 1), today=TODAY)
    package = produce_access_package(db, world.elise, tmp_path, now=dt.datetime(2026, 5, 15, 9, 0))
    assert package.request_id == request_id
    assert package.request.completed_on == dt.date(2026, 5, 15)
    assert package.pdf.name == f"demande-acces-dossier-{world.elise}-2026-05-15.pdf"
    assert "Côté" not in package.pdf.name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [package.pdf.name, package.json.name]
    )

    text = "\n".join(page.extract_text() for page in PdfReader(package.pdf).pages)
    flat = " ".join(text.split())
    for expected in (
        "Confidentiel : renseignements personnels",
        "Josée Tremblay",
        "vieprivee@table.example",
        NAME,
        EMAIL,
        "CC-2026-001",
        "Sécurité alimentaire",
        "Formulaire d'adhésion",
        "Demande reçue le 1er mai 2026 ; réponse due au plus tard le 31 mai 2026.",
    ):
        assert expected in flat, expected

    document = json.loads(package.json.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT
    assert document["confidential"] == "Confidentiel : renseignements personnels"
    assert document["privacy_officer"] == {
        "name": "Josée Tremblay",
        "contact": "vieprivee@table.example",
    }
    assert document["person"]["email"] == EMAIL
    assert document["request"] == {
        "kind": "acces",
        "received_on": "2026-05-01",
        "due_on": "2026-05-31",
    }
    sections = {s["key"]: s for s in document["sections"]}
    assert sections["memberships"]["rows"][0]["dues"] == "50.00"
    assert sections["memberships"]["rows"][0]["paid_on"] == "2025-04-03"
    assert sections["attendance"]["rows"][0]["voting"] is True
    assert set(sections) == set(COVERED.values()) | {"audit", "mentions", "merged"}


def test_without_an_open_request_one_is_recorded_and_answered(db, world, tmp_path):
    package = produce_access_package(db, world.paul, tmp_path, now=dt.datetime(2026, 5, 15, 9, 0))
    [request] = access.person_requests(db, world.paul)
    assert request.id == package.request_id
    assert (request.received_on, request.completed_on) == (dt.date(2026, 5, 15),) * 2


def test_json_values_are_plain():
    assert json_value(dt.date(2026, 1, 2), "date") == "2026-01-02"
    assert json_value(123456, "money") == "1234.56"
    assert json_value(True, "bool") is True
    assert json_value("", "text") is None
