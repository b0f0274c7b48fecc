from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ahuntsic_desktop.domain import Membership, MembershipCategory
from ahuntsic_desktop.services.core import settings
from ahuntsic_desktop.services.core.errors import NotFoundError, ValidationError
from ahuntsic_desktop.services.registry.memberships import (
    CategoryData,
    MembershipData,
    create_category,
    create_membership,
    delete_category,
    delete_membership,
    get_category,
    list_categories,
    list_memberships,
    record_payment,
    update_category,
)
from ahuntsic_desktop.services.registry.organizations import (
    OrganizationData,
    archive_organization,
    create_organization,
)
from ahuntsic_desktop.services.registry.persons import PersonData, save_person
from ahuntsic_desktop.services.registry.standing import (
    MemberStatus,
    is_voting_member_on,
    member_status,
    member_status_of,
    memberships_to_renew,
)

TODAY = date(2026, 5, 15)  # membership year 2026-2027 (the year starts in April)


@contextmanager
def refused(field: str | None):
    with pytest.raises(ValidationError) as info:
        yield info
    assert info.value.field == field
    assert info.value.message


def count(db, model) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def regular(db):
    return create_category(db, CategoryData("Membre régulier", default_dues_cents="50,00 $"))


@pytest.fixture
def observer(db):
    return create_category(db, CategoryData("Observateur", voting=False, for_persons=False))


@pytest.fixture
def org(db):
    return create_organization(db, OrganizationData("CJE Ahuntsic", email="info@cje.ca"))


@pytest.fixture
def person(db):
    return save_person(db, None, PersonData("Marie", "Tremblay"))


# -- categories ---------------------------------------------------------------------------


def test_categories_crud(db, regular, observer):
    assert get_category(db, regular).default_dues_cents == 5000
    table = list_categories(db)
    assert table.values("name") == ["Membre régulier", "Observateur"]
    assert table.values("voting") == [True, False]
    update_category(db, observer, CategoryData("Observateur·trice", voting=False, position=-1))
    assert list_categories(db).ids == [observer, regular]
    delete_category(db, observer)
    assert list_categories(db).ids == [regular]


def test_duplicate_category_ignoring_case(db, regular):
    with refused("name"):
        create_category(db, CategoryData("MEMBRE RÉGULIER"))
    assert count(db, MembershipCategory) == 1


@pytest.mark.parametrize(
    ("field", "data"),
    [
        ("name", CategoryData(" ")),
        ("default_dues_cents", CategoryData("Associé", default_dues_cents=-500)),
        ("default_dues_cents", CategoryData("Associé", default_dues_cents="-5 $")),
        ("default_dues_cents", CategoryData("Associé", default_dues_cents="cinq")),
        ("for_persons", CategoryData("Associé", for_persons=False, for_organizations=False)),
    ],
)
def test_bad_category_refused(db, field, data):
    with refused(field):
        create_category(db, data)
    assert count(db, MembershipCategory) == 0


def test_category_in_use_cannot_be_deleted(db, regular, org):
    create_membership(db, MembershipData(2026, regular, org))
    with refused(None):
        delete_category(db, regular)
    assert count(db, MembershipCategory) == 1


# -- memberships --------------------------------------------------------------------------


def test_create_membership_uses_category_dues(db, regular, org):
    membership_id = create_membership(db, MembershipData(2026, regular, org))
    table = list_memberships(db, 2026, today=TODAY)
    assert table.ids == [membership_id]
    assert table.rows == [
        (
            "CJE Ahuntsic",
            "Organisme",
            "2026-2027",
            "Membre régulier",
            True,
            5000,
            None,
            "",
            "",
            "Jamais",
        )
    ]
    assert [c.kind for c in table.columns if c.key in ("dues", "paid_on", "voting")] == [
        "bool",
        "money",
        "date",
    ]


