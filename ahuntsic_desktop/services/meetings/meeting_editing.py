"""What the meeting editor needs beyond the meeting services: pick lists, inline walk-ins,
convening the members, participant counts, the meeting's own follow-ups and reading a
resolution back. Approving the
minutes is in :mod:`.meeting_minutes`. Plain Python, one short unit of work per call."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ...domain import (
    Assignment,
    Attendance,
    Chantier,
    FollowUp,
    Meeting,
    Membership,
    MembershipCategory,
    Organization,
    ParticipantCount,
    Person,
    Representation,
    Resolution,
)
from ...domain.enums import AttendanceStatus, MeetingKind, RepresentationRole, Sector
from ...i18n import _
from ...store import Database
from ..core import settings as settings_service
from ..core.errors import NotFoundError, ValidationError
from ..core.listing import Table
from ..core.validation import name_sort_key
from .attendance import attendance_lines
from .followups import _query as follow_up_query
from .followups import _table as follow_up_table
from .meetings import require_meeting
from .resolutions import ResolutionData

# Delegates speak for their organisation first, then substitutes, then staff.
ROLE_ORDER = (
    RepresentationRole.DELEGATE.value,
    RepresentationRole.SUBSTITUTE.value,
    RepresentationRole.STAFF.value,
)


# -- pick lists ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonChoice:
    id: int
    name: str  # "Prénom Nom"
    organization: str  # the organisation represented on the day asked, or ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.organization})" if self.organization else self.name


def _current(day: dt.date):
    r = Representation
    return and_(
        or_(r.start_date.is_(None), r.start_date <= day),
        or_(r.end_date.is_(None), r.end_date >= day),
    )


def _represented(session: Session, day: dt.date, person_ids=None) -> dict[int, tuple[int, str]]:
    """Person id -> (organisation id, name) each person speaks for on ``day``."""
    query = (
        select(Representation.person_id, Representation.role, Organization.id, Organization.name)
        .join(Organization, Organization.id == Representation.organization_id)
        .where(_current(day), Organization.archived_at.is_(None))
    )
    if person_ids is not None:
        query = query.where(Representation.person_id.in_(person_ids))
    best: dict[int, tuple[tuple, tuple[int, str]]] = {}
    for person_id, role, org_id, name in session.execute(query):
        rank = (ROLE_ORDER.index(role) if role in ROLE_ORDER else 9, name_sort_key(name))
        if person_id not in best or rank < best[person_id][0]:
            best[person_id] = (rank, (org_id, name))
    return {person_id: value for person_id, (_rank, value) in best.items()}


def person_choices(
    db: Database, day: dt.date, include: Iterable[int | None] = ()
) -> list[PersonChoice]:
    """Persons not archived (plus those in ``include``, e.g. the chair already chosen), by
    last then first name, with whom they represent on ``day``."""
    keep = [pid for pid in include if pid is not None]
    with db.session() as session:
        rows = session.execute(
            select(Person.id, Person.first_name, Person.last_name).where(
                or_(Person.archived_at.is_(None), Person.id.in_(keep))
            )
        ).all()
        organizations = _represented(session, day)
    rows.sort(key=lambda r: (name_sort_key(r[2]), name_sort_key(r[1]), r[0]))
    return [
        PersonChoice(pid, f"{first} {last}".strip(), organizations.get(pid, (0, ""))[1])
        for pid, first, last in rows
    ]


def organization_choices(db: Database) -> list[tuple[int, str]]:
    """(id, name) of the organisations not archived, by name."""
    with db.session() as session:
        rows = session.execute(
            select(Organization.id, Organization.name).where(Organization.archived_at.is_(None))
        ).all()
    return sorted(((r[0], r[1]) for r in rows), key=lambda r: name_sort_key(r[1]))


def chantier_choices(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every chantier, by plan then position."""
    with db.session() as session:
        rows = session.execute(
            select(Chantier.id, Chantier.name).order_by(
                Chantier.plan_id.desc(), Chantier.position, Chantier.id
            )
        ).all()
    return [(r[0], r[1]) for r in rows]


# -- attendance -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AddedAttendance:
    attendance_id: int
    person_id: int
    name: str
    created_person: bool


def split_full_name(text: str) -> tuple[str, str]:
    """``"Marie-Ève Gagnon Roy"`` -> ``("Marie-Ève", "Gagnon Roy")``: the first word is the
    first name, the rest the last name; a single word is a last name."""
    words = " ".join((text or "").split()).split(" ")
    words = [w for w in words if w]
    if not words:
        return "", ""
    if len(words) == 1:
        return "", words[0]
    return words[0], " ".join(words[1:])


def _add_line(
    session: Session,
    meeting: Meeting,
    person: Person,
    *,
    status: str,
    invited: bool,
    organization_id: int | None,
    year: int,
) -> Attendance:
    taken = session.scalar(
        select(Attendance.id).where(
            Attendance.meeting_id == meeting.id, Attendance.person_id == person.id
        )
    )
    if taken is not None:
        raise ValidationError(
            _("{name} figure déjà dans les présences de cette rencontre.").format(
                name=person.full_name or _("Cette personne")
            ),
            "person_id",
        )
    attendance = Attendance(
        meeting_id=meeting.id,
        person_id=person.id,
        organization_id=organization_id,
        status=status,
        invited=invited,
    )
    session.add(attendance)
    session.flush()
    attendance.voting = any(
        line.attendance_id == attendance.id and line.member
        for line in attendance_lines(session, meeting, year)
    )
    return attendance


