"""Démarches intégrées and projets phares of a plan: each with its years, the chantiers it
ran through, and its evaluation. Both kinds share one form and one set of rules."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from ...domain import Chantier, FlagshipProject, IntegratedApproach
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v
from . import checks

APPROACH, PROJECT = "demarche_integree", "projet_phare"
MODELS = {APPROACH: IntegratedApproach, PROJECT: FlagshipProject}


@dataclass(frozen=True)
class WorkForm:
    title: str
    description: str | None = None
    start_year: object = None
    end_year: object = None
    evaluation: str | None = None
    evaluation_text: str | None = None
    chantier_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class WorkRow:
    id: int
    kind: str
    plan_id: int
    position: int
    title: str
    description: str | None
    start_year: int | None
    end_year: int | None
    evaluation: str | None
    evaluation_text: str | None
    chantier_ids: tuple[int, ...]
    chantiers: tuple[str, ...]


def _model(kind: str):
    try:
        return MODELS[kind]
    except KeyError:
        raise ValidationError(_("Type d'élément inconnu : {kind}.").format(kind=kind)) from None


def _kind_name(kind: str) -> str:
    return _("démarche intégrée") if kind == APPROACH else _("projet phare")


def list_works(db: Database, plan_id: int, kind: str) -> list[WorkRow]:
    """The démarches intégrées (or projets phares) of a plan, in their order."""
    model = _model(kind)
    with db.session() as session:
        works = session.scalars(
            select(model).where(model.plan_id == plan_id).order_by(model.position, model.id)
        ).all()
        return [
            WorkRow(
                w.id,
                kind,
                w.plan_id,
                w.position,
                w.title,
                w.description,
                w.start_year,
                w.end_year,
                w.evaluation,
                w.evaluation_text,
                tuple(c.id for c in w.chantiers),
                tuple(c.name for c in w.chantiers),
            )
            for w in works
        ]


def save_work(
    db: Database, plan_id: int, kind: str, form: WorkForm, work_id: int | None = None
) -> int:
    """Create (``work_id`` None) or change a démarche intégrée or projet phare; returns its
    id. Every field is checked before anything is written."""
    model = _model(kind)
    title = v.required_text(form.title, "title", _("Titre"), max_length=300)
    description = checks.long_text(form.description, "description", _("Description"))
    start, end = checks.years(form.start_year, form.end_year)
    evaluation = checks.evaluation(form.evaluation)
    text = checks.long_text(form.evaluation_text, "evaluation_text", _("Évaluation (texte)"))
    with db.session() as session:
        plan = checks.require_plan(session, plan_id)
        for value, field in ((start, "start_year"), (end, "end_year")):
            if value is not None and not plan.start_year - 5 <= value <= plan.end_year + 5:
                raise ValidationError(
                    _("L'année {year} est loin des années du plan ({start}-{end}).").format(
                        year=value, start=plan.start_year, end=plan.end_year
                    ),
                    field,
                )
        titles = session.execute(
            select(model.id, model.title).where(model.plan_id == plan_id)
        ).all()
        same = next(
            (i for i, t in titles if t.casefold() == title.casefold() and i != work_id), None
        )
        if same is not None:
            raise ValidationError(
                _("Ce plan a déjà un·e {kind} intitulé·e « {title} ».").format(
                    kind=_kind_name(kind), title=title
                ),
                "title",
            )
        ids = list(dict.fromkeys(form.chantier_ids))
        chantiers = (
            session.scalars(select(Chantier).where(Chantier.id.in_(ids))).all() if ids else []
        )
        if len(chantiers) != len(ids) or any(c.plan_id != plan_id for c in chantiers):
            raise ValidationError(
                _("Choisissez des chantiers de ce plan d'action."), "chantier_ids"
            )
        if work_id is None:
            position = (
                session.scalar(select(func.max(model.position)).where(model.plan_id == plan_id))
                or 0
            ) + 1
            work = model(plan_id=plan_id, position=position, title=title)
            session.add(work)
        else:
            work = session.get(model, work_id)
            if work is None or work.plan_id != plan_id:
                raise NotFoundError(_("Cet élément n'existe plus."), "id")
        work.title = title
        work.description = description
        work.start_year, work.end_year = start, end
        work.evaluation = evaluation
        work.evaluation_text = text
        order = {cid: i for i, cid in enumerate(ids)}
        work.chantiers = sorted(chantiers, key=lambda c: order[c.id])
        session.flush()
        return work.id


def delete_work(db: Database, kind: str, work_id: int) -> None:
    model = _model(kind)
    with db.session() as session:
        work = session.get(model, work_id)
        if work is None:
            raise NotFoundError(_("Cet élément n'existe plus."), "id")
        session.delete(work)
