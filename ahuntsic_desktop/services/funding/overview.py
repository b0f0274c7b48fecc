"""The funding year at a glance: per funder, what was requested, granted and received in a
fiscal year (the year that starts in the month chosen in Settings), and the success rate."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import FundingAgreement, FundingApplication, FundingInstalment, Organization
from ...domain.grants import ApplicationStatus as S
from ...i18n import _
from ...store import Database
from ..core import Period, name_sort_key, periods, settings
from .applications import application_day, status_label

DECIDED = {S.ACCEPTED.value, S.PARTLY_ACCEPTED.value, S.REFUSED.value}
YES = {S.ACCEPTED.value, S.PARTLY_ACCEPTED.value}


def fiscal_year(db: Database, today: dt.date) -> Period:
    """The fiscal year containing ``today`` (it starts in the month set in Settings)."""
    return periods.membership_year_period(db, today)


def fiscal_years(db: Database, today: dt.date, before: int = 4, after: int = 1):
    """(label, period) of the fiscal years around ``today``'s, latest first, e.g.
    (« 2026-2027 », 1 April 2026 to 31 March 2027)."""
    table_settings = settings.load(db)
    current = table_settings.membership_year_of(today)
    month = table_settings.membership_year_start_month
    years = []
    for year in range(current + after, current - before - 1, -1):
        start = dt.date(year, month, 1)
        end = dt.date(year + 1, month, 1) - dt.timedelta(days=1)
        years.append((table_settings.membership_year_label(year), Period(start, end)))
    return years


@dataclass
class FunderYear:
    """One funder's year (or one of its programmes' when ``programme`` is set), amounts
    in cents."""

    funder: str
    applications: int = 0
    requested_cents: int = 0
    decided: int = 0
    accepted: int = 0
    granted_cents: int = 0
    received_cents: int = 0
    programme: str = ""

    @property
    def success_rate(self) -> float | None:
        """Accepted (in full or in part) among the decided applications; None if none."""
        return self.accepted / self.decided if self.decided else None

    def add(self, other: FunderYear) -> None:
        for key in ("applications", "requested_cents", "decided", "accepted",
                    "granted_cents", "received_cents"):  # fmt: skip
            setattr(self, key, getattr(self, key) + getattr(other, key))


def funding_year(db: Database, period: Period, *, by_programme: bool = False) -> list[FunderYear]:
    """Per funder (and programme when ``by_programme``), by name, then a last line
    « Total »: applications placed in ``period`` (see :func:`application_day`) and
    instalments received in it."""
    A, I, FA = FundingApplication, FundingInstalment, FundingAgreement  # noqa: E741
    with db.session() as session:
        applications = session.execute(
            select(
                Organization.name, A.programme, A.submitted_on, A.period_start, A.deadline,
                A.status, A.amount_requested_cents, A.amount_granted_cents,
            ).join(Organization, A.funder_id == Organization.id)
        ).all()  # fmt: skip
        received = session.execute(
            select(Organization.name, FA.programme, I.received_cents)
            .join(FA, I.agreement_id == FA.id)
            .join(Organization, FA.funder_id == Organization.id)
            .where(I.received_on.between(period.start, period.end))
        ).all()
    years: dict[tuple[str, str], FunderYear] = {}

    def line(name: str, programme: str) -> FunderYear:
        key = (name, programme.strip() if by_programme else "")
        return years.setdefault(key, FunderYear(name, programme=key[1]))

    for name, programme, submitted, start, deadline, status, requested, granted in applications:
        if not period.contains(application_day(submitted, start, deadline)):
            continue
        year = line(name, programme)
        year.applications += 1
        year.requested_cents += requested
        year.decided += status in DECIDED
        year.accepted += status in YES
        year.granted_cents += (granted or 0) if status in YES else 0
    for name, programme, cents in received:
        line(name, programme).received_cents += cents or 0
    rows = [
        years[k] for k in sorted(years, key=lambda k: (name_sort_key(k[0]), name_sort_key(k[1])))
    ]
    total = FunderYear(_("Total"))
    for row in rows:
        total.add(row)
    return [*rows, total]


@dataclass(frozen=True)
class Renewal:
    """An agreement that ends in the fiscal year, and where its renewal stands."""

    agreement_id: int
    funder: str
    programme: str
    amount_cents: int
    end_date: dt.date
    renewal: str  # the status of a later application to the same programme, or « aucune »


def renewals(db: Database, period: Period) -> list[Renewal]:
    """Agreements ending in ``period``, by end date: each needs a renewal, unless an
    application to the same funder and programme (its name contains the agreement's, as
    « Renouvellement : … » does) was made after it started: its status is shown."""
    A, FA = FundingApplication, FundingAgreement
    with db.session() as session:
        ending = session.execute(
            select(FA.id, FA.funder_id, Organization.name, FA.programme, FA.amount_cents,
                   FA.start_date, FA.end_date)
            .join(Organization, FA.funder_id == Organization.id)
            .where(FA.end_date.between(period.start, period.end))
            .order_by(FA.end_date, FA.id)
        ).all()  # fmt: skip
        applications = session.execute(
            select(A.funder_id, A.programme, A.status, A.submitted_on, A.period_start,
                   A.deadline, A.agreement_id)
        ).all()  # fmt: skip
    result = []
    for agreement_id, funder_id, name, programme, cents, start, end in ending:
        wanted = programme.strip().casefold()
        later = [
            a for a in applications
            if a[0] == funder_id and wanted in a[1].casefold() and a[6] != agreement_id
            and (application_day(a[3], a[4], a[5]) or dt.date.min) > start
        ]  # fmt: skip
        later.sort(key=lambda a: application_day(a[3], a[4], a[5]))
        state = status_label(later[-1][2]) if later else _("Aucune demande")
        result.append(Renewal(agreement_id, name, programme, cents, end, state))
    return result
