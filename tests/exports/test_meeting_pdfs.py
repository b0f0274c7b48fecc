"""Meeting PDFs (convocation, attendance sheet, minutes, follow-ups), read back with pypdf."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time

import pytest
from pypdf import PdfReader

from ahuntsic_desktop.domain import (
    Attendance,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Person,
    Resolution,
    ResolutionCounter,
)
from ahuntsic_desktop.exports.pdf import common
from ahuntsic_desktop.exports.pdf.attendance_sheet import write_attendance_sheet
from ahuntsic_desktop.exports.pdf.convocation import write_convocation
from ahuntsic_desktop.exports.pdf.follow_ups import write_follow_up_list
from ahuntsic_desktop.exports.pdf.minutes import write_minutes
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.meetings import agenda, attendance, followups, meetings, resolutions
from ahuntsic_desktop.services.meetings.agenda import AgendaItemData
from ahuntsic_desktop.services.meetings.followups import FollowUpData
from ahuntsic_desktop.services.meetings.meetings import MeetingData
from ahuntsic_desktop.services.meetings.resolutions import ResolutionData

DAY = date(2026, 11, 26)
TABLE = "Solidarité Ahuntsic — table de quartier"
SPECIAL = "Ça coûte « 1 234,56 $ » — l’œuvre · à voir"
LETTER = (612, 792)
A4 = (595, 842)


def configure(db, **changes) -> None:
    values = {"table_name": TABLE, **changes}
    settings_service.save(db, replace(settings_service.load(db), **values))


def read(path) -> tuple[list[str], str]:
    """Each page's text, and the whole text with white space collapsed."""
    pages = [page.extract_text() for page in PdfReader(path).pages]
    return pages, " ".join(" ".join(pages).split())


def page_size(path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def assert_numbered(pages: list[str]) -> None:
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} de {total}" in text


@pytest.fixture
def meeting(db):
    """A coordination committee on 26 November 2026 at 19 h 30, with people whose names
    carry accents, ligatures, guillemets and markup characters."""
    configure(db)
    with db.session() as session:
        voting = MembershipCategory(name="Membre régulier", voting=True)
        observer = MembershipCategory(name="Observateur", voting=False)
        soeurs = Organization(name="Œuvre des Sœurs «Ahuntsic»", sector="communautaire")
        ab = Organization(name="A&B <Inc>", sector="prive")
        people = {
            "beatrice": Person(first_name="Béatrice", last_name="Côté-Lévesque"),
            "francois": Person(first_name="François", last_name="Lachaîne"),
            "jean": Person(first_name="Jean", last_name="O’Neil"),
            "zoe": Person(first_name="Zoé", last_name="Émond"),
            "wei": Person(first_name="Wei", last_name="Zhang"),
        }
        session.add_all([voting, observer, soeurs, ab, *people.values()])
        session.flush()
        session.add_all(
            [
                Membership(organization=soeurs, year=2026, category=voting, paid_on=DAY),
                Membership(person=people["francois"], year=2026, category=voting, paid_on=DAY),
                Membership(organization=ab, year=2026, category=observer, paid_on=DAY),
                Membership(person=people["zoe"], year=2026, category=voting, paid_on=DAY),
                # Numbers of this body and year are already used up to 13.
                ResolutionCounter(body="CC", year=2026, last_sequence=13),
            ]
        )
        ids = {key: person.id for key, person in people.items()}
        orgs = {"soeurs": soeurs.id, "ab": ab.id}
    meeting_id = meetings.create_meeting(
        db,
        MeetingData(
            kind="comite_coordination",
            title="CC de novembre",
            date=DAY,
            start_time=time(19, 30),
            end_time=time(21, 30),
            place="Centre communautaire, salle 2",
            chair_id=ids["beatrice"],
            secretary_id=ids["francois"],
        ),
    )
    budget = agenda.add_agenda_item(
        db,
        meeting_id,
        AgendaItemData(
            "Budget 2027 · priorités",
            "decision",
            planned_minutes=20,
            minutes_text=f"{SPECIAL}\n\nLe texte <b>reste</b> tel quel & sans balise.",
        ),
        position=4,
    )
    attendance.set_attendance(db, meeting_id, ids["beatrice"], "present", orgs["soeurs"])
    attendance.set_attendance(db, meeting_id, ids["francois"], "present")
    attendance.set_attendance(db, meeting_id, ids["jean"], "present", orgs["ab"])
    attendance.set_attendance(db, meeting_id, ids["zoe"], "excuse")
    attendance.set_attendance(db, meeting_id, ids["wei"], "absent")
    resolutions.add_resolution(
        db,
        meeting_id,
        ResolutionData(
            "Adoption du budget 2027",
            ids["beatrice"],
            ids["francois"],
            text="Que la table adopte le budget 2027 tel que présenté.",
            outcome="unanime",
            agenda_item_id=budget,
        ),
    )
    resolutions.add_resolution(
        db,
        meeting_id,
        ResolutionData(
            "Mandat au comité de financement",
            ids["francois"],
            ids["beatrice"],
            votes_for=7,
            votes_against=2,
            abstentions=1,
        ),
    )
    followups.add_follow_up(
        db,
        FollowUpData(
            "Écrire à l'arrondissement",
            due_date=date(2026, 12, 10),
            owner_person_id=ids["beatrice"],
            meeting_id=meeting_id,
        ),
    )
    followups.add_follow_up(
        db,
        FollowUpData(
            "Relancer A&B <Inc>",
            due_date=date(2026, 11, 1),
            owner_organization_id=orgs["ab"],
            meeting_id=meeting_id,
        ),
    )
    return meeting_id


