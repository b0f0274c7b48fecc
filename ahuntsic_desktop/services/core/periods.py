"""Periods: from one date to another, both included, as the Exports page and the documents
ask for them; the membership year as a period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...i18n import _, format_date
from ...store import Database
from . import settings as settings_service
from .errors import ValidationError


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    def __str__(self) -> str:
        return _("du {start} au {end}").format(
            start=format_date(self.start), end=format_date(self.end)
        )

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def check_period(start: dt.date | None, end: dt.date | None) -> Period:
    """A period from two dates, or a French ValidationError."""
    if start is None or end is None:
        raise ValidationError(_("Indiquez le début et la fin de la période."), "period")
    if end < start:
        raise ValidationError(_("La fin de la période précède son début."), "period")
    return Period(start, end)


def counted_period(period: Period, today: dt.date, *, beyond_today: bool = False) -> Period:
    """The part of ``period`` a report counts: up to ``today`` at most, unless the person
    asked to count beyond it (what is planned has not happened). A French ValidationError
    when the period starts after today."""
    if beyond_today or period.end <= today:
        return period
    if period.start > today:
        raise ValidationError(
            _(
                "La période commence après aujourd'hui ({today}) : rien ne s'y est encore "
                "passé. Choisissez une période passée, ou demandez de compter au-delà "
                "d'aujourd'hui."
            ).format(today=format_date(today)),
            "period",
        )
    return Period(period.start, today)


def membership_year_period(db: Database, today: dt.date) -> Period:
    """The membership year containing ``today``, e.g. 1 April 2026 to 31 March 2027."""
    table_settings = settings_service.load(db)
    year = table_settings.membership_year_of(today)
    month = table_settings.membership_year_start_month
    start = dt.date(year, month, 1)
    end = dt.date(year + 1, month, 1) - dt.timedelta(days=1)
    return Period(start, end)