def add_present_person(db: Database, meeting_id: int, person_id: int) -> AddedAttendance:
    """Sign in someone already known who was not on the list (a walk-in), present, for the
    organisation they represent on the meeting's date."""
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        person = session.get(Person, person_id)
        if person is None:
            raise ValidationError(_("Cette personne n'existe plus."), "person_id")
        org = _represented(session, meeting.date, [person_id]).get(person_id, (None, ""))[0]
        attendance = _add_line(
            session,
            meeting,
            person,
            status=AttendanceStatus.PRESENT.value,
            invited=False,
            organization_id=org,
            year=table_settings.membership_year_of(meeting.date),
        )
        return AddedAttendance(attendance.id, person.id, person.full_name, False)


def add_walk_in(db: Database, meeting_id: int, full_name: str) -> AddedAttendance:
    """Sign in a walk-in typed as ``"Prénom Nom"``, present, in one transaction.

    A person of that exact name (case and spacing ignored) is reused; otherwise a new person
    is created. Someone already listed for the meeting is refused and nothing is saved.
    """
    first, last = split_full_name(full_name)
    if not (first or last):
        raise ValidationError(_("Tapez le prénom et le nom de la personne."), "person")
    if len(first) > 100 or len(last) > 100:
        raise ValidationError(_("Ce nom est trop long (100 caractères au plus)."), "person")
    wanted = name_sort_key(f"{first} {last}")
    with db.session() as session:
        same = [
            pid
            for pid, f, la in session.execute(
                select(Person.id, Person.first_name, Person.last_name).where(
                    Person.archived_at.is_(None)
                )
            )
            if name_sort_key(" ".join(f"{f} {la}".split())) == wanted
        ]
    if len(same) > 1:
        raise ValidationError(
            _(
                "Plusieurs personnes s'appellent « {name} » : choisissez la bonne dans la liste "
                "proposée."
            ).format(name=f"{first} {last}".strip()),
            "person",
        )
    if same:
        return add_present_person(db, meeting_id, same[0])
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        person = Person(first_name=first, last_name=last)
        session.add(person)
        session.flush()
        attendance = _add_line(
            session,
            meeting,
            person,
            status=AttendanceStatus.PRESENT.value,
            invited=False,
            organization_id=None,
            year=table_settings.membership_year_of(meeting.date),
        )
        return AddedAttendance(attendance.id, person.id, person.full_name, True)


def invite_members(db: Database, meeting_id: int) -> int:
    """Put the people to convene on the attendance list as invited; returns how many.

    A chantier meeting convenes the chantier's active participants; any other meeting the
    delegates of voting member organisations and the voting individual members of the
    meeting's membership year. People already listed are left as they are.
    """
    table_settings = settings_service.load(db)
    with db.session() as session:
        meeting = require_meeting(session, meeting_id)
        day, year = meeting.date, table_settings.membership_year_of(meeting.date)
        wanted: dict[int, int | None] = {}
        if meeting.kind == MeetingKind.CHANTIER:
            a = Assignment
            query = select(a.person_id, a.organization_id).where(
                a.chantier_id == meeting.chantier_id,
                or_(a.start_date.is_(None), a.start_date <= day),
                or_(a.end_date.is_(None), a.end_date >= day),
            )
            for person_id, org_id in session.execute(query):
                wanted.setdefault(person_id, org_id)
        else:
            voting = (
                select(Membership.organization_id, Membership.person_id)
                .join(MembershipCategory, MembershipCategory.id == Membership.category_id)
                .where(
                    MembershipCategory.voting.is_(True),
                    Membership.paid_on.is_not(None),
                    Membership.year == year,
                )
            )
            orgs, persons = set(), set()
            for org_id, person_id in session.execute(voting):
                if org_id is not None:
                    orgs.add(org_id)
                else:
                    persons.add(person_id)
            delegates = select(Representation.person_id, Representation.organization_id).where(
                Representation.organization_id.in_(orgs),
                Representation.role == RepresentationRole.DELEGATE.value,
                _current(day),
            )
            for person_id, org_id in session.execute(delegates):
                wanted.setdefault(person_id, org_id)
            for person_id in persons:
                wanted.setdefault(person_id, None)
        listed = set(
            session.scalars(select(Attendance.person_id).where(Attendance.meeting_id == meeting.id))
        )
        active = set(
            session.scalars(
                select(Person.id).where(Person.id.in_(wanted), Person.archived_at.is_(None))
            )
        )
        new = [pid for pid in wanted if pid in active and pid not in listed]
        session.add_all(
            Attendance(
                meeting_id=meeting.id,
                person_id=pid,
                organization_id=wanted[pid],
                status=AttendanceStatus.INVITED.value,
                invited=True,
            )
            for pid in new
        )
        return len(new)


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


# -- follow-ups ------------------------------------------------------------------------------


def list_meeting_follow_ups(db: Database, meeting_id: int, *, today: dt.date) -> Table:
    """The follow-ups decided at this meeting, with the columns of the follow-up lists."""
    with db.session() as session:
        require_meeting(session, meeting_id)
        return follow_up_table(
            session, follow_up_query(today).where(FollowUp.meeting_id == meeting_id)
        )


# -- resolutions -----------------------------------------------------------------------------


def get_resolution(db: Database, resolution_id: int) -> tuple[str, ResolutionData]:
    """A resolution's number and its form, to edit it."""
    with db.session() as session:
        resolution = session.get(Resolution, resolution_id)
        if resolution is None:
            raise NotFoundError(_("Cette résolution n'existe plus."))
        values = {name: getattr(resolution, name) for name in ResolutionData.__dataclass_fields__}
        return resolution.number, ResolutionData(**values)
