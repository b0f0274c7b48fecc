"""The dashboard's counts and short lists on one day."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from ahuntsic_desktop.domain import (
    ActionPlan,
    Chantier,
    FollowUp,
    FundingAgreement,
    Means,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Orientation,
    Person,
    Pillar,
    ReportingDeadline,
)
from ahuntsic_desktop.services.reports import dashboard

TODAY = date(2026, 6, 15)  # membership year 2026 (April 2026 to March 2027)
ARCHIVED = datetime(2026, 1, 1)


def org(name, archived=False):
    return Organization(
        name=name, sector="communautaire", archived_at=ARCHIVED if archived else None
    )


@pytest.fixture
def filled(db):
    with db.session() as session:
        category = MembershipCategory(name="Régulier")
        a, b, c, gone = org("A"), org("B"), org("C"), org("Fermé", archived=True)
        p, q, r = (Person(first_name=n, last_name="T") for n in ("P", "Q", "R"))
        old = Person(first_name="Ancien", last_name="T", archived_at=ARCHIVED)
        session.add_all([category, a, b, c, gone, p, q, r, old])
        session.flush()

        def member(year, paid=True, **who):
            return Membership(year=year, category=category, paid_on=TODAY if paid else None, **who)

        session.add_all(
            [
                member(2025, organization=a),
                member(2026, organization=a),  # renewed
                member(2025, organization=b),  # to renew
                member(2025, person=p),
                member(2026, paid=False, person=p),  # invoiced, not paid: still to renew
                member(2025, organization=gone),  # archived: not to renew
                member(2026, person=q),
                member(2026, paid=False, person=r),
                member(2024, organization=c),  # lapsed before last year
            ]
        )

        def meeting(day, status="prevue", title="CC"):
            return Meeting(
                kind="comite_coordination", body="CC", title=title, date=day, status=status
            )

        session.add_all(
            [
                meeting(date(2025, 12, 1), "tenue"),
                meeting(date(2026, 2, 1), "tenue"),
                meeting(date(2026, 6, 20), "annulee"),
                *[meeting(date(2026, 7, d), title=f"Juillet {d}") for d in (9, 2, 30, 16, 23)],
                meeting(date(2027, 1, 10), title="Janvier"),
            ]
        )
        session.add_all(
            [
                FollowUp(
                    description="En retard 1", due_date=date(2026, 6, 1), owner_person_id=p.id
                ),
                FollowUp(description="En retard 2", due_date=date(2026, 5, 1), status="en_cours"),
                FollowUp(description="Plus tard", due_date=date(2026, 9, 1)),
                FollowUp(description="Fait", due_date=date(2026, 5, 1), status="fait"),
                FollowUp(description="Annulé", due_date=date(2026, 5, 1), status="annule"),
            ]
        )
        agreement = FundingAgreement(
            funder=c, programme="Initiative montréalaise", start_date=date(2024, 4, 1)
        )
        agreement.deadlines = [
            ReportingDeadline(title="Bilan annuel", due_date=date(2026, 5, 31)),
            ReportingDeadline(
                title="Remis", due_date=date(2026, 5, 1), submitted_on=date(2026, 5, 1)
            ),
            ReportingDeadline(title="Mi-parcours", due_date=date(2026, 7, 15)),
            ReportingDeadline(title="Plus tard", due_date=date(2026, 9, 30)),
        ]
        session.add(agreement)

        session.add(ActionPlan(title="Ancien plan", start_year=2009, end_year=2019))
        plan = ActionPlan(title="Plan 2021-2025", start_year=2021, end_year=2025)
        first, second = Pillar(plan=plan, name="Vivre"), Pillar(plan=plan, name="Agir", position=1)
        chantier = Chantier(plan=plan, pillar=first, name="Alimentation")
        session.add_all([plan, first, second, chantier])
        session.flush()
        orientation = Orientation(plan_id=plan.id, chantier_id=chantier.id, title="Accès")
        session.add(orientation)
        session.flush()
        session.add_all(
            [
                Means(orientation_id=orientation.id, title="Marché", status="realise"),
                Means(orientation_id=orientation.id, title="Jardins", status="en_cours"),
            ]
        )


def test_counts(db, filled):
    board = dashboard.summary(db, TODAY)
    assert board.table_name == "Table de quartier"
    assert (board.membership_year, board.membership_year_label) == (2026, "2026-2027")
    assert board.organizations_active == 3
    assert board.persons_active == 3
    assert board.members_paid == 2  # A and Q
    assert board.memberships_to_renew == 2  # B and P
    assert board.meetings_this_year == 6  # February and five in July; not the cancelled one
    assert board.open_follow_ups_count == 3
    assert board.overdue_follow_ups_count == 2


def test_lists(db, filled):
    board = dashboard.summary(db, TODAY)
    assert [m.date for m in board.next_meetings] == [date(2026, 7, d) for d in (2, 9, 16, 23, 30)]
    assert board.next_meetings[0].kind_label == "Comité de coordination"
    assert [(f.description, f.owner) for f in board.overdue_follow_ups] == [
        ("En retard 2", ""),
        ("En retard 1", "P T"),
    ]
    assert [(d.title, d.days_left) for d in board.deadlines_overdue] == [("Bilan annuel", -15)]
    assert [(d.title, d.funder) for d in board.deadlines_soon] == [("Mi-parcours", "C")]
    assert board.plan is not None and board.plan.title == "Plan 2021-2025"
    assert board.plan.progress == pytest.approx(0.5)
    assert [(p.number, p.name, p.progress) for p in board.plan.pillars] == [
        ("1", "Vivre", 0.5),
        ("2", "Agir", None),
    ]


def test_empty_database(db):
    board = dashboard.summary(db, TODAY)
    assert board.members_paid == board.meetings_this_year == board.memberships_to_renew == 0
    assert board.next_meetings == () and board.plan is None


def test_application_deadlines_in_preparation_within_sixty_days(db):
    from ahuntsic_desktop.domain import FundingApplication

    with db.session() as session:
        funder = org("Centraide")
        session.add(funder)

        def application(programme, deadline, status="en_preparation"):
            return FundingApplication(
                funder=funder, programme=programme, deadline=deadline, status=status
            )

        session.add_all(
            [
                application("Dans un mois", date(2026, 7, 15)),
                application("Aujourd'hui", TODAY),
                application("Déjà déposée", date(2026, 7, 1), status="deposee"),
                application("Trop tard", date(2026, 6, 1)),
                application("Trop loin", TODAY + timedelta(days=61)),
                application("Sans date", None),
            ]
        )
    board = dashboard.summary(db, TODAY)
    assert [(a.programme, a.funder, a.days_left) for a in board.applications_soon] == [
        ("Aujourd'hui", "Centraide", 0),
        ("Dans un mois", "Centraide", 30),
    ]
