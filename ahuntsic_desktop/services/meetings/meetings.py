"""Meetings (rencontres): the list, creating one with its standard agenda, editing, status.

The agenda, attendance, resolutions and follow-ups of a meeting live in sibling modules
(:mod:`.agenda`, :mod:`.attendance`, :mod:`.quorum`, :mod:`.resolutions`, :mod:`.followups`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ...domain import AgendaItem, Attendance, Chantier, Meeting, ParticipantCount, Person
from ...domain.enums import (
    AgendaItemKind,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
    ParticipationFormat,
    Sector,
)
from ...domain.labels import label
from ...i18n import N_, _
from ...store import Database
from ..core import Choice, Column, NotFoundError, Table, ValidationError, require_version
from ..core import validation as v

DEFAULT_BODIES: dict[str, str] = {
    MeetingKind.AGA: "AG",
    MeetingKind.AGE: "AG",
    MeetingKind.NEIGHBOURHOOD_ASSEMBLY: "AG",
    MeetingKind.COORDINATION: "CC",
    MeetingKind.CHANTIER: "CH",
    MeetingKind.AD_HOC: "AH",
    MeetingKind.PARTICIPATION: "PA",
}

# (title, kind, planned minutes): inserted, translated, in every new meeting's agenda.
STANDARD_AGENDA: tuple[tuple[str, AgendaItemKind, int], ...] = (
    (N_("Ouverture"), AgendaItemKind.INFORMATION, 5),
    (N_("Vérification du quorum"), AgendaItemKind.INFORMATION, 5),
    (N_("Adoption de l'ordre du jour"), AgendaItemKind.DECISION, 5),
    (N_("Adoption du procès-verbal de la rencontre précédente"), AgendaItemKind.DECISION, 10),
    (N_("Suivis"), AgendaItemKind.DISCUSSION, 15),
    (N_("Varia"), AgendaItemKind.DISCUSSION, 10),
    (N_("Levée de la rencontre"), AgendaItemKind.INFORMATION, 5),
)


def default_body(kind: str) -> str:
    """The body code (used in resolution numbers) of a meeting of ``kind``: AG, CC, CH..."""
    return DEFAULT_BODIES.get(MeetingKind(kind), "AG")


@dataclass(frozen=True)
class MeetingData:
    """What a meeting form edits. ``body`` defaults to the kind's code (see default_body)."""

    kind: str
    title: str
    date: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    chantier_id: int | None = None
    participation_format: str | None = None
    body: str | None = None
    status: str = MeetingStatus.PLANNED.value
    chair_id: int | None = None
    secretary_id: int | None = None
    notes: str | None = None
    # The version read (get_meeting): a save from an older read raises ConflictError.
    version: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class MeetingDetail:
    id: int
    kind: str
    kind_label: str
    body: str
    title: str
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    place: str | None
    chantier_id: int | None
    chantier_name: str | None
    participation_format: str | None
    status: str
    status_label: str
    chair_id: int | None
    secretary_id: int | None
    notes: str | None
    minutes_approved_on: dt.date | None
    version: int | None = None

    def data(self) -> MeetingData:
        """The editable part, to prefill a form or build an update."""
        return MeetingData(
            kind=self.kind,
            title=self.title,
            date=self.date,
            start_time=self.start_time,
            end_time=self.end_time,
            place=self.place,
            chantier_id=self.chantier_id,
            participation_format=self.participation_format,
            body=self.body,
            status=self.status,
            chair_id=self.chair_id,
            secretary_id=self.secretary_id,
            notes=self.notes,
            version=self.version,
        )


def person_name_sql():
    """``first last`` as one SQL expression, for list queries."""
    return func.trim(Person.first_name + " " + Person.last_name)


