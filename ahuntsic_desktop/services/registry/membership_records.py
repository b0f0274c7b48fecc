"""Editing one membership: read it for the form, save the form, record a payment with its
amount. Creation, deletion and the receipt numbering live in :mod:`.memberships`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from ...domain import Organization
from ...domain.enums import PaymentMethod
from ...i18n import _
from ...store import Database
from ..core import settings as settings_service
from ..core import validation as v
from ..core.errors import ValidationError
from .categories import find_category
from .memberships import MembershipData, _membership, _receipt, _receipt_taken


@dataclass(frozen=True)
class MembershipDetail:
    id: int
    data: MembershipData
    member_name: str
    member_kind: str  # "organization" or "person"
    year_label: str
    voting: bool


def get_membership(db: Database, membership_id: int) -> MembershipDetail:
    year_label = settings_service.load(db).membership_year_label
    with db.session() as session:
        m = _membership(session, membership_id)
        member = m.organization or m.person
        is_org = isinstance(member, Organization)
        return MembershipDetail(
            id=m.id,
            data=MembershipData(
                year=m.year,
                category_id=m.category_id,
                organization_id=m.organization_id,
                person_id=m.person_id,
                dues_cents=m.dues_cents,
                paid_on=m.paid_on,
                payment_method=m.payment_method,
                receipt_number=m.receipt_number,
                notes=m.notes,
            ),
            member_name=member.name if is_org else member.full_name,
            member_kind="organization" if is_org else "person",
            year_label=year_label(m.year),
            voting=m.category.voting,
        )


def _payment(data_paid_on, data_method) -> tuple[dt.date | None, str | None]:
    paid_on = v.parse_date(data_paid_on, "paid_on", _("Payée le"))
    method = None
    if data_method:
        method = v.choice(data_method, PaymentMethod, "payment_method", _("Mode de paiement"))
    if method is not None and paid_on is None:
        raise ValidationError(
            _("Indiquez la date du paiement avec son mode de paiement."), "paid_on"
        )
    return paid_on, method


def update_membership(db: Database, membership_id: int, data: MembershipData) -> None:
    """Save the form of an existing membership (its member and year stay as they are).

    Clearing the payment date also clears the method; the receipt number stays, since a
    receipt may already have been handed out."""
    dues = v.cents(data.dues_cents, "dues", _("Cotisation"))
    paid_on, method = _payment(data.paid_on, data.payment_method)
    notes = v.optional_text(data.notes, "notes", _("Notes"), max_length=10_000, multiline=True)
    with db.session() as session:
        membership = _membership(session, membership_id)
        category = find_category(session, data.category_id)
        is_org = membership.organization_id is not None
        if not (category.for_organizations if is_org else category.for_persons):
            raise ValidationError(
                _("La catégorie « {name} » ne s'applique pas à ce type de membre.").format(
                    name=category.name
                ),
                "category_id",
            )
        membership.category_id, membership.dues_cents, membership.notes = category.id, dues, notes
        membership.paid_on, membership.payment_method = paid_on, method
        if paid_on is not None:
            membership.receipt_number = _receipt(session, membership, data.receipt_number, paid_on)
        elif data.receipt_number is not None:
            wanted = v.optional_text(
                data.receipt_number, "receipt_number", _("Numéro de reçu"), max_length=40
            )
            if wanted and wanted != membership.receipt_number:
                raise ValidationError(
                    _("Un reçu ne s'émet que pour une adhésion payée."), "receipt_number"
                )
        try:
            session.flush()
        except IntegrityError:
            raise _receipt_taken(membership.receipt_number or "") from None


def pay_membership(
    db: Database,
    membership_id: int,
    paid_on: dt.date | str,
    method: PaymentMethod | str,
    amount_cents: int | str,
    receipt_number: str | None = None,
) -> str:
    """Record the payment of ``amount_cents`` (which becomes the membership's dues) in one
    unit of work; returns the receipt number (the next one of the year when not given)."""
    day = v.parse_date(paid_on, "paid_on", _("Payée le"), required=True)
    method_code = v.choice(method, PaymentMethod, "payment_method", _("Mode de paiement"))
    amount = v.cents(amount_cents, "amount", _("Montant"))
    with db.session() as session:
        membership = _membership(session, membership_id)
        number = _receipt(session, membership, receipt_number, day)
        membership.dues_cents = amount
        membership.paid_on, membership.payment_method = day, method_code
        membership.receipt_number = number
        try:
            session.flush()
        except IntegrityError:
            raise _receipt_taken(number) from None
        return number
