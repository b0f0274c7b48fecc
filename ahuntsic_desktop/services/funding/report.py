"""The funder report's figures besides the activity counts (:mod:`..reports.activity`): the
funders to choose from, the funder's agreements and reports due in the period, and the
participants who consented to share their contact details.

Contact details of *persons* appear only when the caller asks for them, and then only for
those who consented (see :func:`..registry.contacts.consented_person_ids`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from ...domain import (
    AgreementAllocation,
    Attendance,
    Chantier,
    FundingAgreement,
    Meeting,
    Organization,
    ParticipantCount,
    PartnerRole,
    Person,
    ReportingDeadline,
)
from ...domain.enums import (
    AttendanceStatus,
    ConsentPurpose,
    MeetingStatus,
    PartnerKind,
)
from ...i18n import _
from ...store import Database
from ..core import Choice, Period, ValidationError, name_sort_key, periods
from ..meetings import PRESENT, held_in
from ..registry import consented_person_ids


def funder_choices(db: Database) -> list[Choice]:
    """Organisations that fund the table (a funding agreement or the funder role)."""
    with db.session() as session:
        rows = session.execute(
            select(Organization.id, Organization.name).where(
                or_(
                    Organization.id.in_(select(FundingAgreement.funder_id)),
                    Organization.id.in_(
                        select(PartnerRole.organization_id).where(
                            PartnerRole.kind == PartnerKind.FUNDER.value
                        )
                    ),
                )
            )
        ).all()
    return [Choice(i, name) for i, name in sorted(rows, key=lambda r: name_sort_key(r[1]))]


def organization_name(db: Database, organization_id: int) -> str:
    with db.session() as session:
        name = session.scalar(select(Organization.name).where(Organization.id == organization_id))
    if name is None:
        raise ValidationError(
            _("Aucun organisme ne porte le numéro {id}.").format(id=organization_id), "funder_id"
        )
    return name


# -- funders -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreementLine:
    programme: str
    amount_cents: int
    start_date: dt.date
    end_date: dt.date | None
    deadlines: tuple[tuple[str, dt.date, dt.date | None], ...]  # (title, due, submitted on)


def funder_agreements(db: Database, funder_id: int, period: Period) -> list[AgreementLine]:
    """The funder's agreements that overlap ``period``, with their reports due in it."""
    fa, rd = FundingAgreement, ReportingDeadline
    with db.session() as session:
        agreements = session.scalars(
            select(fa)
            .where(
                fa.funder_id == funder_id,
                fa.start_date <= period.end,
                or_(fa.end_date.is_(None), fa.end_date >= period.start),
            )
            .order_by(fa.start_date, fa.id)
        ).all()
        lines = []
        for agreement in agreements:
            deadlines = session.execute(
                select(rd.title, rd.due_date, rd.submitted_on)
                .where(
                    rd.agreement_id == agreement.id, rd.due_date.between(period.start, period.end)
                )
                .order_by(rd.due_date)
            ).all()
            lines.append(
                AgreementLine(
                    agreement.programme,
                    agreement.amount_cents,
                    agreement.start_date,
                    agreement.end_date,
                    tuple(tuple(d) for d in deadlines),
                )
            )
    return lines


@dataclass(frozen=True)
class ContactLine:
    last_name: str
    first_name: str
    organization: str
    email: str
    phone: str
    presences: int


@dataclass(frozen=True)
class SharedContacts:
    """The contact details a funder may receive, and how many present persons were left
    out for want of consent."""

    lines: list[ContactLine]
    left_out: int


def consenting_participants(db: Database, period: Period, today: dt.date) -> SharedContacts:
    """Persons present at a held meeting of ``period`` who consented to the communication
    of their contact details to funders (a purpose of its own under Law 25, in force on
    ``today``), with their presences; those without that consent are only counted."""
    a = Attendance
    with db.session() as session:
        consented = consented_person_ids(session, today, (ConsentPurpose.FUNDER_SHARING.value,))
        rows = session.execute(
            select(
                Person.id,
                Person.last_name,
                Person.first_name,
                Person.email,
                Person.phone,
                func.count(a.id),
                func.max(Organization.name),
            )
            .join(a, a.person_id == Person.id)
            .join(Meeting, Meeting.id == a.meeting_id)
            .outerjoin(Organization, Organization.id == a.organization_id)
            .where(
                a.status == AttendanceStatus.PRESENT.value,
                Meeting.status == MeetingStatus.HELD.value,
                Meeting.date.between(period.start, period.end),
                Person.anonymized_at.is_(None),
            )
            .group_by(Person.id)
        ).all()
    key = name_sort_key
    lines = [
        ContactLine(r[1], r[2], r[6] or "", r[3] or "", r[4] or "", r[5])
        for r in sorted(rows, key=lambda r: (key(r[1]), key(r[2])))
        if r[0] in consented
    ]
    return SharedContacts(lines, len(rows) - len(lines))


# -- funded chantiers ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChantierActivity:
    """What a chantier funded by one of the funder's agreements did over the agreement's
    period (counted up to today at most): held meetings, presences, anonymous participants."""

    programme: str
    chantier: str
    amount_cents: int
    counted: Period
    meetings_held: int
    presences: int
    anonymous: int


def funded_chantier_activity(
    db: Database, funder_id: int, period: Period, today: dt.date, *, beyond_today: bool = False
) -> list[ChantierActivity]:
    """For each of the funder's agreements overlapping ``period``, each chantier it funds
    (see :mod:`.allocations`) with its activity over the *agreement's* period."""
    fa, aa = FundingAgreement, AgreementAllocation
    lines = []
    with db.session() as session:
        funded = session.execute(
            select(fa.programme, fa.start_date, fa.end_date, Chantier.id, Chantier.name,
                   func.sum(aa.amount_cents))
            .join(aa, aa.agreement_id == fa.id)
            .join(Chantier, Chantier.id == aa.chantier_id)
            .where(
                fa.funder_id == funder_id,
                fa.start_date <= period.end,
                or_(fa.end_date.is_(None), fa.end_date >= period.start),
            )
            .group_by(fa.id, Chantier.id)
            .order_by(fa.start_date, fa.id, Chantier.position, Chantier.id)
        ).all()  # fmt: skip
        for programme, start, end, chantier_id, name, cents in funded:
            if start > today and not beyond_today:
                continue  # nothing happened yet
            counted = periods.counted_period(
                Period(start, end or max(period.end, start)), today, beyond_today=beyond_today
            )
            meetings = select(Meeting.id).where(
                Meeting.chantier_id == chantier_id, *held_in(counted)
            )
            held = session.scalar(select(func.count()).select_from(meetings.subquery()))
            presences = session.scalar(
                select(func.count(Attendance.id)).where(
                    Attendance.meeting_id.in_(meetings), Attendance.status == PRESENT
                )
            )
            anonymous = session.scalar(
                select(func.coalesce(func.sum(ParticipantCount.count), 0)).where(
                    ParticipantCount.meeting_id.in_(meetings)
                )
            )
            lines.append(
                ChantierActivity(programme, name, cents, counted, held, presences, anonymous)
            )
    return lines
