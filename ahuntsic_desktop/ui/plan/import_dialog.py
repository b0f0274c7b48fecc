"""« Importer un plan… »: the workbook is checked first; the dialog shows either the plan it
holds (to name and import) or every problem with its row (and nothing can be imported)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import N_, _, ngettext
from ...services.core.errors import ValidationError
from ...services.plan import importing as plan_import
from ...services.plan.editing import kind_label
from ..meetings.common import clear_error, error_label, show_field_error
from ..widgets.unsaved import GuardedDialog
from .dialogs import PlanFieldsView

KIND_COUNTS = (
    ("pillar", N_("{n} pilier"), N_("{n} piliers")),
    ("chantier", N_("{n} chantier"), N_("{n} chantiers")),
    ("orientation", N_("{n} orientation"), N_("{n} orientations")),
    ("means", N_("{n} moyen"), N_("{n} moyens")),
    ("target", N_("{n} cible"), N_("{n} cibles")),
)


def counts_text(preview: plan_import.PlanPreview) -> str:
    counts = preview.counts()
    return ", ".join(
        ngettext(one, many, counts[kind]).format(n=counts[kind])
        for kind, one, many in KIND_COUNTS
        if counts[kind]
    )


class ImportPlanDialog(GuardedDialog):
    """Shows the checked workbook at ``path``; ``plan_id`` holds the plan once imported."""

    def __init__(self, context, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path = Path(path)
        self.plan_id: int | None = None
        self.preview = plan_import.read_plan_file(self.path)
        self.setWindowTitle(_("Importer un plan — {name}").format(name=self.path.name))
        self.resize(760, 600)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.problems = QTableWidget(0, 2, self)
        self.problems.setObjectName("problems")
        self.problems.setHorizontalHeaderLabels([_("Ligne"), _("Problème")])
        self.problems.verticalHeader().setVisible(False)
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.problems.setColumnWidth(0, 60)
        self.problems.setWordWrap(True)
        self.problems.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.rows = QTreeWidget(self)
        self.rows.setObjectName("previewTree")
        self.rows.setHeaderLabels([_("Élément"), _("Niveau"), _("Ligne")])
        self.rows.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fields = PlanFieldsView(self, start=context.today().year)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(_("Importer"))
        self.import_button.setObjectName("importButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.rows, 1)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._show()

    def _show(self) -> None:
        preview = self.preview
        ok = preview.ok
        self.problems.setVisible(not ok)
        self.rows.setVisible(ok)
        self.fields.setVisible(ok)
        self.import_button.setEnabled(ok)
        if not ok:
            n = len(preview.problems)
            self.summary.setText(
                ngettext(
                    "Le classeur a {n} problème : rien ne sera importé. Corrigez-le puis "
                    "importez de nouveau.",
                    "Le classeur a {n} problèmes : rien ne sera importé. Corrigez-les puis "
                    "importez de nouveau.",
                    n,
                ).format(n=n)
            )
            self.summary.setStyleSheet("color: #b00020; font-weight: 600;")
            self.problems.setRowCount(n)
            for row, problem in enumerate(preview.problems):
                where = QTableWidgetItem("" if problem.row is None else str(problem.row))
                where.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
                self.problems.setItem(row, 0, where)
                self.problems.setItem(row, 1, QTableWidgetItem(problem.message))
            self.problems.resizeRowsToContents()
            return
        self.summary.setText(
            _("Le classeur est prêt à importer : {counts}. Donnez un titre au plan.").format(
                counts=counts_text(preview)
            )
        )
        items: dict[int, QTreeWidgetItem] = {}
        for row in preview.rows:
            text = f"{row.number}  {row.title}" if row.number else row.title
            item = QTreeWidgetItem([text, kind_label(row.kind), str(row.row)])
            parent = items.get(row.parent_row) if row.parent_row else None
            if parent is not None:
                parent.addChild(item)
            else:
                self.rows.addTopLevelItem(item)
            items[row.row] = item
        self.rows.expandToDepth(1)
        self.fields.title.setText(self.path.stem.replace("_", " ").replace("-", " ").strip())
        self.fields.vision.setPlainText(preview.vision or "")

    def accept(self) -> None:
        if not self.preview.ok:
            return
        f = self.fields
        try:
            result = plan_import.import_plan(
                self.context.db,
                self.preview,
                title=f.title.text(),
                start_year=f.start_year.value(),
                end_year=f.end_year.value(),
                vision=f.vision.toPlainText(),
            )
        except ValidationError as error:
            show_field_error(self.error, error, f.fields)
            return
        clear_error(self.error)
        self.plan_id = result.plan_id
        super().accept()
