"""Membership categories, yearly memberships, payments, receipts and voting rights.

A member's standing, from the years of its *paid* memberships and the current membership
year C (see :meth:`TableSettings.membership_year_of`):

- à jour: paid for C (or paid ahead for a later year);
- à renouveler: not paid for C, but paid for C - 1;
- échue: paid only for years before C - 1;
- jamais: never paid a membership.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from ...domain import Membership, MembershipCategory, Organization, Person
from ...domain.enums import PaymentMethod
from ...domain.labels import label
from ...i18n import N_, _
from ...store import Database
from ..core import settings as settings_service
from ..core import validation as v
from ..core.errors import NotFoundError, ValidationError
from ..core.listing import Column, Table
from .categories import (  # noqa: F401 (re-exported for callers)
    CategoryData,
    create_category,
    delete_category,
    find_category,
    get_category,
    list_categories,
    update_category,
)


class MemberStatus(StrEnum):
    UP_TO_DATE = "a_jour"
    TO_RENEW = "a_renouveler"
    LAPSED = "echue"
    NEVER = "jamais"


_STATUS_LABELS = {
    MemberStatus.UP_TO_DATE: N_("À jour"),
    MemberStatus.TO_RENEW: N_("À renouveler"),
    MemberStatus.LAPSED: N_("Échue"),
    MemberStatus.NEVER: N_("Jamais"),
}


def status_label(status: MemberStatus) -> str:
    return _(_STATUS_LABELS[status])


def member_status(paid_years: Iterable[int], current_year: int) -> MemberStatus:
    """The standing of a member who paid the memberships of ``paid_years``."""
    years = set(paid_years)
    if not years:
        return MemberStatus.NEVER
    return status_from_flags(max(years) >= current_year, current_year - 1 in years)


def status_from_flags(current: object, previous: object) -> MemberStatus:
    """Standing from :func:`paid_status_subquery` flags (both None: no paid membership)."""
    if current is None and previous is None:
        return MemberStatus.NEVER
    if current:
        return MemberStatus.UP_TO_DATE
    return MemberStatus.TO_RENEW if previous else MemberStatus.LAPSED


def paid_status_subquery(member_column, current_year: int):
    """Per member (``Membership.organization_id`` or ``.person_id``): flags ``current``
    (paid for ``current_year`` or later) and ``previous`` (paid for the year before),
    in one grouped query. Members without a paid membership have no row."""
    return (
        select(
            member_column.label("member_id"),
            func.max(case((Membership.year >= current_year, 1), else_=0)).label("current"),
            func.max(case((Membership.year == current_year - 1, 1), else_=0)).label("previous"),
        )
        .where(member_column.is_not(None), Membership.paid_on.is_not(None))
        .group_by(member_column)
        .subquery()
    )


def _current_year(db: Database, today: date | None) -> int:
    return settings_service.load(db).membership_year_of(today or date.today())


def _member_name():
    """The member's name in SQL: the organisation's, or the person's first and last name."""
    return func.coalesce(Organization.name, func.trim(Person.first_name + " " + Person.last_name))


def _with_members(*columns):
    """``select(*columns)`` over memberships joined to their category and member."""
    return (
        select(*columns)
        .join(MembershipCategory, Membership.category_id == MembershipCategory.id)
        .outerjoin(Organization, Membership.organization_id == Organization.id)
        .outerjoin(Person, Membership.person_id == Person.id)
    )


def _member_is(person_id: int | None, organization_id: int | None):
    if (person_id is None) == (organization_id is None):
        raise ValueError("give exactly one of person_id and organization_id")
    if person_id is not None:
        return Membership.person_id == person_id
    return Membership.organization_id == organization_id


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


def list_memberships(db: Database, year: int | None = None, *, today: date | None = None) -> Table:
    """Memberships of ``year`` (all years when None) for the « Membres » page; the status
    column is each member's standing today."""
    table_settings = settings_service.load(db)
    current = table_settings.membership_year_of(today or date.today())
    table = Table(
        [
            Column("member", _("Membre")),
            Column("type", _("Type")),
            Column("year", _("Année")),
            Column("category", _("Catégorie")),
            Column("voting", _("Droit de vote"), "bool"),
            Column("dues", _("Cotisation"), "money"),
            Column("paid_on", _("Payée le"), "date"),
            Column("method", _("Mode de paiement")),
            Column("receipt", _("Reçu")),
            Column("status", _("Statut")),
        ]
    )
    m = Membership
    org_status = paid_status_subquery(m.organization_id, current)
    person_status = paid_status_subquery(m.person_id, current)
    stmt = (
        _with_members(
            m.id,
            _member_name(),
            m.organization_id,
            m.year,
            MembershipCategory.name,
            MembershipCategory.voting,
            m.dues_cents,
            m.paid_on,
            m.payment_method,
            m.receipt_number,
            func.coalesce(org_status.c.current, person_status.c.current),
            func.coalesce(org_status.c.previous, person_status.c.previous),
        )
        .outerjoin(org_status, org_status.c.member_id == m.organization_id)
        .outerjoin(person_status, person_status.c.member_id == m.person_id)
    )
    if year is not None:
        stmt = stmt.where(m.year == year)
    with db.session() as session:
        rows = session.connection().execute(stmt).all()  # Core rows: no ORM overhead
    kinds = {True: _("Organisme"), False: _("Personne")}
    methods = {method.value: label(method) for method in PaymentMethod}
    statuses = {s: status_label(s) for s in MemberStatus}
    rows = sorted(rows, key=lambda r: (-r[3], v.name_sort_key(r[1])))
    table.ids = [r[0] for r in rows]
    table.rows = [
        (
            r[1],
            kinds[r[2] is not None],
            table_settings.membership_year_label(r[3]),
            *r[4:8],
            methods.get(r[8], r[8] or ""),
            r[9] or "",
            statuses[status_from_flags(r[10], r[11])],
        )
        for r in rows
    ]
    return table


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


