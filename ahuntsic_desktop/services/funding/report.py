"""Queries behind the exported documents: the period and choice lists of the Exports page,
consent to share contact details, and the member register.

Reports to funders carry counts (see :mod:`.stats`); the lists here carry names because
they serve the secretariat itself. Contact details of *persons* appear only when the caller
asks for them, and then only for those who consented (see :func:`consented_person_ids`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ...domain import (
    ActionPlan,
    Attendance,
    Consent,
    FundingAgreement,
    Meeting,
    Organization,
    PartnerRole,
    Person,
    ReportingDeadline,
)
from ...domain.enums import (
    AttendanceStatus,
    ConsentPurpose,
    MeetingKind,
    MeetingStatus,
    PartnerKind,
    Sector,
)
from ...domain.labels import label
from ...i18n import N_, _, format_date
from ...store import Database
from ..core import settings as settings_service
from ..core.errors import ValidationError
from ..core.validation import name_sort_key

CONTACT_PURPOSES = (ConsentPurpose.EMAIL_CONTACT.value, ConsentPurpose.DIRECTORY.value)

BODY_LABELS = {
    "AG": N_("Assemblées générales"),
    "CC": N_("Comité de coordination"),
    "CH": N_("Chantiers"),
    "AH": N_("Comités ad hoc"),
    "PA": N_("Activités de participation"),
}


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


def membership_year_period(db: Database, today: dt.date) -> Period:
    """The membership year containing ``today``, e.g. 1 April 2026 to 31 March 2027."""
    table_settings = settings_service.load(db)
    year = table_settings.membership_year_of(today)
    month = table_settings.membership_year_start_month
    start = dt.date(year, month, 1)
    end = dt.date(year + 1, month, 1) - dt.timedelta(days=1)
    return Period(start, end)


# -- choice lists ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    value: int | str
    text: str


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


def plan_choices(db: Database) -> list[Choice]:
    """Action plans, the most recent first (the first is the current plan)."""
    with db.session() as session:
        rows = session.execute(
            select(ActionPlan.id, ActionPlan.title).order_by(
                ActionPlan.start_year.desc(), ActionPlan.id.desc()
            )
        ).all()
    return [Choice(i, title) for i, title in rows]


def current_plan_id(session: Session) -> int | None:
    return session.scalar(
        select(ActionPlan.id).order_by(ActionPlan.start_year.desc(), ActionPlan.id.desc()).limit(1)
    )


def organization_name(db: Database, organization_id: int) -> str:
    with db.session() as session:
        name = session.scalar(select(Organization.name).where(Organization.id == organization_id))
    if name is None:
        raise ValidationError(
            _("Aucun organisme ne porte le numéro {id}.").format(id=organization_id), "funder_id"
        )
    return name


# -- consent --------------------------------------------------------------------------------


def consented_person_ids(
    session: Session, today: dt.date, purposes: tuple[str, ...] = CONTACT_PURPOSES
) -> set[int]:
    """Persons (not anonymised) with a consent for one of ``purposes`` in force on ``today``."""
    rows = session.scalars(
        select(Consent.person_id)
        .join(Person, Person.id == Consent.person_id)
        .where(
            Consent.purpose.in_(purposes),
            Consent.granted_on <= today,
            or_(Consent.withdrawn_on.is_(None), Consent.withdrawn_on > today),
            Person.anonymized_at.is_(None),
        )
        .distinct()
    )
    return set(rows)


def person_sector(sector: str | None, is_resident: bool) -> str:
    """A person's sector for counting: theirs, or citizen for a resident, or other."""
    if sector:
        return sector
    return Sector.CITIZEN.value if is_resident else Sector.OTHER.value


def meeting_kind_label(kind: str) -> str:
    return label(kind, MeetingKind)


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


def consenting_participants(db: Database, period: Period, today: dt.date) -> list[ContactLine]:
    """Persons present at a held meeting of ``period`` who consented to share their contact
    details (email contact or directory, not withdrawn on ``today``), with their presences."""
    a = Attendance
    with db.session() as session:
        consented = consented_person_ids(session, today)
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
    return [
        ContactLine(r[1], r[2], r[6] or "", r[3] or "", r[4] or "", r[5])
        for r in sorted(rows, key=lambda r: (key(r[1]), key(r[2])))
        if r[0] in consented
    ]
