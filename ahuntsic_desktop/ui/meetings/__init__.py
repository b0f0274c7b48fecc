"""The meeting editor: convene a meeting, build its agenda, sign people in, record its
resolutions and follow-ups, approve its minutes."""

from .meeting_dialog import MeetingDialog
from .meeting_window import MeetingWindow

__all__ = ["MeetingDialog", "MeetingWindow"]
