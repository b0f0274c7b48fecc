"""Échéances: the funding deadlines as an iCalendar file (.ics) any agenda program opens:
application deadlines and funder report deadlines, one all-day event each.

Each event's UID is built from the row's id, so importing a newer file into the same agenda
updates its events instead of adding copies."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar, Event

from ..i18n import _
from ..private_files import write_atomically
from ..services.funding.agreements import list_deadline_infos
from ..services.funding.applications import application_deadlines, status_label
from ..store import Database
from .catalog import ExportOptions, Progress

UID_DOMAIN = "ahuntsic-desktop"


def application_uid(application_id: int) -> str:
    return f"demande-{application_id}@{UID_DOMAIN}"


def report_uid(deadline_id: int) -> str:
    return f"reddition-{deadline_id}@{UID_DOMAIN}"


def _event(uid: str, day: dt.date, summary: str, description: str, stamp: dt.datetime):
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day)  # a date, not a datetime: an all-day event
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    return event


def build_calendar(db: Database, today: dt.date) -> Calendar:
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", "-//Ahuntsic Desktop//Échéances//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Échéances de financement"))
    for d in application_deadlines(db):
        summary = _("Date limite de dépôt : {programme} ({funder})").format(
            programme=d.programme, funder=d.funder
        )
        description = _("Demande de financement, statut : {status}.").format(
            status=status_label(d.status)
        )
        calendar.add_component(
            _event(application_uid(d.id), d.deadline, summary, description, stamp)
        )
    for d in list_deadline_infos(db, today):
        summary = _("Reddition de comptes : {title} ({funder})").format(
            title=d.title, funder=d.funder
        )
        if d.submitted_on is not None:
            description = _("Programme : {programme}. Remise le {day}.").format(
                programme=d.programme, day=d.submitted_on.isoformat()
            )
        else:
            description = _("Programme : {programme}. À remettre.").format(programme=d.programme)
        calendar.add_component(_event(report_uid(d.id), d.due_date, summary, description, stamp))
    return calendar


def write(
    db: Database, path: Path | str, options: ExportOptions, progress: Progress | None = None
) -> Path:
    data = build_calendar(db, options.day).to_ical()
    if progress is not None:
        progress(1, 1)

    def put(temporary: str) -> None:
        Path(temporary).write_bytes(data)

    return write_atomically(Path(path), put)