def test_convocation(db, meeting, tmp_path):
    path = write_convocation(db, meeting, tmp_path / "convocation.pdf", today=date(2026, 11, 12))
    pages, text = read(path)
    assert page_size(path) == LETTER
    assert_numbered(pages)
    for expected in (
        TABLE,
        "Avis de convocation",
        "jeudi 26 novembre 2026",
        "Le 12 novembre 2026",
        "de 19 h 30 à 21 h 30",
        "Centre communautaire, salle 2",
        "Projet d'ordre du jour",
        "François Lachaîne",  # the secretary signs
        "Le quorum est fixé à 2 membres votants (au moins 50 % des membres votants "
        "de l'instance ; 3 membres votants à ce jour, chiffre calculé le 12 novembre 2026).",
    ):
        assert expected in text, text
    # Numbered items with their computed start times.
    assert re.search(r"1\. 19 h 30 Ouverture", text)
    assert re.search(r"5\. 19 h 55 Budget 2027 · priorités", text)
    assert re.search(r"6\. 20 h 15 Suivis", text)
    assert re.search(r"8\. 20 h 40 Levée de la rencontre", text)


def test_minutes_draft_then_approved(db, meeting, tmp_path):
    pages, text = read(write_minutes(db, meeting, tmp_path / "pv.pdf", today=DAY))
    assert_numbered(pages)
    assert all("PROJET" in page for page in pages)
    for expected in (
        TABLE,
        "Procès-verbal de la rencontre « CC de novembre » (Comité de coordination), tenue le "
        "jeudi 26 novembre 2026 à 19 h 30, au lieu suivant : Centre communautaire, salle 2.",
        "Béatrice Côté-Lévesque (Œuvre des Sœurs «Ahuntsic»)",
        "Jean O’Neil (A&B <Inc>)*",  # present without a vote
        "Absences motivées (1) : Zoé Émond",
        "Absences (1) : Wei Zhang",
        "Quorum atteint : 2 membres votants sur 2 requis.",
        "Présidence : Béatrice Côté-Lévesque · Secrétariat : François Lachaîne",
        "5. Budget 2027 · priorités",
        SPECIAL,
        "Le texte <b>reste</b> tel quel & sans balise.",
        "Résolution CC-2026-014 — Adoption du budget 2027",
        "Que la table adopte le budget 2027 tel que présenté.",
        "Proposée par Béatrice Côté-Lévesque, appuyée par François Lachaîne. "
        "Adoptée à l'unanimité.",
        "Résolution CC-2026-015 — Mandat au comité de financement",
        "Proposée par François Lachaîne, appuyée par Béatrice Côté-Lévesque. "
        "Adoptée (pour : 7, contre : 2, abstentions : 1).",
        "Écrire à l'arrondissement Béatrice Côté-Lévesque 10 décembre 2026 À faire",
        "Relancer A&B <Inc> A&B <Inc> 1er novembre 2026 À faire",
        "Projet de procès-verbal",
    ):
        assert expected in text, text
    # The resolution box follows its agenda item; the unattached one comes after the agenda.
    assert text.index("5. Budget 2027") < text.index("CC-2026-014") < text.index("6. Suivis")
    assert text.index("Autres résolutions") < text.index("CC-2026-015")

    with db.session() as session:
        session.get(Meeting, meeting).minutes_approved_on = date(2026, 12, 10)
    pages, text = read(write_minutes(db, meeting, tmp_path / "pv.pdf", today=DAY))
    assert "PROJET" not in text
    assert "Procès-verbal adopté le 10 décembre 2026." in text
    assert_numbered(pages)


def test_attendance_sheet_small(db, meeting, tmp_path):
    path = write_attendance_sheet(db, meeting, tmp_path / "presence.pdf", blank_rows=3)
    pages, text = read(path)
    assert_numbered(pages)
    assert "Feuille de présence" in text and "26 novembre 2026" in text
    names = [
        "Côté-Lévesque, Béatrice Œuvre des Sœurs «Ahuntsic» Membre régulier Oui",
        "Émond, Zoé Membre régulier Oui",
        "Lachaîne, François Membre régulier Oui",
        "O’Neil, Jean A&B <Inc> Observateur Non",
        "Zhang, Wei Non",
    ]
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)  # French order: É sorts with E, not after Z
    assert text.count("☐ Oui ☐ Non") == 3 + 1  # the walk-in rows and the quorum box
    assert "Personnes non inscrites" in text


