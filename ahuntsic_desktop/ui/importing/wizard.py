"""« Importer des membres… »: choose a file, map its columns, check every row, import.

The long steps (reading, checking, importing, writing the report) run in a worker thread
with progress, so the window never freezes, even for 10,000 rows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget, QWizard

from ...i18n import _
from ...services.importing import ImportKind, ImportOptions, ImportPreview, ImportResult
from ...services.importing.readers import SourceTable
from ...store import Database
from ..widgets.unsaved import ask_to_abandon
from ..widgets.worker import Task
from .file_page import FilePage
from .mapping_page import MappingPage
from .preview_page import PreviewPage
from .run_page import RunPage


class ImportWizard(QWizard):
    """Holds what the steps share; ``result_`` is set once rows were imported."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.source: SourceTable | None = None
        self.kind = ImportKind.PERSONS
        self.columns: list[str | None] = []
        self.options = ImportOptions()
        self.preview: ImportPreview | None = None
        self.skip_errors = False
        self.result_: ImportResult | None = None
        self.report_path: Path | None = None
        self.setWindowTitle(_("Importer des membres"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, _("Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, _("< Précédent"))
        self.setButtonText(QWizard.WizardButton.CancelButton, _("Annuler"))
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Terminer"))
        self.resize(1000, 680)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            self.addPage(page)

    def stop_work(self) -> None:
        """Cancel what runs in the background and wait for it (nothing half-written)."""
        for task in self.findChildren(Task):
            task.cancel()
            task.wait()

    def started(self) -> bool:
        """The user chose a file or moved on, and nothing was imported yet."""
        return self.result_ is None and (
            self.source is not None or self.currentId() != self.startId()
        )

    def reject(self) -> None:
        """Esc, the close button or « Annuler » ask before the choices made are lost."""
        if not ask_to_abandon(self, self.windowTitle(), self.started()):
            return
        self.stop_work()
        super().reject()

    def done(self, result: int) -> None:
        self.stop_work()
        super().done(result)