@pytest.mark.parametrize(
    ("field", "dues"), [("dues", -100), ("dues", "-1,00"), ("dues", "gratuit"), ("dues", 1.5)]
)
def test_negative_or_garbage_dues_refused_and_nothing_saved(db, regular, org, field, dues):
    if isinstance(dues, float):
        with pytest.raises(TypeError):
            create_membership(db, MembershipData(2026, regular, org, dues_cents=dues))
    else:
        with refused(field):
            create_membership(db, MembershipData(2026, regular, org, dues_cents=dues))
    assert count(db, Membership) == 0


def test_membership_rules(db, regular, observer, org, person):
    with refused("member"):
        create_membership(db, MembershipData(2026, regular))
    with refused("member"):
        create_membership(db, MembershipData(2026, regular, org, person))
    with refused("category_id"):
        create_membership(db, MembershipData(2026, observer, person_id=person))
    with refused("year"):
        create_membership(db, MembershipData(1850, regular, org))
    with refused("paid_on"):
        create_membership(db, MembershipData(2026, regular, org, payment_method="cheque"))
    with refused("payment_method"):
        create_membership(
            db, MembershipData(2026, regular, org, paid_on=TODAY, payment_method="bitcoin")
        )
    with pytest.raises(NotFoundError):
        create_membership(db, MembershipData(2026, regular, person_id=999))
    create_membership(db, MembershipData(2026, regular, org))
    with refused("year"):
        create_membership(db, MembershipData(2026, regular, org))
    archive_organization(db, org)
    with refused("member"):
        create_membership(db, MembershipData(2027, regular, org))
    assert count(db, Membership) == 1


def test_database_constraints(db, regular, org, person):
    def insert(**fields):
        with pytest.raises(IntegrityError), db.session() as session:
            session.add(Membership(**{"year": 2026, "category_id": regular, **fields}))

    insert(organization_id=org, person_id=person)  # two members
    insert()  # no member
    insert(organization_id=org, dues_cents=-1)
    insert(organization_id=org, paid_on=TODAY, payment_method="bitcoin")
    insert(organization_id=org, payment_method="cheque")  # method without payment
    insert(organization_id=999)  # orphan
    insert(person_id=person, category_id=999)  # orphan category
    assert count(db, Membership) == 0


def test_record_payment_numbers_receipts(db, regular, org, person):
    first = create_membership(db, MembershipData(2026, regular, org))
    second = create_membership(db, MembershipData(2026, regular, person_id=person))
    assert record_payment(db, first, date(2026, 4, 10), "cheque") == "2026-0001"
    assert record_payment(db, second, "2026-04-11", "virement") == "2026-0002"
    # correcting a payment keeps its receipt
    assert record_payment(db, first, date(2026, 4, 12), "comptant") == "2026-0001"
    table = list_memberships(db, today=TODAY)
    assert table.values("receipt") == ["2026-0001", "2026-0002"]
    assert table.values("method") == ["Comptant", "Virement"]
    assert table.values("status") == ["À jour", "À jour"]


def test_record_payment_with_given_receipt(db, regular, org, person):
    first = create_membership(db, MembershipData(2026, regular, org))
    second = create_membership(db, MembershipData(2026, regular, person_id=person))
    assert record_payment(db, first, TODAY, "carte", receipt_number="2026-0100") == "2026-0100"
    with refused("receipt_number"):
        record_payment(db, second, TODAY, "carte", receipt_number="2026-0100")
    assert record_payment(db, second, TODAY, "carte") == "2026-0101"
    with refused("payment_method"):
        record_payment(db, second, TODAY, "troc")
    with refused("paid_on"):
        record_payment(db, second, None, "carte")
    with pytest.raises(NotFoundError):
        record_payment(db, 999, TODAY, "carte")


def test_paid_on_creation_gets_a_receipt(db, regular, org):
    create_membership(
        db, MembershipData(2025, regular, org, paid_on=date(2025, 5, 1), payment_method="cheque")
    )
    assert list_memberships(db, today=TODAY).values("receipt") == ["2025-0001"]


