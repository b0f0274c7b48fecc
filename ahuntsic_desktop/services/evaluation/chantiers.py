"""The qualitative evaluation of each chantier of an ending plan: what was achieved, the
challenges met, the lessons, and an overall evaluation."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ...domain import Chantier, ChantierEvaluation
from ...i18n import _
from ...store import Database
from ..core import NotFoundError
from . import checks


@dataclass(frozen=True)
class ChantierEvaluationRow:
    chantier_id: int
    position: int
    name: str
    achievements: str | None = None
    challenges: str | None = None
    lessons: str | None = None
    evaluation: str | None = None

    @property
    def evaluated(self) -> bool:
        return bool(self.evaluation or self.achievements or self.challenges or self.lessons)


def chantier_evaluations(db: Database, plan_id: int) -> list[ChantierEvaluationRow]:
    """Every chantier of the plan with its evaluation (blank when not written yet)."""
    with db.session() as session:
        rows = session.execute(
            select(Chantier.id, Chantier.position, Chantier.name, ChantierEvaluation)
            .outerjoin(ChantierEvaluation, ChantierEvaluation.chantier_id == Chantier.id)
            .where(Chantier.plan_id == plan_id)
            .order_by(Chantier.position, Chantier.id)
        ).all()
        return [
            ChantierEvaluationRow(cid, position, name)
            if e is None
            else ChantierEvaluationRow(
                cid, position, name, e.achievements, e.challenges, e.lessons, e.evaluation
            )
            for cid, position, name, e in rows
        ]


def save_chantier_evaluation(
    db: Database,
    chantier_id: int,
    *,
    achievements: str | None = None,
    challenges: str | None = None,
    lessons: str | None = None,
    evaluation: str | None = None,
) -> None:
    """Write a chantier's evaluation (one per chantier, replaced when saved again)."""
    values = {
        "achievements": checks.long_text(achievements, "achievements", _("Réalisations")),
        "challenges": checks.long_text(challenges, "challenges", _("Défis")),
        "lessons": checks.long_text(lessons, "lessons", _("Apprentissages")),
        "evaluation": checks.evaluation(evaluation),
    }
    with db.session() as session:
        if session.get(Chantier, chantier_id) is None:
            raise NotFoundError(_("Ce chantier n'existe plus."), "chantier_id")
        record = session.scalar(
            select(ChantierEvaluation).where(ChantierEvaluation.chantier_id == chantier_id)
        )
        if record is None:
            record = ChantierEvaluation(chantier_id=chantier_id)
            session.add(record)
        for key, value in values.items():
            setattr(record, key, value)
