"""Issue 11 #10, #12: erasure and access requests search the whole file, found from the
schema, for every form of the person's name, email and phone, and cover the records merged
into theirs; after an erasure no byte of the data file, its -wal or the log holds them."""

from __future__ import annotations

import datetime as dt
import json
import logging
import logging.handlers

import pytest
from pypdf import PdfReader
from sqlalchemy import JSON, String, Text, select

from ahuntsic_desktop import logs
from ahuntsic_desktop.domain import (
    AccessRequest,
    AuditEntry,
    Base,
    Consent,
    FollowUp,
    Means,
    Meeting,
    Organization,
    Person,
)
from ahuntsic_desktop.exports.access_package import produce_access_package
from ahuntsic_desktop.services.privacy.dossier import person_file
from ahuntsic_desktop.services.privacy.erasure import anonymize_person, erasure_preview
from ahuntsic_desktop.services.privacy.forms import Identity, Record
from ahuntsic_desktop.services.privacy.mentions import searched_columns
from ahuntsic_desktop.store import Database

from .privacy_world import (
    DUPLICATE_EMAIL,
    EMAIL,
    NAME,
    PHONE,
    PLACE,
    build_world,
    spread_everywhere,
)

NOW = dt.datetime(2026, 5, 15, 14, 0)
# Everything that identified Élise, in the spellings people and programs write.
SECRETS = (
    NAME,
    "Élise",
    "Côté-Lévesque",
    "Cote-Levesque",
    EMAIL,
    DUPLICATE_EMAIL,
    PHONE,
    "514-555-0199",
    "514.555.0199",
    "514 555 0199",
    "5145550199",
    "555-0199",
    "Lajeunesse",
    "H2C 1A1",
    "Préfère être jointe le soir",
    "99, rue Fleury Est",  # the duplicate's address
)


def spellings(secret: str) -> set[bytes]:
    """``secret`` as bytes in UTF-8 (as typed, upper and lower case) and as JSON escapes."""
    found = set()
    for form in {secret, secret.upper(), secret.lower()}:
        found.add(form.encode("utf-8"))
        found.add(json.dumps(form)[1:-1].encode("ascii"))
    return found


def leaks(data: bytes) -> list[str]:
    folded = data.lower()
    return [s for s in SECRETS if any(form.lower() in folded for form in spellings(s))]


def all_text(db) -> str:
    """Every text and JSON value of every table, as one string."""
    values = []
    with db.session() as s:
        for _table, column in searched_columns():
            for value in s.scalars(select(column).where(column.is_not(None))):
                values.append(json.dumps(value, ensure_ascii=False))
    return "\n".join(values)


@pytest.fixture
def world(db):
    found = build_world(db)
    return found, spread_everywhere(db, found)


def test_every_text_and_json_column_of_every_table_is_searched():
    searched = {(t.name, c.name) for t, c in searched_columns()}
    expected = {
        (t.name, c.name)
        for t in Base.metadata.sorted_tables
        for c in t.columns
        if isinstance(c.type, String | Text | JSON) and not c.primary_key
    }
    assert searched == expected
    assert {
        ("meeting", "title"),
        ("meeting", "place"),
        ("means", "comment"),
        ("consent", "source"),
        ("access_request", "notes"),
        ("audit_entry", "user"),
        ("audit_entry", "changes"),
    } <= searched