def require_meeting(session: Session, meeting_id: int) -> Meeting:
    """The meeting, or a French NotFoundError. For the sibling meeting services."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(_("Cette rencontre n'existe plus."))
    return meeting


def _validate(session: Session, data: MeetingData) -> MeetingData:
    """Check a form and return it cleaned (trimmed text, body filled in)."""
    if data.kind not in {k.value for k in MeetingKind}:
        raise ValidationError(_("Choisissez le type de rencontre."), "kind")
    if not (data.title or "").strip():
        raise ValidationError(_("Le titre de la rencontre est obligatoire."), "title")
    title = v.required_text(data.title, "title", _("Titre"), max_length=200)
    day = v.parse_date(data.date, "date", _("Date"), required=True)
    if data.start_time and data.end_time and data.end_time <= data.start_time:
        raise ValidationError(_("L'heure de fin doit suivre l'heure de début."), "end_time")
    if data.kind == MeetingKind.CHANTIER and data.chantier_id is None:
        raise ValidationError(
            _("Choisissez le chantier de cette rencontre de chantier."), "chantier_id"
        )
    if data.chantier_id is not None and session.get(Chantier, data.chantier_id) is None:
        raise ValidationError(_("Ce chantier n'existe plus."), "chantier_id")
    fmt = data.participation_format or None
    if fmt is not None:
        if data.kind != MeetingKind.PARTICIPATION:
            raise ValidationError(
                _("Le format ne s'applique qu'aux activités de participation."),
                "participation_format",
            )
        if fmt not in {f.value for f in ParticipationFormat}:
            raise ValidationError(_("Format d'activité inconnu."), "participation_format")
    if data.status not in {s.value for s in MeetingStatus}:
        raise ValidationError(_("Statut de rencontre inconnu."), "status")
    body = (v.optional_text(data.body, "body", _("Instance"), max_length=16) or "").upper()
    body = body or default_body(data.kind)
    if len(body) > 16:
        raise ValidationError(_("Le code de l'instance doit faire 16 caractères au plus."), "body")
    for key, person_id in (("chair_id", data.chair_id), ("secretary_id", data.secretary_id)):
        if person_id is not None and session.get(Person, person_id) is None:
            raise ValidationError(_("Cette personne n'existe plus."), key)
    place = v.optional_text(data.place, "place", _("Lieu"), max_length=300)
    notes = v.optional_text(data.notes, "notes", _("Notes"), max_length=20_000, multiline=True)
    return replace(
        data, title=title, date=day, place=place, participation_format=fmt, body=body, notes=notes
    )


def _apply(meeting: Meeting, data: MeetingData) -> None:
    for name in MeetingData.__dataclass_fields__:
        if name != "version":  # the store raises it at every save
            setattr(meeting, name, getattr(data, name))


def create_meeting(db: Database, data: MeetingData, *, standard_agenda: bool | None = None) -> int:
    """Insert a meeting and its standard agenda; returns its id.

    ``standard_agenda`` None means: every kind but participation activities gets one.
    """
    with db.session() as session:
        clean = _validate(session, data)
        meeting = Meeting()
        _apply(meeting, clean)
        if standard_agenda is None:
            standard_agenda = clean.kind != MeetingKind.PARTICIPATION
        if standard_agenda:
            meeting.agenda_items = [
                AgendaItem(position=i, title=_(title), kind=kind.value, planned_minutes=minutes)
                for i, (title, kind, minutes) in enumerate(STANDARD_AGENDA)
            ]
        session.add(meeting)
        session.flush()
        return meeting.id


def update_meeting(db: Database, meeting_id: int, data: MeetingData) -> None:
    """Change a meeting. Moved to another year (or body), its resolutions take the new
    year's numbers (see :func:`.resolutions.follow_meeting_date`)."""
    from .resolutions import follow_meeting_date  # resolutions build on this module

    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        require_version(meeting, data.version)
        _apply(meeting, _validate(session, data))
        session.flush()
        follow_meeting_date(session, meeting)


def set_status(db: Database, meeting_id: int, status: str) -> None:
    if status not in {s.value for s in MeetingStatus}:
        raise ValidationError(_("Statut de rencontre inconnu."), "status")
    with db.session() as session:
        require_meeting(session, meeting_id).status = status


def get_meeting(db: Database, meeting_id: int) -> MeetingDetail:
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        chantier = session.get(Chantier, meeting.chantier_id) if meeting.chantier_id else None
        return MeetingDetail(
            id=meeting.id,
            kind=meeting.kind,
            kind_label=label(meeting.kind, MeetingKind),
            body=meeting.body,
            title=meeting.title,
            date=meeting.date,
            start_time=meeting.start_time,
            end_time=meeting.end_time,
            place=meeting.place,
            chantier_id=meeting.chantier_id,
            chantier_name=chantier.name if chantier else None,
            participation_format=meeting.participation_format,
            status=meeting.status,
            status_label=label(meeting.status, MeetingStatus),
            chair_id=meeting.chair_id,
            secretary_id=meeting.secretary_id,
            notes=meeting.notes,
            minutes_approved_on=meeting.minutes_approved_on,
            version=meeting.version,
        )


