"""The funding year at a glance: per funder, what was requested, granted and received in a
fiscal year (the year that starts in the month chosen in Settings), and the success rate."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import FundingAgreement, FundingApplication, FundingInstalment, Organization
from ...domain.grants import ApplicationStatus as S
from ...i18n import _
from ...store import Database
from ..core import Period, name_sort_key, periods
from .applications import application_day

DECIDED = {S.ACCEPTED.value, S.PARTLY_ACCEPTED.value, S.REFUSED.value}
YES = {S.ACCEPTED.value, S.PARTLY_ACCEPTED.value}


def fiscal_year(db: Database, today: dt.date) -> Period:
    """The fiscal year containing ``today`` (it starts in the month set in Settings)."""
    return periods.membership_year_period(db, today)


@dataclass
class FunderYear:
    """One funder's year, amounts in cents."""

    funder: str
    applications: int = 0
    requested_cents: int = 0
    decided: int = 0
    accepted: int = 0
    granted_cents: int = 0
    received_cents: int = 0

    @property
    def success_rate(self) -> float | None:
        """Accepted (in full or in part) among the decided applications; None if none."""
        return self.accepted / self.decided if self.decided else None


def funding_year(db: Database, period: Period) -> list[FunderYear]:
    """Per funder, by name, then a last line « Total »: applications placed in ``period``
    (see :func:`application_day`) and instalments received in it."""
    A, I, FA = FundingApplication, FundingInstalment, FundingAgreement  # noqa: E741
    with db.session() as session:
        applications = session.execute(
            select(
                Organization.name, A.submitted_on, A.period_start, A.deadline, A.status,
                A.amount_requested_cents, A.amount_granted_cents,
            ).join(Organization, A.funder_id == Organization.id)
        ).all()  # fmt: skip
        received = session.execute(
            select(Organization.name, I.received_cents)
            .join(FA, I.agreement_id == FA.id)
            .join(Organization, FA.funder_id == Organization.id)
            .where(I.received_on.between(period.start, period.end))
        ).all()
    years: dict[str, FunderYear] = defaultdict(lambda: FunderYear(""))
    for name, submitted, start, deadline, status, requested, granted in applications:
        if not period.contains(application_day(submitted, start, deadline)):
            continue
        year = years[name]
        year.applications += 1
        year.requested_cents += requested
        year.decided += status in DECIDED
        year.accepted += status in YES
        year.granted_cents += (granted or 0) if status in YES else 0
    for name, cents in received:
        years[name].received_cents += cents or 0
    rows = []
    for name in sorted(years, key=name_sort_key):
        years[name].funder = name
        rows.append(years[name])
    total = FunderYear(_("Total"))
    for row in rows:
        for key in ("applications", "requested_cents", "decided", "accepted"):
            setattr(total, key, getattr(total, key) + getattr(row, key))
        total.granted_cents += row.granted_cents
        total.received_cents += row.received_cents
    return [*rows, total]
