"""The journal follows every record a coordinator edits: funding applications and their
instalments, seats, mandates and elections too, each named in French."""

from __future__ import annotations

from datetime import date

import ahuntsic_desktop.services  # noqa: F401 (every package registers what it audits)
from ahuntsic_desktop.domain import Organization
from ahuntsic_desktop.services import funding, governance, planning, privacy  # noqa: F401
from ahuntsic_desktop.services.core import audit, journal
from ahuntsic_desktop.services.funding.applications import ApplicationData, create_application
from ahuntsic_desktop.services.governance.seats import SeatData, add_seat


def test_every_journaled_record_has_a_french_name():
    missing = sorted(e for e in audit.AUDITED.values() if e not in journal.ENTITY_LABELS)
    assert missing == []
    entities = set(audit.AUDITED.values())
    assert {"funding_application", "funding_instalment", "agreement_allocation"} <= entities
    assert {"seat", "mandate", "election", "candidacy"} <= entities


def test_an_application_and_a_seat_are_in_the_journal_by_name(db):
    with db.session() as session:
        funder = Organization(name="Fondation du Nord (fictive)", sector="autre")
        session.add(funder)
        session.flush()
        funder_id = funder.id
    create_application(
        db,
        ApplicationData(
            funder_id,
            programme="Fonds de quartier",
            amount_requested_cents="12 000",
            period_start=date(2026, 4, 1),
            period_end=date(2027, 3, 31),
        ),
    )
    add_seat(db, SeatData("CC", "Siège 7"))
    rows = journal.entries(db)
    labels = {(row.entity, row.action) for row in rows}
    assert ("funding_application", "creation") in labels
    assert ("seat", "creation") in labels
    assert journal.entity_label("funding_application") == "Demande de financement"
    assert journal.entity_label("seat") == "Siège"
