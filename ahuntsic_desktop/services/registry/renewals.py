"""Renouvellement des adhésions: bulk renewal of selected memberships into another
membership year, with a preview first, and the renewals falling due this month.

A renewal creates, for each selected member, an unpaid membership of the target year in
the same category, with that category's dues of today. Members already holding a
membership for the target year, archived members and categories that no longer apply are
skipped and say why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from ...domain import Membership, MembershipCategory, Organization, Person
from ...i18n import _
from ...store import Database
from ..core import ValidationError
from ..core import settings as settings_service
from ..core import validation as v
from .standing import RenewalDue, memberships_to_renew


@dataclass(frozen=True)
class RenewalLine:
    """One member of a renewal preview."""

    source_id: int  # the selected membership it renews
    name: str
    kind: str  # « Organisme » or « Personne »
    organization_id: int | None
    person_id: int | None
    category_id: int
    category: str
    voting: bool
    dues_cents: int  # the category's dues today: what the new membership will ask
    skipped_because: str | None = None  # None: will be renewed

    @property
    def renewed(self) -> bool:
        return self.skipped_because is None


@dataclass(frozen=True)
class RenewalPreview:
    year: int
    year_label: str
    lines: tuple[RenewalLine, ...]

    @property
    def to_renew(self) -> tuple[RenewalLine, ...]:
        return tuple(line for line in self.lines if line.renewed)

    @property
    def skipped(self) -> tuple[RenewalLine, ...]:
        return tuple(line for line in self.lines if not line.renewed)

    @property
    def total_dues_cents(self) -> int:
        return sum(line.dues_cents for line in self.to_renew)


def _check_year(year: object) -> int:
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        raise ValidationError(_("L'année d'adhésion n'est pas valide."), "year")
    return year


def _preview(session: Session, membership_ids: Iterable[int], year: int, label: str):
    m = Membership
    ids = sorted(set(membership_ids))
    if not ids:
        raise ValidationError(_("Choisissez au moins une adhésion à renouveler."))
    rows = session.execute(
        select(
            m.id,
            m.year,
            m.organization_id,
            m.person_id,
            func.coalesce(Organization.name, func.trim(Person.first_name + " " + Person.last_name)),
            func.coalesce(Organization.archived_at, Person.archived_at),
            MembershipCategory.id,
            MembershipCategory.name,
            MembershipCategory.voting,
            MembershipCategory.default_dues_cents,
            MembershipCategory.for_organizations,
            MembershipCategory.for_persons,
        )
        .join(MembershipCategory, m.category_id == MembershipCategory.id)
        .outerjoin(Organization, m.organization_id == Organization.id)
        .outerjoin(Person, m.person_id == Person.id)
        .where(m.id.in_(ids))
        .order_by(m.year.desc(), m.id)
    ).all()
    existing = aliased(Membership)
    taken_orgs = set(
        session.scalars(
            select(existing.organization_id).where(
                existing.year == year, existing.organization_id.is_not(None)
            )
        )
    )
    taken_persons = set(
        session.scalars(
            select(existing.person_id).where(existing.year == year, existing.person_id.is_not(None))
        )
    )
    seen: set[tuple[int | None, int | None]] = set()
    lines = []
    for row in rows:  # latest year first: a member selected twice renews its latest
        member = (row[2], row[3])
        if member in seen:
            continue
        seen.add(member)
        is_org = row[2] is not None
        reason = None
        if row[5] is not None:
            reason = _("membre archivé")
        elif (row[2] in taken_orgs) if is_org else (row[3] in taken_persons):
            reason = _("a déjà une adhésion pour {year}").format(year=label)
        elif not (row[10] if is_org else row[11]):
            reason = _("la catégorie ne s'applique plus à ce type de membre")
        lines.append(
            RenewalLine(
                source_id=row[0],
                name=row[4],
                kind=_("Organisme") if is_org else _("Personne"),
                organization_id=row[2],
                person_id=row[3],
                category_id=row[6],
                category=row[7],
                voting=bool(row[8]),
                dues_cents=row[9],
                skipped_because=reason,
            )
        )
    lines.sort(key=lambda line: (not line.renewed, v.name_sort_key(line.name)))
    return RenewalPreview(year, label, tuple(lines))


def preview_renewal(db: Database, membership_ids: Iterable[int], year: int) -> RenewalPreview:
    """What :func:`renew` would do for ``membership_ids`` into membership ``year``."""
    label = settings_service.load(db).membership_year_label(_check_year(year))
    with db.session() as session:
        return _preview(session, membership_ids, year, label)


def renew(db: Database, membership_ids: Iterable[int], year: int) -> RenewalPreview:
    """Create the memberships of ``year`` for the members of ``membership_ids`` in one
    transaction (all or none); returns what was done, skipped lines included."""
    label = settings_service.load(db).membership_year_label(_check_year(year))
    with db.session() as session:
        preview = _preview(session, membership_ids, year, label)
        session.add_all(
            Membership(
                organization_id=line.organization_id,
                person_id=line.person_id,
                year=year,
                category_id=line.category_id,
                dues_cents=line.dues_cents,
            )
            for line in preview.to_renew
        )
        session.flush()
        return preview


# -- renewals falling due -----------------------------------------------------------------


@dataclass(frozen=True)
class RenewalsThisMonth:
    """The coordinator's renewal work of the month.

    ``ending`` are members paid for the current membership year, which ends on ``ends_on``
    in this very month, and not yet paid for the next one (empty in other months).
    ``waiting`` are members who paid last year but not yet this one (year started on
    ``started_on``).
    """

    ends_on: dt.date
    ending: tuple[RenewalDue, ...]
    started_on: dt.date
    waiting: tuple[RenewalDue, ...]


def membership_year_bounds(start_month: int, year: int) -> tuple[dt.date, dt.date]:
    """First and last day of membership ``year`` when years start in ``start_month``."""
    start = dt.date(year, start_month, 1)
    return start, dt.date(year + 1, start_month, 1) - dt.timedelta(days=1)


def _ending(db: Database, year: int) -> list[RenewalDue]:
    m, later = Membership, aliased(Membership)
    paid_next = select(later.id).where(later.year > year, later.paid_on.is_not(None))
    stmt = (
        select(
            func.coalesce(Organization.name, func.trim(Person.first_name + " " + Person.last_name)),
            m.organization_id,
            m.person_id,
            m.year,
            MembershipCategory.name,
            func.coalesce(Organization.email, Person.email),
            MembershipCategory.default_dues_cents,
        )
        .join(MembershipCategory, m.category_id == MembershipCategory.id)
        .outerjoin(Organization, m.organization_id == Organization.id)
        .outerjoin(Person, m.person_id == Person.id)
        .where(
            m.year == year,
            m.paid_on.is_not(None),
            func.coalesce(Organization.archived_at, Person.archived_at).is_(None),
            ~paid_next.where(later.organization_id == m.organization_id).exists(),
            ~paid_next.where(later.person_id == m.person_id).exists(),
        )
    )
    with db.session() as session:
        rows = session.connection().execute(stmt).all()
    return sorted((RenewalDue(*r) for r in rows), key=lambda d: v.name_sort_key(d.name))


def renewals_this_month(db: Database, today: dt.date) -> RenewalsThisMonth:
    table_settings = settings_service.load(db)
    year = table_settings.membership_year_of(today)
    started_on, ends_on = membership_year_bounds(table_settings.membership_year_start_month, year)
    ending: list[RenewalDue] = []
    if (ends_on.year, ends_on.month) == (today.year, today.month):
        ending = _ending(db, year)
    return RenewalsThisMonth(
        ends_on, tuple(ending), started_on, tuple(memberships_to_renew(db, today))
    )
