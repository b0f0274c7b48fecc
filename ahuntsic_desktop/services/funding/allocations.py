"""Funding by chantier and project (répartition): an agreement funds several chantiers or
projects, each with its amount; together they never exceed the agreement's amount.

A chantier's page shows what funds it (:func:`chantier_funding`); the ``financement``
workbook lists every allocation of the agreements that overlap its period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ...domain import AgreementAllocation, Chantier, FundingAgreement, Organization
from ...i18n import _, format_money
from ...store import Database
from ..core import Choice, Column, NotFoundError, Period, Table, ValidationError
from ..core import validation as v
from .money import amount

AA, FA = AgreementAllocation, FundingAgreement


@dataclass(frozen=True)
class AllocationLine:
    """One line of the agreement dialog's grid: a chantier, or a project named in words
    (or both: a project inside a chantier), and its amount."""

    chantier_id: int | None
    project: str | None
    amount_cents: int | str


def check_lines(
    session: Session, lines: Sequence[AllocationLine], total_cents: int
) -> list[tuple[int | None, str | None, int]]:
    """The lines checked: (chantier id, project, cents), blank lines left out. Refused in
    French: a line with neither chantier nor project, a bad amount, a chantier gone, or
    a sum above ``total_cents`` (the agreement's amount)."""
    clean = []
    for number, line in enumerate(lines, start=1):
        project = v.optional_text(line.project, "allocations", _("Projet"), max_length=200)
        blank_amount = line.amount_cents is None or str(line.amount_cents).strip() == ""
        if line.chantier_id is None and project is None and blank_amount:
            continue  # an empty row of the grid
        if line.chantier_id is None and project is None:
            raise ValidationError(
                _("Répartition, ligne {n} : choisissez un chantier ou nommez le projet.").format(
                    n=number
                ),
                "allocations",
            )
        label = _("Répartition, ligne {n}").format(n=number)
        cents = amount(line.amount_cents, "allocations", label)
        if line.chantier_id is not None and session.get(Chantier, line.chantier_id) is None:
            raise NotFoundError(_("Ce chantier n'existe plus."), "allocations")
        clean.append((line.chantier_id, project, cents))
    check_total(sum(c for *_rest, c in clean), total_cents)
    return clean


def check_total(allocated_cents: int, total_cents: int) -> None:
    if allocated_cents > total_cents:
        raise ValidationError(
            _(
                "La répartition ({allocated}) dépasse le montant de l'entente ({total}) : "
                "réduisez un montant ou augmentez celui de l'entente."
            ).format(allocated=format_money(allocated_cents), total=format_money(total_cents)),
            "allocations",
        )


def apply(
    session: Session,
    agreement: FundingAgreement,
    lines: Sequence[AllocationLine] | None,
    total_cents: int,
) -> None:
    """Replace the agreement's allocations by ``lines`` (None keeps them, but checks they
    still fit in ``total_cents``). Call after the agreement is flushed (it has an id)."""
    if lines is None:
        if agreement.id is not None:
            allocated = session.scalar(
                select(func.coalesce(func.sum(AA.amount_cents), 0)).where(
                    AA.agreement_id == agreement.id
                )
            )
            check_total(allocated, total_cents)
        return
    clean = check_lines(session, lines, total_cents)
    if agreement.id is not None:
        for old in session.scalars(select(AA).where(AA.agreement_id == agreement.id)):
            session.delete(old)
    session.flush()
    for chantier_id, project, cents in clean:
        session.add(
            AA(agreement_id=agreement.id, chantier_id=chantier_id, project=project,
               amount_cents=cents)
        )  # fmt: skip
    session.flush()


def lines_of(session: Session, agreement_id: int) -> tuple[AllocationLine, ...]:
    rows = session.execute(
        select(AA.chantier_id, AA.project, AA.amount_cents)
        .where(AA.agreement_id == agreement_id)
        .order_by(AA.id)
    ).all()
    return tuple(AllocationLine(*r) for r in rows)


def chantier_choices(db: Database) -> list[Choice]:
    """Every chantier, latest plan first, then in the plan's order."""
    with db.session() as session:
        rows = session.execute(
            select(Chantier.id, Chantier.name).order_by(
                Chantier.plan_id.desc(), Chantier.position, Chantier.id
            )
        ).all()
    return [Choice(i, name) for i, name in rows]


@dataclass(frozen=True)
class ChantierFunding:
    agreement_id: int
    funder: str
    programme: str
    start_date: dt.date
    end_date: dt.date | None
    project: str
    amount_cents: int


def chantier_funding(db: Database, chantier_id: int) -> list[ChantierFunding]:
    """What funds a chantier: one line per allocation, the latest agreement first."""
    stmt = (
        select(AA.agreement_id, Organization.name, FA.programme, FA.start_date, FA.end_date,
               AA.project, AA.amount_cents)
        .join(FA, FA.id == AA.agreement_id)
        .join(Organization, Organization.id == FA.funder_id)
        .where(AA.chantier_id == chantier_id)
        .order_by(FA.start_date.desc(), AA.id)
    )  # fmt: skip
    with db.session() as session:
        rows = session.execute(stmt).all()
    return [ChantierFunding(*r[:5], r[5] or "", r[6]) for r in rows]


@dataclass(frozen=True)
class FundedChantier:
    """A chantier an agreement funds, for the funder report."""

    agreement_id: int
    chantier_id: int
    chantier: str
    amount_cents: int


def funded_chantiers(session: Session, agreement_ids: Sequence[int]) -> list[FundedChantier]:
    rows = session.execute(
        select(AA.agreement_id, AA.chantier_id, Chantier.name, func.sum(AA.amount_cents))
        .join(Chantier, Chantier.id == AA.chantier_id)
        .where(AA.agreement_id.in_(list(agreement_ids)))
        .group_by(AA.agreement_id, AA.chantier_id, Chantier.name)
        .order_by(AA.agreement_id, Chantier.position, Chantier.id)
    ).all()
    return [FundedChantier(*r) for r in rows]


def list_allocations(db: Database, period: Period | None = None) -> Table:
    """Every allocation (of the agreements overlapping ``period`` when given), by funder,
    agreement, then line; with what each agreement leaves unallocated."""
    table = Table(
        [
            Column("funder", _("Bailleur de fonds")),
            Column("programme", _("Programme")),
            Column("start_date", _("Début"), "date"),
            Column("end_date", _("Fin"), "date"),
            Column("chantier", _("Chantier")),
            Column("project", _("Projet")),
            Column("amount", _("Montant"), "money"),
            Column("agreement_amount", _("Montant de l'entente"), "money"),
        ]
    )
    stmt = (
        select(AA.id, Organization.name, FA.programme, FA.start_date, FA.end_date,
               Chantier.name, AA.project, AA.amount_cents, FA.amount_cents)
        .join(FA, FA.id == AA.agreement_id)
        .join(Organization, Organization.id == FA.funder_id)
        .outerjoin(Chantier, Chantier.id == AA.chantier_id)
    )  # fmt: skip
    if period is not None:
        stmt = stmt.where(
            FA.start_date <= period.end, or_(FA.end_date.is_(None), FA.end_date >= period.start)
        )
    with db.session() as session:
        rows = session.execute(stmt.order_by(FA.start_date, FA.id, AA.id)).all()
    rows.sort(key=lambda r: v.name_sort_key(r[1]))  # stable: by date within a funder
    table.ids = [r[0] for r in rows]
    table.rows = [(r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7], r[8]) for r in rows]
    return table
