"""The global evaluation of a plan: its sections (method, findings and lessons, strengths,
challenges, recommendations) and the recommendations as items of their own, which the
next plan's orientations can answer."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select

from ...domain import PlanEvaluationSection, Recommendation
from ...domain.enums import EvaluationSectionKey
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import NotFoundError
from ..core import validation as v
from . import checks


@dataclass(frozen=True)
class SectionRow:
    key: str
    title: str
    text: str | None
    position: int
    saved: bool  # False: the default title of a section not written yet


@dataclass(frozen=True)
class RecommendationRow:
    id: int
    position: int
    text: str


def evaluation_sections(db: Database, plan_id: int) -> list[SectionRow]:
    """The five sections of the global evaluation, written or not, in their order."""
    with db.session() as session:
        checks.require_plan(session, plan_id)
        saved = {
            s.key: s
            for s in session.scalars(
                select(PlanEvaluationSection).where(PlanEvaluationSection.plan_id == plan_id)
            )
        }
        rows = []
        for index, key in enumerate(EvaluationSectionKey, start=1):
            record = saved.get(key.value)
            if record is None:
                rows.append(SectionRow(key.value, label(key), None, index, False))
            else:
                rows.append(SectionRow(key.value, record.title, record.text, record.position, True))
    return sorted(rows, key=lambda r: (r.position, r.key))


def save_section(
    db: Database,
    plan_id: int,
    key: str,
    text: str | None,
    title: str | None = None,
    position: int | None = None,
) -> None:
    """Write one section; its title defaults to the section's usual name."""
    code = v.choice(key, EvaluationSectionKey, "key", _("Section"))
    title = v.optional_text(title, "title", _("Titre")) or label(EvaluationSectionKey(code))
    body = checks.long_text(text, "text", title)
    with db.session() as session:
        checks.require_plan(session, plan_id)
        record = session.scalar(
            select(PlanEvaluationSection).where(
                PlanEvaluationSection.plan_id == plan_id, PlanEvaluationSection.key == code
            )
        )
        if record is None:
            record = PlanEvaluationSection(plan_id=plan_id, key=code)
            session.add(record)
        record.title, record.text = title, body
        record.position = (
            position if position is not None else list(EvaluationSectionKey).index(code) + 1
        )


def recommendations(db: Database, plan_id: int) -> list[RecommendationRow]:
    with db.session() as session:
        return [
            RecommendationRow(r.id, r.position, r.text)
            for r in session.scalars(
                select(Recommendation)
                .where(Recommendation.plan_id == plan_id)
                .order_by(Recommendation.position, Recommendation.id)
            )
        ]


def add_recommendation(db: Database, plan_id: int, text: str) -> int:
    body = v.required_text(text, "text", _("Recommandation"), max_length=2000, multiline=True)
    with db.session() as session:
        checks.require_plan(session, plan_id)
        last = session.scalar(
            select(func.max(Recommendation.position)).where(Recommendation.plan_id == plan_id)
        )
        record = Recommendation(plan_id=plan_id, position=(last or 0) + 1, text=body)
        session.add(record)
        session.flush()
        return record.id


def update_recommendation(db: Database, recommendation_id: int, text: str) -> None:
    body = v.required_text(text, "text", _("Recommandation"), max_length=2000, multiline=True)
    with db.session() as session:
        record = session.get(Recommendation, recommendation_id)
        if record is None:
            raise NotFoundError(_("Cette recommandation n'existe plus."), "id")
        record.text = body


def delete_recommendation(db: Database, recommendation_id: int) -> None:
    with db.session() as session:
        session.execute(delete(Recommendation).where(Recommendation.id == recommendation_id))
