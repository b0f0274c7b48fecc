"""Liste des suivis: follow-ups of one body or chantier (or all), overdue ones first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer

from ...i18n import _, ngettext
from ...services.core import settings as settings_service
from ...services.core.listing import Table as ServiceTable
from ...services.meetings import followups as follow_up_service
from ...services.meetings.documents import chantier_name
from ...store import Database
from .common import (
    DocumentSpec,
    alert,
    build_pdf,
    data_table,
    date_words,
    esc,
    frame_width,
    header_row,
    heading,
    note,
    styles,
)


def _origin(values: tuple, index: dict[str, int], *, with_chantier: bool) -> str:
    """``Rencontre du 8 avril 2026 · Chantier Sécurité alimentaire``, for the note line."""
    parts = []
    if values[index["meeting_date"]]:
        when = date_words(values[index["meeting_date"]])
        parts.append(_("Rencontre du {date}").format(date=when))
    if with_chantier and values[index["chantier"]]:
        parts.append(_("Chantier {name}").format(name=values[index["chantier"]]))
    return " · ".join(parts)


def _rows(table: ServiceTable, keep: set[int], *, with_chantier: bool) -> list[list]:
    """Header and the rows of ``table`` whose id is in ``keep``."""
    s = styles()
    index = {column.key: i for i, column in enumerate(table.columns)}
    rows = [header_row([_("Échéance"), _("Suivi"), _("Responsable"), _("Instance"), _("Statut")])]
    for row_id, values in zip(table.ids, table.rows, strict=True):
        if row_id not in keep:
            continue
        overdue = values[index["overdue"]]
        description = esc(values[index["description"]])
        origin = _origin(values, index, with_chantier=with_chantier)
        if origin:
            description += note(esc(origin))
        status = esc(values[index["status"]])
        if overdue:
            status = alert(f"{status}<br/>{esc(_('En retard'))}")
        due = esc(date_words(values[index["due_date"]])) or "—"
        rows.append(
            [
                Paragraph(due, s.cell_bold if overdue else s.cell),
                Paragraph(description, s.cell),
                Paragraph(esc(values[index["owner"]]), s.cell),
                Paragraph(esc(values[index["body"]]), s.cell),
                Paragraph(status, s.cell),
            ]
        )
    return rows


def _widths(width: float) -> list[float]:
    due, body, status = 3.6 * cm, 1.8 * cm, 2.2 * cm
    rest = width - due - body - status
    return [due, rest * 0.58, rest * 0.42, body, status]


def _count(total: int, overdue: int) -> str:
    text = ngettext("{count} suivi", "{count} suivis", total).format(count=total)
    if overdue:
        text += ngettext(", dont {late} en retard", ", dont {late} en retard", overdue).format(
            late=overdue
        )
    return text


def write_follow_up_list(
    db: Database,
    path: Path | str,
    *,
    body: str | None = None,
    chantier_id: int | None = None,
    today: dt.date,
    open_only: bool = False,
) -> Path:
    """Write the follow-ups (of ``body`` and/or ``chantier_id`` when given) to ``path``.

    Overdue ones come first, measured at ``today``; ``open_only`` leaves out those done or
    cancelled. Returns the path.
    """
    table_settings = settings_service.load(db)
    table = follow_up_service.list_follow_ups(
        db, body=body, chantier_id=chantier_id, open_only=open_only, today=today
    )
    open_table = follow_up_service.list_follow_ups(
        db, body=body, chantier_id=chantier_id, open_only=True, today=today
    )
    width = frame_width(table_settings.paper_size)
    s = styles()

    scope = []
    if body:
        scope.append(_("Instance : {body}").format(body=body))
    if chantier_id is not None:
        scope.append(_("Chantier : {name}").format(name=chantier_name(db, chantier_id)))
    if open_only:
        scope.append(_("Suivis à faire ou en cours seulement"))
    overdue = sum(1 for flag in table.values("overdue") if flag)
    open_ids = set(open_table.ids)
    closed_ids = set(table.ids) - open_ids
    with_chantier = chantier_id is None  # else the heading names it
    widths = _widths(width)

    story: list = [
        Paragraph(esc(_("Liste des suivis")), s.title),
        Paragraph(esc(_("Au {date}").format(date=date_words(today))), s.subtitle),
    ]
    if scope:
        story.append(Paragraph(esc(" · ".join(scope)), s.body))
    story += [Paragraph(esc(_count(len(table), overdue)), s.muted), Spacer(1, 0.1 * cm)]
    sections = (
        (_("À faire et en cours"), open_ids, _("Aucun suivi à faire.")),
        (_("Faits ou annulés"), closed_ids, ""),
    )
    for title, keep, empty in sections:
        if not keep and not empty:
            continue
        story += heading(f"{title} ({len(keep)})")
        if keep:
            rows = _rows(table, keep, with_chantier=with_chantier)
            story.append(data_table(rows, widths))
        else:
            story.append(Paragraph(esc(empty), s.body))

    spec = DocumentSpec(
        title=_("Liste des suivis"),
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=_("Suivis au {date}").format(date=date_words(today)),
    )
    return build_pdf(path, story, spec)
