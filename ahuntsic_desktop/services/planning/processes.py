"""Démarches de planification: create, change, list and delete them, and write the named
sections of their frame (mandat, échéancier, objectifs...)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import (
    ActionPlan,
    Meeting,
    PlanningProcess,
    ProcessActivity,
    ProcessPhase,
    ProcessSection,
)
from ...domain.planning import FRAME_SECTIONS
from ...i18n import N_, _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v
from .common import require_process

SECTION_TITLES = {
    "mandat": N_("Mandat"),
    "echeancier": N_("Échéancier"),
    "objectifs": N_("Objectifs"),
    "strategie_enquete": N_("Stratégie d'enquête"),
    "approches": N_("Approches"),
    "methodologie": N_("Méthodologie"),
    "principes": N_("Principes"),
    "phases": N_("Phases importantes de la démarche"),
    "portee_limites": N_("Portée et limites"),
}


@dataclass(frozen=True)
class ProcessData:
    title: str
    start_date: dt.date | str | None
    end_date: dt.date | str | None = None
    evaluated_plan_id: int | None = None
    produced_plan_id: int | None = None
    committee_body: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class ProcessLine:
    id: int
    title: str
    start_date: dt.date
    end_date: dt.date | None
    evaluated_plan: str
    produced_plan: str
    committee_body: str
    activities: int


@dataclass(frozen=True)
class SectionLine:
    id: int
    key: str
    title: str
    text: str
    position: int


def section_title(key: str) -> str:
    """The usual title of a frame section (« Stratégie d'enquête »), else the key."""
    text = SECTION_TITLES.get(key)
    return _(text) if text else key


def _plan(session: Session, plan_id: int | None, field: str) -> int | None:
    if plan_id is None:
        return None
    if session.get(ActionPlan, plan_id) is None:
        raise NotFoundError(_("Ce plan d'action n'existe plus."), field)
    return plan_id


def _clean(session: Session, data: ProcessData, process_id: int | None) -> dict:
    title = v.required_text(data.title, "title", _("Titre"))
    start = v.parse_date(data.start_date, "start_date", _("Début"), required=True)
    end = v.parse_date(data.end_date, "end_date", _("Fin"))
    v.dates_ordered(start, end)
    evaluated = _plan(session, data.evaluated_plan_id, "evaluated_plan_id")
    produced = _plan(session, data.produced_plan_id, "produced_plan_id")
    if evaluated is not None and evaluated == produced:
        raise ValidationError(
            _("Le plan évalué et le plan produit doivent être différents."), "produced_plan_id"
        )
    body = v.optional_text(data.committee_body, "committee_body", _("Comité"), max_length=16)
    other = session.scalar(
        select(PlanningProcess.id).where(
            func.lower(PlanningProcess.title) == title.lower(),
            PlanningProcess.id != (process_id or 0),
        )
    )
    if other is not None:
        raise ValidationError(
            _("Une démarche porte déjà le titre « {title} ».").format(title=title), "title"
        )
    return {
        "title": title,
        "start_date": start,
        "end_date": end,
        "evaluated_plan_id": evaluated,
        "produced_plan_id": produced,
        "committee_body": body.upper() if body else None,
        "notes": v.optional_text(
            data.notes, "notes", _("Notes"), max_length=20_000, multiline=True
        ),
    }


def _check_contents_fit(session: Session, process_id: int, start: dt.date, end: dt.date | None):
    """Refuse new dates that would leave a phase or an activity outside the démarche."""
    for model, what in ((ProcessPhase, "phase"), (ProcessActivity, "activity")):
        column = model.start_date if model is ProcessPhase else model.date
        outside = column < start
        if end is not None:
            outside = outside | (column > end)
        found = session.scalar(
            select(func.count()).select_from(model).where(model.process_id == process_id, outside)
        )
        if found:
            message = (
                _("Une phase de la démarche commence hors de ces dates.")
                if what == "phase"
                else _("Une activité de la démarche a lieu hors de ces dates.")
            )
            raise ValidationError(message, "start_date")


def create_process(db: Database, data: ProcessData) -> int:
    with db.session() as session:
        process = PlanningProcess(**_clean(session, data, None))
        session.add(process)
        session.flush()
        return process.id


def update_process(db: Database, process_id: int, data: ProcessData) -> None:
    with db.session() as session:
        process = require_process(session, process_id)
        values = _clean(session, data, process_id)
        _check_contents_fit(session, process_id, values["start_date"], values["end_date"])
        for key, value in values.items():
            setattr(process, key, value)


def delete_process(db: Database, process_id: int) -> None:
    """Delete a démarche with its frame, phases, activities, contributions and syntheses.
    The meetings its activities were stay; persons stay."""
    with db.session() as session:
        session.delete(require_process(session, process_id))


def list_processes(db: Database) -> list[ProcessLine]:
    """Every démarche, the latest first."""
    evaluated = select(ActionPlan.title).where(ActionPlan.id == PlanningProcess.evaluated_plan_id)
    produced = select(ActionPlan.title).where(ActionPlan.id == PlanningProcess.produced_plan_id)
    activities = select(func.count(ProcessActivity.id)).where(
        ProcessActivity.process_id == PlanningProcess.id
    )
    p = PlanningProcess
    with db.session() as session:
        rows = session.execute(
            select(
                p.id,
                p.title,
                p.start_date,
                p.end_date,
                evaluated.scalar_subquery(),
                produced.scalar_subquery(),
                p.committee_body,
                activities.scalar_subquery(),
            ).order_by(p.start_date.desc(), p.id.desc())
        ).all()
    return [
        ProcessLine(i, t, s, e, ev or "", pr or "", body or "", n)
        for i, t, s, e, ev, pr, body, n in rows
    ]


def process_for_export(db: Database, plan_id: int | None, today: dt.date) -> int:
    """The démarche a document is about: the one that produced ``plan_id`` (or, failing
    that, evaluated it); without a plan, the latest one ended by ``today``, else the
    latest one begun."""
    p = PlanningProcess
    with db.session() as session:
        if plan_id is not None:
            for column in (p.produced_plan_id, p.evaluated_plan_id):
                found = session.scalar(
                    select(p.id).where(column == plan_id).order_by(p.start_date.desc()).limit(1)
                )
                if found is not None:
                    return found
            raise ValidationError(_("Aucune démarche n'est liée à ce plan d'action."), "plan")
        found = session.scalar(
            select(p.id)
            .where(p.end_date.is_not(None), p.end_date <= today)
            .order_by(p.end_date.desc(), p.id.desc())
            .limit(1)
        ) or session.scalar(select(p.id).order_by(p.start_date.desc(), p.id.desc()).limit(1))
    if found is None:
        raise ValidationError(_("Aucune démarche de planification n'est enregistrée."), "plan")
    return found


def committee_meetings(db: Database, process_id: int) -> list[tuple[int, dt.date, str]]:
    """(id, date, title) of the meetings of the steering committee's body, within the
    démarche's dates."""
    with db.session() as session:
        process = require_process(session, process_id)
        if not process.committee_body:
            return []
        query = select(Meeting.id, Meeting.date, Meeting.title).where(
            Meeting.body == process.committee_body, Meeting.date >= process.start_date
        )
        if process.end_date is not None:
            query = query.where(Meeting.date <= process.end_date)
        return [tuple(row) for row in session.execute(query.order_by(Meeting.date, Meeting.id))]


# -- the frame --------------------------------------------------------------------------


def sections(db: Database, process_id: int) -> list[SectionLine]:
    """The frame's sections in their order."""
    with db.session() as session:
        require_process(session, process_id)
        rows = session.scalars(
            select(ProcessSection)
            .where(ProcessSection.process_id == process_id)
            .order_by(ProcessSection.position, ProcessSection.id)
        ).all()
        return [SectionLine(s.id, s.key, s.title, s.text or "", s.position) for s in rows]


def set_section(
    db: Database,
    process_id: int,
    key: str,
    text: str | None,
    title: str | None = None,
) -> int:
    """Write (or rewrite) the section ``key`` of the frame; the usual sections come in
    their usual order, others after them."""
    clean_key = v.required_text(key, "key", _("Clé"), max_length=40).casefold()
    body = v.optional_text(text, "text", _("Texte"), max_length=50_000, multiline=True)
    heading = v.optional_text(title, "title", _("Titre"), max_length=200) or section_title(
        clean_key
    )
    with db.session() as session:
        require_process(session, process_id)
        section = session.scalar(
            select(ProcessSection).where(
                ProcessSection.process_id == process_id, ProcessSection.key == clean_key
            )
        )
        if section is None:
            if clean_key in FRAME_SECTIONS:
                position = FRAME_SECTIONS.index(clean_key) + 1
            else:
                last = session.scalar(
                    select(func.max(ProcessSection.position)).where(
                        ProcessSection.process_id == process_id
                    )
                )
                position = max(last or 0, len(FRAME_SECTIONS)) + 1
            section = ProcessSection(process_id=process_id, key=clean_key, position=position)
            session.add(section)
        section.title, section.text = heading, body
        session.flush()
        return section.id


def delete_section(db: Database, section_id: int) -> None:
    with db.session() as session:
        section = session.get(ProcessSection, section_id)
        if section is None:
            raise NotFoundError(_("Cette section n'existe plus."))
        session.delete(section)
