"""Issue 11 #15: every workbook and PDF holding personal information carries the mark
« Confidentiel » with the person in charge of personal information, in its properties (or
metadata), its printed header or footer (on every page) and a visible first line; the
documents without personal information carry none. Read back with python-calamine and
pypdf, readers independent of the writers."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from ahuntsic_desktop.exports.access_package import produce_access_package
from ahuntsic_desktop.exports.catalog import run_export
from ahuntsic_desktop.exports.privacy_marks import banner_for
from ahuntsic_desktop.exports.xlsx import privacy_incidents
from ahuntsic_desktop.exports.xlsx.list_view import write_list
from ahuntsic_desktop.services.registry import persons as person_service

from . import test_workbooks_data as data
from .test_workbooks_data import options

sample = data.sample  # fixture

MARK = "Confidentiel"
OFFICER = "Marie Responsable"
MARKED = {"membres", "presences", "chantiers", "suivis"}  # the people are named
UNMARKED = {"plan", "reddition"}  # the plan, and counts for a funder


def cells(path) -> list[str]:
    book = CalamineWorkbook.from_path(str(path))
    return [
        str(value)
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for value in row
        if value not in ("", None)
    ]


def raw_xml(path) -> str:
    """Every part of the package (properties, sheets, shared strings), as text."""
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


def assert_marked_workbook(path) -> None:
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        rows = book.get_sheet_by_name(name).to_python()
        first = str(rows[0][0])
        assert first.startswith(f"{MARK} : renseignements personnels"), name
        assert OFFICER in first, name
    workbook = load_workbook(path)
    props = workbook.properties
    assert MARK in props.keywords and MARK in props.category
    assert OFFICER in props.description and OFFICER in props.keywords
    for ws in workbook.worksheets:
        printed = ws.oddFooter.center.text or ""
        assert MARK in printed and OFFICER in printed, ws.title
        if ws.print_title_rows:  # the first line is printed on every page too
            assert ws.print_title_rows.startswith("$1:"), ws.title


def assert_marked_pdf(path) -> None:
    reader = PdfReader(str(path))
    meta = reader.metadata
    assert MARK in meta.subject and MARK in meta["/Keywords"]
    assert OFFICER in meta["/Keywords"]
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    assert pages and all(MARK in text and OFFICER in text for text in pages)
    assert pages[0].find(MARK) < pages[0].find("Page 1 de")


@pytest.mark.parametrize("key", sorted(MARKED))
def test_workbooks_naming_people_are_marked(sample, tmp_path, key):
    db, ids = sample
    path = run_export(db, key, tmp_path / f"{key}.xlsx", options(funder_id=ids["funder"]))
    assert_marked_workbook(path)


@pytest.mark.parametrize("key", sorted(UNMARKED))
def test_workbooks_without_personal_information_are_not(sample, tmp_path, key):
    db, ids = sample
    path = run_export(db, key, tmp_path / f"{key}.xlsx", options(funder_id=ids["funder"]))
    assert not [c for c in cells(path) if MARK in c]
    assert MARK not in raw_xml(path)


def test_the_funder_report_is_marked_once_it_holds_contacts(sample, tmp_path):
    db, ids = sample
    chosen = options(funder_id=ids["funder"], include_contacts=True)
    path = run_export(db, "reddition", tmp_path / "r.xlsx", chosen)
    assert_marked_workbook(path)


def test_a_list_export_with_contact_details_is_marked(sample, tmp_path):
    db, _ids = sample
    table = person_service.list_persons(db)
    path = write_list(tmp_path / "liste.xlsx", table, title="Personnes", banner=banner_for(db))
    assert_marked_workbook(path)
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Personnes").to_python()
    assert rows[1][:2] == [table.columns[0].title, table.columns[1].title]  # then the header
    assert len(rows) == len(table.rows) + 2
    plain = write_list(tmp_path / "sans.xlsx", table, title="Personnes")
    assert MARK not in raw_xml(plain)


def test_the_incident_register_is_marked(sample, tmp_path):
    db, _ids = sample
    assert_marked_workbook(privacy_incidents.write(db, tmp_path / "incidents.xlsx"))


def test_the_directory_and_the_access_report_are_marked_on_every_page(sample, tmp_path):
    db, ids = sample
    directory = run_export(db, "bottin", tmp_path / "bottin.pdf", options())
    assert_marked_pdf(directory)
    person_id = person_service.list_persons(db).ids[0]
    package = produce_access_package(db, person_id, tmp_path, now=dt.datetime(2026, 1, 15, 9))
    assert_marked_pdf(package.pdf)


def test_the_annual_report_of_counts_is_not(sample, tmp_path):
    path = run_export(sample[0], "rapport-annuel", tmp_path / "annuel.pdf", options())
    reader = PdfReader(str(path))
    assert MARK not in (reader.metadata.subject or "")
    assert all(MARK not in page.extract_text() for page in reader.pages)
