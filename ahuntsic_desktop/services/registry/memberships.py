"""Yearly memberships: recording one (create, edit, pay, delete) with its
receipt number (the list is in :mod:`.membership_list`). One numbering serves payments and printed receipts (:mod:`.receipts`).
Categories live in :mod:`.categories`, a member's standing and vote in :mod:`.standing`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ...domain import Membership, Organization, Person, ReceiptCounter
from ...domain.enums import PaymentMethod
from ...i18n import _
from ...store import Database, single_writer
from ..core import BulkResult, NotFoundError, ValidationError, bulk
from ..core import settings as settings_service
from ..core import validation as v
from .categories import (  # noqa: F401 (re-exported for callers)
    CategoryData,
    category_for_member,
    create_category,
    delete_category,
    find_category,
    get_category,
    list_categories,
    update_category,
)
from .membership_list import count_memberships, list_memberships  # noqa: F401 (callers)

# -- memberships --------------------------------------------------------------------------


@dataclass(frozen=True)
class MembershipData:
    year: int
    category_id: int
    organization_id: int | None = None
    person_id: int | None = None
    dues_cents: int | str | None = None  # None: the category's default dues
    paid_on: date | str | None = None
    payment_method: PaymentMethod | str | None = None
    receipt_number: str | None = None
    notes: str | None = None


def _member(session: Session, data: MembershipData) -> Organization | Person:
    if (data.organization_id is None) == (data.person_id is None):
        raise ValidationError(
            _("Choisissez un organisme ou une personne (pas les deux)."), "member"
        )
    is_org = data.organization_id is not None
    member = session.get(Organization if is_org else Person, data.organization_id or data.person_id)
    if member is None:
        raise NotFoundError(_("Ce membre n'existe plus."), "member")
    if member.archived_at is not None:
        raise ValidationError(_("Ce membre est archivé : restaurez-le d'abord."), "member")
    return member


def _membership(session: Session, membership_id: int) -> Membership:
    membership = session.get(Membership, membership_id)
    if membership is None:
        raise NotFoundError(_("Cette adhésion n'existe plus."))
    return membership


def _receipt_taken(number: str) -> ValidationError:
    message = _("Le reçu numéro « {number} » a déjà été émis.").format(number=number)
    return ValidationError(message, "receipt_number")


def next_receipt_number(session: Session, year: int) -> str:
    """The next receipt number of payment ``year``, e.g. ``2026-0042``. The counter keeps
    the highest number ever given: a deleted membership's number is never reissued."""
    single_writer(session, "receipt_counter")  # on a server, one numbering at a time
    prefix = f"{year}-"
    numbers = session.scalars(
        select(Membership.receipt_number).where(Membership.receipt_number.like(prefix + "%"))
    ).all()
    sequences = [int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()]
    counter = session.get(ReceiptCounter, year)
    if counter is None:
        counter = ReceiptCounter(year=year, last_sequence=0)
        session.add(counter)
    # Numbers typed by hand or imported without the counter still count.
    counter.last_sequence = max(counter.last_sequence or 0, max(sequences, default=0)) + 1
    return f"{prefix}{counter.last_sequence:04d}"


def _receipt(session: Session, membership: Membership, wanted: str | None, paid_on: date) -> str:
    number = v.optional_text(wanted, "receipt_number", _("Numéro de reçu"), max_length=40)
    if number is None:
        return membership.receipt_number or next_receipt_number(session, paid_on.year)
    m = Membership
    if session.scalar(select(m.id).where(m.receipt_number == number, m.id != membership.id)):
        raise _receipt_taken(number)
    _remember_receipt(session, number)
    return number


def _remember_receipt(session: Session, number: str) -> None:
    """A number typed in the numbering's own form (``2026-0042``) is printed too: the
    counter moves past it so it is never given again, even once its membership is gone."""
    year, _dash, sequence = number.partition("-")
    if not (len(year) == 4 and year.isdigit() and sequence.isdigit()):
        return
    single_writer(session, "receipt_counter")
    counter = session.get(ReceiptCounter, int(year))
    if counter is None:
        counter = ReceiptCounter(year=int(year), last_sequence=0)
        session.add(counter)
    counter.last_sequence = max(counter.last_sequence or 0, int(sequence))