def _next_receipt(session: Session, year: int) -> str:
    prefix = f"{year}-"
    numbers = session.scalars(
        select(Membership.receipt_number).where(Membership.receipt_number.like(prefix + "%"))
    ).all()
    sequences = [int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()]
    return f"{prefix}{max(sequences, default=0) + 1:04d}"


def _receipt(session: Session, membership: Membership, wanted: str | None, paid_on: date) -> str:
    number = v.optional_text(wanted, "receipt_number", _("Numéro de reçu"), max_length=40)
    if number is None:
        return membership.receipt_number or _next_receipt(session, paid_on.year)
    m = Membership
    if session.scalar(select(m.id).where(m.receipt_number == number, m.id != membership.id)):
        raise _receipt_taken(number)
    return number


def create_membership(db: Database, data: MembershipData) -> int:
    if not isinstance(data.year, int) or not 1900 <= data.year <= 2200:
        raise ValidationError(_("L'année d'adhésion n'est pas valide."), "year")
    paid_on = v.parse_date(data.paid_on, "paid_on", _("Payée le"))
    method = None
    if data.payment_method:
        method = v.choice(data.payment_method, PaymentMethod, "payment_method", _("Mode"))
        if paid_on is None:
            raise ValidationError(
                _("Indiquez la date du paiement avec son mode de paiement."), "paid_on"
            )
    notes = v.optional_text(data.notes, "notes", _("Notes"), max_length=10_000, multiline=True)
    with db.session() as session:
        member = _member(session, data)
        category = find_category(session, data.category_id)
        is_org = data.organization_id is not None
        if not (category.for_organizations if is_org else category.for_persons):
            raise ValidationError(
                _("La catégorie « {name} » ne s'applique pas à ce type de membre.").format(
                    name=category.name
                ),
                "category_id",
            )
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


def record_payment(
    db: Database,
    membership_id: int,
    paid_on: date | str,
    method: PaymentMethod | str,
    receipt_number: str | None = None,
) -> str:
    """Mark a membership paid; returns its receipt number (``2026-0001``, made when absent)."""
    day = v.parse_date(paid_on, "paid_on", _("Payée le"), required=True)
    method_code = v.choice(method, PaymentMethod, "payment_method", _("Mode de paiement"))
    with db.session() as session:
        membership = _membership(session, membership_id)
        number = _receipt(session, membership, receipt_number, day)
        membership.paid_on, membership.payment_method = day, method_code
        membership.receipt_number = number
        try:
            session.flush()
        except IntegrityError:
            raise _receipt_taken(number) from None
        return number


def is_voting_member_on(
    db: Database, day: date, *, person_id: int | None = None, organization_id: int | None = None
) -> bool:
    """A voting category and a paid membership for ``day``'s membership year (the same rule
    as :mod:`.attendance`; a payment recorded after ``day`` still counts)."""
    member = _member_is(person_id, organization_id)
    year = settings_service.load(db).membership_year_of(day)
    with db.session() as session:
        found = session.scalar(
            select(Membership.id)
            .join(MembershipCategory, Membership.category_id == MembershipCategory.id)
            .where(
                member,
                Membership.year == year,
                Membership.paid_on.is_not(None),
                MembershipCategory.voting.is_(True),
            )
            .limit(1)
        )
    return found is not None


def member_status_of(
    db: Database,
    today: date | None = None,
    *,
    person_id: int | None = None,
    organization_id: int | None = None,
) -> MemberStatus:
    member = _member_is(person_id, organization_id)
    current = _current_year(db, today)
    with db.session() as session:
        years = session.scalars(
            select(Membership.year).where(member, Membership.paid_on.is_not(None))
        ).all()
    return member_status(years, current)


@dataclass(frozen=True)
class RenewalDue:
    name: str
    organization_id: int | None
    person_id: int | None
    last_year: int
    category: str
    email: str | None
    dues_cents: int


def memberships_to_renew(db: Database, today: date) -> list[RenewalDue]:
    """Members (not archived) who paid last membership year but not yet the current one."""
    current = _current_year(db, today)
    m, later = Membership, aliased(Membership)
    paid_now = select(later.id).where(later.year >= current, later.paid_on.is_not(None))
    org_paid = paid_now.where(later.organization_id == m.organization_id)
    person_paid = paid_now.where(later.person_id == m.person_id)
    stmt = _with_members(
        _member_name(),
        m.organization_id,
        m.person_id,
        m.year,
        MembershipCategory.name,
        func.coalesce(Organization.email, Person.email),
        m.dues_cents,
    ).where(
        m.year == current - 1,
        m.paid_on.is_not(None),
        func.coalesce(Organization.archived_at, Person.archived_at).is_(None),
        ~org_paid.exists(),
        ~person_paid.exists(),
    )
    with db.session() as session:
        rows = session.connection().execute(stmt).all()  # Core rows: no ORM overhead
    return sorted((RenewalDue(*r) for r in rows), key=lambda d: v.name_sort_key(d.name))
