"""Resolutions: numbered decisions ``{body}-{year}-{seq:03d}`` such as ``CC-2026-014``.

Numbers come from :class:`ResolutionCounter`, which remembers the highest number ever
given per body and year: a deleted resolution's number is never given again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from ...domain import AgendaItem, Means, Meeting, Person, Resolution, ResolutionCounter
from ...domain.enums import MeetingStatus, ResolutionOutcome
from ...domain.labels import label
from ...i18n import _
from ...store import Database, single_writer
from ..core import Column, NotFoundError, Table, ValidationError
from ..core import settings as settings_service
from ..core import validation as v
from .meetings import require_meeting
from .quorum import MemberKey, present_voters

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ResolutionData:
    title: str
    moved_by_id: int | None = None
    seconded_by_id: int | None = None
    text: str | None = None
    outcome: str = ResolutionOutcome.ADOPTED.value
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    agenda_item_id: int | None = None
    means_id: int | None = None


def format_number(body: str, year: int, sequence: int) -> str:
    return f"{body}-{year}-{sequence:03d}"


def _validate(
    session: Session, meeting: Meeting, data: ResolutionData, voters: dict[int, MemberKey]
) -> ResolutionData:
    if not (data.title or "").strip():
        raise ValidationError(_("Le titre de la résolution est obligatoire."), "title")
    title = v.required_text(data.title, "title", _("Titre"), max_length=300)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("Une rencontre annulée ne peut pas adopter de résolution."))
    if data.outcome not in {o.value for o in ResolutionOutcome}:
        raise ValidationError(_("Issue du vote inconnue."), "outcome")
    for field, value in (
        ("votes_for", data.votes_for),
        ("votes_against", data.votes_against),
        ("abstentions", data.abstentions),
    ):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100_000:
            raise ValidationError(
                _("Le nombre de voix doit être un entier entre 0 et 100 000."), field
            )
    if data.moved_by_id is None:
        raise ValidationError(_("Indiquez la personne qui propose."), "moved_by_id")
    if data.seconded_by_id is None:
        raise ValidationError(_("Indiquez la personne qui appuie."), "seconded_by_id")
    if data.moved_by_id == data.seconded_by_id:
        raise ValidationError(
            _("La personne qui appuie doit être différente de celle qui propose."),
            "seconded_by_id",
        )
    if data.moved_by_id not in voters:
        raise ValidationError(
            _("La personne qui propose doit être présente et avoir droit de vote."),
            "moved_by_id",
        )
    if data.seconded_by_id not in voters:
        raise ValidationError(
            _("La personne qui appuie doit être présente et avoir droit de vote."),
            "seconded_by_id",
        )
    if voters[data.moved_by_id] == voters[data.seconded_by_id]:
        raise ValidationError(
            _("La personne qui appuie doit représenter un autre membre que celle qui propose."),
            "seconded_by_id",
        )
    if data.agenda_item_id is not None:
        item = session.get(AgendaItem, data.agenda_item_id)
        if item is None or item.meeting_id != meeting.id:
            raise ValidationError(
                _("Ce point n'est pas à l'ordre du jour de cette rencontre."), "agenda_item_id"
            )
    if data.means_id is not None and session.get(Means, data.means_id) is None:
        raise ValidationError(_("Ce moyen du plan d'action n'existe plus."), "means_id")
    text = v.optional_text(data.text, "text", _("Texte"), max_length=20_000, multiline=True)
    return ResolutionData(
        title,
        data.moved_by_id,
        data.seconded_by_id,
        text,
        data.outcome,
        data.votes_for,
        data.votes_against,
        data.abstentions,
        data.agenda_item_id,
        data.means_id,
    )


def _apply(resolution: Resolution, data: ResolutionData) -> None:
    for name in ResolutionData.__dataclass_fields__:
        setattr(resolution, name, getattr(data, name))


def _next_sequence(session: Session, body: str, year: int) -> int:
    # Two users numbering at once on a server take turns until the first commits.
    single_writer(session, "resolution_counter")
    counter = session.get(ResolutionCounter, (body, year))
    if counter is None:
        counter = ResolutionCounter(body=body, year=year, last_sequence=0)
        session.add(counter)
    # Resolutions imported without a counter still hold their numbers.
    highest = session.scalar(
        select(func.max(Resolution.sequence)).where(
            Resolution.body == body, Resolution.year == year
        )
    )
    counter.last_sequence = max(counter.last_sequence or 0, highest or 0) + 1
    return counter.last_sequence


def follow_meeting_date(session: Session, meeting: Meeting) -> None:
    """Renumber the resolutions of ``meeting`` whose body or year no longer match it (the
    meeting moved across 31 December, or to another body): each takes the next number of
    the new body and year, in its old order. The old numbers stay used, never given again."""
    moved = session.scalars(
        select(Resolution)
        .where(
            Resolution.meeting_id == meeting.id,
            or_(Resolution.body != meeting.body, Resolution.year != meeting.date.year),
        )
        .order_by(Resolution.year, Resolution.sequence)
    ).all()
    for resolution in moved:
        old = resolution.number
        year = meeting.date.year
        sequence = _next_sequence(session, meeting.body, year)
        resolution.body, resolution.year, resolution.sequence = meeting.body, year, sequence
        resolution.number = format_number(meeting.body, year, sequence)
        session.flush()
        logger.info("Résolution %s renumérotée %s (rencontre déplacée)", old, resolution.number)


def add_resolution(db: Database, meeting_id: int, data: ResolutionData) -> str:
    """Record a resolution of the meeting; returns its new number, e.g. ``CC-2026-003``."""
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        voters = present_voters(session, meeting, table_settings.membership_year_of(meeting.date))
        return record_resolution(session, meeting, data, voters).number


def record_resolution(
    session: Session, meeting: Meeting, data: ResolutionData, voters: set[int]
) -> Resolution:
    """Check and number a resolution of ``meeting`` inside the caller's transaction (an
    election writes its result this way, with its mandates, all or nothing)."""
    clean = _validate(session, meeting, data, voters)
    year = meeting.date.year
    sequence = _next_sequence(session, meeting.body, year)
    resolution = Resolution(
        meeting_id=meeting.id,
        body=meeting.body,
        year=year,
        sequence=sequence,
        number=format_number(meeting.body, year, sequence),
    )
    _apply(resolution, clean)
    session.add(resolution)
    session.flush()
    return resolution


def _require(session: Session, resolution_id: int) -> Resolution:
    resolution = session.get(Resolution, resolution_id)
    if resolution is None:
        raise NotFoundError(_("Cette résolution n'existe plus."))
    return resolution


def update_resolution(db: Database, resolution_id: int, data: ResolutionData) -> None:
    """Change a resolution's content; its number never changes."""
    table_settings = settings_service.load(db)
    with db.session() as session:
        resolution = _require(session, resolution_id)
        meeting = require_meeting(session, resolution.meeting_id)
        voters = present_voters(session, meeting, table_settings.membership_year_of(meeting.date))
        _apply(resolution, _validate(session, meeting, data, voters))


