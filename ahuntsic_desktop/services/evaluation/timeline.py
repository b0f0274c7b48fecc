"""The timeline of the table's history: dated milestones (foundation, plans, projects,
assemblies, démarches), each dated by a day or by a year with an optional month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import TimelineEvent
from ...domain.enums import TimelineCategory
from ...i18n import N_, _, format_date
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v
from . import checks

MONTHS = (
    N_("janvier"), N_("février"), N_("mars"), N_("avril"), N_("mai"), N_("juin"),
    N_("juillet"), N_("août"), N_("septembre"), N_("octobre"), N_("novembre"), N_("décembre"),
)  # fmt: skip


@dataclass(frozen=True)
class EventForm:
    title: str
    category: str
    year: object = None  # needed when there is no day
    month: object = None
    day: dt.date | str | None = None
    description: str | None = None


@dataclass(frozen=True)
class EventRow:
    id: int
    year: int
    month: int | None
    day: dt.date | None
    title: str
    description: str | None
    category: str

    @property
    def when(self) -> str:
        """« 26 novembre 2026 », « novembre 2026 » or « 2026 »."""
        if self.day is not None:
            return format_date(self.day, "long")
        if self.month:
            return f"{_(MONTHS[self.month - 1])} {self.year}"
        return str(self.year)

    @property
    def sort_key(self) -> tuple:
        return (self.year, self.month or (self.day.month if self.day else 0),
                self.day.day if self.day else 0, self.id)  # fmt: skip


def _values(form: EventForm) -> dict:
    title = v.required_text(form.title, "title", _("Titre"), max_length=300)
    category = v.choice(form.category, TimelineCategory, "category", _("Catégorie"))
    description = checks.long_text(form.description, "description", _("Description"))
    day = v.parse_date(form.day, "day", _("Date")) if isinstance(form.day, str) else form.day
    year = checks.year(form.year, "year", _("Année"), required=day is None)
    month = None
    if form.month not in (None, ""):
        try:
            month = int(str(form.month).strip())
        except ValueError:
            month = 0
        if not 1 <= month <= 12:
            raise ValidationError(_("Le mois doit être entre 1 et 12."), "month")
    if day is not None:
        if (year is not None and year != day.year) or (month is not None and month != day.month):
            raise ValidationError(_("L'année ou le mois ne concorde pas avec la date."), "day")
        year, month = day.year, day.month
    elif month is not None and year is None:
        raise ValidationError(_("Indiquez l'année du mois choisi."), "year")
    return {
        "title": title,
        "category": category,
        "description": description,
        "day": day,
        "year": year,
        "month": month,
    }


def timeline_events(db: Database, start_year: int | None = None, end_year: int | None = None):
    """The events in date order, optionally between two years (both included)."""
    query = select(TimelineEvent)
    if start_year is not None:
        query = query.where(TimelineEvent.year >= start_year)
    if end_year is not None:
        query = query.where(TimelineEvent.year <= end_year)
    with db.session() as session:
        rows = [
            EventRow(e.id, e.year, e.month, e.day, e.title, e.description, e.category)
            for e in session.scalars(query)
        ]
    return sorted(rows, key=lambda r: r.sort_key)


def save_event(db: Database, form: EventForm, event_id: int | None = None) -> int:
    values = _values(form)
    with db.session() as session:
        if event_id is None:
            event = TimelineEvent(**values)
            session.add(event)
        else:
            event = session.get(TimelineEvent, event_id)
            if event is None:
                raise NotFoundError(_("Cet événement n'existe plus."), "id")
            for key, value in values.items():
                setattr(event, key, value)
        session.flush()
        return event.id


def delete_event(db: Database, event_id: int) -> None:
    with db.session() as session:
        event = session.get(TimelineEvent, event_id)
        if event is None:
            raise NotFoundError(_("Cet événement n'existe plus."), "id")
        session.delete(event)
