"""The seats of a body and the history of mandates as plain tables, for the seats page and
its printed history."""

from __future__ import annotations

from datetime import date

from ...i18n import _
from ...store import Database
from ..core import Column, Table
from .seats import history, list_seats


def seats_table(db: Database, body: str, day: date) -> Table:
    """One row per seat of ``body``, with its holder on ``day`` (ids: seat ids)."""
    columns = [
        Column("seat", _("Siège")),
        Column("role", _("Rôle")),
        Column("college", _("Collège")),
        Column("holder", _("Titulaire")),
        Column("organization", _("Organisme")),
        Column("start", _("Début du mandat"), "date"),
        Column("end", _("Fin du mandat"), "date"),
        Column("origin", _("Obtenu")),
    ]
    rows = list_seats(db, body, day)
    return Table(
        columns,
        [
            (
                r.label,
                r.role_label,
                r.college_label,
                r.holder or _("(vacant)"),
                r.organization,
                r.start_date,
                r.end_date,
                r.origin_label,
            )
            for r in rows
        ],  # fmt: skip
        [r.seat_id for r in rows],
    )


def history_table(db: Database, *, body: str | None = None, person_id: int | None = None) -> Table:
    """Who sat where and when: one row per mandate (ids: mandate ids)."""
    columns = [
        Column("holder", _("Titulaire")),
        Column("organization", _("Organisme")),
        Column("body", _("Instance")),
        Column("seat", _("Siège")),
        Column("role", _("Rôle")),
        Column("start", _("Début"), "date"),
        Column("end", _("Fin"), "date"),
        Column("origin", _("Obtenu")),
    ]
    lines = history(db, body=body, person_id=person_id)
    return Table(
        columns,
        [
            (
                m.holder,
                m.organization,
                m.body,
                m.seat_label,
                m.role_label,
                m.start_date,
                m.end_date,
                m.origin_label,
            )
            for m in lines
        ],  # fmt: skip
        [m.mandate_id for m in lines],
    )
