"""The documents the table sends out: choose one, its period, body, funder or plan and
options, pick where to save it; it is written in a worker thread with a progress bar, then
the file or its folder opens with one click.

The plan-tracking workbook edited in Excel comes back through « Importer un suivi du
plan… » (see :mod:`.plan_roundtrip_dialog`)."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...exports.catalog import (
    BEYOND_TODAY,
    BODY,
    CONTACTS,
    FUNDER,
    PERIOD,
    PLAN,
    ExportKind,
    ExportOptions,
    check_options,
    kinds,
    run_export,
)
from ...i18n import _
from ...services.core import periods
from ...services.core.errors import ValidationError
from ...services.funding import report as funder_report
from ...services.meetings import meetings as meeting_service
from ...services.plan import plans as plan_service
from ..context import Context
from ..errors import unexpected_error_message
from ..widgets.dates import date_edit
from ..widgets.files import LAST_FOLDER_KEY as LAST_FOLDER  # noqa: F401 (tests)
from ..widgets.files import ask_save_path, offer_to_open, open_path
from ..widgets.worker import Task, run_task
from .base import Page

log = logging.getLogger(__name__)


def file_filter(suffix: str) -> str:
    if suffix == ".ics":
        return _("Calendrier iCalendar (*.ics)")
    return _("Classeur Excel (*.xlsx)") if suffix == ".xlsx" else _("Document PDF (*.pdf)")


def documents() -> list[tuple[str, str]]:
    """(title, description) of every document, in the order shown."""
    return [(kind.title, kind.description) for kind in kinds()]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ExportsPage(Page):
    finished = Signal(str)  # the path written
    failed = Signal(str)  # the French message shown

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Exports")
        super().__init__(context, parent)
        self.last_path: Path | None = None
        self._task: Task | None = None
        self.import_button = QPushButton(_("Importer un suivi du plan…"), self)
        self.import_button.setObjectName("importPlanTracking")
        self.import_button.clicked.connect(self.import_plan_tracking)
        self.toolbar.addWidget(self.import_button)
        intro = QLabel(_("Choisissez un document à produire à partir du fichier ouvert."), self)
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        body = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("exportDocuments")
        self.list.setMinimumWidth(260)
        body.addWidget(self.list, 1)
        body.addWidget(self._build_panel(), 2)
        self.layout_.addLayout(body, 1)
        self.list.currentRowChanged.connect(self._show_kind)
        application = QApplication.instance()
        if application is not None:  # let a running export finish its file before quitting
            application.aboutToQuit.connect(self.wait)
        for kind in kinds():
            item = QListWidgetItem(kind.title)
            item.setData(Qt.ItemDataRole.UserRole, kind.key)
            item.setToolTip(kind.description)
            self.list.addItem(item)
        self.list.setSpacing(3)

    # -- layout --------------------------------------------------------------------------
    def _build_panel(self) -> QWidget:
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        self.kind_title = QLabel(panel)
        self.kind_title.setObjectName("exportTitle")
        self.kind_title.setStyleSheet("font-weight: bold; font-size: 14pt;")
        self.kind_description = QLabel(panel)
        self.kind_description.setWordWrap(True)
        layout.addWidget(self.kind_title)
        layout.addWidget(self.kind_description)
        form = QFormLayout()
        # The dates as people write them (« 1 avril 2026 »), like every other date editor.
        self.start_edit, self.end_edit = date_edit(panel), date_edit(panel)
        for edit in (self.start_edit, self.end_edit):
            edit.setMaximumWidth(220)
        self.body_combo = QComboBox(panel)
        self.funder_combo = QComboBox(panel)
        self.plan_combo = QComboBox(panel)
        self.contacts_check = QCheckBox(
            _("Inclure les coordonnées des personnes qui y ont consenti"), panel
        )
        self.beyond_today_check = QCheckBox(
            _("Compter aussi après aujourd'hui (ce qui est prévu, jusqu'à la fin de la période)"),
            panel,
        )
        self.beyond_today_check.setObjectName("exportBeyondToday")
        self.rows = {
            PERIOD: [(_("Du"), self.start_edit), (_("Au"), self.end_edit)],
            BODY: [(_("Instance"), self.body_combo)],
            FUNDER: [(_("Bailleur de fonds"), self.funder_combo)],
            PLAN: [(_("Plan d'action"), self.plan_combo)],
            CONTACTS: [("", self.contacts_check)],
            BEYOND_TODAY: [("", self.beyond_today_check)],
        }
        self.form_labels: dict[QWidget, QLabel] = {}
        for rows in self.rows.values():
            for text, widget in rows:
                label = QLabel(text, panel)
                self.form_labels[widget] = label
                form.addRow(label, widget)
        layout.addLayout(form)
        self.contacts_note = QLabel(
            _(
                "Le document contiendra des renseignements personnels : transmettez-le de "
                "façon sécurisée et seulement à qui en a besoin."
            ),
            panel,
        )
        self.contacts_note.setWordWrap(True)
        self.contacts_note.setStyleSheet("color: #b42318;")
        self.contacts_check.toggled.connect(self.contacts_note.setVisible)
        layout.addWidget(self.contacts_note)
        self.export_button = QPushButton(_("Exporter…"), panel)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.setMinimumWidth(160)
        self.export_button.clicked.connect(self.export)
        layout.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.progress = QProgressBar(panel)
        self.progress.setObjectName("exportProgress")
        layout.addWidget(self.progress)
        self.message = QLabel(panel)
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.open_file_button = QPushButton(_("Ouvrir le fichier"), panel)
        self.open_folder_button = QPushButton(_("Ouvrir le dossier"), panel)
        self.open_file_button.clicked.connect(self.open_file)
        self.open_folder_button.clicked.connect(self.open_folder)
        buttons.addWidget(self.open_file_button)
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._show_result(None)
        self.progress.hide()
        self.contacts_note.hide()
        return panel

    # -- state ---------------------------------------------------------------------------
    def refresh(self) -> None:
        db, today = self.context.db, self.context.today()
        year = periods.membership_year_period(db, today)
        self.start_edit.setDate(_qdate(year.start))
        self.end_edit.setDate(_qdate(year.end))
        self._fill(self.body_combo, meeting_service.body_choices(db), _("Toutes les instances"))
        self._fill(self.funder_combo, funder_report.funder_choices(db), None)
        self._fill(self.plan_combo, plan_service.plan_choices(db), None)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        else:
            self._show_kind(self.list.currentRow())

    @staticmethod
    def _fill(combo: QComboBox, choices, empty: str | None) -> None:
        current = combo.currentData()
        combo.clear()
        if empty is not None:
            combo.addItem(empty, None)
        for choice in choices:
            combo.addItem(choice.text, choice.value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))

    def current_kind(self) -> ExportKind | None:
        item = self.list.currentItem()
        if item is None:
            return None
        key = item.data(Qt.ItemDataRole.UserRole)
        return next(k for k in kinds() if k.key == key)

    def select_kind(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(row)
                return
        raise KeyError(key)

    def _show_kind(self, _row: int) -> None:
        kind = self.current_kind()
        if kind is None:
            return
        self.kind_title.setText(kind.title)
        self.kind_description.setText(kind.description)
        for option, rows in self.rows.items():
            for _text, widget in rows:
                widget.setVisible(kind.uses(option))
                self.form_labels[widget].setVisible(kind.uses(option))
        self.contacts_note.setVisible(kind.uses(CONTACTS) and self.contacts_check.isChecked())
        self.message.clear()
        self._show_result(None)

    def options(self) -> ExportOptions:
        return ExportOptions(
            start=_date(self.start_edit.date()),
            end=_date(self.end_edit.date()),
            body=self.body_combo.currentData(),
            funder_id=self.funder_combo.currentData(),
            plan_id=self.plan_combo.currentData(),
            include_contacts=self.contacts_check.isChecked(),
            beyond_today=self.beyond_today_check.isChecked(),
            today=self.context.today(),
        )

    # -- exporting -----------------------------------------------------------------------
    def _ask_path(self, kind: ExportKind, options: ExportOptions) -> Path | None:
        return ask_save_path(
            self,
            _("Enregistrer « {title} »").format(title=kind.title),
            kind.default_filename(options),
            file_filter(kind.suffix),
        )

    def export(self) -> None:
        kind = self.current_kind()
        if kind is None or self._task is not None:
            return
        try:
            options = check_options(kind, self.options())
        except ValidationError as error:
            self._fail(error.message)
            return
        path = self._ask_path(kind, options)
        if path is None:
            return
        self._show_result(None)
        self.message.setText(_("Production de « {title} »…").format(title=kind.title))
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()
        self.export_button.setEnabled(False)
        self.list.setEnabled(False)
        db, key = self.context.db, kind.key

        def work(progress) -> str:
            return str(run_export(db, key, path, options, progress))

        self._task = run_task(
            QApplication.instance(), work, self._done, self._failed, self._progressed
        )
        self._task.finished.connect(self._thread_finished)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ValidationError):
            self._fail(error.message)
        else:
            log.error("Export failed", exc_info=error)
            self._fail(unexpected_error_message())

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))

    @Slot(str)
    def _done(self, path: str) -> None:
        self.last_path = Path(path)
        self.message.setText(_("Document enregistré : {path}").format(path=path))
        self._show_result(self.last_path)
        self.finished.emit(path)
        offer_to_open(self, self.last_path)

    @Slot(str)
    def _fail(self, message: str) -> None:
        self.message.setText(f'<span style="color:#b42318">{message}</span>')
        self.progress.hide()
        self.failed.emit(message)

    def _thread_finished(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.list.setEnabled(True)

    def is_busy(self) -> bool:
        return self._task is not None

    def wait(self, milliseconds: int = 30_000) -> None:
        """Wait for a running export (closing the window, tests)."""
        if self._task is not None:
            self._task.wait(milliseconds)

    def _show_result(self, path: Path | None) -> None:
        self.open_file_button.setVisible(path is not None)
        self.open_folder_button.setVisible(path is not None)

    def open_file(self) -> None:
        if self.last_path is not None:
            open_path(self.last_path)

    def open_folder(self) -> None:
        if self.last_path is not None:
            open_path(self.last_path.parent)

    # -- round trip ----------------------------------------------------------------------
    def import_plan_tracking(self) -> None:
        from .plan_roundtrip_dialog import import_plan_tracking

        if import_plan_tracking(self, self.context):
            window = self.window()
            if hasattr(window, "refresh_all"):
                window.refresh_all()
