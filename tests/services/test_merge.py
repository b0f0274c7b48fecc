"""Merging two records moves everything, settles conflicts, archives the loser."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from ahuntsic_desktop.domain import (
    ActionPlan,
    AgendaItem,
    Assignment,
    Attendance,
    AuditEntry,
    Base,
    Chantier,
    Consent,
    FollowUp,
    FundingAgreement,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    PartnerRole,
    Person,
    Representation,
    Resolution,
)
from ahuntsic_desktop.services.core.errors import ValidationError
from ahuntsic_desktop.services.registry import merge as merge_service
from ahuntsic_desktop.services.registry.merge import merge, merge_preview


@pytest.fixture
def world(db):
    """Two records of one person (« keep », « lose ») and of one organisation."""
    with db.session() as s:
        cat = MembershipCategory(name="Membre régulier", default_dues_cents=5000)
        keep = Person(first_name="Marie", last_name="Côté", email=None, phone="514 555-0001")
        lose = Person(
            first_name="marie",
            last_name="cote",
            email="marie@exemple.org",
            postal_code="H2C 1A1",
            notes="Ancienne fiche",
        )
        other = Person(first_name="Paul", last_name="Roy")
        org_keep = Organization(name="Centre des femmes", sector="communautaire")
        org_lose = Organization(
            name="Centre des femmes (ancien)", sector="communautaire", email="cf@exemple.org"
        )
        plan = ActionPlan(title="Plan 2021-2025", start_year=2021, end_year=2025)
        s.add_all([cat, keep, lose, other, org_keep, org_lose, plan])
        s.flush()
        chantier = Chantier(plan_id=plan.id, name="Sécurité alimentaire")
        m1 = Meeting(
            kind="comite_coordination",
            body="CC",
            title="CC de mars",
            date=date(2026, 3, 5),
            chair_id=lose.id,
            secretary_id=keep.id,
        )
        m2 = Meeting(kind="aga", body="AGA", title="AGA 2026", date=date(2026, 6, 10))
        s.add_all([chantier, m1, m2])
        s.flush()
        s.add_all(
            [
                # memberships: 2025 both (lose paid, keep not), 2024 lose only
                Membership(person_id=keep.id, year=2025, category_id=cat.id, dues_cents=5000),
                Membership(
                    person_id=lose.id,
                    year=2025,
                    category_id=cat.id,
                    dues_cents=5000,
                    paid_on=date(2025, 4, 3),
                    payment_method="cheque",
                    receipt_number="2025-0001",
                ),
                Membership(person_id=lose.id, year=2024, category_id=cat.id, dues_cents=5000),
                # attendance: both at m1 (keep invited, lose present); lose at m2
                Attendance(meeting_id=m1.id, person_id=keep.id, status="invite"),
                Attendance(meeting_id=m1.id, person_id=lose.id, status="present", voting=True),
                Attendance(
                    meeting_id=m2.id,
                    person_id=lose.id,
                    status="excuse",
                    organization_id=org_lose.id,
                ),
                Resolution(
                    meeting_id=m1.id,
                    body="CC",
                    year=2026,
                    sequence=1,
                    number="CC-2026-001",
                    title="Adopter l'ordre du jour",
                    moved_by_id=keep.id,
                    seconded_by_id=lose.id,
                ),
                Resolution(
                    meeting_id=m1.id,
                    body="CC",
                    year=2026,
                    sequence=2,
                    number="CC-2026-002",
                    title="Budget",
                    moved_by_id=lose.id,
                    seconded_by_id=other.id,
                ),
                FollowUp(
                    description="Envoyer le procès-verbal",
                    owner_person_id=lose.id,
                    owner_organization_id=org_lose.id,
                ),
                Representation(person_id=lose.id, organization_id=org_lose.id, role="delegue"),
                Representation(person_id=keep.id, organization_id=org_keep.id, role="delegue"),
                Representation(person_id=lose.id, organization_id=org_keep.id, role="delegue"),
                Consent(person_id=lose.id, purpose="bottin", granted_on=date(2025, 1, 1)),
                FundingAgreement(
                    funder_id=org_lose.id,
                    programme="Initiative locale",
                    start_date=date(2025, 4, 1),
                    contact_person_id=lose.id,
                ),
                AgendaItem(meeting_id=m1.id, title="Mot de bienvenue", presenter_id=lose.id),
                Assignment(person_id=lose.id, chantier_id=chantier.id, organization_id=org_lose.id),
                PartnerRole(organization_id=org_lose.id, kind="bailleur"),
                PartnerRole(organization_id=org_keep.id, kind="communautaire"),
                Membership(organization_id=org_lose.id, year=2026, category_id=cat.id),
            ]
        )
        s.flush()
        return {
            "keep": keep.id,
            "lose": lose.id,
            "other": other.id,
            "org_keep": org_keep.id,
            "org_lose": org_lose.id,
            "m1": m1.id,
            "m2": m2.id,
        }


def references_to(db, model, record_id) -> int:
    """Rows of any table whose foreign key points at ``record_id`` of ``model``."""
    total = 0
    with db.session() as s:
        for table in Base.metadata.sorted_tables:
            for fk in table.foreign_keys:
                if fk.column.table is model.__table__:
                    total += s.scalar(
                        select(func.count()).select_from(table).where(fk.parent == record_id)
                    )
    return total


def test_preview_lists_moves_and_conflicts_without_writing(db, world):
    before = references_to(db, Person, world["lose"])
    preview = merge_preview(db, "person", world["keep"], world["lose"])
    assert references_to(db, Person, world["lose"]) == before
    moves = {item.what: item for item in preview.moves}
    assert moves["Adhésions"].count == 2  # 2024, and the paid 2025 that wins
    assert "2024 — Membre régulier" in moves["Adhésions"].details
    assert moves["Présences aux rencontres"].count == 2
    assert moves["Rencontres présidées"].details == ("CC de mars (5 mars 2026)",)
    assert moves["Résolutions proposées"].details == ("CC-2026-002 — Budget",)
    assert "Résolutions appuyées" not in moves  # the only one is cleared: see conflicts
    for what in (
        "Suivis",
        "Représentations",
        "Consentements",
        "Ententes de financement (personne-ressource)",
        "Points à l'ordre du jour présentés",
        "Participations aux chantiers",
    ):
        assert moves[what].count >= 1, what
    conflicts = " ".join(c.what + " " + c.resolution for c in preview.conflicts)
    assert "Adhésion 2025" in conflicts and "la seule payée" in conflicts
    assert "CC de mars" in conflicts and "Présent·e" in conflicts
    assert "CC-2026-001" in conflicts
    assert dict(preview.filled) == {"Courriel": "marie@exemple.org", "Code postal": "H2C 1A1"}


def test_merge_moves_everything_and_archives_the_loser(db, world):
    keep, lose = world["keep"], world["lose"]
    merge(db, "person", keep, lose)
    assert references_to(db, Person, lose) == 0
    with db.session() as s:
        loser = s.get(Person, lose)
        assert loser.archived_at is not None
        assert loser.notes.endswith(f"Fusionné dans #{keep}")
        kept = s.get(Person, keep)
        assert kept.email == "marie@exemple.org" and kept.phone == "514 555-0001"
        years = s.execute(
            select(Membership.year, Membership.paid_on, Membership.notes)
            .where(Membership.person_id == keep)
            .order_by(Membership.year)
        ).all()
        assert [y.year for y in years] == [2024, 2025]
        assert years[1].paid_on == date(2025, 4, 3)  # the paid one was kept
        assert "adhésion 2025 en double retirée" in years[1].notes
        statuses = dict(
            s.execute(
                select(Attendance.meeting_id, Attendance.status).where(Attendance.person_id == keep)
            ).all()
        )
        assert statuses == {world["m1"]: "present", world["m2"]: "excuse"}
        r1 = s.scalar(select(Resolution).where(Resolution.number == "CC-2026-001"))
        assert (r1.moved_by_id, r1.seconded_by_id) == (keep, None)
        r2 = s.scalar(select(Resolution).where(Resolution.number == "CC-2026-002"))
        assert r2.moved_by_id == keep
        meeting = s.get(Meeting, world["m1"])
        assert meeting.chair_id == keep and meeting.secretary_id == keep
        # the identical representation (same organisation and role) was not doubled
        reps = s.scalars(
            select(Representation.organization_id).where(Representation.person_id == keep)
        ).all()
        assert sorted(reps) == sorted([world["org_keep"], world["org_lose"]])
        audits = s.execute(
            select(AuditEntry.entity_id, AuditEntry.action, AuditEntry.changes).where(
                AuditEntry.entity == "person"
            )
        ).all()
    main = next(a for a in audits if a.entity_id == keep and a.action == "fusion")
    assert main.action == "fusion"
    assert main.changes["merged_id"] == lose
    assert main.changes["dropped"]["membership"][0]["year"] == 2025
    assert main.changes["dropped"]["attendance"][0]["status"] == "invite"
    assert "membership.person_id" in main.changes["moved"]
    assert any(a.entity_id == lose and a.changes == {"merged_into": keep} for a in audits)
    with db.session() as s:
        rows = s.execute(
            select(AuditEntry.entity, AuditEntry.action, AuditEntry.changes).where(
                AuditEntry.entity.in_(["membership", "attendance", "resolution"])
            )
        ).all()
    note = f"Fusion de person #{lose} dans #{keep}"
    moved = [r for r in rows if r.action == "modification" and r.changes == {"note": note}]
    assert {r.entity for r in moved} == {"membership", "attendance", "resolution"}
    dropped = [r for r in rows if r.action == "suppression"]
    assert {r.entity for r in dropped} == {"membership", "attendance"}
    assert dropped[0].changes["note"] == note


def test_merge_organizations(db, world):
    keep, lose = world["org_keep"], world["org_lose"]
    preview = merge_preview(db, "organization", keep, lose)
    whats = {item.what for item in preview.moves}
    assert {
        "Adhésions",
        "Rôles de partenaire",
        "Ententes de financement",
        "Présences (organisme représenté)",
        "Suivis",
        "Participations aux chantiers (pour l'organisme)",
    } <= whats
    # the same person already represents the kept organisation in the same role
    assert any("Représentant·es" in c.what for c in preview.conflicts)
    merge(db, "organization", keep, lose)
    assert references_to(db, Organization, lose) == 0
    with db.session() as s:
        assert s.get(Organization, lose).archived_at is not None
        assert s.get(Organization, keep).email == "cf@exemple.org"
        kinds = s.scalars(select(PartnerRole.kind).where(PartnerRole.organization_id == keep)).all()
        assert sorted(kinds) == ["bailleur", "communautaire"]


def test_every_reference_has_a_label():
    """A new foreign key to persons or organisations needs a line in the merge preview."""
    from ahuntsic_desktop.services.registry.merge_details import LABELS

    missing = [
        (table.name, column)
        for model in (Person, Organization)
        for table, column in merge_service._references(model)
        if (table.name, column) not in LABELS
    ]
    assert missing == []


def test_refusals(db, world):
    with pytest.raises(ValidationError):
        merge(db, "person", world["keep"], world["keep"])
    with pytest.raises(ValidationError):
        merge(db, "person", world["keep"], 99_999)
    merge(db, "person", world["keep"], world["lose"])
    with pytest.raises(ValidationError):  # the archived loser can't be kept
        merge(db, "person", world["lose"], world["other"])


def test_merge_is_one_transaction(db, world, monkeypatch):
    before = references_to(db, Person, world["lose"])

    def fail(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge_service, "AuditEntry", fail)
    with pytest.raises(RuntimeError):
        merge(db, "person", world["keep"], world["lose"])
    assert references_to(db, Person, world["lose"]) == before
    with db.session() as s:
        assert s.get(Person, world["lose"]).archived_at is None
