"""Shared data for the workbook and report tests: a small table with a person whose name
looks like a formula, contacts with and without consent, and a demo file made once.

No tests here: the fixtures are imported by the ``test_workbooks*`` and ``test_reports*``
modules."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from ahuntsic_desktop.domain import (
    ActionPlan,
    Assignment,
    Attendance,
    Chantier,
    Consent,
    FollowUp,
    FundingAgreement,
    Means,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Orientation,
    ParticipantCount,
    PartnerRole,
    Person,
    Pillar,
    Representation,
    Resolution,
    Target,
)
from ahuntsic_desktop.exports.catalog import ExportOptions
from ahuntsic_desktop.services.core import settings as settings_service

TODAY = dt.date(2026, 1, 15)
START, END = dt.date(2025, 4, 1), dt.date(2026, 3, 31)
EVIL_FIRST = '=HYPERLINK("http://evil.example","clic")'
EVIL_LAST = "+1 514 555-0199"
EVIL_ORG = "@Risque"
EVIL_COMMENT = "=1+1"
# Every person's name, email and phone in the sample: none may reach a report to a funder.
PERSONAL = {
    "Alice",
    "Tremblay",
    "alice@example.org",
    "514 555-0111",
    "Bob",
    "Gagnon",
    "bob@example.org",
    "438 555-0122",
    "Chloé",
    "Roy",
    "chloe@example.org",
    "Dany",
    "evil@example.org",
    "HYPERLINK",
    "555-0199",
}
PHONE = re.compile(r"(?<![\d-])\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\d-])")  # 514 555-0111


def options(**changes) -> ExportOptions:
    return replace(ExportOptions(start=START, end=END, today=TODAY), **changes)


def build_sample(db) -> dict[str, int]:
    """Fill ``db`` with the sample table; returns the ids the tests need."""
    table_settings = settings_service.load(db)
    table_settings.table_name = "Table test & cie"
    table_settings.privacy_officer_name = "Marie Responsable"
    table_settings.privacy_officer_contact = "vie.privee@table.example"
    settings_service.save(db, table_settings)
    with db.session() as s:
        regular = MembershipCategory(name="Membre régulier", voting=True, default_dues_cents=5000)
        citizen = MembershipCategory(
            name="Membre citoyen", voting=True, default_dues_cents=0, for_organizations=False
        )
        alpha = Organization(
            name="Centre Alpha",
            sector="communautaire",
            email="info@alpha.example",
            phone="514 555-0101",
            city="Montréal",
        )
        risky = Organization(name=EVIL_ORG, acronym="-moins", sector="prive")
        funder = Organization(name="Fondation Test", sector="autre")
        alice = Person(
            first_name="Alice",
            last_name="Tremblay",
            email="alice@example.org",
            phone="514 555-0111",
        )
        bob = Person(
            first_name="Bob", last_name="Gagnon", email="bob@example.org", phone="438 555-0122"
        )
        chloe = Person(
            first_name="Chloé",
            last_name="Roy",
            email="chloe@example.org",
            is_resident=True,
            sector="citoyen",
        )
        evil = Person(
            first_name=EVIL_FIRST, last_name=EVIL_LAST, email="evil@example.org", phone=EVIL_LAST
        )
        dany = Person(
            first_name="Dany", last_name="Bottin", email="dany@example.org", phone="514 555-0144"
        )
        s.add_all([regular, citizen, alpha, risky, funder, alice, bob, chloe, evil, dany])
        s.flush()
        s.add_all(
            [
                Consent(
                    person_id=alice.id, purpose="contact_courriel", granted_on=dt.date(2024, 1, 1)
                ),
                Consent(person_id=dany.id, purpose="bottin", granted_on=dt.date(2024, 1, 1)),
                # Bob agreed only to funders receiving his contact details.
                Consent(
                    person_id=bob.id, purpose="bailleurs_de_fonds", granted_on=dt.date(2024, 1, 1)
                ),
                Consent(
                    person_id=chloe.id,
                    purpose="bottin",
                    granted_on=dt.date(2024, 1, 1),
                    withdrawn_on=dt.date(2025, 1, 1),
                ),
                Representation(person_id=alice.id, organization_id=alpha.id, role="delegue"),
                Representation(person_id=bob.id, organization_id=alpha.id, role="substitut"),
                Representation(person_id=dany.id, organization_id=alpha.id, role="employe"),
                Representation(person_id=evil.id, organization_id=risky.id, role="delegue"),
                PartnerRole(organization_id=funder.id, kind="bailleur"),
                FundingAgreement(
                    funder_id=funder.id,
                    programme="Programme de soutien",
                    amount_cents=1_234_567,
                    start_date=dt.date(2025, 4, 1),
                    end_date=dt.date(2026, 3, 31),
                ),
                Membership(
                    organization_id=alpha.id,
                    year=2025,
                    category_id=regular.id,
                    dues_cents=5000,
                    paid_on=dt.date(2025, 5, 1),
                    payment_method="cheque",
                    receipt_number="2025-0001",
                ),
                Membership(
                    organization_id=risky.id, year=2025, category_id=regular.id, dues_cents=5000
                ),
                Membership(
                    person_id=chloe.id,
                    year=2025,
                    category_id=citizen.id,
                    paid_on=dt.date(2025, 6, 1),
                ),
                Membership(
                    person_id=dany.id,
                    year=2025,
                    category_id=citizen.id,
                    paid_on=dt.date(2025, 6, 1),
                ),
            ]
        )
        plan = ActionPlan(title="Plan test 2024-2027", start_year=2024, end_year=2027)
        s.add(plan)
        s.flush()
        pillar = Pillar(plan_id=plan.id, name="Vivre ensemble", position=0)
        s.add(pillar)
        s.flush()
        chantier = Chantier(
            plan_id=plan.id,
            pillar_id=pillar.id,
            name="Alimentation",
            mandate="Nourrir le quartier.",
        )
        s.add(chantier)
        s.flush()
        orientation = Orientation(
            plan_id=plan.id, chantier_id=chantier.id, title="Accès aux aliments"
        )
        s.add(orientation)
        s.flush()
        m1 = Means(
            orientation_id=orientation.id,
            position=0,
            title="Marché",
            status="realise",
            comment=EVIL_COMMENT,
        )
        m2 = Means(orientation_id=orientation.id, position=1, title="Frigo", status="en_cours")
        t1 = Target(
            orientation_id=orientation.id,
            title="Jardins",
            indicator="Nombre de jardins",
            target_value=6,
            actual_value=3,
            unit="jardins",
            status="en_cours",
        )
        s.add_all([m1, m2, t1])
        s.add_all(
            [
                Assignment(
                    person_id=alice.id,
                    chantier_id=chantier.id,
                    organization_id=alpha.id,
                    role="porteur",
                ),
                Assignment(person_id=bob.id, chantier_id=chantier.id, role="membre"),
                Assignment(person_id=evil.id, chantier_id=chantier.id, role="ressource"),
            ]
        )
        meetings = [
            Meeting(
                kind="comite_coordination",
                body="CC",
                title="CC de juin",
                date=dt.date(2025, 6, 10),
                status="tenue",
                start_time=dt.time(19, 0),
            ),
            Meeting(
                kind="participation",
                body="PA",
                title="Marche exploratoire",
                date=dt.date(2025, 7, 1),
                status="tenue",
                participation_format="visite_quartier",
            ),
            Meeting(
                kind="comite_coordination",
                body="CC",
                title="CC de septembre",
                date=dt.date(2025, 9, 10),
                status="tenue",
            ),
            Meeting(
                kind="comite_coordination",
                body="CC",
                title="CC annulé",
                date=dt.date(2025, 10, 1),
                status="annulee",
            ),
            Meeting(
                kind="aga", body="AG", title="AGA 2026", date=dt.date(2026, 6, 1), status="prevue"
            ),
        ]
        s.add_all(meetings)
        s.flush()
        june, walk, september = meetings[:3]
        s.add_all(
            [
                Attendance(
                    meeting_id=june.id,
                    person_id=alice.id,
                    organization_id=alpha.id,
                    status="present",
                ),
                Attendance(
                    meeting_id=june.id, person_id=bob.id, organization_id=alpha.id, status="excuse"
                ),
                Attendance(
                    meeting_id=june.id, person_id=evil.id, organization_id=risky.id, status="absent"
                ),
                Attendance(
                    meeting_id=september.id,
                    person_id=alice.id,
                    organization_id=alpha.id,
                    status="present",
                ),
                Attendance(
                    meeting_id=september.id,
                    person_id=bob.id,
                    organization_id=alpha.id,
                    status="present",
                ),
                Attendance(meeting_id=walk.id, person_id=chloe.id, status="present"),
                ParticipantCount(meeting_id=walk.id, sector="citoyen", count=12),
                ParticipantCount(meeting_id=walk.id, sector="prive", count=3),
            ]
        )
        resolution = Resolution(
            meeting_id=june.id,
            body="CC",
            year=2025,
            sequence=1,
            number="CC-2025-001",
            title="Adoption de l'ordre du jour",
            moved_by_id=alice.id,
            seconded_by_id=bob.id,
            outcome="unanime",
            votes_for=2,
        )
        s.add(resolution)
        s.flush()
        s.add_all(
            [
                FollowUp(
                    meeting_id=june.id,
                    body="CC",
                    description="Appeler le propriétaire",
                    owner_person_id=evil.id,
                    due_date=dt.date(2025, 7, 1),
                    status="a_faire",
                    resolution_id=resolution.id,
                ),
                FollowUp(
                    meeting_id=september.id,
                    body="CC",
                    description="Réserver la salle",
                    owner_organization_id=alpha.id,
                    due_date=dt.date(2025, 9, 30),
                    status="fait",
                    done_on=dt.date(2025, 9, 20),
                ),
            ]
        )
        return {
            "funder": funder.id,
            "plan": plan.id,
            "m1": m1.id,
            "m2": m2.id,
            "t1": t1.id,
            "alice": alice.id,
            "evil": evil.id,
        }


@pytest.fixture
def sample(db):
    """(db, ids) of the sample table in memory."""
    return db, build_sample(db)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory):
    from ahuntsic_desktop.services.demo import write_demo_file

    from ..dates import DEMO_TODAY

    path = tmp_path_factory.mktemp("demo-exports") / "demo.sqlite"
    write_demo_file(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo(demo_file):
    from ahuntsic_desktop.store import Database

    database = Database.open(demo_file, read_only=True)
    yield database
    database.close()
