"""The one way the window saves and opens files: a default name that says what and when
(``recu-2026-0012-Hélène-Tremblay.pdf``, ``proces-verbal-CC-2026-11-12.pdf``), one
remembered documents folder, the work done with a wait cursor, and the same end dialog
everywhere (open the document, open its folder).

Every file dialog of the window goes through :func:`ask_save_path`,
:func:`ask_open_path` or :func:`ask_folder`; the folder chosen last is remembered under
one setting, :data:`LAST_FOLDER_KEY`."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from ...i18n import _
from ...services.core.errors import ValidationError
from .messages import clicked, show_error

log = logging.getLogger(__name__)
LAST_FOLDER_KEY = "documents/last_folder"
SAVED_BOX = "documentSaved"
Writer = Callable[[Path], Path | None]


def pdf_filter() -> str:
    return _("Document PDF (*.pdf)")


def xlsx_filter() -> str:
    return _("Classeur Excel (*.xlsx)")


def file_part(text: str | None) -> str:
    """A piece of file name: « CC » stays, « A/B » becomes « A-B », spaces become dashes."""
    cleaned = "".join("-" if c in '\\/:*?"<>| \t\n' else c for c in (text or "").strip())
    while "--" in cleaned:
        cleaned = cleaned.replace("--", "-")
    return cleaned.strip("-.")


def document_name(parts: Iterable[object], suffix: str) -> str:
    """``document_name(["proces-verbal", "CC", day], ".pdf")`` ->
    ``proces-verbal-CC-2026-11-12.pdf`` (dates written the ISO way, blanks dropped)."""
    pieces = [file_part(str(part)) for part in parts if part not in (None, "")]
    stem = "-".join(piece for piece in pieces if piece) or _("document")
    return stem + suffix


# -- the documents folder ---------------------------------------------------------------


def documents_folder() -> Path:
    """The folder chosen last, else the user's Documents folder, else the home folder."""
    last = QSettings().value(LAST_FOLDER_KEY)
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(path: Path) -> None:
    QSettings().setValue(LAST_FOLDER_KEY, str(path if path.is_dir() else path.parent))


# -- the dialogs --------------------------------------------------------------------------


def ask_save_path(
    parent: QWidget | None,
    title: str,
    default_name: str,
    file_filter: str,
    *,
    folder: Path | None = None,
    remember: bool = True,
) -> Path | None:
    """Where to save, starting in the documents folder (or ``folder``) with
    ``default_name``; its suffix is added when the user typed none. The folder chosen is
    remembered unless ``remember`` is False (data files, backups). None when cancelled."""
    suggested = Path(default_name)
    start = (folder or documents_folder()) / default_name if default_name else folder
    name, _chosen = QFileDialog.getSaveFileName(
        parent, title, str(start or documents_folder()), file_filter
    )
    if not name:
        return None
    path = Path(name)
    suffix = suggested.suffix
    if suffix and path.suffix.lower() != suffix.lower():
        path = path.with_name(path.name + suffix)
    if remember:
        remember_folder(path.parent)
    return path


def ask_open_path(
    parent: QWidget | None,
    title: str,
    file_filter: str,
    folder: Path | None = None,
    *,
    remember: bool = True,
) -> Path | None:
    """A file to read, starting in ``folder`` or the documents folder. None when cancelled."""
    start = folder if folder is not None else documents_folder()
    name, _chosen = QFileDialog.getOpenFileName(parent, title, str(start), file_filter)
    if not name:
        return None
    path = Path(name)
    if remember:
        remember_folder(path.parent)
    return path


def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(documents_folder()))
    if not name:
        return None
    remember_folder(Path(name))
    return Path(name)


# -- writing and the end dialog -----------------------------------------------------------


def write_failed_message(path: Path, error: OSError) -> str:
    return _("Le fichier « {name} » n'a pas pu être écrit : {reason}.").format(
        name=path.name, reason=error.strerror or error
    )


def write_with_cursor(parent: QWidget | None, path: Path, write: Writer) -> Path | None:
    """Run ``write(path)`` with a wait cursor; errors are told in French. None on failure."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write(path)
        return Path(written) if written is not None else path
    except ValidationError as error:
        show_error(parent, error.message)
    except OSError as error:
        log.warning("Could not write a document: %s", type(error).__name__)
        show_error(parent, write_failed_message(path, error))
    finally:
        QGuiApplication.restoreOverrideCursor()
    return None


def open_path(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def offer_to_open(parent: QWidget | None, path: Path, message: str | None = None) -> None:
    """The end dialog of every saved document: where it went, open it, open its folder;
    ``message`` (else « Fichier enregistré ») stays in the status bar."""
    window = parent.window() if parent is not None else None
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(message or _("Fichier enregistré : {path}").format(path=path), 10_000)
    box = QMessageBox(parent)
    box.setObjectName(SAVED_BOX)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_("Document enregistré"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(_("Le document a été enregistré :\n{path}").format(path=path))
    open_file = box.addButton(_("Ouvrir le document"), QMessageBox.ButtonRole.AcceptRole)
    open_folder = box.addButton(_("Ouvrir le dossier"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_("Fermer"), QMessageBox.ButtonRole.RejectRole)
    open_file.setObjectName("open_file")
    open_folder.setObjectName("open_folder")
    box.setDefaultButton(open_file)
    run_box(box)
    answer = clicked(box)
    if answer == "open_file":
        open_path(path)
    elif answer == "open_folder":
        open_path(path.parent)


def run_box(box: QMessageBox) -> int:
    """Shows ``box`` until answered (tests answer it in its place)."""
    return box.exec()


class busy:  # noqa: N801 - used as ``with busy(button):``
    """Disables ``buttons`` while their work runs: a double click exports once."""

    def __init__(self, *buttons: QAbstractButton | None) -> None:
        self.buttons = [b for b in buttons if b is not None and b.isEnabled()]

    def __enter__(self) -> None:
        for button in self.buttons:
            button.setEnabled(False)

    def __exit__(self, *_exc) -> None:
        for button in self.buttons:
            button.setEnabled(True)


def save_document(
    parent: QWidget | None,
    title: str,
    default_name: str,
    file_filter: str,
    write: Writer,
    *,
    button: QAbstractButton | None = None,
) -> Path | None:
    """Ask where, write (``button`` disabled meanwhile), then the end dialog; returns the
    path written, or None when cancelled or refused."""
    with busy(button):
        path = ask_save_path(parent, title, default_name, file_filter)
        if path is None:
            return None
        written = write_with_cursor(parent, path, write)
    if written is not None:
        offer_to_open(parent, written)
    return written
