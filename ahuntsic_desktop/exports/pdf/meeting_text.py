"""How the meeting documents name a meeting: its kind, title and hours, in words."""

from __future__ import annotations

import datetime as dt

from ...i18n import _, format_time
from ...services.meetings.meetings import MeetingDetail


def time_range(start: dt.time | None, end: dt.time | None) -> str:
    """``19 h 30``, ``de 19 h 30 à 21 h 30`` or "" when no time is set."""
    if start and end:
        return _("de {start} à {end}").format(start=format_time(start), end=format_time(end))
    return format_time(start)


def meeting_heading(detail: MeetingDetail) -> str:
    """``Comité de coordination`` or ``Rencontre de chantier — Sécurité alimentaire``."""
    if detail.chantier_name:
        return f"{detail.kind_label} — {detail.chantier_name}"
    return detail.kind_label


def meeting_lines(detail: MeetingDetail) -> list[str]:
    """The meeting's title, then its kind (and chantier) unless the title already says it."""
    folded = detail.title.casefold()
    if detail.kind_label.casefold() in folded or (
        detail.chantier_name and detail.chantier_name.casefold() in folded
    ):
        return [detail.title]
    return [detail.title, meeting_heading(detail)]


def meeting_subtitle(detail: MeetingDetail) -> str:
    """``CC de novembre — Comité de coordination`` (or just the title when it says it)."""
    return " — ".join(meeting_lines(detail))
