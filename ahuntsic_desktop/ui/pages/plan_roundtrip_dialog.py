"""« Importer un suivi du plan… »: the edited plan-tracking workbook comes back. A preview
lists what changed, what did not, and the conflicts (changed in the application since the
export); nothing is written before « Importer » is clicked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...domain.enums import Evaluation, PlanStatus
from ...domain.labels import label
from ...i18n import _, format_date, format_time, ngettext
from ...services.core.errors import ValidationError
from ...services.plan.roundtrip import ImportPreview, RowChange, apply_import, preview_import
from ..context import Context
from ..widgets.files import ask_open_path, xlsx_filter
from ..widgets.unsaved import GuardedDialog


def _values_text(change: RowChange, which: str) -> str:
    values = change.current if which == "current" else change.incoming
    parts = []
    if "status" in change.fields:
        parts.append(label(values.status, PlanStatus))
    if "evaluation" in change.fields:
        parts.append(label(values.evaluation, Evaluation) or "—")
    if "comment" in change.fields:
        parts.append(values.comment or "—")
    return " · ".join(parts)


class PlanImportDialog(GuardedDialog):
    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(_("Importer un suivi du plan"))
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        when = preview.exported_at
        summary = _(
            "Classeur exporté le {date} à {time}. {changed} ; {unchanged} ; {conflicts}."
        ).format(
            date=format_date(when.date()),
            time=format_time(when.time()),
            changed=ngettext(
                "{n} ligne modifiée", "{n} lignes modifiées", len(preview.changes)
            ).format(n=len(preview.changes)),
            unchanged=ngettext("{n} inchangée", "{n} inchangées", preview.unchanged).format(
                n=preview.unchanged
            ),
            conflicts=ngettext(
                "{n} en conflit (modifiée aussi dans l'application depuis l'exportation)",
                "{n} en conflit (modifiées aussi dans l'application depuis l'exportation)",
                len(preview.conflicts),
            ).format(n=len(preview.conflicts)),
        )
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        rows = [(c, _("Modifiée")) for c in preview.changes] + [
            (c, _("Conflit")) for c in preview.conflicts
        ]
        self.table = QTableWidget(len(rows), 5, self)
        self.table.setObjectName("planImportChanges")
        self.table.setHorizontalHeaderLabels(
            [_("Numéro"), _("Intitulé"), _("Dans l'application"), _("Dans le classeur"), _("État")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, (change, state) in enumerate(rows):
            for c, text in enumerate(
                (
                    change.number,
                    change.title,
                    _values_text(change, "current"),
                    _values_text(change, "incoming"),
                    state,
                )
            ):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 300)
        self.table.setColumnWidth(2, 180)
        self.table.setColumnWidth(3, 180)
        layout.addWidget(self.table, 1)
        if preview.problems:
            problems = QLabel("\n".join(preview.problems[:20]), self)
            problems.setStyleSheet("color: #b42318;")
            problems.setWordWrap(True)
            layout.addWidget(problems)
        self.conflicts_check = QCheckBox(
            _("Remplacer aussi les valeurs modifiées dans l'application (conflits)"), self
        )
        self.conflicts_check.setVisible(bool(preview.conflicts))
        layout.addWidget(self.conflicts_check)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            _("Importer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(preview.has_changes)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def include_conflicts(self) -> bool:
        return self.conflicts_check.isChecked()


def import_plan_tracking(parent: QWidget, context: Context) -> bool:
    """Ask for the workbook, preview it, and apply it when confirmed; True when applied."""
    title = _("Importer un suivi du plan")
    chosen = ask_open_path(parent, title, xlsx_filter())
    if chosen is None:
        return False
    try:
        preview = preview_import(context.db, chosen)
    except ValidationError as error:
        QMessageBox.warning(parent, title, error.message)
        return False
    dialog = PlanImportDialog(preview, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        count = apply_import(
            context.db, preview, include_conflicts=dialog.include_conflicts(), today=context.today()
        )
    except ValidationError as error:
        QMessageBox.warning(parent, title, error.message)
        return False
    QMessageBox.information(
        parent,
        title,
        ngettext(
            "{n} ligne du plan mise à jour.", "{n} lignes du plan mises à jour.", count
        ).format(n=count),
    )
    return True
