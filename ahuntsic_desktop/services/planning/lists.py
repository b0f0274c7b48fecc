"""The démarche's lists as the screens show them (:class:`~..listing.Table`): its
activities with their participants, and the contributions of one activity."""

from __future__ import annotations

import datetime as dt

from ...i18n import _
from ...store import Database
from ..core import Column, Table
from .contributions import list_contributions
from .figures import process_summary


def activities_table(db: Database, process_id: int) -> Table:
    summary = process_summary(db, process_id)
    table = Table(
        [
            Column("date", _("Date"), "date"),
            Column("title", _("Activité")),
            Column("type", _("Type d'activité")),
            Column("phase", _("Phase")),
            Column("named", _("Nommé·es"), "int"),
            Column("anonymous", _("Sans nom"), "int"),
            Column("contributions", _("Contributions"), "int"),
        ]
    )
    for a in summary.activities:
        table.rows.append(
            (a.date, a.title, a.type_name, a.phase_name, a.named, a.anonymous, a.contributions)
        )
        table.ids.append(a.id)
    return table


def contributions_table(db: Database, process_id: int, activity_id: int, today: dt.date) -> Table:
    table = Table(
        [
            Column("text", _("Contribution")),
            Column("kind", _("Nature")),
            Column("themes", _("Thèmes")),
            Column("population", _("Population concernée")),
            Column("votes", _("Votes"), "int"),
            Column("person", _("Nom (avec consentement)")),
        ]
    )
    for c in list_contributions(db, process_id, today, activity_id=activity_id):
        table.rows.append(
            (c.text, c.kind_label, ", ".join(c.themes), c.population, c.votes, c.person_name)
        )
        table.ids.append(c.id)
    return table
