"""The title a new meeting is offered, from its kind and date, in the pattern the demo and
the secretariat use (« Comité de coordination du 13 mai 2026 », « Assemblée générale
annuelle 2026 », « Rencontre du chantier Logement »)."""

from __future__ import annotations

import datetime as dt

from ...domain.enums import MeetingKind, ParticipationFormat
from ...domain.labels import label
from ...i18n import _, format_date


def suggested_title(
    kind: str | None,
    day: dt.date,
    *,
    chantier_name: str | None = None,
    participation_format: str | None = None,
) -> str:
    """A title for a meeting of ``kind`` on ``day`` (the user may type another)."""
    date = format_date(day)
    if kind == MeetingKind.COORDINATION:
        return _("Comité de coordination du {date}").format(date=date)
    if kind == MeetingKind.AGA:
        return _("Assemblée générale annuelle {year}").format(year=day.year)
    if kind == MeetingKind.AGE:
        return _("Assemblée générale extraordinaire du {date}").format(date=date)
    if kind == MeetingKind.NEIGHBOURHOOD_ASSEMBLY:
        return _("Assemblée de quartier du {date}").format(date=date)
    if kind == MeetingKind.CHANTIER and chantier_name:
        return _("Rencontre du chantier {name}").format(name=chantier_name)
    if kind == MeetingKind.PARTICIPATION and participation_format:
        return _("{format} du {date}").format(
            format=label(participation_format, ParticipationFormat), date=date
        )
    if kind:
        return _("{kind} du {date}").format(kind=label(kind, MeetingKind), date=date)
    return _("Rencontre du {date}").format(date=date)
