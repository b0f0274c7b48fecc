"""Approving the minutes (procès-verbal) of a meeting: when, and by which later meeting of
the same body. Plain Python, one short unit of work per call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_, select

from ...domain import Meeting
from ...domain.enums import MeetingKind, MeetingStatus
from ...i18n import _, format_date
from ...store import Database
from ..core import ValidationError
from .meetings import require_meeting


@dataclass(frozen=True)
class MinutesState:
    held: bool
    approved_on: dt.date | None
    approved_by_meeting_id: int | None
    approved_by_label: str  # "12 juin 2026 — CC de juin", or ""
    message: str


def _meeting_label(meeting: Meeting) -> str:
    return f"{format_date(meeting.date)} — {meeting.title}"


def minutes_state(db: Database, meeting_id: int) -> MinutesState:
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        by = (
            session.get(Meeting, meeting.minutes_approved_by_meeting_id)
            if meeting.minutes_approved_by_meeting_id
            else None
        )
        held = meeting.status == MeetingStatus.HELD
        by_label = _meeting_label(by) if by else ""
        if meeting.minutes_approved_on is not None:
            message = _("Procès-verbal approuvé le {date}").format(
                date=format_date(meeting.minutes_approved_on)
            )
            if by_label:
                message += " " + _("(rencontre du {meeting})").format(meeting=by_label)
        elif meeting.status == MeetingStatus.CANCELLED:
            message = _("Rencontre annulée : pas de procès-verbal.")
        elif not held:
            message = _("La rencontre n'est pas encore marquée comme tenue.")
        else:
            message = _("Procès-verbal à approuver.")
        return MinutesState(
            held,
            meeting.minutes_approved_on,
            meeting.minutes_approved_by_meeting_id,
            by_label,
            message,
        )


def _approving_query(meeting: Meeting):
    query = select(Meeting).where(
        Meeting.body == meeting.body,
        Meeting.id != meeting.id,
        Meeting.status != MeetingStatus.CANCELLED.value,
        or_(
            Meeting.date > meeting.date, and_(Meeting.date == meeting.date, Meeting.id > meeting.id)
        ),
    )
    if meeting.kind == MeetingKind.CHANTIER and meeting.chantier_id is not None:
        query = query.where(Meeting.chantier_id == meeting.chantier_id)
    return query.order_by(Meeting.date, Meeting.id)


def approving_meeting_choices(db: Database, meeting_id: int) -> list[tuple[int, str, dt.date]]:
    """(id, label, date) of the later meetings of the same body that may approve the minutes."""
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        return [
            (m.id, _meeting_label(m), m.date) for m in session.scalars(_approving_query(meeting))
        ]


def approve_minutes(
    db: Database,
    meeting_id: int,
    approved_on: dt.date | None = None,
    by_meeting_id: int | None = None,
) -> None:
    """Record that the minutes were approved on ``approved_on`` (by default the approving
    meeting's date), by a later meeting of the same body or, with none, in writing."""
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        if meeting.status == MeetingStatus.CANCELLED:
            raise ValidationError(_("Une rencontre annulée n'a pas de procès-verbal à approuver."))
        if meeting.status != MeetingStatus.HELD:
            raise ValidationError(
                _("Seul le procès-verbal d'une rencontre tenue peut être approuvé."), "status"
            )
        if by_meeting_id is not None:
            allowed = {m.id: m for m in session.scalars(_approving_query(meeting))}
            by = allowed.get(by_meeting_id)
            if by is None:
                raise ValidationError(
                    _(
                        "La rencontre qui approuve doit être une rencontre ultérieure de la même "
                        "instance ({body})."
                    ).format(body=meeting.body),
                    "by_meeting_id",
                )
            approved_on = approved_on or by.date
        if approved_on is None:
            raise ValidationError(_("Indiquez la date d'approbation."), "approved_on")
        if approved_on < meeting.date:
            raise ValidationError(
                _("Le procès-verbal ne peut être approuvé avant la tenue de la rencontre."),
                "approved_on",
            )
        meeting.minutes_approved_on = approved_on
        meeting.minutes_approved_by_meeting_id = by_meeting_id


def withdraw_minutes_approval(db: Database, meeting_id: int) -> None:
    """Undo an approval recorded by mistake."""
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        meeting.minutes_approved_on = None
        meeting.minutes_approved_by_meeting_id = None