def meeting_columns() -> list[Column]:
    return [
        Column("date", _("Date"), "date"),
        Column("start_time", _("Heure"), "time"),
        Column("kind", _("Type")),
        Column("title", _("Titre")),
        Column("body", _("Instance")),
        Column("chantier", _("Chantier")),
        Column("place", _("Lieu")),
        Column("status", _("Statut")),
        Column("present", _("Présences"), "int"),
    ]


def list_meetings(
    db: Database,
    *,
    kind: str | None = None,
    chantier_id: int | None = None,
    upcoming: bool | None = None,
    today: dt.date | None = None,
) -> Table:
    """Meetings, latest first (soonest first with ``upcoming=True``), with present counts.

    ``upcoming`` True keeps meetings from ``today`` on, False the earlier ones.
    """
    today = today or dt.date.today()
    present = func.count(Attendance.id)
    query = (
        select(
            Meeting.id,
            Meeting.date,
            Meeting.start_time,
            Meeting.kind,
            Meeting.title,
            Meeting.body,
            Chantier.name,
            Meeting.place,
            Meeting.status,
            present,
        )
        .outerjoin(Chantier, Chantier.id == Meeting.chantier_id)
        .outerjoin(
            Attendance,
            and_(
                Attendance.meeting_id == Meeting.id,
                Attendance.status == AttendanceStatus.PRESENT.value,
            ),
        )
        .group_by(Meeting.id, Chantier.name)  # PostgreSQL wants every non-aggregate named
    )
    if kind is not None:
        query = query.where(Meeting.kind == kind)
    if chantier_id is not None:
        query = query.where(Meeting.chantier_id == chantier_id)
    if upcoming is True:
        query = query.where(Meeting.date >= today).order_by(
            Meeting.date, Meeting.start_time, Meeting.id
        )
    else:
        if upcoming is False:
            query = query.where(Meeting.date < today)
        query = query.order_by(Meeting.date.desc(), Meeting.start_time.desc(), Meeting.id.desc())
    kinds = {k.value: label(k) for k in MeetingKind}
    statuses = {s.value: label(s) for s in MeetingStatus}
    table = Table(meeting_columns())
    with db.session() as session:
        for row in session.execute(query):
            table.ids.append(row[0])
            table.rows.append(
                (
                    row[1],
                    row[2],
                    kinds.get(row[3], row[3]),
                    row[4],
                    row[5],
                    row[6] or "",
                    row[7] or "",
                    statuses.get(row[8], row[8]),
                    row[9],
                )
            )
    return table


# -- participation activities ---------------------------------------------------------------


def participant_counts(db: Database, meeting_id: int) -> dict[str, int]:
    """Anonymous participants by sector code (every sector, 0 when not counted)."""
    with db.session() as session:
        require_meeting(session, meeting_id)
        rows = session.execute(
            select(ParticipantCount.sector, ParticipantCount.count).where(
                ParticipantCount.meeting_id == meeting_id
            )
        ).all()
    counts = {sector.value: 0 for sector in Sector}
    counts.update({sector: count for sector, count in rows})
    return counts


def set_participant_count(db: Database, meeting_id: int, sector: str, count: int) -> None:
    if sector not in {s.value for s in Sector}:
        raise ValidationError(_("Secteur inconnu."), "sector")
    if count is None or count < 0:
        raise ValidationError(_("Le nombre de participant·es doit être positif ou nul."), sector)
    with db.session() as session:
        require_meeting(session, meeting_id)
        row = session.scalar(
            select(ParticipantCount).where(
                ParticipantCount.meeting_id == meeting_id, ParticipantCount.sector == sector
            )
        )
        if row is None:
            session.add(ParticipantCount(meeting_id=meeting_id, sector=sector, count=count))
        else:
            row.count = count


# -- bodies (instances) --------------------------------------------------------------------

BODY_LABELS = {
    "AG": N_("Assemblées générales"),
    "CC": N_("Comité de coordination"),
    "CH": N_("Chantiers"),
    "AH": N_("Comités ad hoc"),
    "PA": N_("Activités de participation"),
}


def body_label(body: str | None) -> str:
    if not body:
        return ""
    text = BODY_LABELS.get(body)
    return f"{_(text)} ({body})" if text else body


def body_choices(db: Database) -> list[Choice]:
    """The meeting bodies (AG, CC, CH...) known to the file, the usual ones first."""
    with db.session() as session:
        used = set(session.scalars(select(Meeting.body).distinct()))
    order = list(BODY_LABELS)
    bodies = sorted(used | set(order), key=lambda b: (order.index(b) if b in order else 99, b))
    return [Choice(body, body_label(body)) for body in bodies]
