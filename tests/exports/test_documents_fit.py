"""Documents fit to hand a funder and an assembly (issue 15), each read back with pypdf:
French punctuation spaces, the table's name with its article, receipts, the access
report as a letter, the plan bilan's counting, the minutes' last page, the demo's
resolutions."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time

import pytest
from pypdf import PdfReader

from ahuntsic_desktop import i18n
from ahuntsic_desktop.domain import (
    AuditEntry,
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Resolution,
)
from ahuntsic_desktop.exports.access_package import produce_access_package
from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.exports.pdf.convocation import write_convocation
from ahuntsic_desktop.exports.pdf.minutes import write_minutes
from ahuntsic_desktop.exports.pdf.receipt import write_receipt_file
from ahuntsic_desktop.services.core import ValidationError
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.meetings import agenda, meetings
from ahuntsic_desktop.services.meetings.agenda import AgendaItemData
from ahuntsic_desktop.services.meetings.meetings import MeetingData

DAY = date(2026, 11, 26)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def configure(db, **changes) -> None:
    settings_service.save(db, replace(settings_service.load(db), **changes))


def pages_of(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def people(db, count: int = 2) -> list[int]:
    with db.session() as session:
        persons = [Person(first_name=f"Personne{i}", last_name="Essai") for i in range(count)]
        session.add_all(persons)
        session.flush()
        return [p.id for p in persons]


# -- item 2: French punctuation spaces ------------------------------------------------


def test_french_spacing_puts_no_break_spaces_before_high_signs_and_in_guillemets():
    text = "Présences (3) : Léa ; « Plan d'action » ! Quoi ? Fin."
    assert i18n.french_spacing(text) == (
        "Présences (3)\u00a0: Léa\u202f; «\u00a0Plan d'action\u00a0»\u202f! Quoi\u202f? Fin."
    )
    assert i18n.french_spacing("http://exemple.org?q=1") == "http://exemple.org?q=1"
    i18n.set_locale("en_CA")
    assert i18n.french_spacing("Note : x") == "Note : x"


def _minutes_with_colons_at_every_line_end(db) -> int:
    chair, secretary = people(db)
    meeting_id = meetings.create_meeting(
        db,
        MeetingData(kind="comite_coordination", title="CC", date=DAY, start_time=time(19),
                    chair_id=chair, secretary_id=secretary),
    )  # fmt: skip
    # One paragraph per length: somewhere a line of each ends just before « : », « » » or
    # « ; », where a plain space would let the sign start the next line.
    blocks = [
        "ab " * n + "le point : 2) du texte « Plan d'action », puis ; et ? fin"
        for n in range(18, 48)
    ]
    agenda.add_agenda_item(
        db, meeting_id, AgendaItemData("Varia", "discussion", minutes_text="\n\n".join(blocks))
    )
    return meeting_id


def test_no_line_of_the_minutes_starts_with_a_french_punctuation_sign(db, tmp_path):
    meeting_id = _minutes_with_colons_at_every_line_end(db)
    pages = pages_of(write_minutes(db, meeting_id, tmp_path / "pv.pdf", today=DAY))
    lines = [line.strip() for page in pages for line in page.splitlines()]
    starting = [line for line in lines if line[:1] in (":", ";", "?", "!", "»")]
    assert starting == []
    assert not [line for line in lines if line.endswith(("point", "action", "puis", " et"))]


def test_convocation_never_starts_a_line_with_closing_guillemets(db, tmp_path):
    chair, secretary = people(db)
    for n in range(6):
        title = "Rencontre " + "longue " * (8 + n) + "du comité"
        meeting_id = meetings.create_meeting(
            db, MeetingData(kind="comite_coordination", title=title, date=DAY,
                            start_time=time(19), place="Salle 2", secretary_id=secretary),
        )  # fmt: skip
        path = write_convocation(db, meeting_id, tmp_path / f"c{n}.pdf", today=DAY)
        lines = [line.strip() for page in pages_of(path) for line in page.splitlines()]
        assert not [line for line in lines if line.startswith(("»", ":"))], n


# -- item 4: the table's name with its article; one vocabulary -------------------------


def test_name_in_a_sentence_takes_its_article():
    table = settings_service.TableSettings(table_name="Table de quartier d'Ahuntsic")
    assert table.name_in_sentence() == "la Table de quartier d'Ahuntsic"
    assert table.name_in_sentence(capitalized=True) == "La Table de quartier d'Ahuntsic"
    assert settings_service.TableSettings(table_name="Solidarité Ahuntsic").name_in_sentence() == (
        "Solidarité Ahuntsic"
    )
    named = replace(table, table_name_with_article="le Regroupement d'Ahuntsic")
    assert named.name_in_sentence() == "le Regroupement d'Ahuntsic"


def test_vocabulary_of_roles_and_sectors_is_inclusive_everywhere():
    from ahuntsic_desktop.domain.enums import AssignmentRole, Sector
    from ahuntsic_desktop.domain.labels import label

    assert label(AssignmentRole.LEAD) == "Porteur·euse"
    assert label(AssignmentRole.CO_LEAD) == "Co-porteur·euse"
    assert label(Sector.CITIZEN) == "Citoyen·ne"


# -- item 5: receipts -------------------------------------------------------------------


def _paid(db, **member) -> int:
    with db.session() as session:
        category = session.query(MembershipCategory).first() or MembershipCategory(
            name="Membre régulier", voting=True
        )
        if "organization" in member:
            owner = {"organization": Organization(sector="communautaire", **member["organization"])}
        else:
            owner = {"person": Person(**member["person"])}
        membership = Membership(
            year=2026, category=category, paid_on=date(2026, 5, 2), payment_method="cheque",
            dues_cents=member.get("dues", 5000), **owner,
        )  # fmt: skip
        session.add(membership)
        session.flush()
        return membership.id


def test_receipts_carry_the_tables_address_and_provinces(db, tmp_path):
    configure(db, table_name="Table de quartier d'Ahuntsic",
              table_address="1000, rue Fictive\nMontréal (Québec)  H2C 0A0")  # fmt: skip
    ids = [
        _paid(db, organization={"name": "Centre Le Pont", "address": "10613, boul. Saint-Laurent",
                                "city": "Montréal", "postal_code": "H2B 3Z9"}),
        _paid(db, person={"first_name": "Léa", "last_name": "Roy", "postal_code": "H3M 1A1"}),
        _paid(db, person={"first_name": "Noé", "last_name": "Côté", "address": "525, rue Fleury",
                          "postal_code": "H3L 1T9"}),
    ]  # fmt: skip
    pages = pages_of(write_receipt_file(db, ids, tmp_path / "recus.pdf", today=DAY))
    first, second, third = (flat([page]) for page in pages)
    assert "1000, rue Fictive Montréal (Québec) H2C 0A0" in first  # the table's own
    assert "10613, boul. Saint-Laurent Montréal (Québec) H2B 3Z9" in first
    assert "Pour la Table de quartier d'Ahuntsic" in first
    assert "H3M 1A1" not in second  # a postal code alone is no address
    assert "525, rue Fleury Montréal (Québec) H3L 1T9" in third  # the table's city


def test_no_receipt_for_a_free_membership(db, tmp_path):
    free = _paid(db, organization={"name": "Comité gratuit"}, dues=0)
    with pytest.raises(ValidationError, match="gratuite"):
        write_receipt_file(db, [free], tmp_path / "recu.pdf", today=DAY)
    assert not (tmp_path / "recu.pdf").exists()


def test_receipt_footer_names_the_receipts_of_the_file(db, tmp_path):
    ids = [_paid(db, organization={"name": f"Organisme {i}"}) for i in range(4)]
    write_receipt_file(db, ids[:1], tmp_path / "un.pdf", today=DAY)  # 2026-0001
    pages = pages_of(write_receipt_file(db, ids[2:], tmp_path / "deux.pdf", today=DAY))
    assert "Reçus n° 2026-0002 à 2026-0003" in pages[0]
    pages = pages_of(write_receipt_file(db, [ids[0], ids[3]], tmp_path / "t.pdf", today=DAY))
    assert "Reçus n° 2026-0001, 2026-0003" in flat(pages)  # 0002 is not in this file
    assert "2026-0001 à 2026-0003" not in flat(pages)


# -- item 6: the access report reads as a letter ------------------------------------------


def test_access_report_shows_no_internals(db, tmp_path):
    configure(db, table_name="Table de quartier d'Ahuntsic", user_name="")
    (person_id,) = people(db, 1)
    package = produce_access_package(db, person_id, tmp_path, now=datetime(2026, 11, 26, 10))
    text = flat(pages_of(package.pdf))
    with db.session() as session:
        users = {e.user for e in session.query(AuditEntry) if e.user}
    assert "que la Table de quartier d'Ahuntsic détient" in text
    assert "Journal des modifications" in text
    assert "Reçue le : 26 novembre 2026" in text and "Type : Accès" in text
    for internal in ("Par ", "person_id", "kind :", "received_on", *users):
        assert internal not in text, internal
    assert not ISO_DATE.search(text), ISO_DATE.search(text)


# -- item 8: the minutes' last page, the annual report's dates ---------------------------


@pytest.mark.parametrize("count", range(3, 15))
def test_minutes_never_leave_the_signatures_alone(db, tmp_path, count):
    chair, secretary = people(db)
    meeting_id = meetings.create_meeting(
        db, MeetingData(kind="comite_coordination", title="CC", date=DAY, start_time=time(19),
                        chair_id=chair, secretary_id=secretary),
    )  # fmt: skip
    for n in range(count):
        agenda.add_agenda_item(
            db, meeting_id,
            AgendaItemData(f"Point numéro {n}", "discussion", minutes_text="Échanges. " * 60),
        )  # fmt: skip
    pages = pages_of(write_minutes(db, meeting_id, tmp_path / "pv.pdf", today=DAY))
    last = pages[-1]
    assert "Point numéro" in last or "Présences" in last, f"{len(pages)} pages"


def test_annual_report_writes_resolution_dates_in_words(db, tmp_path):
    mover, seconder = people(db)
    meeting_id = meetings.create_meeting(
        db, MeetingData(kind="comite_coordination", title="CC", date=date(2025, 9, 10),
                        status="tenue"),
    )  # fmt: skip
    with db.session() as session:
        session.add(
            Resolution(meeting_id=meeting_id, body="CC", year=2025, sequence=9,
                       number="CC-2025-009", title="Adoption du budget", moved_by_id=mover,
                       seconded_by_id=seconder, outcome="unanime"),
        )  # fmt: skip
    options = ExportOptions(start=date(2025, 7, 1), end=date(2026, 6, 30), today=DAY)
    text = flat(pages_of(run_export(db, "rapport-annuel", tmp_path / "ra.pdf", options)))
    assert "Adoption du budget" in text
    assert "10 septembre 2025" in text
    assert not ISO_DATE.search(text), ISO_DATE.search(text)
    assert "1er juillet 2025" in text


# -- item 9: the demo's resolutions agree with their minutes ----------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from ahuntsic_desktop.services.demo import write_demo_file
    from ahuntsic_desktop.store import Database

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo_file(path, today=DAY)
    database = Database.open(path)
    yield database
    database.close()


def test_demo_resolutions_do_not_repeat_their_mover_and_agree_with_their_point(demo_db):
    from ahuntsic_desktop.domain import AgendaItem

    with demo_db.session() as session:
        rows = session.query(Resolution, AgendaItem).join(
            AgendaItem, Resolution.agenda_item_id == AgendaItem.id
        )
        checked = 0
        for resolution, item in rows:
            mover = session.get(Person, resolution.moved_by_id)
            assert mover.last_name not in (resolution.text or ""), resolution.number
            comes_back = "reviendra" in (item.minutes_text or "")
            assert comes_back == (resolution.outcome == "reportee"), resolution.number
            checked += 1
    assert checked > 50


def test_demo_minutes_print_each_mover_once(demo_db, tmp_path):
    from ahuntsic_desktop.domain import Meeting

    with demo_db.session() as session:
        meeting_id = (
            session.query(Meeting.id).join(Resolution).order_by(Meeting.date.desc()).first()[0]
        )
    text = flat(pages_of(write_minutes(demo_db, meeting_id, tmp_path / "pv.pdf", today=DAY)))
    assert "Il est proposé par" not in text
    assert "Il est résolu" in text and "Proposée par" in text
