from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ahuntsic_desktop.domain import FundingAgreement, PartnerRole, ReportingDeadline
from ahuntsic_desktop.services.core.errors import NotFoundError, ValidationError
from ahuntsic_desktop.services.funding.agreements import (
    AgreementData,
    DeadlineState,
    add_deadline,
    add_partner_role,
    create_agreement,
    delete_agreement,
    get_agreement,
    list_agreements,
    list_deadlines,
    list_partners,
    mark_submitted,
    overdue_deadlines,
    remove_partner_role,
    unmark_submitted,
    upcoming_deadlines,
    update_agreement,
)
from ahuntsic_desktop.services.registry.organizations import (
    OrganizationData,
    create_organization,
    delete_organization,
)

TODAY = date(2026, 5, 15)


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
def centraide(db):
    return create_organization(db, OrganizationData("Centraide", sector="communautaire"))


@pytest.fixture
def ville(db):
    return create_organization(db, OrganizationData("Ville de Montréal", sector="municipal"))


def agreement(funder, programme="Projet impact collectif", amount="10 000", **kw):
    return AgreementData(funder, programme, amount, kw.pop("start", date(2026, 1, 1)), **kw)


def test_partner_roles(db, centraide):
    role = add_partner_role(db, centraide, "bailleur", since="2020-04-01")
    add_partner_role(db, centraide, "communautaire")
    with refused("kind"):
        add_partner_role(db, centraide, "bailleur")
    with refused("kind"):
        add_partner_role(db, centraide, "mecene")
    with pytest.raises(NotFoundError):
        add_partner_role(db, 999, "bailleur")
    assert list_partners(db, today=TODAY).values("roles") == [
        "Bailleur de fonds, Partenaire communautaire"
    ]
    remove_partner_role(db, role)
    assert count(db, PartnerRole) == 1


def test_create_agreement_and_money(db, centraide):
    agreement_id = create_agreement(
        db, agreement(centraide, amount="125 000,50 $", end_date="2028-12-31")
    )
    data = get_agreement(db, agreement_id)
    assert data.amount_cents == 12_500_050
    assert data.end_date == date(2028, 12, 31)
    update_agreement(db, agreement_id, agreement(centraide, programme="PIC", amount=0))
    assert get_agreement(db, agreement_id).programme == "PIC"
    assert get_agreement(db, agreement_id).amount_cents == 0


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("programme", {"programme": "  "}),
        ("amount", {"amount": -1}),
        ("amount", {"amount": "-10 000 $"}),
        ("amount", {"amount": "dix mille"}),
        ("end_date", {"end_date": date(2025, 12, 31)}),
        ("start_date", {"start": None}),
        ("contact_person_id", {"contact_person_id": 999}),
    ],
)
def test_bad_agreement_refused_and_nothing_saved(db, centraide, field, changes):
    data = agreement(centraide, **changes)
    with pytest.raises(ValidationError) as info:
        create_agreement(db, data)
    assert info.value.field == field
    assert count(db, FundingAgreement) == 0


def test_agreement_for_missing_funder(db):
    with pytest.raises(NotFoundError):
        create_agreement(db, agreement(999))


def test_database_constraints(db, centraide):
    def insert(model, **fields):
        with pytest.raises(IntegrityError), db.session() as session:
            session.add(model(**fields))

    base = {"funder_id": centraide, "programme": "P", "start_date": TODAY}
    insert(FundingAgreement, **{**base, "amount_cents": -1})
    insert(FundingAgreement, **{**base, "end_date": date(2020, 1, 1)})
    insert(FundingAgreement, **{**base, "programme": " "})
    insert(FundingAgreement, **{**base, "funder_id": 999})
    insert(ReportingDeadline, agreement_id=999, title="Rapport", due_date=TODAY)
    insert(PartnerRole, organization_id=centraide, kind="mecene")
    assert count(db, FundingAgreement) == count(db, ReportingDeadline) == 0


def test_funder_with_agreement_cannot_be_deleted(db, centraide):
    create_agreement(db, agreement(centraide))
    with refused(None):
        delete_organization(db, centraide)


