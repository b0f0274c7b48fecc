"""The guide's screenshots of daily work, for docs/make_screenshots.py: a meeting's agenda
and attendance (the last coordination committee held), the action plan editor with a
target chosen, the Exports page on the funder report, an access request, and copies of two
document previews (docs/previews, made by make_document_previews.py) the guide shows."""

from __future__ import annotations

import shutil
from pathlib import Path


def _pump(app) -> None:
    for _ in range(8):
        app.processEvents()


def shoot_work(app, window, out: Path, day) -> None:
    from ahuntsic_desktop.services.plan.nodes import NodeRef
    from ahuntsic_desktop.ui.meetings.meeting_window import MeetingWindow
    from ahuntsic_desktop.ui.pages.plan_page import PlanPage

    context, db = window.context, window.context.db
    meeting = MeetingWindow(context, _last_cc_held(db, day))
    meeting.resize(1200, 780)
    meeting.show()
    _pump(app)
    meeting.tabs.setCurrentWidget(meeting.agenda)
    _pump(app)
    meeting.grab().save(str(out / "meeting-agenda.png"))
    meeting.tabs.setCurrentWidget(meeting.attendance)
    _pump(app)
    meeting.grab().save(str(out / "meeting-attendance.png"))
    meeting.close()

    row = next(i for i, p in enumerate(window.pages) if isinstance(p, PlanPage))
    window.navigation.setCurrentRow(row)
    _pump(app)
    editor = window.pages[row].editor
    target = _a_target(db, editor.plan_id) if editor.plan_id else None
    if target is not None:
        editor.reload(NodeRef("target", target))
    _pump(app)
    window.grab().save(str(out / "plan-editor.png"))
    _exports_and_access(app, window, out)
    previews = out.parent / "previews"
    for name in ("pdf-proces-verbal", "xlsx-reddition"):
        if (previews / f"{name}.png").exists():
            shutil.copyfile(previews / f"{name}.png", out / f"{name}.png")


def _exports_and_access(app, window, out: Path) -> None:
    from PySide6.QtCore import Qt

    from ahuntsic_desktop.ui.pages.exports_page import ExportsPage
    from ahuntsic_desktop.ui.privacy.small_dialogs import RequestDialog

    row = next(i for i, p in enumerate(window.pages) if isinstance(p, ExportsPage))
    window.navigation.setCurrentRow(row)
    _pump(app)
    page = window.pages[row]
    for index in range(page.list.count()):
        if page.list.item(index).data(Qt.ItemDataRole.UserRole) == "reddition":
            page.list.setCurrentRow(index)
    _pump(app)
    window.grab().save(str(out / "page-exports-reddition.png"))
    dialog = RequestDialog(window.context, None, window)
    dialog.show()
    _pump(app)
    dialog.grab().save(str(out / "dialog-demande-acces.png"))
    dialog.close()


def _a_target(db, plan_id: int) -> int | None:
    """A target of the plan with a figure to show (indicator, value aimed and reached)."""
    from sqlalchemy import select

    from ahuntsic_desktop.domain import Orientation, Target

    with db.session() as session:
        return session.scalar(
            select(Target.id)
            .join(Orientation, Target.orientation_id == Orientation.id)
            .where(Orientation.plan_id == plan_id, Target.actual_value.is_not(None))
            .order_by(Target.id)
            .limit(1)
        )


def _last_cc_held(db, day) -> int:
    from sqlalchemy import select

    from ahuntsic_desktop.domain import Meeting

    with db.session() as session:
        return session.scalar(
            select(Meeting.id)
            .where(Meeting.body == "CC", Meeting.date <= day)
            .order_by(Meeting.date.desc())
            .limit(1)
        )
