"""Follow-ups (suivis): actions owed after a meeting, who does them, by when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Time, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from ...domain import Chantier, FollowUp, Means, Meeting, Organization, Person, Resolution
from ...domain.enums import FollowUpStatus, MeetingKind
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import Column, NotFoundError, Table, ValidationError, require_version
from ..core import validation as v
from .meetings import person_name_sql, require_meeting

OPEN_STATUSES = (FollowUpStatus.OPEN.value, FollowUpStatus.IN_PROGRESS.value)


@dataclass(frozen=True)
class FollowUpData:
    """A follow-up form. ``body`` and ``chantier_id`` default to those of the meeting."""

    description: str
    due_date: dt.date | None = None
    owner_person_id: int | None = None
    owner_organization_id: int | None = None
    meeting_id: int | None = None
    resolution_id: int | None = None
    chantier_id: int | None = None
    means_id: int | None = None
    body: str | None = None
    status: str = FollowUpStatus.OPEN.value


def _validate(session: Session, data: FollowUpData) -> dict:
    if not (data.description or "").strip():
        raise ValidationError(_("Décrivez le suivi à faire."), "description")
    description = v.required_text(
        data.description, "description", _("Suivi"), max_length=2000, multiline=True
    )
    due_date = v.parse_date(data.due_date, "due_date", _("Échéance"))
    if data.status not in {s.value for s in FollowUpStatus}:
        raise ValidationError(_("Statut de suivi inconnu."), "status")
    meeting = None
    if data.meeting_id is not None:
        meeting = require_meeting(session, data.meeting_id)
    checks = (
        ("owner_person_id", Person, _("Cette personne n'existe plus.")),
        ("owner_organization_id", Organization, _("Cet organisme n'existe plus.")),
        ("resolution_id", Resolution, _("Cette résolution n'existe plus.")),
        ("chantier_id", Chantier, _("Ce chantier n'existe plus.")),
        ("means_id", Means, _("Ce moyen du plan d'action n'existe plus.")),
    )
    for field, model, message in checks:
        value = getattr(data, field)
        if value is not None and session.get(model, value) is None:
            raise ValidationError(message, field)
    body = (v.optional_text(data.body, "body", _("Instance"), max_length=16) or "").upper()
    body = body or (meeting.body if meeting else None)
    if body and len(body) > 16:
        raise ValidationError(_("Le code de l'instance doit faire 16 caractères au plus."), "body")
    chantier_id = data.chantier_id
    if chantier_id is None and meeting is not None:
        chantier_id = meeting.chantier_id
    return {
        "description": description,
        "due_date": due_date,
        "owner_person_id": data.owner_person_id,
        "owner_organization_id": data.owner_organization_id,
        "meeting_id": data.meeting_id,
        "resolution_id": data.resolution_id,
        "chantier_id": chantier_id,
        "means_id": data.means_id,
        "body": body,
        "status": data.status,
    }


def _require(session: Session, follow_up_id: int) -> FollowUp:
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFoundError(_("Ce suivi n'existe plus."))
    return follow_up


def add_follow_up(db: Database, data: FollowUpData, *, today: dt.date | None = None) -> int:
    with db.session() as session:
        values = _validate(session, data)
        follow_up = FollowUp(**values)
        if follow_up.status == FollowUpStatus.DONE:
            follow_up.done_on = today or dt.date.today()
        session.add(follow_up)
        session.flush()
        return follow_up.id


def _stamp_done(
    follow_up: FollowUp, was_done: bool, done_on: dt.date | None, today: dt.date | None
) -> None:
    if follow_up.status != FollowUpStatus.DONE:
        follow_up.done_on = None
    elif done_on is not None or not was_done or follow_up.done_on is None:
        follow_up.done_on = done_on or today or dt.date.today()


def update_follow_up_status(
    db: Database,
    follow_up_id: int,
    status: str,
    done_on: dt.date | None = None,
    *,
    today: dt.date | None = None,
    version: int | None = None,
) -> None:
    """Change the status; ``done_on`` (default today) is kept only for done follow-ups.
    ``version`` is the one the list showed: a change made since raises ConflictError."""
    if status not in {s.value for s in FollowUpStatus}:
        raise ValidationError(_("Statut de suivi inconnu."), "status")
    with db.session() as session:
        follow_up = _require(session, follow_up_id)
        require_version(follow_up, version)
        was_done = follow_up.status == FollowUpStatus.DONE
        follow_up.status = status
        _stamp_done(follow_up, was_done, done_on, today)


@dataclass(frozen=True)
class FollowUpState:
    """A follow-up as saved, to compare with a status change that lost the race."""

    description: str
    due_date: dt.date | None
    status: str  # in words
    version: int


def follow_up_state(db: Database, follow_up_id: int) -> FollowUpState:
    with db.session() as session:
        f = _require(session, follow_up_id)
        status = label(f.status, FollowUpStatus)
        return FollowUpState(f.description, f.due_date, status, f.version)


def follow_up_versions(db: Database, ids: list[int]) -> dict[int, int]:
    """The version of each follow-up listed, read with the list."""
    if not ids:
        return {}
    with db.session() as session:
        query = select(FollowUp.id, FollowUp.version).where(FollowUp.id.in_(ids))
        return {row.id: row.version for row in session.execute(query)}


def follow_up_columns() -> list[Column]:
    return [
        Column("due_date", _("Échéance"), "date"),
        Column("description", _("Suivi")),
        Column("owner", _("Responsable")),
        Column("body", _("Instance")),
        Column("chantier", _("Chantier")),
        Column("status", _("Statut")),
        Column("overdue", _("En retard"), "bool"),
        Column("meeting_date", _("Rencontre du"), "date"),
    ]


def overdue_condition(today: dt.date):
    """The rule, in SQL: a follow-up is overdue on ``today`` when still open (or in progress)
    and due before ``today``. Lists, dashboard, workbooks and printed minutes all use it."""
    return and_(
        FollowUp.status.in_(OPEN_STATUSES),
        FollowUp.due_date.is_not(None),
        FollowUp.due_date < today,
    )


DEFAULT_DELAY = dt.timedelta(days=30)


def default_due_date(meeting_date: dt.date, today: dt.date) -> dt.date:
    """The due date a new follow-up is offered: a month after the meeting, or after today
    when the meeting is past (never before the meeting that decides it)."""
    return max(meeting_date, today) + DEFAULT_DELAY


def follow_up_query(today: dt.date, *columns):
    """Follow-ups with the columns of the lists (id, due date, description, owner person,
    owner organisation, body, chantier, status, overdue) and then ``columns``, overdue
    first, then by due date (those without one last)."""
    overdue = overdue_condition(today)
    return (
        select(
            FollowUp.id,
            FollowUp.due_date,
            FollowUp.description,
            person_name_sql(),
            Organization.name,
            FollowUp.body,
            Chantier.name,
            FollowUp.status,
            overdue,
            *columns,
        )
        .outerjoin(Person, Person.id == FollowUp.owner_person_id)
        .outerjoin(Organization, Organization.id == FollowUp.owner_organization_id)
        .outerjoin(Chantier, Chantier.id == FollowUp.chantier_id)
        .outerjoin(Meeting, Meeting.id == FollowUp.meeting_id)
        .order_by(
            case((overdue, 0), else_=1),
            FollowUp.due_date.is_(None),
            FollowUp.due_date,
            FollowUp.id,
        )
    )


def _query(today: dt.date):
    return follow_up_query(today, Meeting.date)


def owner_text(person: str | None, organization: str | None) -> str:
    if person and organization:
        return f"{person} ({organization})"
    return person or organization or ""


def _table(session: Session, query) -> Table:
    statuses = {s.value: label(s) for s in FollowUpStatus}
    table = Table(follow_up_columns())
    for row in session.execute(query):
        table.ids.append(row[0])
        table.rows.append(
            (
                row[1],
                row[2],
                owner_text(row[3], row[4]),
                row[5] or "",
                row[6] or "",
                statuses.get(row[7], row[7]),
                bool(row[8]),
                row[9],
            )
        )
    return table


def list_follow_ups(
    db: Database,
    *,
    body: str | None = None,
    chantier_id: int | None = None,
    open_only: bool = False,
    overdue_only: bool = False,
    today: dt.date,
) -> Table:
    """Follow-ups, overdue ones first, then by due date (those without one last);
    ``overdue_only`` keeps those overdue on ``today`` (the dashboard's « suivis en retard »)."""
    query = _query(today)
    if overdue_only:
        query = query.where(overdue_condition(today))
    if body is not None:
        query = query.where(FollowUp.body == body)
    if chantier_id is not None:
        query = query.where(FollowUp.chantier_id == chantier_id)
    if open_only:
        query = query.where(FollowUp.status.in_(OPEN_STATUSES))
    with db.session() as session:
        return _table(session, query)


def open_follow_ups_for_next_meeting(
    db: Database, meeting_id: int, *, today: dt.date | None = None
) -> Table:
    """Open follow-ups of the meeting's body (and chantier) owed from earlier meetings.

    Chantier meetings share one body code, so their follow-ups also match the chantier.
    ``overdue`` is measured at ``today`` (by default the meeting's date).
    """
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        # Two meetings on one day go by start time (a meeting without one first), then
        # by creation order.
        start = func.coalesce(Meeting.start_time, literal(dt.time.min, Time), type_=Time)
        mine = meeting.start_time or dt.time.min
        query = _query(today or meeting.date).where(
            FollowUp.body == meeting.body,
            FollowUp.status.in_(OPEN_STATUSES),
            or_(
                FollowUp.meeting_id.is_(None),
                Meeting.date < meeting.date,
                and_(Meeting.date == meeting.date, start < mine),
                and_(Meeting.date == meeting.date, start == mine, Meeting.id < meeting.id),
            ),
        )
        if meeting.kind == MeetingKind.CHANTIER and meeting.chantier_id is not None:
            query = query.where(FollowUp.chantier_id == meeting.chantier_id)
        return _table(session, query)


def list_meeting_follow_ups(db: Database, meeting_id: int, *, today: dt.date) -> Table:
    """The follow-ups decided at this meeting, with the columns of the follow-up lists."""
    with db.session() as session:
        require_meeting(session, meeting_id)
        return _table(session, _query(today).where(FollowUp.meeting_id == meeting_id))
