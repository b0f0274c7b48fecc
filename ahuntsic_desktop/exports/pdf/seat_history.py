"""Historique des mandats: who sat where and when, for one body or for one person.
Names people, so it carries the confidentiality banner like the bottin."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Paragraph

from ...i18n import _, format_date
from ...services.core import settings as settings_service
from ...services.governance import seats
from ...services.meetings import body_label
from ..privacy_marks import banner_for
from .common import (  # fmt: skip
    DocumentSpec,
    build_pdf,
    data_table,
    date_words,
    esc,
    frame_width,
    header_row,
    styles,
)


def write_history(
    db,
    path: Path | str,
    *,
    body: str | None = None,
    person_id: int | None = None,
    today: dt.date | None = None,
) -> Path:
    """Every mandate of ``body`` (or of ``person_id``; of every body when neither), oldest
    first, with the seat, role, organisation, dates and how it was obtained."""
    table_settings = settings_service.load(db)
    width = frame_width(table_settings.paper_size)
    lines = seats.history(db, body=body, person_id=person_id)
    s = styles()
    if person_id is not None:
        who = lines[0].holder if lines else ""
        title = _("Historique des mandats de {name}").format(name=who).strip()
    elif body:
        title = _("Historique des mandats : {body}").format(body=body_label(body))
    else:
        title = _("Historique des mandats")
    story: list = [
        Paragraph(esc(title), s.title),
        Paragraph(
            esc(f"{table_settings.table_name} — {date_words(today or dt.date.today())}"),
            s.subtitle,
        ),
    ]
    if not lines:
        story.append(Paragraph(esc(_("Aucun mandat.")), s.muted))
    else:
        rows = [header_row([_("Titulaire"), _("Instance"), _("Siège"), _("Rôle"),
                            _("Du"), _("Au"), _("Obtenu")])]  # fmt: skip
        for m in lines:
            cells = [
                m.holder + (f" ({m.organization})" if m.organization else ""),
                m.body,
                m.seat_label,
                m.role_label,
                format_date(m.start_date, "short"),
                format_date(m.end_date, "short") if m.end_date else "—",
                m.origin_label,
            ]
            rows.append([Paragraph(esc(text), s.cell) for text in cells])
        fixed = 1.5 * cm + 2.0 * cm + 2.4 * cm + 2.3 * cm * 2 + 2.4 * cm
        widths = [width - fixed, 1.5 * cm, 2.0 * cm, 2.4 * cm, 2.3 * cm, 2.3 * cm, 2.4 * cm]
        story.append(data_table(rows, widths))
    spec = DocumentSpec(
        title=title,
        table_name=table_settings.table_name,
        paper_size=table_settings.paper_size,
        footer=title,
        confidential=banner_for(db),
    )
    return build_pdf(path, story, spec)
