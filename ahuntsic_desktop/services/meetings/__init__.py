"""Meetings: the calendar, agenda, attendance and quorum, resolutions, minutes, follow-ups,
the documents printed for a meeting and attendance statistics."""