def _payment(
    data_paid_on, data_method, method_title: str | None = None
) -> tuple[date | None, str | None]:
    """The payment date and method of a form: a method needs its date."""
    paid_on = v.parse_date(data_paid_on, "paid_on", _("Payée le"))
    method = None
    if data_method:
        title = method_title or _("Mode de paiement")
        method = v.choice(data_method, PaymentMethod, "payment_method", title)
    if method is not None and paid_on is None:
        raise ValidationError(
            _("Indiquez la date du paiement avec son mode de paiement."), "paid_on"
        )
    return paid_on, method


def create_membership(db: Database, data: MembershipData) -> int:
    if not isinstance(data.year, int) or not 1900 <= data.year <= 2200:
        raise ValidationError(_("L'année d'adhésion n'est pas valide."), "year")
    paid_on, method = _payment(data.paid_on, data.payment_method, _("Mode"))
    notes = v.optional_text(data.notes, "notes", _("Notes"), max_length=10_000, multiline=True)
    with db.session() as session:
        member = _member(session, data)
        is_org = data.organization_id is not None
        category = category_for_member(session, data.category_id, is_org)
        column = Membership.organization_id if is_org else Membership.person_id
        duplicate = session.scalar(
            select(Membership.id).where(column == member.id, Membership.year == data.year)
        )
        if duplicate is not None:
            raise ValidationError(
                _("Ce membre a déjà une adhésion pour l'année {year}.").format(year=data.year),
                "year",
            )
        dues = data.dues_cents
        if dues is not None:
            dues = v.cents(dues, "dues", _("Cotisation"))
        membership = Membership(
            organization_id=data.organization_id,
            person_id=data.person_id,
            year=data.year,
            category_id=category.id,
            dues_cents=category.default_dues_cents if dues is None else dues,
            paid_on=paid_on,
            payment_method=method,
            notes=notes,
        )
        session.add(membership)
        if paid_on is not None:
            membership.receipt_number = _receipt(session, membership, data.receipt_number, paid_on)
        session.flush()
        return membership.id


def delete_membership(db: Database, membership_id: int) -> None:
    with db.session() as session:
        session.delete(_membership(session, membership_id))


def delete_memberships(db: Database, ids: Iterable[int]) -> BulkResult:
    """Delete memberships in one transaction; those gone meanwhile are named as refused."""
    return bulk.each(db, ids, lambda session, i: session.delete(_membership(session, i)))


def record_payment(
    db: Database,
    membership_id: int,
    paid_on: date | str,
    method: PaymentMethod | str,
    receipt_number: str | None = None,
) -> str:
    """Mark a membership paid; returns its receipt number (``2026-0001``, made when absent)."""
    return _pay(db, membership_id, paid_on, method, receipt_number)


def _pay(db, membership_id, paid_on, method, receipt_number, amount_cents=None) -> str:
    """Record a payment (and, when ``amount_cents`` is given, the dues) in one unit of work."""
    day = v.parse_date(paid_on, "paid_on", _("Payée le"), required=True)
    method_code = v.choice(method, PaymentMethod, "payment_method", _("Mode de paiement"))
    amount = None if amount_cents is None else v.cents(amount_cents, "amount", _("Montant"))
    with db.session() as session:
        membership = _membership(session, membership_id)
        number = _receipt(session, membership, receipt_number, day)
        if amount is not None:
            membership.dues_cents = amount
        membership.paid_on, membership.payment_method = day, method_code
        membership.receipt_number = number
        try:
            session.flush()
        except IntegrityError:
            raise _receipt_taken(number) from None
        return number


# -- editing one membership ----------------------------------------------------------------


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


def update_membership(db: Database, membership_id: int, data: MembershipData) -> None:
    """Save the form of an existing membership (its member and year stay as they are).

    Clearing the payment date also clears the method; the receipt number stays, since a
    receipt may already have been handed out."""
    dues = v.cents(data.dues_cents, "dues", _("Cotisation"))
    paid_on, method = _payment(data.paid_on, data.payment_method)
    notes = v.optional_text(data.notes, "notes", _("Notes"), max_length=10_000, multiline=True)
    with db.session() as session:
        membership = _membership(session, membership_id)
        is_org = membership.organization_id is not None
        category = category_for_member(session, data.category_id, is_org)
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
    return _pay(db, membership_id, paid_on, method, receipt_number, amount_cents)
