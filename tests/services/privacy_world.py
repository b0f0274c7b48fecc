"""A small file where one person, Élise Côté-Lévesque, appears everywhere a person can:
the fixture of the privacy tests (access, erasure, retention)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ahuntsic_desktop.domain import (
    AccessRequest,
    ActionPlan,
    AgendaItem,
    Assignment,
    Attendance,
    AuditEntry,
    Chantier,
    Consent,
    FollowUp,
    FundingAgreement,
    FundingApplication,
    Means,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    Orientation,
    Person,
    Representation,
    Resolution,
)
from ahuntsic_desktop.services.core import settings as settings_service

NAME = "Élise Côté-Lévesque"
EMAIL = "elise.cote@exemple.org"
PHONE = "514 555-0199"


@dataclass(frozen=True)
class World:
    elise: int
    paul: int
    org: int
    meeting: int
    agenda_item: int
    resolution: int
    follow_up: int
    agreement: int
    org_audit: int
    person_audit: int
    application: int = 0


def build_world(db) -> World:
    settings = settings_service.load(db)
    settings.table_name = "Table de quartier test"
    settings.privacy_officer_name = "Josée Tremblay"
    settings.privacy_officer_contact = "vieprivee@table.example"
    settings_service.save(db, settings)
    with db.session() as s:
        category = MembershipCategory(name="Membre régulier", default_dues_cents=5000)
        elise = Person(
            first_name="Élise",
            last_name="Côté-Lévesque",
            email=EMAIL,
            phone=PHONE,
            address="1234, rue Lajeunesse",
            postal_code="H2C 1A1",
            notes="Préfère être jointe le soir.",
            is_resident=True,
            sector="citoyen",
        )
        paul = Person(first_name="Paul", last_name="Roy")
        org = Organization(name="Maison de la famille", sector="communautaire")
        plan = ActionPlan(title="Plan 2021-2025", start_year=2021, end_year=2025)
        s.add_all([category, elise, paul, org, plan])
        s.flush()
        chantier = Chantier(plan_id=plan.id, name="Sécurité alimentaire")
        meeting = Meeting(
            kind="comite_coordination",
            body="CC",
            title="Comité de coordination de mars",
            date=dt.date(2026, 3, 5),
            chair_id=elise.id,
            status="tenue",
        )
        s.add_all([chantier, meeting])
        s.flush()
        item = AgendaItem(
            meeting_id=meeting.id,
            position=1,
            title="Bilan de l'année",
            presenter_id=elise.id,
            minutes_text=f"{NAME} présente le bilan. Paul Roy pose une question.",
        )
        s.add(item)
        s.flush()
        resolution = Resolution(
            meeting_id=meeting.id,
            agenda_item_id=item.id,
            body="CC",
            year=2026,
            sequence=1,
            number="CC-2026-001",
            title="Adoption du bilan",
            text=f"Il est proposé par {NAME}, appuyé par Paul Roy, d'adopter le bilan.",
            moved_by_id=elise.id,
            seconded_by_id=paul.id,
        )
        s.add(resolution)
        s.flush()
        follow_up = FollowUp(
            meeting_id=meeting.id,
            description="Envoyer le bilan aux membres",
            owner_person_id=elise.id,
            due_date=dt.date(2026, 4, 1),
        )
        agreement = FundingAgreement(
            funder_id=org.id,
            programme="Initiative locale",
            amount_cents=1_000_000,
            start_date=dt.date(2026, 1, 1),
            contact_person_id=elise.id,
        )
        s.add_all(
            [
                follow_up,
                agreement,
                Representation(
                    person_id=elise.id,
                    organization_id=org.id,
                    role="delegue",
                    start_date=dt.date(2024, 1, 1),
                ),
                Membership(
                    person_id=elise.id,
                    year=2025,
                    category_id=category.id,
                    dues_cents=5000,
                    paid_on=dt.date(2025, 4, 3),
                    payment_method="cheque",
                    receipt_number="2025-0001",
                    notes="Chèque remis en main propre",
                ),
                Assignment(
                    person_id=elise.id,
                    chantier_id=chantier.id,
                    organization_id=org.id,
                    role="porteur",
                    start_date=dt.date(2024, 9, 1),
                ),
                Attendance(
                    meeting_id=meeting.id,
                    person_id=elise.id,
                    organization_id=org.id,
                    status="present",
                    voting=True,
                ),
                Attendance(meeting_id=meeting.id, person_id=paul.id, status="present"),
                Consent(
                    person_id=elise.id,
                    purpose="contact_courriel",
                    granted_on=dt.date(2025, 1, 10),
                    source="Formulaire d'adhésion",
                ),
                Consent(
                    person_id=elise.id,
                    purpose="bottin",
                    granted_on=dt.date(2025, 1, 10),
                    source="Formulaire d'adhésion",
                    withdrawn_on=dt.date(2025, 6, 1),
                ),
            ]
        )
        s.flush()
        person_audit = AuditEntry(
            user="coordination",
            entity="person",
            entity_id=elise.id,
            action="modification",
            changes={
                "email": [None, EMAIL],
                "phone": ["514 555-0000", PHONE],
                "is_resident": [False, True],
            },
        )
        org_audit = AuditEntry(
            user="coordination",
            entity="organization",
            entity_id=org.id,
            action="modification",
            changes={
                "notes": [None, f"Contact : {NAME} ({EMAIL})"],
                "email": [None, "info@mf.org"],
            },
        )
        s.add_all([person_audit, org_audit])
        application = FundingApplication(
            funder_id=org.id,
            programme="Fonds de quartier",
            amount_requested_cents=500_000,
            status="deposee",
            submitted_on=dt.date(2026, 2, 1),
            contact_person_id=elise.id,
        )
        s.add(application)
        s.flush()
        return World(
            elise.id,
            paul.id,
            org.id,
            meeting.id,
            item.id,
            resolution.id,
            follow_up.id,
            agreement.id,
            org_audit.id,
            person_audit.id,
            application.id,
        )


# -- the hard case of issue 11 (#10, #12): a merged duplicate and mentions everywhere ------

DUPLICATE_EMAIL = "e.cote.levesque@courriel.example"
PLACE = "Chez Mme Côté-Lévesque (Élise), 4321 rue Fleury Est"


@dataclass(frozen=True)
class Everywhere:
    duplicate: int
    meeting: int
    means: int
    paul_request: int
    paul_consent: int
    authored: int  # an audit entry she wrote as the file's user


def spread_everywhere(db, world: World) -> Everywhere:
    """Élise also had a second record (« Elise Cote-Levesque », another email, her phone
    written another way), merged into hers; and her name, email and phone appear in every
    kind of free text, in every form people write them."""
    from ahuntsic_desktop.services.registry import merge
    from ahuntsic_desktop.services.registry.persons import PersonData, save_person

    duplicate = save_person(
        db,
        None,
        PersonData(
            first_name="Elise",
            last_name="Cote-Levesque",
            email=DUPLICATE_EMAIL,
            phone="(514) 555-0199",
            address="99, rue Fleury Est",
            notes="Fiche créée à l'assemblée",
        ),
    )
    with db.session() as s:
        s.add(
            Consent(
                person_id=duplicate,
                purpose="photos",
                granted_on=dt.date(2025, 2, 1),
                source=f"Courriel de {DUPLICATE_EMAIL}",
            )
        )
    merge.merge(db, "person", world.elise, duplicate)
    with db.session() as s:
        meeting = Meeting(
            kind="comite_coordination",
            body="CC",
            title="Rencontre chez Élise Côté-Lévesque",
            place=PLACE,
            date=dt.date(2026, 4, 2),
            status="tenue",
            notes="É. Côté-Lévesque excusée ; la joindre au 514.555.0199",
        )
        s.add(meeting)
        plan = s.scalars(select(ActionPlan)).first()
        orientation = Orientation(plan_id=plan.id, title="Se nourrir")
        s.add(orientation)
        s.flush()
        means = Means(
            orientation_id=orientation.id,
            title="Cuisines collectives",
            comment=f"Écrire à {EMAIL.upper()} pour le bilan",
        )
        s.add(means)
        s.get(FollowUp, world.follow_up).description = "Rappeler au +1 514 555 0199"
        s.get(Organization, world.org).notes = "Contact : 5145550199 (CÔTÉ-LÉVESQUE, Élise)"
        request = AccessRequest(
            person_id=world.paul,
            kind="acces",
            received_on=dt.date(2026, 4, 1),
            due_on=dt.date(2026, 5, 1),
            notes="Transmise par M. Côté-Lévesque (Élise) au 514 555 0199",
        )
        consent = Consent(
            person_id=world.paul,
            purpose="contact_courriel",
            granted_on=dt.date(2026, 1, 1),
            source=f"Formulaire apporté par {NAME}, 514-555-0199",
        )
        s.add_all([request, consent])
        s.flush()
        authored = AuditEntry(
            user=NAME,
            entity="meeting",
            entity_id=meeting.id,
            action="modification",
            changes={"place": [None, PLACE]},
        )
        s.add(authored)
        s.flush()
        return Everywhere(duplicate, meeting.id, means.id, request.id, consent.id, authored.id)
