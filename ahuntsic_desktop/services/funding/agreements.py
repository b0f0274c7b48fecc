"""Partners and funders: partner roles, funding agreements and the reports owed to funders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from ...domain import FundingAgreement, Organization, PartnerRole, Person, ReportingDeadline
from ...domain.enums import PartnerKind
from ...domain.labels import label
from ...i18n import N_, _
from ...store import Database
from ..core import BulkResult, Column, NotFoundError, Table, ValidationError, bulk
from ..core import validation as v
from . import allocations
from .allocations import AllocationLine
from .money import amount as funding_amount

FA, RD = FundingAgreement, ReportingDeadline


class DeadlineState(StrEnum):
    OVERDUE = "en_retard"
    UPCOMING = "a_venir"
    SUBMITTED = "remise"


_STATE_LABELS = {
    DeadlineState.OVERDUE: N_("En retard"),
    DeadlineState.UPCOMING: N_("À venir"),
    DeadlineState.SUBMITTED: N_("Remise"),
}


def deadline_state(due: date, submitted_on: date | None, today: date) -> DeadlineState:
    if submitted_on is not None:
        return DeadlineState.SUBMITTED
    return DeadlineState.OVERDUE if due < today else DeadlineState.UPCOMING


def _active(today: date):
    return and_(FA.start_date <= today, or_(FA.end_date.is_(None), FA.end_date >= today))


def _organization(session, organization_id: int, field: str = "funder_id") -> Organization:
    organization = session.get(Organization, organization_id)
    if organization is None:
        raise NotFoundError(_("Cet organisme n'existe plus."), field)
    return organization


# -- partners -----------------------------------------------------------------------------


def list_partners(db: Database, *, today: date | None = None) -> Table:
    """Organisations with a partner role or a funding agreement, sorted by name."""
    today = today or date.today()
    table = Table(
        [
            Column("organization", _("Organisme")),
            Column("roles", _("Partenariat")),
            Column("active_agreements", _("Ententes en cours"), "int"),
            Column("active_amount", _("Montant des ententes en cours"), "money"),
            Column("total_amount", _("Montant total des ententes"), "money"),
        ]
    )
    active = _active(today)
    totals = (
        select(
            FA.funder_id,
            func.sum(case((active, 1), else_=0)).label("count"),
            func.sum(case((active, FA.amount_cents), else_=0)).label("active"),
            func.sum(FA.amount_cents).label("total"),
        )
        .group_by(FA.funder_id)
        .subquery()
    )
    o = Organization
    stmt = (
        select(o.id, o.name, totals.c.count, totals.c.active, totals.c.total)
        .outerjoin(totals, totals.c.funder_id == o.id)
        .where(
            or_(
                totals.c.funder_id.is_not(None), exists().where(PartnerRole.organization_id == o.id)
            )
        )
    )
    with db.session() as session:
        rows = session.connection().execute(stmt).all()  # Core rows: no ORM overhead
        role_rows = session.execute(
            select(PartnerRole.organization_id, PartnerRole.kind).distinct()
        ).all()
    order = {kind.value: i for i, kind in enumerate(PartnerKind)}
    roles: dict[int, list[str]] = defaultdict(list)
    kind_labels = {k.value: label(k) for k in PartnerKind}
    for org_id, kind in sorted(role_rows, key=lambda r: order.get(r[1], 99)):
        roles[org_id].append(kind_labels.get(kind, kind))
    rows = sorted(rows, key=lambda r: v.name_sort_key(r[1]))
    table.ids = [r[0] for r in rows]
    table.rows = [
        (r[1], ", ".join(roles.get(r[0], ())), r[2] or 0, r[3] or 0, r[4] or 0) for r in rows
    ]
    return table


def add_partner_role(
    db: Database,
    organization_id: int,
    kind: PartnerKind | str,
    since: date | str | None = None,
    notes: str | None = None,
) -> int:
    code = v.choice(kind, PartnerKind, "kind", _("Type de partenariat"))
    since_date = v.parse_date(since, "since", _("Depuis le"))
    clean_notes = v.optional_text(notes, "notes", _("Notes"), max_length=10_000, multiline=True)
    with db.session() as session:
        organization = _organization(session, organization_id, "organization_id")
        taken = session.scalar(
            select(PartnerRole.id).where(
                PartnerRole.organization_id == organization_id, PartnerRole.kind == code
            )
        )
        if taken is not None:
            raise ValidationError(
                _("« {name} » a déjà ce rôle de partenaire.").format(name=organization.name), "kind"
            )
        role = PartnerRole(
            organization_id=organization_id, kind=code, since=since_date, notes=clean_notes
        )
        session.add(role)
        session.flush()
        return role.id


def remove_partner_role(db: Database, role_id: int) -> None:
    with db.session() as session:
        role = session.get(PartnerRole, role_id)
        if role is None:
            raise NotFoundError(_("Ce rôle de partenaire n'existe plus."))
        session.delete(role)


# -- agreements ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreementData:
    funder_id: int
    programme: str
    amount_cents: int | str
    start_date: date | str
    end_date: date | str | None = None
    conditions: str | None = None
    contact_person_id: int | None = None
    notes: str | None = None
    # the chantiers and projects it funds; None leaves them as they are
    allocations: tuple[AllocationLine, ...] | None = None


def _apply_agreement(session, agreement: FundingAgreement, data: AgreementData) -> None:
    programme = v.required_text(data.programme, "programme", _("Programme"), max_length=200)
    amount = funding_amount(data.amount_cents, "amount", _("Montant"))
    start = v.parse_date(data.start_date, "start_date", _("Début"), required=True)
    end = v.parse_date(data.end_date, "end_date", _("Fin"))
    v.dates_ordered(start, end)
    multiline = {"max_length": 10_000, "multiline": True}
    conditions = v.optional_text(data.conditions, "conditions", _("Conditions"), **multiline)
    notes = v.optional_text(data.notes, "notes", _("Notes"), **multiline)
    _organization(session, data.funder_id)
    if data.contact_person_id is not None and session.get(Person, data.contact_person_id) is None:
        raise NotFoundError(_("Cette personne n'existe plus."), "contact_person_id")
    agreement.funder_id = data.funder_id
    agreement.programme, agreement.amount_cents = programme, amount
    agreement.start_date, agreement.end_date = start, end
    agreement.conditions, agreement.notes = conditions, notes
    agreement.contact_person_id = data.contact_person_id
    session.add(agreement)
    session.flush()
    allocations.apply(session, agreement, data.allocations, amount)


def _agreement(session, agreement_id: int) -> FundingAgreement:
    agreement = session.get(FundingAgreement, agreement_id)
    if agreement is None:
        raise NotFoundError(_("Cette entente de financement n'existe plus."))
    return agreement


def create_agreement(db: Database, data: AgreementData) -> int:
    with db.session() as session:
        agreement = FundingAgreement()
        _apply_agreement(session, agreement, data)
        return agreement.id


def update_agreement(db: Database, agreement_id: int, data: AgreementData) -> None:
    with db.session() as session:
        _apply_agreement(session, _agreement(session, agreement_id), data)


def get_agreement(db: Database, agreement_id: int) -> AgreementData:
    with db.session() as session:
        a = _agreement(session, agreement_id)
        return AgreementData(
            a.funder_id,
            a.programme,
            a.amount_cents,
            a.start_date,
            a.end_date,
            a.conditions,
            a.contact_person_id,
            a.notes,
            allocations.lines_of(session, a.id),
        )


def delete_agreement(db: Database, agreement_id: int) -> None:
    """Delete an agreement and its reporting deadlines."""
    with db.session() as session:
        session.delete(_agreement(session, agreement_id))


def delete_agreements(db: Database, ids: Iterable[int]) -> BulkResult:
    return bulk.each(db, ids, lambda session, i: session.delete(_agreement(session, i)))


def list_agreements(db: Database, *, today: date | None = None) -> Table:
    """Agreements by funder name, latest first, with their next unsubmitted report."""
    today = today or date.today()
    table = Table(
        [
            Column("funder", _("Bailleur de fonds")),
            Column("programme", _("Programme")),
            Column("amount", _("Montant"), "money"),
            Column("start_date", _("Début"), "date"),
            Column("end_date", _("Fin"), "date"),
            Column("active", _("En cours"), "bool"),
            Column("next_deadline", _("Prochaine reddition"), "date"),
        ]
    )
    pending = (
        select(RD.agreement_id, func.min(RD.due_date).label("next_due"))
        .where(RD.submitted_on.is_(None))
        .group_by(RD.agreement_id)
        .subquery()
    )
    stmt = (
        select(
            FA.id,
            Organization.name,
            FA.programme,
            FA.amount_cents,
            FA.start_date,
            FA.end_date,
            pending.c.next_due,
        )
        .join(Organization, FA.funder_id == Organization.id)
        .outerjoin(pending, pending.c.agreement_id == FA.id)
    )
    with db.session() as session:
        rows = session.connection().execute(stmt).all()  # Core rows: no ORM overhead
    rows = sorted(rows, key=lambda r: (v.name_sort_key(r[1]), -r[4].toordinal(), r[2]))
    table.ids = [r[0] for r in rows]
    table.rows = [
        (r[1], r[2], r[3], r[4], r[5], r[4] <= today and (r[5] is None or r[5] >= today), r[6])
        for r in rows
    ]
    return table


# -- reporting deadlines ------------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineInfo:
    id: int
    agreement_id: int
    funder: str
    programme: str
    title: str
    due_date: date
    submitted_on: date | None
    state: DeadlineState
    days_left: int  # negative when overdue


def _deadlines(db: Database, today: date, *conditions) -> list[DeadlineInfo]:
    stmt = (
        select(
            RD.id,
            RD.agreement_id,
            Organization.name,
            FA.programme,
            RD.title,
            RD.due_date,
            RD.submitted_on,
        )
        .join(FA, RD.agreement_id == FA.id)
        .join(Organization, FA.funder_id == Organization.id)
        .where(*conditions)
        .order_by(RD.due_date, RD.id)
    )
    with db.session() as session:
        rows = session.connection().execute(stmt).all()  # Core rows: no ORM overhead
    return [DeadlineInfo(*r, deadline_state(r[5], r[6], today), (r[5] - today).days) for r in rows]


def list_deadline_infos(db: Database, today: date) -> list[DeadlineInfo]:
    """Every report owed to funders, by due date, with its state."""
    return _deadlines(db, today)


def list_deadlines(db: Database, today: date) -> Table:
    """Every report owed to funders, by due date, with its state."""
    table = Table(
        [
            Column("funder", _("Bailleur de fonds")),
            Column("programme", _("Programme")),
            Column("title", _("Reddition de comptes")),
            Column("due_date", _("Échéance"), "date"),
            Column("submitted_on", _("Remise le"), "date"),
            Column("state", _("État")),
        ]
    )
    states = {state: _(text) for state, text in _STATE_LABELS.items()}
    for d in _deadlines(db, today):
        table.ids.append(d.id)
        table.rows.append(
            (d.funder, d.programme, d.title, d.due_date, d.submitted_on, states[d.state])
        )
    return table


def upcoming_deadlines(db: Database, today: date, days: int = 60) -> list[DeadlineInfo]:
    """Reports not yet submitted, due from ``today`` to ``days`` days later."""
    limit = today + timedelta(days=days)
    return _deadlines(db, today, RD.submitted_on.is_(None), RD.due_date.between(today, limit))


def overdue_deadlines(db: Database, today: date) -> list[DeadlineInfo]:
    """Reports not submitted whose due date has passed."""
    return _deadlines(db, today, RD.submitted_on.is_(None), RD.due_date < today)


def add_deadline(
    db: Database, agreement_id: int, title: str, due_date: date | str, notes: str | None = None
) -> int:
    clean_title = v.required_text(title, "title", _("Titre"), max_length=200)
    due = v.parse_date(due_date, "due_date", _("Échéance"), required=True)
    clean_notes = v.optional_text(notes, "notes", _("Notes"), max_length=10_000, multiline=True)
    with db.session() as session:
        _agreement(session, agreement_id)
        deadline = ReportingDeadline(
            agreement_id=agreement_id, title=clean_title, due_date=due, notes=clean_notes
        )
        session.add(deadline)
        session.flush()
        return deadline.id


def _deadline(session: Session, deadline_id: int) -> ReportingDeadline:
    deadline = session.get(ReportingDeadline, deadline_id)
    if deadline is None:
        raise NotFoundError(_("Cette reddition de comptes n'existe plus."))
    return deadline


def mark_submitted(db: Database, deadline_id: int, submitted_on: date | str | None = None) -> None:
    """Record that a report was submitted (today by default)."""
    mark_submitted_many(db, [deadline_id], submitted_on).raise_first()


def mark_submitted_many(
    db: Database, ids: Iterable[int], submitted_on: date | str | None = None
) -> BulkResult:
    """Mark reports submitted in one transaction; those gone meanwhile are refused."""
    day = v.parse_date(submitted_on, "submitted_on", _("Remise le")) or date.today()

    def mark(session: Session, deadline_id: int) -> None:
        _deadline(session, deadline_id).submitted_on = day

    return bulk.each(db, ids, mark)


def unmark_submitted(db: Database, deadline_id: int) -> None:
    """Undo :func:`mark_submitted` (the report was not really sent)."""
    unmark_submitted_many(db, [deadline_id]).raise_first()


def unmark_submitted_many(db: Database, ids: Iterable[int]) -> BulkResult:
    def unmark(session: Session, deadline_id: int) -> None:
        _deadline(session, deadline_id).submitted_on = None

    return bulk.each(db, ids, unmark)