@pytest.mark.parametrize(
    ("years", "status"),
    [
        ((), MemberStatus.NEVER),
        ((2026,), MemberStatus.UP_TO_DATE),
        ((2025, 2026), MemberStatus.UP_TO_DATE),
        ((2027,), MemberStatus.UP_TO_DATE),
        ((2025,), MemberStatus.TO_RENEW),
        ((2023, 2025), MemberStatus.TO_RENEW),
        ((2024,), MemberStatus.LAPSED),
        ((2010, 2024), MemberStatus.LAPSED),
    ],
)
def test_member_status(years, status):
    assert member_status(years, 2026) is status


def test_statuses_in_lists(db, regular, org, person):
    paid = create_membership(db, MembershipData(2025, regular, org))
    record_payment(db, paid, date(2025, 6, 1), "cheque")
    create_membership(db, MembershipData(2026, regular, org))  # not paid yet
    create_membership(db, MembershipData(2023, regular, person_id=person, paid_on=date(2023, 5, 1)))
    table = list_memberships(db, today=TODAY)
    assert table.values("year") == ["2026-2027", "2025-2026", "2023-2024"]
    assert table.values("status") == ["À renouveler", "À renouveler", "Échue"]
    assert len(list_memberships(db, 2025, today=TODAY)) == 1
    assert member_status_of(db, TODAY, organization_id=org) is MemberStatus.TO_RENEW
    assert member_status_of(db, TODAY, person_id=person) is MemberStatus.LAPSED
    delete_membership(db, paid)
    assert member_status_of(db, TODAY, organization_id=org) is MemberStatus.NEVER


def test_voting_member_follows_category_payment_and_membership_year(db, regular, observer, org):
    person = save_person(db, None, PersonData("Marie", "Tremblay"))
    membership = create_membership(db, MembershipData(2026, regular, person_id=person))
    meeting_day = date(2026, 6, 10)
    assert not is_voting_member_on(db, meeting_day, person_id=person)  # unpaid
    record_payment(db, membership, date(2026, 6, 1), "comptant")
    assert is_voting_member_on(db, meeting_day, person_id=person)
    # Rights as they stood that day: not yet paid on the first day of the year.
    assert not is_voting_member_on(db, date(2026, 4, 1), person_id=person)
    assert not is_voting_member_on(db, date(2026, 5, 31), person_id=person)
    assert is_voting_member_on(db, date(2027, 3, 31), person_id=person)  # same year
    assert not is_voting_member_on(db, date(2027, 4, 1), person_id=person)  # next year
    create_membership(db, MembershipData(2026, observer, org, paid_on=date(2026, 4, 2)))
    assert not is_voting_member_on(db, meeting_day, organization_id=org)  # non-voting
    with pytest.raises(ValueError):
        is_voting_member_on(db, meeting_day)


def test_membership_year_start_is_a_setting(db, regular, person):
    table_settings = settings.load(db)
    table_settings.membership_year_start_month = 1
    settings.save(db, table_settings)
    create_membership(db, MembershipData(2026, regular, person_id=person, paid_on=date(2026, 1, 5)))
    assert is_voting_member_on(db, date(2026, 2, 1), person_id=person)
    assert not is_voting_member_on(db, date(2027, 1, 1), person_id=person)
    assert list_memberships(db, today=TODAY).values("year") == ["2026"]


def test_memberships_to_renew(db, regular, org, person):
    up_to_date = create_organization(db, OrganizationData("À jour inc."))
    gone = create_organization(db, OrganizationData("Archivé inc."))
    for member in (org, up_to_date, gone):
        create_membership(db, MembershipData(2025, regular, member, paid_on=date(2025, 4, 2)))
    create_membership(
        db, MembershipData(2025, regular, person_id=person, dues_cents=1000, paid_on="2025-09-01")
    )
    create_membership(db, MembershipData(2026, regular, up_to_date, paid_on=date(2026, 4, 3)))
    create_membership(db, MembershipData(2026, regular, org))  # created, not yet paid
    archive_organization(db, gone)
    due = memberships_to_renew(db, TODAY)
    assert [(d.name, d.last_year, d.dues_cents) for d in due] == [
        ("CJE Ahuntsic", 2025, 5000),
        ("Marie Tremblay", 2025, 1000),
    ]
    assert due[0].email == "info@cje.ca"
    assert due[0].organization_id == org and due[1].person_id == person
