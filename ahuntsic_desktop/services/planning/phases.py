"""Phases of a démarche: name, dates within the démarche, status and deliverables."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import ProcessActivity, ProcessPhase
from ...domain.labels import label
from ...domain.planning import PhaseStatus
from ...i18n import _, format_date
from ...store import Database
from ..core import ValidationError
from ..core import validation as v
from .common import require_phase, require_process, within


@dataclass(frozen=True)
class PhaseData:
    name: str
    start_date: dt.date | str | None
    end_date: dt.date | str | None = None
    status: PhaseStatus | str = PhaseStatus.PLANNED
    deliverables: str | None = None


@dataclass(frozen=True)
class PhaseLine:
    id: int
    name: str
    start_date: dt.date
    end_date: dt.date | None
    status: str
    status_label: str
    deliverables: str
    position: int
    activities: int


def _clean(session: Session, process_id: int, data: PhaseData, phase_id: int | None) -> dict:
    process = require_process(session, process_id)
    name = v.required_text(data.name, "name", _("Nom"))
    start = v.parse_date(data.start_date, "start_date", _("Début"), required=True)
    end = v.parse_date(data.end_date, "end_date", _("Fin"))
    v.dates_ordered(start, end)
    outside = _("La phase doit se tenir dans les dates de la démarche ({start} – {end}).").format(
        start=format_date(process.start_date),
        end=format_date(process.end_date) if process.end_date else "…",
    )
    within(start, process.start_date, process.end_date, "start_date", outside)
    within(end, process.start_date, process.end_date, "end_date", outside)
    status = v.choice(data.status, PhaseStatus, "status", _("Statut"))
    taken = session.scalar(
        select(ProcessPhase.id).where(
            ProcessPhase.process_id == process_id,
            func.lower(ProcessPhase.name) == name.lower(),
            ProcessPhase.id != (phase_id or 0),
        )
    )
    if taken is not None:
        raise ValidationError(
            _("La démarche a déjà une phase « {name} ».").format(name=name), "name"
        )
    if phase_id is not None:
        outside_activities = session.scalar(
            select(func.count())
            .select_from(ProcessActivity)
            .where(
                ProcessActivity.phase_id == phase_id,
                (ProcessActivity.date < start)
                | ((ProcessActivity.date > end) if end is not None else False),
            )
        )
        if outside_activities:
            raise ValidationError(
                _("Une activité de cette phase aurait lieu hors de ces dates."), "start_date"
            )
    deliverables = v.optional_text(
        data.deliverables, "deliverables", _("Livrables"), max_length=20_000, multiline=True
    )
    return {
        "name": name,
        "start_date": start,
        "end_date": end,
        "status": status,
        "deliverables": deliverables,
    }


def create_phase(db: Database, process_id: int, data: PhaseData) -> int:
    with db.session() as session:
        values = _clean(session, process_id, data, None)
        last = session.scalar(
            select(func.max(ProcessPhase.position)).where(ProcessPhase.process_id == process_id)
        )
        phase = ProcessPhase(process_id=process_id, position=(last or 0) + 1, **values)
        session.add(phase)
        session.flush()
        return phase.id


def update_phase(db: Database, phase_id: int, data: PhaseData) -> None:
    with db.session() as session:
        phase = require_phase(session, phase_id)
        values = _clean(session, phase.process_id, data, phase_id)
        for key, value in values.items():
            setattr(phase, key, value)


def delete_phase(db: Database, phase_id: int) -> None:
    """Delete a phase that no activity belongs to."""
    with db.session() as session:
        phase = require_phase(session, phase_id)
        used = session.scalar(
            select(func.count())
            .select_from(ProcessActivity)
            .where(ProcessActivity.phase_id == phase_id)
        )
        if used:
            raise ValidationError(
                _("Des activités appartiennent à cette phase : changez-les de phase d'abord.")
            )
        session.delete(phase)


def list_phases(db: Database, process_id: int) -> list[PhaseLine]:
    activities = (
        select(func.count(ProcessActivity.id))
        .where(ProcessActivity.phase_id == ProcessPhase.id)
        .scalar_subquery()
    )
    with db.session() as session:
        require_process(session, process_id)
        rows = session.execute(
            select(ProcessPhase, activities)
            .where(ProcessPhase.process_id == process_id)
            .order_by(ProcessPhase.position, ProcessPhase.start_date, ProcessPhase.id)
        ).all()
        return [
            PhaseLine(
                p.id,
                p.name,
                p.start_date,
                p.end_date,
                p.status,
                label(p.status, PhaseStatus),
                p.deliverables or "",
                p.position,
                n,
            )
            for p, n in rows
        ]
