"""The report to a funder carries counts: no person's name, email or phone unless asked,
and then only of those who consented."""

from __future__ import annotations

import datetime as dt

from python_calamine import CalamineWorkbook
from sqlalchemy import select

from ahuntsic_desktop.domain import Person
from ahuntsic_desktop.exports.catalog import ExportOptions, run_export
from ahuntsic_desktop.services.funding import report as funder_report
from ahuntsic_desktop.services.registry import consented_person_ids

from . import test_workbooks_data as data
from .test_workbooks_data import PERSONAL, PHONE, options

sample, demo, demo_file = data.sample, data.demo, data.demo_file  # fixtures


def all_cells(path) -> list[str]:
    workbook = CalamineWorkbook.from_path(str(path))
    return [
        str(value)
        for name in workbook.sheet_names
        for row in workbook.get_sheet_by_name(name).to_python()
        for value in row
        if value not in ("", None)
    ]


def test_funder_report_summary_counts(sample, tmp_path):
    db, ids = sample
    path = run_export(db, "reddition", tmp_path / "r.xlsx", options(funder_id=ids["funder"]))
    workbook = CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_name("Sommaire").to_python()
    values = {row[0]: row[1] for row in rows if row[0]}
    assert values["Reddition de comptes"] == ""
    assert values["Bailleur de fonds"] == "Fondation Test"
    assert "Programme de soutien — 12 345,67" in values["Entente"].replace("\xa0", " ")
    assert values["Membres (2025-2026)"] == 3  # paid for the year containing the period's end
    assert values["Rencontres tenues"] == 3  # the cancelled and the future ones left out
    assert values["Présences aux rencontres"] == 4
    assert values["Participant·es anonymes aux activités"] == 15
    assert values["Citoyen·nes présent·es (personnes distinctes)"] == 1
    assert values["Résolutions"] == 1
    assert values["Participant·es anonymes — Citoyen·ne"] == 12
    assert values["Adoptée à l'unanimité"] == 1
    assert values["1. Vivre ensemble"] == 1 / 3
    detail = workbook.get_sheet_by_name("Participation").to_python()
    assert detail[0] == [
        "Date",
        "Format",
        "Titre",
        "Personnes inscrites présentes",
        "Anonymes — Privé",
        "Anonymes — Citoyen·ne",
        "Total",
    ]
    assert detail[1][1:] == ["Visite de quartier", "Marche exploratoire", 1, 3, 12, 16]


def test_funder_report_without_the_option_has_no_personal_information(sample, tmp_path):
    db, ids = sample
    path = run_export(db, "reddition", tmp_path / "r.xlsx", options(funder_id=ids["funder"]))
    cells = all_cells(path)
    assert not [c for c in cells if "@" in c]
    assert not [c for c in cells if PHONE.search(c)]
    assert not [c for c in cells for word in PERSONAL if word in c]
    assert "Contacts" not in CalamineWorkbook.from_path(str(path)).sheet_names


def test_with_the_option_only_those_who_consented_to_funders(sample, tmp_path):
    db, ids = sample
    path = run_export(
        db,
        "reddition",
        tmp_path / "r.xlsx",
        options(funder_id=ids["funder"], include_contacts=True),
    )
    workbook = CalamineWorkbook.from_path(str(path))
    rows = workbook.get_sheet_by_name("Contacts").to_python()[1:]  # under the mark
    assert rows[0] == ["Nom", "Prénom", "Organisme", "Courriel", "Téléphone", "Présences"]
    # Bob consented to the communication of his details to funders. Alice consented only to
    # be contacted by email, Chloé withdrew her directory consent: both are left out.
    assert [row[:2] for row in rows[1:]] == [["Gagnon", "Bob"]]
    assert rows[1][3] == "bob@example.org"
    cells = all_cells(path)
    assert "alice@example.org" not in cells and "514 555-0111" not in cells
    assert any("2 personnes présentes n'y figurent pas" in c for c in cells)
    assert any("bailleurs de fonds" in c for c in cells)


def test_demo_funder_report_has_no_email_or_phone(demo, tmp_path):
    funders = funder_report.funder_choices(demo)
    path = run_export(
        demo,
        "reddition",
        tmp_path / "demo.xlsx",
        ExportOptions(
            start=dt.date(2025, 4, 1), end=dt.date(2026, 3, 31), funder_id=funders[0].value
        ),
    )
    cells = all_cells(path)
    assert len(cells) > 200
    assert not [c for c in cells if "@" in c]
    assert not [c for c in cells if PHONE.search(c)]


def test_demo_contacts_for_a_funder_are_those_who_consented_to_funders(demo, tmp_path):
    funders = funder_report.funder_choices(demo)
    day = dt.date(2026, 3, 31)
    path = run_export(
        demo,
        "reddition",
        tmp_path / "demo.xlsx",
        ExportOptions(
            start=dt.date(2025, 4, 1),
            end=day,
            funder_id=funders[0].value,
            include_contacts=True,
            today=day,
        ),
    )
    with demo.session() as session:
        allowed = consented_person_ids(session, day, ("bailleurs_de_fonds",))
        emails = {
            e for e in session.scalars(select(Person.email).where(Person.id.in_(allowed))) if e
        }
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Contacts").to_python()[1:]
    assert allowed and rows[1:]  # some demo persons agreed, and came to meetings
    assert {row[3] for row in rows[1:] if row[3]} <= emails
    assert any("n'y figurent pas" in c for c in all_cells(path))