def test_list_partners_counts_active_agreements(db, centraide, ville):
    create_organization(db, OrganizationData("Pas partenaire"))
    add_partner_role(db, ville, "institutionnel")
    create_agreement(db, agreement(centraide, amount="10 000", end_date=date(2026, 12, 31)))
    create_agreement(db, agreement(centraide, amount="5 000,25", start=date(2026, 5, 15)))
    create_agreement(
        db, agreement(centraide, amount="1 000", start=date(2020, 1, 1), end_date=date(2021, 1, 1))
    )
    table = list_partners(db, today=TODAY)
    assert table.ids == [centraide, ville]
    assert table.rows == [
        ("Centraide", "", 2, 1_500_025, 1_600_025),
        ("Ville de Montréal", "Partenaire institutionnel", 0, 0, 0),
    ]
    assert [c.kind for c in table.columns][2:] == ["int", "money", "money"]


def test_list_agreements(db, centraide, ville):
    old = create_agreement(
        db, agreement(ville, start=date(2020, 1, 1), end_date=date(2021, 12, 31))
    )
    new = create_agreement(db, agreement(ville, start=date(2026, 1, 1)))
    other = create_agreement(db, agreement(centraide))
    add_deadline(db, new, "Rapport final", date(2027, 1, 31))
    submitted = add_deadline(db, new, "Rapport d'étape", date(2026, 6, 30))
    mark_submitted(db, submitted, date(2026, 5, 1))
    table = list_agreements(db, today=TODAY)
    assert table.ids == [other, new, old]
    assert table.values("active") == [True, True, False]
    assert table.values("next_deadline") == [None, date(2027, 1, 31), None]
    delete_agreement(db, new)
    assert count(db, ReportingDeadline) == 0


def test_deadlines_states_and_reminders(db, centraide):
    agreement_id = create_agreement(db, agreement(centraide))
    late = add_deadline(db, agreement_id, "Rapport annuel", date(2026, 3, 31))
    soon = add_deadline(db, agreement_id, "Bilan de mi-parcours", "2026-06-30")
    later = add_deadline(db, agreement_id, "Rapport final", date(2027, 3, 31))
    done = add_deadline(db, agreement_id, "Plan de travail", date(2026, 1, 31))
    mark_submitted(db, done, date(2026, 1, 20))

    table = list_deadlines(db, TODAY)
    assert table.ids == [done, late, soon, later]
    assert table.values("state") == ["Remise", "En retard", "À venir", "À venir"]
    assert table.values("funder") == ["Centraide"] * 4
    assert table.values("submitted_on")[0] == date(2026, 1, 20)

    upcoming = upcoming_deadlines(db, TODAY)
    assert [d.id for d in upcoming] == [soon]
    assert upcoming[0].days_left == 46
    assert upcoming[0].state is DeadlineState.UPCOMING
    assert [d.id for d in upcoming_deadlines(db, TODAY, days=365)] == [soon, later]
    overdue = overdue_deadlines(db, TODAY)
    assert [(d.id, d.days_left, d.programme) for d in overdue] == [
        (late, -45, "Projet impact collectif")
    ]
    mark_submitted(db, late, TODAY)
    assert overdue_deadlines(db, TODAY) == []
    unmark_submitted(db, late)
    assert len(overdue_deadlines(db, TODAY)) == 1


def test_deadline_validation(db, centraide):
    agreement_id = create_agreement(db, agreement(centraide))
    with refused("title"):
        add_deadline(db, agreement_id, " ", TODAY)
    with refused("due_date"):
        add_deadline(db, agreement_id, "Rapport", None)
    with refused("due_date"):
        add_deadline(db, agreement_id, "Rapport", "31 juin 2026")
    with pytest.raises(NotFoundError):
        add_deadline(db, 999, "Rapport", TODAY)
    with pytest.raises(NotFoundError):
        mark_submitted(db, 999, TODAY)
    assert count(db, ReportingDeadline) == 0
