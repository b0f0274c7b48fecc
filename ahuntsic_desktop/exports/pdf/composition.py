"""The composition of a body with seats (the CC) on a day, for the annual report (roles and
organisations: no one named, as the rest of that report) and the bottin (names)."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Paragraph

from ...i18n import _, format_date
from ...services.governance import composition
from ...services.meetings import body_label
from .common import data_table, esc, header_row, styles


def composition_story(db, body: str, day: dt.date, width: float, *, named: bool) -> list:
    """A heading and one row per seat held on ``day``; nothing when the body has no seat."""
    rows_data = composition(db, body, day)
    if not rows_data:
        return []
    s = styles()
    title = _("Composition : {body}, au {date}").format(
        body=body_label(body), date=format_date(day)
    )
    story: list = [CondPageBreak(4 * cm), Paragraph(esc(title), s.heading)]
    titles = [_("Siège"), _("Rôle"), _("Collège")]
    titles += [_("Titulaire")] if named else []
    titles += [_("Organisme"), _("Fin du mandat")]
    rows = [header_row(titles)]
    for r in rows_data:
        cells = [r.label, r.role_label, r.college_label]
        cells += [r.holder] if named else []
        cells += [r.organization, format_date(r.end_date, "short") if r.end_date else "—"]
        rows.append([Paragraph(esc(text), s.cell) for text in cells])
    first = 2.0 * cm
    last = 2.6 * cm
    middle = (width - first - last) / (len(titles) - 2)
    story.append(data_table(rows, [first, *([middle] * (len(titles) - 2)), last]))
    return story
