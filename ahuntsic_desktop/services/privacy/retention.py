"""The retention rule: people with no activity for N years (a setting) are listed for
review, to be anonymised once someone confirms. Nothing is erased here.

Activity is a paid membership (up to the end of its membership year; a renewal not paid, or
paid after today, is not activity), a presence at a meeting (present or excused) up to
today, a chantier assignment or a representation (up to its end; an open one is current). A record with no activity at all is due N years after it was entered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from ...domain import (
    AccessRequest,
    Assignment,
    Attendance,
    Meeting,
    Membership,
    Person,
    Representation,
)
from ...domain.enums import AttendanceStatus
from ...i18n import _, format_date
from ...store import Database
from ..core import Column, Table
from ..core import settings as settings_service
from .erasure import ErasureResult, anonymize_person, purge_file


@dataclass(frozen=True)
class RetentionRule:
    enabled: bool
    years: int
    cutoff: dt.date  # activity before this day is old

    @property
    def description(self) -> str:
        if not self.enabled:
            return _("La règle de conservation est désactivée.")
        return _(
            "Les personnes sans activité depuis {years} ans (avant le {cutoff}) sont "
            "proposées pour anonymisation. Rien n'est effacé sans confirmation."
        ).format(years=self.years, cutoff=format_date(self.cutoff))


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # February 29
        return day.replace(year=day.year - years, day=28)


def retention_rule(db: Database, today: dt.date) -> RetentionRule:
    settings = settings_service.load(db)
    years = int(settings.retention_years)
    return RetentionRule(bool(settings.retention_enabled), years, years_before(today, years))


@dataclass(frozen=True)
class RetentionCandidate:
    person_id: int
    last_name: str
    first_name: str
    status: str
    last_activity: dt.date | None
    activity: str


def paid_by(today: dt.date) -> tuple:
    """A membership paid on or before ``today``: an unpaid renewal is not activity."""
    return (Membership.paid_on.is_not(None), Membership.paid_on <= today)


def _merge(latest: dict[int, tuple[dt.date, str]], rows, what: str) -> None:
    for person_id, day in rows:
        if day is None:
            continue
        if isinstance(day, dt.datetime):
            day = day.date()
        if person_id not in latest or day > latest[person_id][0]:
            latest[person_id] = (day, what)


def _last_activities(session, today: dt.date, start_month: int) -> dict[int, tuple[dt.date, str]]:
    latest: dict[int, tuple[dt.date, str]] = {}
    years = session.execute(
        select(Membership.person_id, func.max(Membership.year))
        .where(Membership.person_id.is_not(None), *paid_by(today))
        .group_by(Membership.person_id)
    ).all()
    _merge(
        latest,
        ((pid, dt.date(year + 1, start_month, 1) - dt.timedelta(days=1)) for pid, year in years),
        _("Adhésion"),
    )
    _merge(
        latest,
        session.execute(
            select(Attendance.person_id, func.max(Meeting.date))
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .where(
                Attendance.status.in_(
                    (AttendanceStatus.PRESENT.value, AttendanceStatus.EXCUSED.value)
                ),
                Meeting.date <= today,
            )
            .group_by(Attendance.person_id)
        ).all(),
        _("Présence à une rencontre"),
    )
    for model, what in (
        (Assignment, _("Participation à un chantier")),
        (Representation, _("Représentation d'un organisme")),
    ):
        ongoing = func.max(func.coalesce(model.end_date, today))
        started = func.max(model.start_date)
        rows = session.execute(
            select(model.person_id, ongoing, started).group_by(model.person_id)
        ).all()
        days = (
            (pid, max(d for d in (end, start) if d)) for pid, end, start in rows if end or start
        )
        _merge(latest, days, what)
    return latest


def due_for_anonymisation(db: Database, today: dt.date) -> list[RetentionCandidate]:
    """People to review under the retention rule (empty when the rule is disabled)."""
    rule = retention_rule(db, today)
    if not rule.enabled:
        return []
    start_month = settings_service.load(db).membership_year_start_month
    with db.session() as session:
        latest = _last_activities(session, today, start_month)
        pending = set(
            session.scalars(
                select(AccessRequest.person_id).where(AccessRequest.completed_on.is_(None))
            )
        )
        members = set(
            session.scalars(
                select(Membership.person_id).where(
                    Membership.person_id.is_not(None), *paid_by(today)
                )
            )
        )
        people = session.execute(
            select(
                Person.id,
                Person.last_name,
                Person.first_name,
                Person.is_resident,
                Person.created_at,
            ).where(Person.anonymized_at.is_(None))
        ).all()
    candidates = []
    for pid, last, first, resident, created in people:
        day, what = latest.get(pid, (None, _("Aucune activité enregistrée")))
        created_day = created.date() if isinstance(created, dt.datetime) else created
        if pid in pending or (day is not None and day >= rule.cutoff):
            continue
        if day is None and created_day is not None and created_day >= rule.cutoff:
            continue  # entered recently, nothing happened yet
        if pid in members:
            status = _("Ancien·ne membre")
        elif resident:
            status = _("Résident·e")
        else:
            status = _("Contact")
        candidates.append(RetentionCandidate(pid, last, first, status, day, what))
    candidates.sort(key=lambda c: (c.last_activity or dt.date.min, c.last_name, c.first_name))
    return candidates


def retention_table(db: Database, today: dt.date) -> Table:
    table = Table(
        [
            Column("last_name", _("Nom")),
            Column("first_name", _("Prénom")),
            Column("status", _("Statut")),
            Column("last_activity", _("Dernière activité"), "date"),
            Column("activity", _("Activité")),
        ]
    )
    for c in due_for_anonymisation(db, today):
        table.ids.append(c.person_id)
        table.rows.append((c.last_name, c.first_name, c.status, c.last_activity, c.activity))
    return table


def anonymize_many(
    db: Database, person_ids: Iterable[int], *, user: str | None = None
) -> list[ErasureResult]:
    """Anonymise each of ``person_ids`` (after the user confirmed), each in its own unit of
    work; people already anonymised are skipped."""
    results = []
    for person_id in dict.fromkeys(person_ids):
        with db.session() as session:
            done = session.scalar(select(Person.anonymized_at).where(Person.id == person_id))
        if done is None:
            results.append(anonymize_person(db, person_id, user=user, purge=False))
    if results:
        purge_file(db)  # once for all: the file is rebuilt at each purge
    return results
