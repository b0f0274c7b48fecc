"""What the démarche's forms show: a démarche's and a synthesis's values as stored, the
meetings of the participation kind an activity may be, and the lists of the page's tabs
(frame sections, phases, syntheses) as :class:`~..listing.Table`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ...domain import (
    Contribution,
    ContributionTheme,
    Meeting,
    ProcessActivity,
    Synthesis,
    SynthesisContribution,
    Theme,
)
from ...domain.enums import MeetingKind
from ...i18n import _, format_date
from ...store import Database
from ..core import Column, NotFoundError, Table
from .common import require_process
from .contributions import ContributionData
from .phases import list_phases
from .processes import ProcessData, sections
from .syntheses import SynthesisData, list_syntheses


@dataclass(frozen=True)
class MeetingChoice:
    id: int
    label: str


def process_data(db: Database, process_id: int) -> ProcessData:
    with db.session() as session:
        p = require_process(session, process_id)
        return ProcessData(
            p.title,
            p.start_date,
            p.end_date,
            p.evaluated_plan_id,
            p.produced_plan_id,
            p.committee_body,
            p.notes,
        )


def synthesis_data(db: Database, synthesis_id: int) -> SynthesisData:
    with db.session() as session:
        s = session.get(Synthesis, synthesis_id)
        if s is None:
            raise NotFoundError(_("Cette synthèse n'existe plus."))
        ids = session.scalars(
            select(SynthesisContribution.contribution_id)
            .where(SynthesisContribution.synthesis_id == synthesis_id)
            .order_by(SynthesisContribution.contribution_id)
        ).all()
        return SynthesisData(s.title, s.text, s.phase_id, s.theme_id, s.salient, tuple(ids))


def contribution_data(db: Database, contribution_id: int) -> ContributionData:
    """A contribution as its form shows it: themes by name, the person kept as stored."""
    with db.session() as session:
        c = session.get(Contribution, contribution_id)
        if c is None:
            raise NotFoundError(_("Cette contribution n'existe plus."))
        themes = session.scalars(
            select(Theme.name)
            .join(ContributionTheme, ContributionTheme.theme_id == Theme.id)
            .where(ContributionTheme.contribution_id == contribution_id)
            .order_by(Theme.position, Theme.name)
        ).all()
        return ContributionData(c.text, c.kind, tuple(themes), c.population, c.votes, c.person_id)


def participation_meetings(db: Database, activity_id: int | None = None) -> list[MeetingChoice]:
    """Meetings of the participation kind not yet an activity (besides ``activity_id``'s
    own), the latest first."""
    taken = select(ProcessActivity.meeting_id).where(
        ProcessActivity.meeting_id.is_not(None), ProcessActivity.id != (activity_id or 0)
    )
    with db.session() as session:
        rows = session.execute(
            select(Meeting.id, Meeting.date, Meeting.title)
            .where(Meeting.kind == MeetingKind.PARTICIPATION.value, Meeting.id.not_in(taken))
            .order_by(Meeting.date.desc(), Meeting.id.desc())
        ).all()
    return [MeetingChoice(i, f"{format_date(day)} — {title}") for i, day, title in rows]


def sections_table(db: Database, process_id: int) -> Table:
    table = Table([Column("title", _("Section")), Column("text", _("Texte"))])
    for s in sections(db, process_id):
        table.rows.append((s.title, " ".join(s.text.split())[:300]))
        table.ids.append(s.id)
    return table


def phases_table(db: Database, process_id: int) -> Table:
    table = Table(
        [
            Column("name", _("Phase")),
            Column("start", _("Début"), "date"),
            Column("end", _("Fin"), "date"),
            Column("status", _("Statut")),
            Column("activities", _("Activités"), "int"),
            Column("deliverables", _("Livrables")),
        ]
    )
    for p in list_phases(db, process_id):
        table.rows.append(
            (p.name, p.start_date, p.end_date, p.status_label, p.activities,
             " ".join(p.deliverables.split())[:200])
        )  # fmt: skip
        table.ids.append(p.id)
    return table


def syntheses_table(db: Database, process_id: int) -> Table:
    table = Table(
        [
            Column("title", _("Synthèse")),
            Column("phase", _("Phase")),
            Column("theme", _("Thème")),
            Column("salient", _("Élément saillant")),
            Column("contributions", _("Contributions"), "int"),
        ]
    )
    for s in list_syntheses(db, process_id):
        table.rows.append(
            (s.title, s.phase, s.theme, _("Oui") if s.salient else "", s.contributions)
        )
        table.ids.append(s.id)
    return table
