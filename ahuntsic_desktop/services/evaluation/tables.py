"""The evaluation's lists as plain tables for the window: démarches intégrées or projets
phares of a plan, and the timeline."""

from __future__ import annotations

from ...domain.enums import Evaluation, TimelineCategory
from ...domain.labels import label
from ...i18n import _
from ...store import Database
from ..core import Column, Table
from .timeline import timeline_events
from .works import list_works


def works_table(db: Database, plan_id: int | None, kind: str) -> Table:
    columns = [
        Column("title", _("Titre")),
        Column("years", _("Années")),
        Column("chantiers", _("Chantiers")),
        Column("evaluation", _("Évaluation")),
        Column("evaluation_text", _("Commentaire d'évaluation")),
    ]
    if plan_id is None:
        return Table(columns)
    works = list_works(db, plan_id, kind)
    rows = [
        (
            w.title,
            "–".join(str(y) for y in (w.start_year, w.end_year) if y),
            ", ".join(w.chantiers),
            label(w.evaluation, Evaluation) if w.evaluation else _("Non évaluée"),
            w.evaluation_text or "",
        )
        for w in works
    ]
    return Table(columns, rows, [w.id for w in works])


def timeline_table(db: Database) -> Table:
    events = timeline_events(db)
    columns = [
        Column("when", _("Date")),
        Column("category", _("Catégorie")),
        Column("title", _("Événement")),
        Column("description", _("Description")),
    ]
    rows = [
        (e.when, label(e.category, TimelineCategory), e.title, e.description or "") for e in events
    ]
    return Table(columns, rows, [e.id for e in events])
