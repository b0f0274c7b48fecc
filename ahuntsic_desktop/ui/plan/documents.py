"""Writing the plan's files from the screens: the import template and the PDF documents,
through the window's one "save a document" helper (ui/widgets/files.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from ..widgets.files import file_part, pdf_filter, save_document, xlsx_filter

PDF_FILTER = "PDF (*.pdf)"
XLSX_FILTER = "Excel (*.xlsx)"


def save_file(
    parent: QWidget,
    context,
    title: str,
    default_name: str,
    file_filter: str,
    write: Callable[[Path], Path],
) -> Path | None:
    """Ask where to save, then ``write(path)``; returns the path written, or None."""
    pdf = file_filter == PDF_FILTER or default_name.lower().endswith(".pdf")
    return save_document(parent, title, default_name, pdf_filter() if pdf else xlsx_filter(), write)


def safe_name(text: str) -> str:
    """A file name piece from a title, without the characters file systems refuse."""
    return file_part(text) or "document"
