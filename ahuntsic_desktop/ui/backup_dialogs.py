"""Restoring a backup: the dialog that lists them, and the two ways in.

* « Fichier › Restaurer une sauvegarde… » replaces the open file's content by a backup,
  after keeping the current content as a backup (:func:`restore_backup`);
* a file that can't be opened (damaged, empty) is put aside untouched and a backup takes
  its place (:func:`recover_file`).

Every backup is read read-only to show its date, size and counts, and checked (integrity,
version) before it is offered.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import N_, _, format_date, format_number, format_time
from ..services.core import backup
from ..services.core.errors import ValidationError
from ..store import Database
from .errors import show_error
from .widgets.files import ask_open_path
from .widgets.unsaved import GuardedDialog

log = logging.getLogger(__name__)
FILE_FILTER = "Ahuntsic Desktop (*.sqlite *.db);;" + "*"
COLUMNS = (N_("Date"), N_("Type"), N_("Taille"), N_("Membres"), N_("Rencontres"), N_("État"))
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def format_size(size: int) -> str:
    """``845 Ko``, ``1,2 Mo``."""
    if size < 1024 * 1024:
        return _("{n} Ko").format(n=format_number(max(1, round(size / 1024))))
    return _("{n} Mo").format(n=format_number(size / (1024 * 1024), 1))


def when(summary: backup.BackupSummary) -> str:
    if summary.taken_at is None:
        return ""
    return f"{format_date(summary.taken_at, 'medium')}, {format_time(summary.taken_at.time())}"


class RestoreDialog(GuardedDialog):
    """Lists the backups of ``data_path``; ``chosen`` is the one to restore once accepted."""

    def __init__(
        self,
        data_path: Path,
        backup_dir: Path | None = None,
        parent: QWidget | None = None,
        *,
        recovering: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(_("Restaurer une sauvegarde"))
        self.resize(820, 420)
        self.data_path = Path(data_path)
        self.backup_dir = backup_dir
        self.recovering = recovering
        self.chosen: Path | None = None
        self.summaries: list[backup.BackupSummary] = []

        if recovering:
            intro = _(
                "« {name} » ne peut pas être ouvert. Choisissez la sauvegarde à remettre à sa "
                "place : le fichier actuel sera mis de côté, sans être modifié, dans le dossier "
                "des sauvegardes."
            )
        else:
            intro = _(
                "Choisissez la sauvegarde à remettre en place dans « {name} ». Son contenu "
                "actuel sera d'abord conservé comme sauvegarde « avant restauration »."
            )
        self.intro = QLabel(intro.format(name=self.data_path.name), self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.accept())
        self.empty_label = QLabel(_("Aucune sauvegarde n'a été trouvée pour ce fichier."), self)

        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            _("Restaurer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.other_button = QPushButton(_("Autre fichier…"), self)
        self.buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(_("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self.choose_other)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.buttons)
        self.load()

    def load(self) -> None:
        self.summaries = backup.available_backups(self.data_path, self.backup_dir)
        self.table.setRowCount(0)
        for summary in self.summaries:
            self._add_row(summary)
        self.empty_label.setVisible(not self.summaries)
        usable = next((row for row, s in enumerate(self.summaries) if s.usable), None)
        if usable is not None:
            self.table.selectRow(usable)
        self._update_buttons()

    def _add_row(self, summary: backup.BackupSummary, row: int | None = None) -> None:
        row = self.table.rowCount() if row is None else row
        self.table.insertRow(row)
        state = _("Vérifiée") if summary.usable else summary.problem or ""
        values = (
            when(summary),
            backup.kind_label(summary.kind),
            format_size(summary.size),
            "" if summary.members is None else format_number(summary.members),
            "" if summary.meetings is None else format_number(summary.meetings),
            state,
        )
        for column, text in enumerate(values):
            item = QTableWidgetItem(text)
            item.setData(PATH_ROLE, str(summary.path))
            item.setToolTip(str(summary.path) if column == 0 else text)
            if column in (2, 3, 4):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not summary.usable:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, column, item)
        for column, width in enumerate((190, 170, 80, 80, 90)):
            self.table.setColumnWidth(column, width)

    def selected(self) -> backup.BackupSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        path = Path(self.table.item(rows[0].row(), 0).data(PATH_ROLE))
        return next((s for s in self.summaries if s.path == path), None)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None and chosen.usable)

    def choose_other(self) -> None:
        name = ask_open_path(
            self, _("Choisir une sauvegarde"), FILE_FILTER, self.data_path.parent, remember=False
        )
        if name is None:
            return
        summary = backup.describe_backup(name, kind="?")
        if not summary.usable:
            show_error(self, summary.problem or "")
            return
        self.summaries.insert(0, summary)
        self._add_row(summary, 0)
        self.empty_label.hide()
        self.table.selectRow(0)

    def unsaved_state(self) -> tuple:
        """Choosing another backup is an edit: Esc then asks before closing."""
        chosen = self.selected()
        return (super().unsaved_state(), None if chosen is None else str(chosen.path))

    def accept(self) -> None:
        chosen = self.selected()
        if chosen is None or not chosen.usable:
            return
        if self.recovering:
            question = _(
                "Remettre la sauvegarde du {date} à la place de « {name} » ? Le fichier actuel "
                "sera mis de côté dans le dossier des sauvegardes."
            )
        else:
            question = _(
                "Remplacer le contenu de « {name} » par la sauvegarde du {date} ? Le contenu "
                "actuel sera conservé comme sauvegarde « avant restauration »."
            )
        answer = QMessageBox.question(
            self,
            _("Restaurer une sauvegarde"),
            question.format(name=self.data_path.name, date=when(chosen)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.chosen = chosen.path
        super().accept()


def restore_backup(parent: QWidget | None, db: Database) -> Database | None:
    """Ask which backup, restore it into the open file; the reopened file, or None."""
    if db.path is None or db.read_only:
        show_error(parent, _("Ouvrez le fichier en écriture pour y restaurer une sauvegarde."))
        return None
    dialog = RestoreDialog(Path(db.path), db.backup_dir, parent)
    if not dialog.exec() or dialog.chosen is None:
        return None
    try:
        restored = backup.restore(db, dialog.chosen)
    except ValidationError as error:
        show_error(parent, error.message)
        return None
    QMessageBox.information(
        parent,
        _("Sauvegarde restaurée"),
        _(
            "La sauvegarde « {backup} » a été restaurée. Le contenu précédent a été conservé "
            "dans « {copy} »."
        ).format(backup=dialog.chosen.name, copy=restored.safety_copy),
    )
    return restored.db


def recover_file(parent: QWidget | None, path: Path) -> bool:
    """Put a file that can't be opened aside and a chosen backup in its place."""
    dialog = RestoreDialog(Path(path), None, parent, recovering=True)
    if not dialog.exec() or dialog.chosen is None:
        return False
    try:
        aside = backup.recover(Path(path), dialog.chosen)
    except ValidationError as error:
        show_error(parent, error.message)
        return False
    QMessageBox.information(
        parent,
        _("Sauvegarde restaurée"),
        _(
            "La sauvegarde « {backup} » a été remise en place. Le fichier qui ne pouvait pas "
            "être ouvert a été mis de côté, sans modification, dans « {aside} »."
        ).format(backup=dialog.chosen.name, aside=aside),
    )
    return True


def automatic_backup(db: Database) -> str | None:
    """The day's automatic backup when due; a status-bar message, or None."""
    try:
        copy = backup.backup_if_due(db)
    except ValidationError as error:
        log.warning("Automatic backup failed: %s", error.message)
        return _("La sauvegarde automatique a échoué : {error}").format(error=error.message)
    if copy is None:
        return None
    return _("Sauvegarde automatique enregistrée : {name}").format(name=copy.name)
