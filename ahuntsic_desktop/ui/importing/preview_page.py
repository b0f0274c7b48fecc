"""Step 3: every row checked, problems highlighted with their row number; skip the rows in
error or fix the file; save the error report. Nothing is written yet."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...i18n import _
from ...services.core.errors import ValidationError
from ...services.importing import (
    check_rows,
    distinct_values,
    required_missing,
    save_mapping,
    troubled_columns,
    value_choices,
)
from ...services.importing.fields import FIELDS_BY_KEY
from ..errors import unexpected_error_message
from ..widgets.worker import run_task
from .preview_model import ErrorsOnly, PreviewModel
from .report import save_report
from .value_map_dialog import ValueMapDialog

ERROR_STYLE = "color: #b00020; font-weight: 600;"


class PreviewPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.task = None
        self.setTitle(_("Vérifier les lignes"))
        self.setSubTitle(
            _(
                "Chaque ligne est vérifiée ; les cellules en cause sont en rouge. Rien n'est encore enregistré."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Importer"))

        self.counts = QLabel(self)
        self.counts.setObjectName("counts")
        self.counts.setStyleSheet("font-weight: 600;")
        self.progress = QProgressBar(self)
        self.errors_only = QCheckBox(_("Afficher seulement les lignes à corriger"), self)
        self.errors_only.setObjectName("errors_only")
        self.model = PreviewModel(self)
        self.proxy = ErrorsOnly(self)
        self.proxy.setSourceModel(self.model)
        self.errors_only.toggled.connect(self.proxy.set_errors_only)
        self.view = QTableView(self)
        self.view.setObjectName("preview")
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.skip = QCheckBox(_("Ignorer les lignes en erreur"), self)
        self.skip.setObjectName("skip_errors")
        self.skip.toggled.connect(self.completeChanged)
        self.report_button = QPushButton(_("Enregistrer le rapport d'erreurs…"), self)
        self.report_button.setObjectName("save_report")
        self.report_button.clicked.connect(lambda: save_report(self, self.wizard_))
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        # Columns whose values are mostly refused: said here, with what to do about them.
        self.troubles = QFrame(self)
        self.troubles.setObjectName("troubles")
        self.troubles.setFrameShape(QFrame.Shape.StyledPanel)
        self.troubles_layout = QVBoxLayout(self.troubles)
        self.troubles.hide()
        self.value_dialog: ValueMapDialog | None = None

        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(self.errors_only)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip)
        bottom.addStretch(1)
        bottom.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.troubles)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addLayout(bottom)

    def initializePage(self) -> None:  # noqa: N802
        wizard = self.wizard_
        wizard.preview = None
        self.model.set_preview(None)
        self._show_troubles([])
        self.counts.setText(_("Vérification des lignes…"))
        self.hint.clear()
        self.progress.setRange(0, max(1, len(wizard.source.rows)))
        self.progress.setValue(0)
        self.progress.show()
        self.report_button.setEnabled(False)
        self.skip.setEnabled(False)
        db, source, kind = wizard.db, wizard.source, wizard.kind
        columns, options = list(wizard.columns), wizard.options
        self.task = run_task(
            self,
            lambda progress: check_rows(db, source, kind, columns, options, progress=progress),
            self._checked,
            self._failed,
            lambda done, total: self.progress.setValue(done),
        )

    def cleanupPage(self) -> None:  # noqa: N802 - going back: stop checking
        self.cancel()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait()
            self.task = None

    def _checked(self, preview) -> None:
        self.task = None
        self.progress.hide()
        self.wizard_.preview = preview
        troubles = troubled_columns(preview)
        self.model.set_preview(preview, {t.index: t.summary() for t in troubles})
        self._show_troubles(troubles)
        widths = [70, 360] + [140] * (self.model.columnCount() - 2)
        for column, width in enumerate(widths):
            self.view.setColumnWidth(column, width)
        self.counts.setText(preview.summary())
        self.report_button.setEnabled(preview.error_count > 0)
        self.skip.setEnabled(preview.error_count > 0)
        self.errors_only.setEnabled(preview.error_count > 0)
        if not preview.ready_count:
            self.hint.setText(_("Aucune ligne n'est prête : corrigez le fichier puis recommencez."))
        elif preview.error_count:
            self.hint.setText(
                _(
                    "Corrigez le fichier (le rapport d'erreurs indique chaque ligne) ou cochez "
                    "« Ignorer les lignes en erreur » pour importer les lignes prêtes."
                )
            )
        self.completeChanged.emit()

    def _show_troubles(self, troubles) -> None:
        while self.troubles_layout.count():
            item = self.troubles_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        wizard = self.wizard_
        for trouble in troubles:
            row = QWidget(self.troubles)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            text = QLabel("⚠ " + trouble.summary(), row)
            text.setObjectName(f"trouble_{trouble.index}")
            text.setWordWrap(True)
            text.setStyleSheet(ERROR_STYLE)
            line.addWidget(text, 1)
            columns = list(wizard.columns)
            columns[trouble.index] = None
            if required_missing(wizard.kind, columns) is None:
                ignore = QPushButton(_("Ignorer cette colonne"), row)
                ignore.setObjectName(f"ignore_column_{trouble.index}")
                ignore.clicked.connect(lambda _c=False, t=trouble: self.ignore_column(t))
                line.addWidget(ignore)
            if trouble.mappable:
                map_values = QPushButton(_("Associer ses valeurs…"), row)
                map_values.setObjectName(f"map_values_{trouble.index}")
                map_values.clicked.connect(lambda _c=False, t=trouble: self.map_values(t))
                line.addWidget(map_values)
            self.troubles_layout.addWidget(row)
        self.troubles.setVisible(bool(troubles))

    def _remember(self) -> None:
        """Save the changed mapping and check every row again."""
        wizard = self.wizard_
        save_mapping(
            wizard.db, wizard.source, wizard.kind, wizard.columns, wizard.options.value_maps
        )
        self.cancel()
        self.initializePage()

    def ignore_column(self, trouble) -> None:
        wizard = self.wizard_
        wizard.columns[trouble.index] = None
        maps = {k: v for k, v in wizard.options.value_maps.items() if k != trouble.key}
        wizard.options = replace(wizard.options, value_maps=maps)
        self._remember()

    def map_values(self, trouble) -> None:
        wizard = self.wizard_
        self.value_dialog = ValueMapDialog(
            self,
            trouble.title,
            FIELDS_BY_KEY[trouble.key].title,
            distinct_values(wizard.source, trouble.index),
            value_choices(wizard.db, wizard.kind, trouble.key),
            dict(wizard.options.value_maps.get(trouble.key, {})),
        )
        self.value_dialog.accepted.connect(lambda t=trouble: self._values_mapped(t))
        self.value_dialog.open()

    def _values_mapped(self, trouble) -> None:
        wizard = self.wizard_
        maps = dict(wizard.options.value_maps)
        maps[trouble.key] = self.value_dialog.value_map()
        wizard.options = replace(wizard.options, value_maps=maps)
        self.value_dialog.deleteLater()
        self.value_dialog = None
        self._remember()

    def _failed(self, error) -> None:
        self.task = None
        self.progress.hide()
        message = error.message if isinstance(error, ValidationError) else None
        self.counts.setText(message or unexpected_error_message())
        self.counts.setStyleSheet(ERROR_STYLE)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        preview = self.wizard_.preview
        if preview is None or self.task is not None or not preview.ready_count:
            return False
        return preview.error_count == 0 or self.skip.isChecked()

    def validatePage(self) -> bool:  # noqa: N802
        self.wizard_.skip_errors = self.skip.isChecked()
        return self.isComplete()
