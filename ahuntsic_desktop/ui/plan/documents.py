"""Writing the plan's files from the screens: the import template and the PDF documents.
Each asks where to save, writes with a wait cursor, and says where the file went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ...i18n import _
from ...services.core.errors import ValidationError
from ..errors import show_error

PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"


def _start_dir(context) -> Path:
    db_path = getattr(context.db, "path", None)
    return Path(db_path).parent if db_path else Path.home()


def _tell(parent: QWidget, message: str) -> None:
    window = parent.window()
    bar = getattr(window, "statusBar", None)
    if callable(bar):
        bar().showMessage(message, 8000)


def save_file(
    parent: QWidget,
    context,
    title: str,
    default_name: str,
    file_filter: str,
    write: Callable[[Path], Path],
) -> Path | None:
    """Ask where to save, then ``write(path)``; returns the path written, or None."""
    suffix = ".pdf" if file_filter == PDF_FILTER else ".xlsx"
    name, _chosen = QFileDialog.getSaveFileName(
        parent, title, str(_start_dir(context) / default_name), file_filter
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write(path)
    except ValidationError as error:
        show_error(parent, error.message)
        return None
    except OSError as error:
        show_error(
            parent,
            _("Le fichier « {name} » n'a pas pu être écrit : {reason}.").format(
                name=path.name, reason=error.strerror or error
            ),
        )
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    _tell(parent, _("Fichier enregistré : {path}").format(path=written))
    return written


def safe_name(text: str) -> str:
    """A file name from a title: « Plan d'action 2021-2025 » -> « Plan d'action 2021-2025 »
    without the characters file systems refuse."""
    cleaned = "".join("-" if c in '\\/:*?"<>|' else c for c in text).strip()
    return cleaned or _("document")
