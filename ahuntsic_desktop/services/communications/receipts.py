"""A membership receipt by email: the message to the member who paid (the person, or the
organisation's address; {montant_du} is the membership's dues), made from a template whose name starts with « Reçu ». It concerns
the member's own payment, so it is not a mass message: no email consent is needed, but an
address is."""

from __future__ import annotations

from sqlalchemy import select

from ...domain import Membership, Organization, Person
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from .composing import Draft, draft_for, shared_values
from .recipients import Recipient
from .templates import TemplateLine, list_templates

RECEIPT_PREFIX = "reçu"


def receipt_template(db: Database, language: str = "fr") -> TemplateLine:
    found = [t for t in list_templates(db) if t.name.lower().startswith(RECEIPT_PREFIX)]
    chosen = next((t for t in found if t.language == language), found[0] if found else None)
    if chosen is None:
        raise ValidationError(
            _("Aucun modèle de courriel « Reçu… » : créez-en un dans Paramètres › Courriels.")
        )
    return chosen


def receipt_recipient(db: Database, membership_id: int) -> Recipient:
    """Who gets the receipt of ``membership_id``; refused when there is no address."""
    with db.session() as session:
        row = session.execute(
            select(
                Membership.person_id,
                Person.first_name,
                Person.last_name,
                Person.email,
                Organization.name,
                Organization.email,
                Membership.dues_cents,
            )
            .outerjoin(Person, Person.id == Membership.person_id)
            .outerjoin(Organization, Organization.id == Membership.organization_id)
            .where(Membership.id == membership_id)
        ).first()
    if row is None:
        raise NotFoundError(_("Cette adhésion n'existe plus."))
    person_id, first, last, person_email, org_name, org_email, dues = row
    address = person_email if person_id else org_email
    name = f"{first or ''} {last or ''}".strip() if person_id else (org_name or "")
    if not address:
        raise ValidationError(
            _("{name} n'a pas d'adresse courriel : imprimez le reçu.").format(name=name)
        )
    return Recipient(person_id or 0, first or "", last or "", org_name or "", address, dues)


def receipt_draft(db: Database, membership_id: int, template: TemplateLine) -> Draft:
    recipient = receipt_recipient(db, membership_id)
    made = draft_for(template, shared_values(db, template.language, None), recipient)
    person_id = recipient.person_id or None
    return Draft(person_id, made.address, made.name or recipient.organization, made.subject,
                 made.body)  # fmt: skip
