"""Printing a meeting's documents from the screens: the notice (avis de convocation), the
attendance sheet, the minutes and the follow-up list.

Each asks where to save, writes the PDF and offers to open it (ui/widgets/files.py). The PDF writers use reportlab, imported only when printing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.meetings import meetings
from ..widgets.files import (  # noqa: F401 (LAST_FOLDER_KEY: tests)
    LAST_FOLDER_KEY,
    document_name,
    pdf_filter,
    save_document,
)
from ..widgets.messages import show_error

Writer = Callable[[Path], Path]


def save_pdf(parent: QWidget, context, title: str, default_name: str, write: Writer) -> Path | None:
    """Ask where, write, offer to open; returns the path written, or None."""
    return save_document(parent, title, default_name, pdf_filter(), write)


# -- the documents --------------------------------------------------------------------------


def print_follow_up_list(
    parent: QWidget,
    context,
    *,
    body: str | None = None,
    chantier_id: int | None = None,
    open_only: bool = False,
) -> Path | None:
    """The follow-up list (Liste des suivis), of one body and/or chantier when given."""
    today: dt.date = context.today()
    parts = ["suivis", body, today.isoformat()]

    def write(path: Path) -> Path:
        from ...exports.pdf.follow_ups import write_follow_up_list

        return write_follow_up_list(
            context.db, path, body=body, chantier_id=chantier_id, today=today, open_only=open_only
        )

    title = _("Enregistrer la liste des suivis")
    return save_pdf(parent, context, title, document_name(parts, ".pdf"), write)


class MeetingDocuments:
    """The documents of one meeting; each method asks where to save and writes it."""

    def __init__(self, parent: QWidget, context, meeting_id: int) -> None:
        self.parent = parent
        self.context = context
        self.meeting_id = meeting_id

    def _name(self, prefix: str) -> str:
        detail = meetings.get_meeting(self.context.db, self.meeting_id)
        return document_name([prefix, detail.body, detail.date.isoformat()], ".pdf")

    def _save(self, title: str, prefix: str, write: Writer) -> Path | None:
        try:
            name = self._name(prefix)
        except ValidationError as error:  # the meeting was deleted meanwhile
            show_error(self.parent, error.message)
            return None
        return save_pdf(self.parent, self.context, title, name, write)

    def convocation(self) -> Path | None:
        def write(path: Path) -> Path:
            from ...exports.pdf.convocation import write_convocation

            return write_convocation(
                self.context.db, self.meeting_id, path, today=self.context.today()
            )

        return self._save(_("Enregistrer l'avis de convocation"), _("convocation"), write)

    def attendance_sheet(self) -> Path | None:
        def write(path: Path) -> Path:
            from ...exports.pdf.attendance_sheet import write_attendance_sheet

            return write_attendance_sheet(self.context.db, self.meeting_id, path)

        return self._save(_("Enregistrer la feuille de présence"), _("feuille-presence"), write)

    def minutes(self) -> Path | None:
        def write(path: Path) -> Path:
            from ...exports.pdf.minutes import write_minutes

            return write_minutes(self.context.db, self.meeting_id, path, today=self.context.today())

        return self._save(_("Enregistrer le procès-verbal"), _("proces-verbal"), write)

    def follow_ups(self) -> Path | None:
        """The follow-ups of this meeting's body (all of them, overdue ones first)."""
        try:
            body = meetings.get_meeting(self.context.db, self.meeting_id).body
        except ValidationError as error:
            show_error(self.parent, error.message)
            return None
        return print_follow_up_list(self.parent, self.context, body=body)


def print_button(documents: MeetingDocuments, parent: QWidget) -> QToolButton:
    """« Imprimer ▾ »: a button whose menu prints each of the meeting's documents."""
    button = QToolButton(parent)
    button.setObjectName("printMeeting")
    button.setText(_("Imprimer") + " ▾")
    button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    entries = (
        ("printConvocation", _("Avis de convocation…"), documents.convocation),
        ("printAttendanceSheet", _("Feuille de présence…"), documents.attendance_sheet),
        ("printMinutes", _("Procès-verbal…"), documents.minutes),
        ("printFollowUps", _("Liste des suivis de l'instance…"), documents.follow_ups),
    )
    menu = QMenu(button)
    for name, text, slot in entries:
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, s=slot: s())
    button.setMenu(menu)
    return button
