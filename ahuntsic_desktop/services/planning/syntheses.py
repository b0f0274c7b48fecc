"""Syntheses of a démarche: per phase or theme, a text with the contributions it rests on;
those marked ``salient`` are the démarche's éléments saillants."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ...domain import (
    Contribution,
    ProcessActivity,
    ProcessPhase,
    Synthesis,
    SynthesisContribution,
    Theme,
)
from ...i18n import _
from ...store import Database
from ..core import NotFoundError, ValidationError
from ..core import validation as v
from .common import require_phase, require_process


@dataclass(frozen=True)
class SynthesisData:
    title: str
    text: str | None = None
    phase_id: int | None = None
    theme_id: int | None = None
    salient: bool = False
    contribution_ids: Sequence[int] = ()


@dataclass(frozen=True)
class SynthesisLine:
    id: int
    title: str
    text: str
    phase: str
    theme: str
    salient: bool
    contributions: int


def _clean(session: Session, process_id: int, data: SynthesisData) -> tuple[dict, list[int]]:
    require_process(session, process_id)
    title = v.required_text(data.title, "title", _("Titre"))
    text = v.optional_text(data.text, "text", _("Texte"), max_length=50_000, multiline=True)
    if data.phase_id is not None and require_phase(session, data.phase_id).process_id != process_id:
        raise ValidationError(_("Cette phase appartient à une autre démarche."), "phase_id")
    if data.theme_id is not None and session.get(Theme, data.theme_id) is None:
        raise NotFoundError(_("Ce thème n'existe plus."), "theme_id")
    ids = list(data.contribution_ids)
    if len(set(ids)) != len(ids):
        raise ValidationError(_("Une même contribution figure deux fois."), "contribution_ids")
    if ids:
        mine = set(
            session.scalars(
                select(Contribution.id)
                .join(ProcessActivity, ProcessActivity.id == Contribution.activity_id)
                .where(Contribution.id.in_(ids), ProcessActivity.process_id == process_id)
            )
        )
        if mine != set(ids):
            raise ValidationError(
                _("Une synthèse repose sur des contributions de sa propre démarche."),
                "contribution_ids",
            )
    values = {
        "title": title,
        "text": text,
        "phase_id": data.phase_id,
        "theme_id": data.theme_id,
        "salient": bool(data.salient),
    }
    return values, ids


def _link(session: Session, synthesis_id: int, ids: list[int]) -> None:
    session.execute(
        delete(SynthesisContribution).where(SynthesisContribution.synthesis_id == synthesis_id)
    )
    session.add_all(
        SynthesisContribution(synthesis_id=synthesis_id, contribution_id=i) for i in ids
    )


def create_synthesis(db: Database, process_id: int, data: SynthesisData) -> int:
    with db.session() as session:
        values, ids = _clean(session, process_id, data)
        last = session.scalar(
            select(func.max(Synthesis.position)).where(Synthesis.process_id == process_id)
        )
        synthesis = Synthesis(process_id=process_id, position=(last or 0) + 1, **values)
        session.add(synthesis)
        session.flush()
        _link(session, synthesis.id, ids)
        return synthesis.id


def update_synthesis(db: Database, synthesis_id: int, data: SynthesisData) -> None:
    with db.session() as session:
        synthesis = session.get(Synthesis, synthesis_id)
        if synthesis is None:
            raise NotFoundError(_("Cette synthèse n'existe plus."))
        values, ids = _clean(session, synthesis.process_id, data)
        for key, value in values.items():
            setattr(synthesis, key, value)
        _link(session, synthesis_id, ids)


def delete_synthesis(db: Database, synthesis_id: int) -> None:
    with db.session() as session:
        synthesis = session.get(Synthesis, synthesis_id)
        if synthesis is None:
            raise NotFoundError(_("Cette synthèse n'existe plus."))
        session.delete(synthesis)


def list_syntheses(
    db: Database, process_id: int, *, salient_only: bool = False
) -> list[SynthesisLine]:
    s = Synthesis
    linked = (
        select(func.count())
        .select_from(SynthesisContribution)
        .where(SynthesisContribution.synthesis_id == s.id)
        .scalar_subquery()
    )
    with db.session() as session:
        require_process(session, process_id)
        query = (
            select(s, ProcessPhase.name, Theme.name, linked)
            .outerjoin(ProcessPhase, ProcessPhase.id == s.phase_id)
            .outerjoin(Theme, Theme.id == s.theme_id)
            .where(s.process_id == process_id)
        )
        if salient_only:
            query = query.where(s.salient)
        rows = session.execute(query.order_by(s.position, s.id)).all()
        return [
            SynthesisLine(x.id, x.title, x.text or "", phase or "", theme or "", x.salient, n)
            for x, phase, theme, n in rows
        ]
