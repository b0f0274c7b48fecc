"""The démarche's part in Law 25 duties, called by :mod:`..privacy.dossier` (access) and
:mod:`..privacy.erasure` (erasure).

Access: the activities a person took part in, and the contributions that carry their name.
Erasure: their participations stay, linked to the anonymous record, so the démarche's
counts do not change; their contributions stay too but lose the name (they become
anonymous). Mentions of the name in contributions, syntheses and activity notes are
rewritten by the erasure's search of free text (:mod:`..privacy.mentions`).
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ...domain import (
    ActivityParticipant,
    ActivityType,
    Contribution,
    PlanningProcess,
    ProcessActivity,
)
from ...domain.labels import label
from ...domain.planning import ContributionKind
from ...i18n import _, format_date
from ..privacy.sections import Section, col


def participation_section(session: Session, pid: int) -> Section:
    a = ProcessActivity
    rows = session.execute(
        select(a.date, a.title, ActivityType.name, PlanningProcess.title)
        .join(ActivityParticipant, ActivityParticipant.activity_id == a.id)
        .join(ActivityType, ActivityType.id == a.type_id)
        .join(PlanningProcess, PlanningProcess.id == a.process_id)
        .where(ActivityParticipant.person_id == pid)
        .order_by(a.date, a.id)
    ).all()
    return Section(
        "planning_activities",
        _("Participation aux activités de la démarche de planification"),
        (
            col("date", _("Date"), "date"),
            col("activity", _("Activité")),
            col("type", _("Type")),
            col("process", _("Démarche")),
        ),
        tuple(tuple(row) for row in rows),
    )


def contributions_section(session: Session, pid: int) -> Section:
    c = Contribution
    rows = session.execute(
        select(ProcessActivity.date, ProcessActivity.title, c.kind, c.text, c.votes)
        .join(ProcessActivity, ProcessActivity.id == c.activity_id)
        .where(c.person_id == pid)
        .order_by(ProcessActivity.date, c.position)
    ).all()
    return Section(
        "planning_contributions",
        _("Contributions à la démarche portant son nom"),
        (
            col("date", _("Date"), "date"),
            col("activity", _("Activité")),
            col("kind", _("Nature")),
            col("text", _("Contribution")),
            col("votes", _("Votes"), "int"),
        ),
        tuple((d, t, label(k, ContributionKind), text, n) for d, t, k, text, n in rows),
    )


def sections(session: Session, pid: int) -> tuple[Section, ...]:
    """The person file's sections about the démarche."""
    return (participation_section(session, pid), contributions_section(session, pid))


def kept_counts(session: Session, pid: int) -> tuple[tuple[str, int], ...]:
    """What an erasure keeps (anonymised) for the démarche's counts."""
    n = session.scalar(
        select(func.count())
        .select_from(ActivityParticipant)
        .where(ActivityParticipant.person_id == pid)
    )
    return ((_("Participations aux activités de la démarche"), n),) if n else ()


def describe_participations(session: Session, ids: list[int]) -> dict[int, str]:
    """« Atelier d'idéation (4 octobre 2025) » per participation line, for a merge."""
    rows = session.execute(
        select(ActivityParticipant.id, ProcessActivity.title, ProcessActivity.date)
        .join(ProcessActivity, ProcessActivity.id == ActivityParticipant.activity_id)
        .where(ActivityParticipant.id.in_(ids))
    )
    return {i: f"{title} ({format_date(day)})" for i, title, day in rows}


def describe_contributions(session: Session, ids: list[int]) -> dict[int, str]:
    rows = session.execute(
        select(Contribution.id, Contribution.text).where(Contribution.id.in_(ids))
    )
    return {i: text if len(text) <= 60 else text[:59] + "…" for i, text in rows}


def erase(session: Session, pid: int) -> int:
    """Take the person's name off their contributions; returns how many."""
    result = session.execute(
        update(Contribution).where(Contribution.person_id == pid).values(person_id=None)
    )
    return result.rowcount or 0