def delete_resolution(db: Database, resolution_id: int) -> None:
    """Delete a resolution. Its number stays used: the next one gets a new number."""
    with db.session() as session:
        session.delete(_require(session, resolution_id))


def resolution_columns() -> list[Column]:
    return [
        Column("number", _("Numéro")),
        Column("date", _("Date"), "date"),
        Column("body", _("Instance")),
        Column("title", _("Titre")),
        Column("moved_by", _("Proposé par")),
        Column("seconded_by", _("Appuyé par")),
        Column("outcome", _("Décision")),
        Column("votes_for", _("Pour"), "int"),
        Column("votes_against", _("Contre"), "int"),
        Column("abstentions", _("Abstentions"), "int"),
    ]


def list_resolutions(db: Database, meeting_id: int | None = None, year: int | None = None) -> Table:
    """Resolutions in order of adoption; of one meeting and/or one (calendar) year."""
    mover, seconder = aliased(Person), aliased(Person)
    query = (
        select(
            Resolution.id,
            Resolution.number,
            Meeting.date,
            Resolution.body,
            Resolution.title,
            func.trim(mover.first_name + " " + mover.last_name),
            func.trim(seconder.first_name + " " + seconder.last_name),
            Resolution.outcome,
            Resolution.votes_for,
            Resolution.votes_against,
            Resolution.abstentions,
        )
        .join(Meeting, Meeting.id == Resolution.meeting_id)
        .outerjoin(mover, mover.id == Resolution.moved_by_id)
        .outerjoin(seconder, seconder.id == Resolution.seconded_by_id)
        .order_by(Meeting.date, Resolution.body, Resolution.year, Resolution.sequence)
    )
    if meeting_id is not None:
        query = query.where(Resolution.meeting_id == meeting_id)
    if year is not None:
        query = query.where(Resolution.year == year)
    outcomes = {o.value: label(o) for o in ResolutionOutcome}
    table = Table(resolution_columns())
    with db.session() as session:
        for row in session.execute(query):
            table.ids.append(row[0])
            values = list(row[1:])
            values[4] = values[4] or ""
            values[5] = values[5] or ""
            values[6] = outcomes.get(values[6], values[6])
            table.rows.append(tuple(values))
    return table


def get_resolution(db: Database, resolution_id: int) -> tuple[str, ResolutionData]:
    """A resolution's number and its form, to edit it."""
    with db.session() as session:
        resolution = session.get(Resolution, resolution_id)
        if resolution is None:
            raise NotFoundError(_("Cette résolution n'existe plus."))
        values = {name: getattr(resolution, name) for name in ResolutionData.__dataclass_fields__}
        return resolution.number, ResolutionData(**values)
