"""Hostile input: every form service and the import take random and adversarial text (very
long strings, control characters, emoji, right-to-left text, SQL and formula look-alikes,
invalid dates and amounts). Nothing crashes (a ValidationError is the only refusal),
nothing invalid is stored, and exported cells never become formulas.

Runs are derandomised (the same examples every time) and kept small: the file takes
well under 30 seconds.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from sqlalchemy import JSON, Date, Integer, String, Text, select

from ahuntsic_desktop.domain import (
    Attendance,
    Base,
    Meeting,
    MembershipCategory,
    Organization,
    Person,
    Setting,
)
from ahuntsic_desktop.exports.xlsx.common import put
from ahuntsic_desktop.exports.xlsx.list_view import write_list
from ahuntsic_desktop.services.core import settings as settings_service
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.core.validation import MAX_CENTS
from ahuntsic_desktop.services.funding import agreements as funding
from ahuntsic_desktop.services.meetings import followups, meetings, resolutions
from ahuntsic_desktop.services.privacy import access, consents, incidents
from ahuntsic_desktop.services.registry import memberships, organizations, persons
from ahuntsic_desktop.store import Database

ADVERSARIAL = [
    "",
    " ",
    "\x00",
    "Marie\x00Côté",
    "ligne\r\nsuivante",
    "\x1b[31mrouge",
    "\u202eexe.fdp",  # right-to-left override
    "مرحبا بالعالم",
    "שלום עולם",
    "👩‍👩‍👧‍👦 🏳️‍🌈 Équipe",
    "\ufeffBOM",
    "zero\u200bwidth",
    "=1+1",
    '=HYPERLINK("http://exemple.org","clic")',
    "+1 514 555-0000",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=cmd|' /C calc'!A0",
    "'; DROP TABLE person; --",
    "Robert'); DROP TABLE organization;--",
    "1 OR 1=1",
    "%s%s%n{0}{name}",
    "<script>alert(1)</script>",
    "<b>gras</b> &amp; <br/>",
    "ＡＢＣ１２３",
    "١٢٣",
    "Ω" * 201,
    "x" * 10_001,
    "2026-02-30",
    "31/02/2026",
    "0000-00-00",
    "9999-12-31",
    "1899-12-31",
    "-0,01",
    "1e309",
    "NaN",
    "inf",
    "1 234,567",
    "999999999999",
    "H0H 0H0",
    "a@b",
    "x@" + "a" * 300 + ".com",
]

hostile = st.one_of(
    st.sampled_from(ADVERSARIAL),
    st.text(max_size=40),
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Mn"]), max_size=8),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=3), st.integers(60, 400)),
)
maybe_hostile = st.one_of(st.none(), hostile)
any_date = st.one_of(st.none(), hostile, st.dates())
amount = st.one_of(
    st.none(),
    hostile,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.decimals(allow_nan=True, allow_infinity=True),
)
big_int = st.integers(min_value=-(2**70), max_value=2**70)

FAST = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.generate],  # no shrinking: the first failure is reported
)
SLOW = settings(FAST, max_examples=25)  # examples that write a file


@pytest.fixture
def world():
    """One file per test (shared by its examples): a category, an organisation, two voting persons
    present at a held meeting (failed calls roll back; accepted ones pile up)."""
    db = Database.in_memory()
    with db.session() as s:
        category = MembershipCategory(name="Membre régulier", voting=True)
        org = Organization(name="Maison de la famille", sector="communautaire")
        a, b = Person(first_name="Ana", last_name="Roy"), Person(first_name="Ben", last_name="Roy")
        meeting = Meeting(
            kind="comite_coordination",
            body="CC",
            title="CC",
            date=dt.date(2026, 3, 5),
            status="tenue",
        )
        s.add_all([category, org, a, b, meeting])
        s.flush()
        s.add_all(
            Attendance(meeting_id=meeting.id, person_id=p.id, status="present", voting=True)
            for p in (a, b)
        )
        ids = {"category": category.id, "org": org.id, "a": a.id, "b": b.id, "meeting": meeting.id}
    for person in ("a", "b"):
        memberships.create_membership(
            db,
            memberships.MembershipData(
                year=2025, category_id=ids["category"], person_id=ids[person], paid_on="2025-04-02"
            ),
        )
    yield db, ids
    db.close()


def refused_or_done(call, *args, **kwargs):
    """Run a service call; a ValidationError is a proper refusal, anything else fails."""
    try:
        return call(*args, **kwargs)
    except ValidationError as error:
        assert error.message and isinstance(error.message, str)
        return None


def _text_problem(value: str, column) -> str | None:
    multiline = isinstance(column.type, Text)
    allowed = {"\n", "\t"} if multiline else set()
    bad = [c for c in value if unicodedata.category(c) == "Cc" and c not in allowed]
    if bad:
        return f"control character {bad[0]!r}"
    length = getattr(column.type, "length", None)
    if length is not None and len(value) > length:
        return f"{len(value)} characters in a column of {length}"
    if value != value.strip() and column.name not in ("minutes_text",):
        return "untrimmed text"
    return None


def invalid_rows(db: Database) -> list[str]:
    """What breaks the rules the validators enforce, anywhere in the file."""
    problems = []
    with db.session() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)).mappings():
                for column in table.columns:
                    value = row[column.name]
                    where = f"{table.name}.{column.name}={value!r:.60}"
                    if isinstance(value, str) and isinstance(column.type, String | Text):
                        problem = _text_problem(value, column)
                        if problem:
                            problems.append(f"{where}: {problem}")
                    elif isinstance(column.type, Date) and value is not None:
                        if not 1900 <= value.year <= 2200:
                            problems.append(f"{where}: date out of range")
                    elif (
                        isinstance(column.type, Integer)
                        and column.name.endswith("cents")
                        and value is not None
                        and not 0 <= value <= MAX_CENTS
                    ):
                        problems.append(f"{where}: amount out of range")
        for key, value in s.execute(select(Setting.key, Setting.value)):
            if isinstance(value, str) and any(unicodedata.category(c) == "Cc" for c in value):
                problems.append(f"setting {key}: control character")
        assert isinstance(Setting.__table__.c.value.type, JSON)
    return problems


# -- registry ----------------------------------------------------------------------------


@FAST
@given(
    name=hostile,
    acronym=maybe_hostile,
    email=maybe_hostile,
    phone=maybe_hostile,
    website=maybe_hostile,
    address=maybe_hostile,
    city=maybe_hostile,
    postal_code=maybe_hostile,
    notes=maybe_hostile,
    sector=st.one_of(st.sampled_from(["communautaire", "citoyen"]), hostile),
)
def test_organizations(
    world, name, acronym, email, phone, website, address, city, postal_code, notes, sector
):
    db, ids = world
    data = organizations.OrganizationData(
        name, sector, acronym, email, phone, website, address, city, postal_code, notes
    )
    refused_or_done(organizations.create_organization, db, data)
    refused_or_done(organizations.update_organization, db, ids["org"], data)
    assert invalid_rows(db) == []


@FAST
@given(
    first=hostile,
    last=hostile,
    email=maybe_hostile,
    phone=maybe_hostile,
    address=maybe_hostile,
    postal_code=maybe_hostile,
    notes=maybe_hostile,
    sector=st.one_of(st.none(), hostile),
)
def test_persons(world, first, last, email, phone, address, postal_code, notes, sector):
    db, ids = world
    data = persons.PersonData(
        first, last, email, phone, address, postal_code, False, sector, False, notes
    )
    refused_or_done(persons.save_person, db, None, data)
    refused_or_done(persons.save_person, db, ids["a"], data)
    assert invalid_rows(db) == []


@FAST
@given(
    year=st.one_of(st.integers(-5, 3000), big_int),
    dues=amount,
    paid_on=any_date,
    method=st.one_of(st.none(), st.sampled_from(["cheque", "comptant"]), hostile),
    receipt=maybe_hostile,
    notes=maybe_hostile,
)
@example(year=2030, dues="1e309", paid_on="2026-02-30", method="cheque", receipt=None, notes=None)
def test_memberships(world, year, dues, paid_on, method, receipt, notes):
    db, ids = world
    person = persons.save_person(
        db, None, persons.PersonData(first_name="Membre", last_name="Test")
    )
    data = memberships.MembershipData(
        year, ids["category"], None, person, dues, paid_on, method, receipt, notes
    )
    created = refused_or_done(memberships.create_membership, db, data)
    if created is not None:
        refused_or_done(
            memberships.record_payment, db, created, paid_on or "2026-04-01", method or "x", receipt
        )
    assert invalid_rows(db) == []


@FAST
@given(
    programme=hostile,
    amount_cents=amount,
    start=any_date,
    end=any_date,
    conditions=maybe_hostile,
    notes=maybe_hostile,
)
@example(
    programme="Programme",
    amount_cents=Decimal("NaN"),
    start="2026-01-01",
    end=None,
    conditions=None,
    notes=None,
)
def test_funding_agreements(world, programme, amount_cents, start, end, conditions, notes):
    db, ids = world
    data = funding.AgreementData(
        ids["org"], programme, amount_cents, start, end, conditions, None, notes
    )
    refused_or_done(funding.create_agreement, db, data)
    assert invalid_rows(db) == []


# -- meetings ------------------------------------------------------------------------------


@FAST
@given(
    kind=st.one_of(st.sampled_from(["aga", "comite_coordination", "participation"]), hostile),
    title=hostile,
    day=st.dates(),
    place=maybe_hostile,
    body=maybe_hostile,
    notes=maybe_hostile,
)
@example(kind="aga", title="AGA\x00", day=dt.date(2026, 6, 1), place=None, body=None, notes=None)
@example(kind="aga", title="AGA", day=dt.date(1, 1, 1), place=None, body=None, notes=None)
def test_meetings(world, kind, title, day, place, body, notes):
    db, _ids = world
    data = meetings.MeetingData(
        kind=kind, title=title, date=day, place=place, body=body, notes=notes
    )
    refused_or_done(meetings.create_meeting, db, data)
    assert invalid_rows(db) == []


@FAST
@given(
    title=hostile,
    text=maybe_hostile,
    votes=st.tuples(big_int, big_int, big_int),
    outcome=st.one_of(st.just("adoptee"), hostile),
)
@example(title="Adoption", text=None, votes=(2**70, 0, 0), outcome="adoptee")
@example(title="Adoption\x00", text="\x1b", votes=(1, 0, 0), outcome="adoptee")
def test_resolutions(world, title, text, votes, outcome):
    db, ids = world
    data = resolutions.ResolutionData(title, ids["a"], ids["b"], text, outcome, *votes)
    refused_or_done(resolutions.add_resolution, db, ids["meeting"], data)
    assert invalid_rows(db) == []


@FAST
@given(
    description=hostile,
    due=st.one_of(st.none(), st.dates()),
    body=maybe_hostile,
    status=st.one_of(st.just("a_faire"), hostile),
)
@example(description="Appeler\x00", due=None, body=None, status="a_faire")
@example(description="Appeler", due=dt.date(9999, 1, 1), body=None, status="a_faire")
def test_follow_ups(world, description, due, body, status):
    db, ids = world
    data = followups.FollowUpData(
        description, due, ids["a"], None, ids["meeting"], body=body, status=status
    )
    refused_or_done(followups.add_follow_up, db, data, today=dt.date(2026, 5, 1))
    assert invalid_rows(db) == []


# -- settings ------------------------------------------------------------------------------


@FAST
@given(
    table_name=hostile,
    user_name=hostile,
    officer=hostile,
    contact=hostile,
    month=big_int,
    paper=st.one_of(st.sampled_from(["letter", "a4"]), hostile),
    keep=big_int,
    years=big_int,
)
@example(
    table_name="Table\x00",
    user_name="",
    officer="",
    contact="",
    month=4,
    paper="letter",
    keep=10,
    years=7,
)
def test_settings(world, table_name, user_name, officer, contact, month, paper, keep, years):
    db, _ids = world
    current = settings_service.load(db)
    current.table_name, current.user_name = table_name, user_name
    current.privacy_officer_name, current.privacy_officer_contact = officer, contact
    current.membership_year_start_month, current.paper_size = month, paper
    current.backup_keep, current.retention_years = keep, years
    refused_or_done(settings_service.save, db, current)
    assert invalid_rows(db) == []
    settings_service.load(db).membership_year_of(dt.date(2026, 5, 1))  # still usable


# -- privacy -------------------------------------------------------------------------------


@FAST
@given(
    source=maybe_hostile,
    granted=any_date,
    notes=maybe_hostile,
    received=any_date,
    description=hostile,
    people=st.one_of(st.none(), hostile, big_int),
    occurred=any_date,
    learned=any_date,
)
def test_privacy_forms(
    world, source, granted, notes, received, description, people, occurred, learned
):
    db, ids = world
    refused_or_done(consents.grant_consent, db, ids["b"], "photos", granted, source)
    refused_or_done(
        access.open_request,
        db,
        ids["b"],
        received_on=received,
        notes=notes,
        today=dt.date(2026, 5, 1),
    )
    data = incidents.IncidentData(
        description=description,
        occurred_on=occurred,
        learned_on=learned,
        people_affected=people,
        information_concerned=notes,
        measures=source,
    )
    refused_or_done(incidents.create_incident, db, data, today=dt.date(2026, 5, 1))
    assert invalid_rows(db) == []


# -- import --------------------------------------------------------------------------------


@SLOW
@given(
    rows=st.lists(
        st.tuples(hostile, hostile, maybe_hostile, maybe_hostile, maybe_hostile),
        min_size=1,
        max_size=4,
    )
)
def test_import_of_a_hostile_csv(world, tmp_path_factory, rows):
    from ahuntsic_desktop.services.importing import (
        check_rows,
        commit_rows,
        initial_mapping,
        read_source,
    )

    db, _ids = world
    path = tmp_path_factory.mktemp("import") / "membres.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Nom", "Prénom", "Courriel", "Téléphone", "Payé le"])
        writer.writerows([[c or "" for c in row] for row in rows])
    source = refused_or_done(read_source, path)
    if source is not None:
        mapping = initial_mapping(db, source)
        preview = refused_or_done(check_rows, db, source, mapping.kind, mapping.columns)
        if preview is not None:
            refused_or_done(commit_rows, db, preview, skip_errors=True)
    assert invalid_rows(db) == []


@FAST
@given(value=st.one_of(hostile, big_int, st.floats(), st.booleans(), st.none()))
def test_import_cell_converters(value):
    from ahuntsic_desktop.services.importing import values
    from ahuntsic_desktop.services.importing.values import CellError

    for convert in (
        lambda x: values.text(x, "notes", "Notes"),
        values.email,
        values.phone,
        values.postal_code,
        values.website,
        lambda x: values.sector(x, None),
        values.payment_method,
        values.yes_no,
        lambda x: values.cents(x, "Cotisation"),
        lambda x: values.day(x, "Payée le"),
        lambda x: values.year(x, 2026),
    ):
        with contextlib.suppress(CellError, ValidationError):
            convert(value)


# -- exports -------------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


@FAST
@given(text=hostile)
def test_a_workbook_cell_never_becomes_a_formula(text):
    cell = Workbook().active.cell(1, 1)
    put(cell, text)
    assert cell.data_type != "f"
    if cell.value and str(cell.value).startswith(FORMULA_STARTS):
        assert cell.quotePrefix


@SLOW
@given(names=st.lists(hostile, min_size=1, max_size=5))
@example(names=["=1+1", "@SUM(A1)", "-2+3", "+33", "\t=x"])
def test_exported_lists_hold_no_formula(world, tmp_path_factory, names):
    db, _ids = world
    for name in names:
        refused_or_done(
            organizations.create_organization, db, organizations.OrganizationData(name, notes=name)
        )
        refused_or_done(
            persons.save_person, db, None, persons.PersonData(first_name=name, last_name=name)
        )
    folder = tmp_path_factory.mktemp("lists")
    for number, table in enumerate(
        (organizations.list_organizations(db), persons.list_persons(db))
    ):
        path = write_list(folder / f"liste-{number}.xlsx", table, title="Liste")
        sheet = load_workbook(path).active
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
