"""A member's standing and voting rights, from the years of its *paid* memberships and the
current membership year C (see :meth:`TableSettings.membership_year_of`):

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
from sqlalchemy.orm import aliased

from ...domain import Membership, MembershipCategory, Organization, Person
from ...i18n import N_, _
from ...store import Database
from ..core import settings as settings_service
from ..core import validation as v


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


def paid_status_subquery(member_column, current_year: int, among=None):
    """Per member (``Membership.organization_id`` or ``.person_id``): flags ``current``
    (paid for ``current_year`` or later) and ``previous`` (paid for the year before),
    in one grouped query. Members without a paid membership have no row. ``among``: only
    the members it selects (a few rows of a long list), not every member grouped."""
    stmt = (
        select(
            member_column.label("member_id"),
            func.max(case((Membership.year >= current_year, 1), else_=0)).label("current"),
            func.max(case((Membership.year == current_year - 1, 1), else_=0)).label("previous"),
        )
        .where(member_column.is_not(None), Membership.paid_on.is_not(None))
        .group_by(member_column)
    )
    if among is not None:
        stmt = stmt.where(member_column.in_(among))
    return stmt.subquery()


def current_year(db: Database, today: date | None) -> int:
    return settings_service.load(db).membership_year_of(today or date.today())


def member_name():
    """The member's name in SQL: the organisation's, or the person's first and last name."""
    return func.coalesce(Organization.name, func.trim(Person.first_name + " " + Person.last_name))


def with_members(*columns):
    """``select(*columns)`` over memberships joined to their category and member."""
    return (
        select(*columns)
        .join(MembershipCategory, Membership.category_id == MembershipCategory.id)
        .outerjoin(Organization, Membership.organization_id == Organization.id)
        .outerjoin(Person, Membership.person_id == Person.id)
    )


def member_is(person_id: int | None, organization_id: int | None):
    if (person_id is None) == (organization_id is None):
        raise ValueError("give exactly one of person_id and organization_id")
    if person_id is not None:
        return Membership.person_id == person_id
    return Membership.organization_id == organization_id


def is_voting_member_on(
    db: Database, day: date, *, person_id: int | None = None, organization_id: int | None = None
) -> bool:
    """A voting category and a paid membership for ``day``'s membership year (the same rule
    as :mod:`..meetings.quorum`): paid on or before ``day``, a later payment does not count."""
    member = member_is(person_id, organization_id)
    year = settings_service.load(db).membership_year_of(day)
    with db.session() as session:
        found = session.scalar(
            select(Membership.id)
            .join(MembershipCategory, Membership.category_id == MembershipCategory.id)
            .where(
                member,
                Membership.year == year,
                Membership.paid_on.is_not(None),
                Membership.paid_on <= day,
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
    member = member_is(person_id, organization_id)
    current = current_year(db, today)
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
    current = current_year(db, today)
    m, later = Membership, aliased(Membership)
    paid_now = select(later.id).where(later.year >= current, later.paid_on.is_not(None))
    org_paid = paid_now.where(later.organization_id == m.organization_id)
    person_paid = paid_now.where(later.person_id == m.person_id)
    stmt = with_members(
        member_name(),
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
