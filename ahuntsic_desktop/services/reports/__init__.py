"""What reads across concepts: the dashboard and the activity statistics (annual report,
funder report).

The public face: other services packages import only what is listed in ``__all__``
(the modules, and the few names other concepts build on)."""

from . import activity, dashboard

__all__ = [
    "activity",
    "dashboard",
]
