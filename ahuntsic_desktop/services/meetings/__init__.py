"""Meetings: the calendar, agenda, attendance and quorum, resolutions, minutes, follow-ups,
the documents printed for a meeting and attendance statistics.

The public face: other services packages import only what is listed in ``__all__``
(the modules, and the few names other concepts build on)."""

from . import (
    agenda,
    attendance,
    documents,
    followups,
    meetings,
    minutes,
    pick_lists,
    quorum,
    resolutions,
    seated,
    stats,
    titles,
    tracking,
)
from .followups import OPEN_STATUSES, overdue_condition, owner_text
from .meetings import body_label, person_name_sql
from .stats import (
    PRESENT,
    KindCount,
    LeftOutLine,
    MeetingLine,
    MonthCount,
    ResolutionLine,
    by_format,
    by_kind,
    by_month,
    held_in,
    held_meetings,
    left_out_meetings,
    resolutions_in,
)

__all__ = [
    "agenda",
    "attendance",
    "body_label",
    "by_format",
    "by_kind",
    "by_month",
    "documents",
    "followups",
    "held_in",
    "held_meetings",
    "KindCount",
    "left_out_meetings",
    "LeftOutLine",
    "MeetingLine",
    "meetings",
    "minutes",
    "MonthCount",
    "OPEN_STATUSES",
    "overdue_condition",
    "owner_text",
    "person_name_sql",
    "pick_lists",
    "PRESENT",
    "quorum",
    "ResolutionLine",
    "resolutions",
    "titles",
    "resolutions_in",
    "seated",
    "stats",
    "tracking",
]
