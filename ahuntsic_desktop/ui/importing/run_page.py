"""Step 4: the import itself, in one transaction, with progress; then the outcome."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.importing import Cancelled, commit_rows
from ..errors import ask_retry, can_retry, unexpected_error_message
from ..widgets.worker import run_task
from .report import save_report

log = logging.getLogger(__name__)


class RunPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.task = None
        self.done = False
        self.setTitle(_("Importation"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("import_progress")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(_("Arrêter l'importation"), self)
        self.cancel_button.clicked.connect(self.cancel)
        self.report_button = QPushButton(_("Enregistrer le rapport d'erreurs…"), self)
        self.report_button.setObjectName("save_report_after")
        self.report_button.clicked.connect(lambda: save_report(self, self.wizard_))
        self.report_button.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)
        layout.addWidget(self.report_button)

    def initializePage(self) -> None:  # noqa: N802
        wizard = self.wizard_
        self.done = False
        self.status.setText(_("Importation en cours : tout sera enregistré d'un coup, ou rien."))
        self.progress.setRange(0, 0)
        db, preview, skip = wizard.db, wizard.preview, wizard.skip_errors
        self.task = run_task(
            self,
            lambda progress: commit_rows(db, preview, skip_errors=skip, progress=progress),
            self._succeeded,
            self._failed,
            self._progressed,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait()

    def _finish(self) -> None:
        self.task = None
        self.done = True
        self.cancel_button.hide()
        self.completeChanged.emit()

    def _succeeded(self, result) -> None:
        self.wizard_.result_ = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(_("Importation terminée : {summary}").format(summary=result.summary()))
        self.report_button.setVisible(result.skipped > 0)
        self._finish()

    def _failed(self, error) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        if can_retry(error):  # a busy file, a full disk: rolled back, may pass later
            if ask_retry(self, error):
                self.initializePage()
                return
            message = f"{error.message} {error.advice}"
        elif isinstance(error, Cancelled):
            message = _("Importation arrêtée : rien n'a été enregistré.")
        elif isinstance(error, ValidationError):
            message = error.message
        else:
            log.error("Import failed", exc_info=error)
            message = unexpected_error_message()
        self.status.setText(message)
        self.status.setStyleSheet("color: #b00020; font-weight: 600;")
        self._finish()

    def isComplete(self) -> bool:  # noqa: N802
        return self.done
