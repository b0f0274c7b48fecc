"""Printing a meeting's documents from the screens: the notice (avis de convocation), the
attendance sheet, the minutes and the follow-up list.

Each asks where to save (in the folder used last time), writes the PDF with a wait cursor,
then offers to open it. The PDF writers use reportlab, imported only when printing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolButton, QWidget

from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.meetings import meetings
from ..errors import show_error

LAST_FOLDER_KEY = "documents/lastFolder"
PDF_FILTER = "PDF (*.pdf)"

Writer = Callable[[Path], Path]


def file_part(text: str) -> str:
    """A piece of file name: « CC » stays, « A/B » becomes « A-B »."""
    cleaned = "".join("-" if c in '\\/:*?"<>| ' else c for c in (text or "").strip())
    return cleaned or _("document")


def start_folder(context) -> Path:
    """The folder used last time, else that of the open file, else the home folder."""
    last = QSettings().value(LAST_FOLDER_KEY)
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    db_path = getattr(context.db, "path", None)
    return Path(db_path).parent if db_path else Path.home()


def ask_pdf_path(parent: QWidget, context, title: str, default_name: str) -> Path | None:
    """Ask where to save a PDF; remembers the folder. None when cancelled."""
    name, _chosen = QFileDialog.getSaveFileName(
        parent, title, str(start_folder(context) / default_name), PDF_FILTER
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    QSettings().setValue(LAST_FOLDER_KEY, str(path.parent))
    return path


def write_with_cursor(parent: QWidget, path: Path, write: Writer) -> Path | None:
    """Run ``write(path)`` with a wait cursor; errors are told in French. None on failure."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return write(path)
    except ValidationError as error:
        show_error(parent, error.message)
    except OSError as error:
        reason = error.strerror or str(error)
        show_error(
            parent,
            _("Le fichier « {name} » n'a pas pu être écrit : {reason}.").format(
                name=path.name, reason=reason
            ),
        )
    finally:
        QGuiApplication.restoreOverrideCursor()
    return None


def offer_to_open(parent: QWidget, path: Path) -> None:
    """Say where the file went, with a button to open it."""
    window = parent.window()
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(_("Fichier enregistré : {path}").format(path=path), 8000)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Document enregistré"))
    box.setText(_("Le document a été enregistré :\n{path}").format(path=path))
    open_button = box.addButton(_("Ouvrir le document"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("Fermer"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_button)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def save_pdf(parent: QWidget, context, title: str, default_name: str, write: Writer) -> Path | None:
    """Ask where, write, offer to open; returns the path written, or None."""
    path = ask_pdf_path(parent, context, title, default_name)
    if path is None:
        return None
    written = write_with_cursor(parent, path, write)
    if written is not None:
        offer_to_open(parent, Path(written))
    return written


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
    parts = ["suivis"] + ([file_part(body)] if body else []) + [today.isoformat()]

    def write(path: Path) -> Path:
        from ...exports.pdf.follow_ups import write_follow_up_list

        return write_follow_up_list(
            context.db, path, body=body, chantier_id=chantier_id, today=today, open_only=open_only
        )

    title = _("Enregistrer la liste des suivis")
    return save_pdf(parent, context, title, "-".join(parts) + ".pdf", write)


class MeetingDocuments:
    """The documents of one meeting; each method asks where to save and writes it."""

    def __init__(self, parent: QWidget, context, meeting_id: int) -> None:
        self.parent = parent
        self.context = context
        self.meeting_id = meeting_id

    def _name(self, prefix: str) -> str:
        detail = meetings.get_meeting(self.context.db, self.meeting_id)
        return f"{prefix}-{file_part(detail.body)}-{detail.date.isoformat()}.pdf"

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
