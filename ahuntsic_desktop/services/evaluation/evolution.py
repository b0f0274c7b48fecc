"""The evolution of each orientation over its plan's years: a status kept per year, entered
by hand or proposed from the journal (the audit trail of its means' and targets' status)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from ...domain import (
    AuditEntry,
    Chantier,
    Means,
    Orientation,
    OrientationYearStatus,
    Target,
)
from ...domain.enums import AuditAction, PlanStatus
from ...domain.instants import local
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v
from . import checks


@dataclass(frozen=True)
class EvolutionRow:
    orientation_id: int
    chantier: str
    title: str
    statuses: tuple[str | None, ...]  # one per year of the grid


@dataclass(frozen=True)
class EvolutionGrid:
    plan_id: int
    years: tuple[int, ...]
    rows: tuple[EvolutionRow, ...]

    def count(self, year: int, status: str) -> int:
        index = self.years.index(year)
        return sum(1 for row in self.rows if row.statuses[index] == status)


@dataclass(frozen=True)
class YearProposal:
    orientation_id: int
    year: int
    status: str
    items: int  # means and targets the proposal rests on


def _orientation(session, orientation_id: int) -> Orientation:
    orientation = session.get(Orientation, orientation_id)
    if orientation is None:
        raise NotFoundError(_("Cette orientation n'existe plus."), "orientation_id")
    return orientation


def set_year_status(
    db: Database, orientation_id: int, year: object, status: str, comment: str | None = None
) -> None:
    """Where the orientation stood at the end of ``year`` (replaces what was entered)."""
    number = checks.year(year, "year", _("Année"), required=True)
    code = v.choice(status, PlanStatus, "status", _("Statut"))
    text = checks.long_text(comment, "comment", _("Commentaire"))
    with db.session() as session:
        orientation = _orientation(session, orientation_id)
        plan = checks.require_plan(session, orientation.plan_id)
        if not plan.start_year <= number <= plan.end_year:
            raise ValidationError(
                _("L'année {year} n'est pas une année du plan ({start}-{end}).").format(
                    year=number, start=plan.start_year, end=plan.end_year
                ),
                "year",
            )
        record = session.scalar(
            select(OrientationYearStatus).where(
                OrientationYearStatus.orientation_id == orientation_id,
                OrientationYearStatus.year == number,
            )
        )
        if record is None:
            record = OrientationYearStatus(orientation_id=orientation_id, year=number)
            session.add(record)
        record.status, record.comment, record.from_journal = code, text, False


def clear_year_status(db: Database, orientation_id: int, year: int) -> None:
    with db.session() as session:
        record = session.scalar(
            select(OrientationYearStatus).where(
                OrientationYearStatus.orientation_id == orientation_id,
                OrientationYearStatus.year == year,
            )
        )
        if record is not None:
            session.delete(record)


def evolution_grid(db: Database, plan_id: int) -> EvolutionGrid:
    """Each orientation of the plan (by chantier) and its status year by year."""
    with db.session() as session:
        plan = checks.require_plan(session, plan_id)
        years = tuple(range(plan.start_year, plan.end_year + 1))
        orientations = session.execute(
            select(Orientation.id, Orientation.title, Chantier.name)
            .outerjoin(Chantier, Chantier.id == Orientation.chantier_id)
            .where(Orientation.plan_id == plan_id)
            .order_by(Chantier.position, Orientation.position, Orientation.id)
        ).all()
        statuses = {
            (oid, year): status
            for oid, year, status in session.execute(
                select(
                    OrientationYearStatus.orientation_id,
                    OrientationYearStatus.year,
                    OrientationYearStatus.status,
                )
                .join(Orientation, Orientation.id == OrientationYearStatus.orientation_id)
                .where(Orientation.plan_id == plan_id)
            )
        }
    rows = tuple(
        EvolutionRow(oid, chantier or "", title, tuple(statuses.get((oid, y)) for y in years))
        for oid, title, chantier in orientations
    )
    return EvolutionGrid(plan_id, years, rows)


# -- from the journal -------------------------------------------------------------------------


def _status_changes(entry: AuditEntry) -> str | None:
    """The status an audit entry leaves its means or target in, if it says."""
    changes = entry.changes if isinstance(entry.changes, dict) else {}
    value = changes.get("status")
    if entry.action == AuditAction.UPDATE.value and isinstance(value, list) and len(value) == 2:
        return value[1]
    if entry.action == AuditAction.CREATE.value and isinstance(value, str):
        return value
    return None


def orientation_status(item_statuses: list[str]) -> str | None:
    """One orientation's status from those of its means and targets: done when every one
    that still counts is done, under way when any started, abandoned when all were."""
    if not item_statuses:
        return None
    counted = [s for s in item_statuses if s != PlanStatus.ABANDONED.value]
    if not counted:
        return PlanStatus.ABANDONED.value
    if all(s == PlanStatus.DONE.value for s in counted):
        return PlanStatus.DONE.value
    if any(s in (PlanStatus.DONE.value, PlanStatus.IN_PROGRESS.value) for s in counted):
        return PlanStatus.IN_PROGRESS.value
    return PlanStatus.TODO.value


def propose_from_journal(db: Database, plan_id: int, today: dt.date) -> list[YearProposal]:
    """A status per orientation and year (up to ``today``'s year) from the journal's record
    of its means' and targets' statuses; years before any record are left out."""
    with db.session() as session:
        plan = checks.require_plan(session, plan_id)
        first, last = plan.start_year, min(plan.end_year, today.year)
        owners: dict[tuple[str, int], int] = {}
        for entity, model in (("means", Means), ("target", Target)):
            for item_id, orientation_id in session.execute(
                select(model.id, model.orientation_id)
                .join(Orientation, Orientation.id == model.orientation_id)
                .where(Orientation.plan_id == plan_id)
            ):
                owners[(entity, item_id)] = orientation_id
        entries = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity.in_(("means", "target")))
            .order_by(AuditEntry.at, AuditEntry.id)
        ).all()
        history: dict[tuple[str, int], list[tuple[int, str]]] = {}
        for entry in entries:
            key = (entry.entity, entry.entity_id)
            status = _status_changes(entry)
            if key in owners and status is not None and entry.at is not None:
                history.setdefault(key, []).append((local(entry.at).year, status))
    proposals = []
    for year in range(first, last + 1):
        by_orientation: dict[int, list[str]] = {}
        for key, changes in history.items():
            known = [status for when, status in changes if when <= year]
            if known:
                by_orientation.setdefault(owners[key], []).append(known[-1])
        for orientation_id, items in sorted(by_orientation.items()):
            proposals.append(
                YearProposal(orientation_id, year, orientation_status(items), len(items))
            )
    return proposals


def fill_from_journal(
    db: Database, plan_id: int, today: dt.date, *, replace_entered: bool = False
) -> int:
    """Write the journal's proposals for the years without a status entered by hand (all of
    them with ``replace_entered``); returns how many year statuses were written."""
    proposals = propose_from_journal(db, plan_id, today)
    written = 0
    with db.session() as session:
        existing = {
            (r.orientation_id, r.year): r
            for r in session.scalars(
                select(OrientationYearStatus)
                .join(Orientation, Orientation.id == OrientationYearStatus.orientation_id)
                .where(Orientation.plan_id == plan_id)
            )
        }
        for proposal in proposals:
            record = existing.get((proposal.orientation_id, proposal.year))
            if record is not None and not record.from_journal and not replace_entered:
                continue
            if record is None:
                record = OrientationYearStatus(
                    orientation_id=proposal.orientation_id, year=proposal.year
                )
                session.add(record)
            elif record.status == proposal.status and record.from_journal:
                continue
            record.status, record.from_journal = proposal.status, True
            written += 1
    return written