def test_attendance_sheet_paginates_200_invitees(db, tmp_path):
    configure(db)
    meeting_id = meetings.create_meeting(
        db, MeetingData(kind="aga", title="AGA 2026", date=DAY, start_time=time(19, 30))
    )
    with db.session() as session:
        persons = [Person(first_name=f"Prénom{i:03d}", last_name=f"Nom{i:03d}") for i in range(200)]
        session.add_all(persons)
        session.flush()
        session.add_all(
            Attendance(meeting_id=meeting_id, person_id=person.id) for person in persons[::-1]
        )
    path = write_attendance_sheet(db, meeting_id, tmp_path / "presence.pdf")
    pages, text = read(path)
    assert len(pages) > 4
    assert_numbered(pages)
    for i in range(200):
        assert text.count(f"Nom{i:03d}, Prénom{i:03d}") == 1
    positions = [text.index(f"Nom{i:03d},") for i in range(200)]
    assert positions == sorted(positions)
    for page in pages:
        if "Nom" in page.replace("Nom, prénom", ""):
            assert "Nom, prénom" in page and "Signature" in page  # the header row repeats
    assert "Quorum requis : 10 membres votants" in text  # the AGA rule of the settings


@pytest.mark.parametrize(("paper", "size"), [("letter", LETTER), ("a4", A4)])
def test_paper_size_follows_the_settings(db, meeting, tmp_path, paper, size):
    configure(db, paper_size=paper)
    paths = [
        write_convocation(db, meeting, tmp_path / "c.pdf"),
        write_attendance_sheet(db, meeting, tmp_path / "a.pdf"),
        write_minutes(db, meeting, tmp_path / "m.pdf"),
        write_follow_up_list(db, tmp_path / "f.pdf", today=DAY),
    ]
    assert [page_size(path) for path in paths] == [size] * 4


def test_follow_up_list(db, meeting, tmp_path):
    pages, text = read(write_follow_up_list(db, tmp_path / "suivis.pdf", body="CC", today=DAY))
    assert_numbered(pages)
    for expected in (
        TABLE,
        "Liste des suivis",
        "Au 26 novembre 2026",
        "Instance : CC",
        "2 suivis, dont 1 en retard",
        "Relancer A&B <Inc>",
        "En retard",
        "Rencontre du 26 novembre 2026",
    ):
        assert expected in text, text
    # Overdue first.
    assert text.index("Relancer A&B") < text.index("Écrire à l'arrondissement")
    _pages, text = read(write_follow_up_list(db, tmp_path / "vide.pdf", body="AG", today=DAY))
    assert "0 suivi" in text and "Aucun suivi à faire." in text


def test_only_embedded_dejavu_fonts(db, meeting, tmp_path):
    """Every document uses DejaVu only: Helvetica lacks œ, ’ and others."""
    paths = [
        write_convocation(db, meeting, tmp_path / "c.pdf"),
        write_attendance_sheet(db, meeting, tmp_path / "a.pdf"),
        write_minutes(db, meeting, tmp_path / "m.pdf"),
        write_follow_up_list(db, tmp_path / "f.pdf", today=DAY),
    ]
    for path in paths:
        fonts = set()
        for page in PdfReader(path).pages:
            for font in page["/Resources"]["/Font"].values():
                fonts.add(str(font.get_object()["/BaseFont"]))
        assert fonts and all("DejaVuSans" in name for name in fonts), (path.name, fonts)


def test_markup_characters_in_the_table_name(db, meeting, tmp_path):
    configure(db, table_name="Table A&B <quartier> & voisins")
    for write in (write_convocation, write_attendance_sheet, write_minutes):
        pages, text = read(write(db, meeting, tmp_path / "doc.pdf"))
        assert text.count("Table A&B <quartier> & voisins") >= len(pages)  # every header


def test_long_texts_split_across_pages(db, meeting, tmp_path):
    """Minutes and a resolution longer than a page flow onto the next pages."""
    long_text = " ".join(["Une très longue discussion sur l’œuvre."] * 700)
    item = agenda.list_agenda(db, meeting)[0]
    agenda.update_agenda_item(db, item.id, AgendaItemData(item.title, minutes_text=long_text))
    resolution_id = resolutions.list_resolutions(db, meeting_id=meeting).ids[0]
    with db.session() as session:
        session.get(Resolution, resolution_id).text = long_text
    pages, text = read(write_minutes(db, meeting, tmp_path / "pv.pdf"))
    assert len(pages) > 4
    assert_numbered(pages)
    assert text.count("discussion") == 1400  # every sentence, some cut by a page break


def test_failed_export_leaves_no_file(db, meeting, tmp_path, monkeypatch):
    target = tmp_path / "pv.pdf"
    target.write_bytes(b"previous version")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(common, "_draw_footer", broken)
    with pytest.raises(RuntimeError):
        write_minutes(db, meeting, target)
    assert target.read_bytes() == b"previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["pv.pdf"]

    def half(temporary: str) -> None:
        with open(temporary, "wb") as handle:
            handle.write(b"%PDF-1.4 half")
        raise OSError("interrupted")

    with pytest.raises(OSError):
        common.write_atomically(tmp_path / "new.pdf", half)
    assert [p.name for p in tmp_path.iterdir()] == ["pv.pdf"]
