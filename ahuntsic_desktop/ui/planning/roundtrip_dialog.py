"""« Importer les contributions… »: the contributions workbook comes back after themes were
coded in Excel. A preview lists, per row, the themes added and removed, the kind and the
votes changed, and the rows refused with the sheet's row number; « Importer » stays off
while a row is refused (all or nothing), and nothing is written before it is clicked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services import planning
from ...services.core.errors import ValidationError
from ...services.planning import RoundtripChange, RoundtripPreview
from ...services.planning.contribution_roundtrip import kind_label
from ..errors import show_error
from ..plan.documents import XLSX_FILTER, save_file
from ..widgets.files import ask_open_path, document_name, xlsx_filter
from ..widgets.forms import ERROR_STYLE
from ..widgets.unsaved import GuardedDialog

TITLE = "Importer les contributions"


def _change_texts(change: RoundtripChange) -> tuple[str, str, str, str]:
    kind = (
        f"{kind_label(change.current.kind)} → {kind_label(change.incoming.kind)}"
        if change.kind_changed
        else ""
    )
    votes = f"{change.current.votes} → {change.incoming.votes}" if change.votes_changed else ""
    return (
        ", ".join(change.themes_added),
        ", ".join(change.themes_removed),
        kind,
        votes,
    )


class ContributionsImportDialog(GuardedDialog):
    def __init__(self, context, preview: RoundtripPreview, parent: QWidget | None = None):
        super().__init__(parent)
        self.context, self.preview = context, preview
        self.count: int | None = None
        self.setWindowTitle(_(TITLE))
        self.resize(980, 560)
        layout = QVBoxLayout(self)
        n = len(preview.changes)
        summary = _("{changed} ; {unchanged} ; {refused}.").format(
            changed=ngettext("{n} contribution modifiée", "{n} contributions modifiées", n).format(
                n=n
            ),
            unchanged=ngettext("{n} inchangée", "{n} inchangées", preview.unchanged).format(
                n=preview.unchanged
            ),
            refused=ngettext(
                "{n} ligne refusée", "{n} lignes refusées", len(preview.problems)
            ).format(n=len(preview.problems)),
        )
        if preview.new_themes:
            summary += " " + _("Nouveaux thèmes : {names}.").format(
                names=", ".join(preview.new_themes)
            )
        self.summary = QLabel(summary, self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(n, 6, self)
        self.table.setObjectName("changes")
        self.table.setHorizontalHeaderLabels(
            [_("Ligne"), _("Contribution"), _("Thèmes ajoutés"), _("Thèmes retirés"),
             _("Nature"), _("Votes")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, change in enumerate(preview.changes):
            for c, text in enumerate((str(change.row), change.text, *_change_texts(change))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        for column, width in enumerate((50, 300, 160, 140, 150)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 2)
        self.problems = QListWidget(self)
        self.problems.setObjectName("problems")
        self.problems.setStyleSheet(ERROR_STYLE)
        for problem in preview.problems:
            self.problems.addItem(
                _("Ligne {row} : {message}").format(row=problem.row, message=problem.message)
            )
        self.problems.setVisible(bool(preview.problems))
        self.problems.setMaximumHeight(130)
        layout.addWidget(self.problems)
        self.refusal = QLabel(
            _("Corrigez les lignes refusées dans le classeur, enregistrez-le et importez-le "
              "de nouveau : rien n'est importé tant qu'une ligne est refusée."),
            self,
        )  # fmt: skip
        self.refusal.setObjectName("refusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet(ERROR_STYLE)
        self.refusal.setVisible(bool(preview.problems))
        layout.addWidget(self.refusal)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            _("Importer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(_("Annuler"))
        self.import_button.setEnabled(preview.ok and bool(preview.changes))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        """Write the changes; a refusal (moved since the preview) stays on screen."""
        try:
            self.count = planning.apply_roundtrip(self.context.db, self.preview)
        except ValidationError as error:
            self.refusal.setText(error.message)
            self.refusal.show()
            self.import_button.setEnabled(False)
            return
        super().accept()


def export_contributions(parent: QWidget, context, process_id: int, title: str) -> Path | None:
    def write(path: Path) -> Path:
        from ...exports.xlsx.contributions import write_contributions

        return write_contributions(context.db, process_id, path, context.today())

    name = document_name([_("contributions"), title, context.today()], ".xlsx")
    return save_file(parent, context, _("Exporter les contributions"), name, XLSX_FILTER, write)


def choose_workbook(parent: QWidget, context) -> Path | None:
    return ask_open_path(parent, _(TITLE), xlsx_filter())


def preview_workbook(parent: QWidget, context, path: Path) -> ContributionsImportDialog | None:
    """The preview of ``path`` in a dialog not yet shown; a French message when the file
    cannot be read."""
    try:
        preview = planning.preview_roundtrip(context.db, path)
    except ValidationError as error:
        show_error(parent, error.message)
        return None
    return ContributionsImportDialog(context, preview, parent)