@pytest.mark.parametrize(
    "text",
    [
        "Élise Côté-Lévesque",
        "ÉLISE CÔTÉ LÉVESQUE",
        "Côté-Lévesque, Élise",
        "Cote-Levesque Elise",
        "M. Côté-Lévesque (Élise)",
        "Mme Côté-Lévesque (É.)",
        "É. Côté-Lévesque",
        "E Cote-Levesque",
        "Côté-Lévesque, É.",
        "Ele\u0301onore et E\u0301lise Co\u0302te\u0301-Le\u0301vesque",  # accents apart
        "ELISE.COTE@EXEMPLE.ORG",
        "514-555-0199",
        "(514) 555 0199",
        "5145550199",
        "+1 514 555 0199",
        "1-514-555-0199",
        "514.555.0199 poste 2",
    ],
)
def test_every_form_of_her_name_email_and_phone_is_found(text):
    elise = Identity(1, (Record(1, "Élise", "Côté-Lévesque", EMAIL, PHONE),))
    rewritten = elise.replace(text, "#")
    assert "#" in rewritten
    assert not elise.spans(rewritten)
    assert "Lévesque" not in rewritten and "0199" not in rewritten


@pytest.mark.parametrize(
    "text",
    [
        "Côté-Lévesque",  # a last name alone is too common
        "Élise",
        "Marc Côté-Lévesque",
        "Élise Côté",
        "Deliset Côté-Lévesque",
        "45145550199",
        "514 555 01999",
        "elise.cote@exemple.org.uk",
    ],
)
def test_other_people_and_numbers_are_not(text):
    elise = Identity(1, (Record(1, "Élise", "Côté-Lévesque", EMAIL, PHONE),))
    assert elise.spans(text) == []


def test_the_preview_lists_each_passage_and_the_merged_record(db, world):
    base, extra = world
    preview = erasure_preview(db, base.elise)
    assert preview.merged == (f"Elise Cote-Levesque (fiche #{extra.duplicate})",)
    places = {(m.table, m.column, m.record_id) for m in preview.changes}
    assert {
        ("meeting", "title", extra.meeting),
        ("meeting", "place", extra.meeting),
        ("meeting", "notes", extra.meeting),
        ("means", "comment", extra.means),
        ("follow_up", "description", base.follow_up),
        ("organization", "notes", base.org),
        ("access_request", "notes", extra.paul_request),
        ("consent", "source", extra.paul_consent),
        ("audit_entry", "user", extra.authored),
        ("audit_entry", "changes", extra.authored),
    } <= places
    place = next(m for m in preview.changes if (m.table, m.column) == ("meeting", "place"))
    assert place.where == "Lieu de rencontre" and place.excerpt == PLACE
    assert preview.consents == 3  # hers, and the duplicate's moved to her at the merge


def test_erasure_covers_the_merged_record_and_every_text(db, world):
    base, extra = world
    assert "Lévesque" in all_text(db)
    result = anonymize_person(db, base.elise, user="coordination", now=NOW)
    assert result.merged_records == 1
    label = f"Personne anonymisée #{base.elise}"
    with db.session() as s:
        duplicate = s.get(Person, extra.duplicate)
        assert duplicate.anonymized_at == NOW and duplicate.archived_at is not None
        assert (duplicate.email, duplicate.phone, duplicate.address, duplicate.notes) == (None,) * 4
        meeting = s.get(Meeting, extra.meeting)
        assert meeting.title == f"Rencontre chez {label}"
        assert meeting.place == f"Chez {label}, 4321 rue Fleury Est"
        assert meeting.notes == f"{label} excusée ; la joindre au {label}"
        assert s.get(Means, extra.means).comment == f"Écrire à {label} pour le bilan"
        assert s.get(FollowUp, base.follow_up).description == f"Rappeler au {label}"
        assert s.get(Organization, base.org).notes == f"Contact : {label} ({label})"
        assert "0199" not in s.get(AccessRequest, extra.paul_request).notes
        assert (
            s.get(Consent, extra.paul_consent).source == f"Formulaire apporté par {label}, {label}"
        )
        assert s.get(AuditEntry, extra.authored).user == label
    dump = all_text(db)
    assert leaks(dump.encode("utf-8")) == []
    for word in ("Lévesque", "Levesque", "0199", "courriel.example", "exemple.org"):
        assert word.lower() not in dump.lower(), word


def test_the_access_report_reads_the_same_search(db, world):
    base, extra = world
    contents = person_file(db, base.elise)
    merged = contents.section("merged").rows
    assert [(row[0], row[3]) for row in merged] == [(extra.duplicate, DUPLICATE_EMAIL)]
    mentions = {(where, excerpt) for where, excerpt, _record in contents.section("mentions").rows}
    wheres = {where for where, _excerpt in mentions}
    assert {
        "Lieu de rencontre",
        "Titre de rencontre",
        "Notes de rencontre",
        "Commentaire d'un moyen",
        "Suivi",
        "Notes d'organisme",
        "Notes de demande d'accès",
        "Source d'un consentement",
    } <= wheres
    assert ("Lieu de rencontre", PLACE) in mentions
    audit = contents.section("audit").rows
    authors = [row for row in audit if row[1] == NAME]
    assert len(authors) == 1  # the entry she wrote as the file's user
    # the duplicate's own history (its creation) is hers too
    created = [row for row in audit if DUPLICATE_EMAIL in json.dumps(row[4], ensure_ascii=False)]
    assert created


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    folder = tmp_path / "journal"
    monkeypatch.setattr(logs, "log_path", lambda: folder / "ahuntsic-desktop.log")
    root = logging.getLogger()
    level = root.level
    earlier = [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    for handler in earlier:  # a file handler left by another test would stand in for ours
        root.removeHandler(handler)
    logs.setup_logging()
    yield folder
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    for handler in earlier:
        root.addHandler(handler)
    root.setLevel(level)


def test_after_erasure_no_byte_of_the_file_its_wal_or_the_log_holds_her(tmp_path, log_folder):
    path = tmp_path / "table.sqlite"
    db = Database.open(path, create=True)
    try:
        base = build_world(db)
        spread_everywhere(db, base)
        wal = path.with_name(path.name + "-wal")
        before = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
        assert set(leaks(before)) >= {NAME, EMAIL, DUPLICATE_EMAIL, PHONE, "Lajeunesse"}
        anonymize_person(db, base.elise, now=NOW)
        (tmp_path / "acces").mkdir()
        package = produce_access_package(db, base.elise, tmp_path / "acces", now=NOW)
        files = [path, wal, *log_folder.iterdir()]
        assert any(f.stat().st_size for f in log_folder.iterdir())  # the log was written
        for file in files:
            if file.exists():
                assert leaks(file.read_bytes()) == [], file.name
        assert leaks(package.json.read_bytes()) == []
        text = "\n".join(page.extract_text() for page in PdfReader(package.pdf).pages)
        assert leaks(text.encode("utf-8")) == []
    finally:
        db.close()
    for file in (path, path.with_name(path.name + "-wal")):
        if file.exists():
            assert leaks(file.read_bytes()) == [], file.name


def test_another_records_own_phone_is_shown_but_not_erased(db):
    """A household phone or an organisation's switchboard belongs to that record too: the
    access report shows where it also appears, the erasure leaves the other record alone."""
    base = build_world(db)
    with db.session() as s:
        s.get(Person, base.paul).phone = "514-555-0199"
        s.get(Organization, base.org).email = EMAIL
    found = {(m.table, m.column) for m in person_file_mentions(db, base.elise)}
    assert {("person", "phone"), ("organization", "email")} <= found
    preview = erasure_preview(db, base.elise)
    changed = {(m.table, m.column) for m in preview.changes}
    assert not {("person", "phone"), ("organization", "email")} & changed
    anonymize_person(db, base.elise, now=NOW)
    with db.session() as s:
        assert s.get(Person, base.paul).phone == "514-555-0199"
        assert s.get(Organization, base.org).email == EMAIL


def person_file_mentions(db, person_id):
    from ahuntsic_desktop.services.privacy.mentions import find_mentions, identity_of

    with db.session() as s:
        return find_mentions(s, identity_of(s, person_id))
