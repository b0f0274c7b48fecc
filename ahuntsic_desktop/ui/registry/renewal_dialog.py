"""« Renouveler… »: preview the renewal of the selected memberships into another membership
year (who, category, dues, who is skipped and why), then create them in one transaction."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_money, ngettext
from ...services.core import settings as settings_service
from ...services.core.errors import ValidationError
from ...services.core.listing import Column, Table
from ...services.registry import renewals
from ...services.registry.renewals import RenewalPreview
from ..context import Context
from ..errors import retrying
from ..table_model import TableModel
from .common import FormDialog, error_label, fill_combo, save_button, save_buttons


class RenewalDialogView(FormDialog):
    guards_edits = False  # a preview of the renewals: closing it writes nothing, loses nothing
    preferred_width = 860

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = QComboBox(self)
        self.year.setObjectName("year")
        self.preview = QTableView(self)
        self.preview.setObjectName("renewalPreview")
        self.preview.setMinimumHeight(300)
        self.model = TableModel(parent=self)
        self.preview.setModel(self.model)
        self.preview.verticalHeader().setVisible(False)
        self.preview.verticalHeader().setDefaultSectionSize(24)
        self.preview.setWordWrap(False)
        self.preview.setAlternatingRowColors(True)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.error = error_label(self, "error")
        self.buttons = save_buttons(self, _("Renouveler"))
        form = QFormLayout()
        form.addRow(_("Renouveler pour l'année :"), self.year)
        layout = QVBoxLayout()
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.set_layout(layout)


def preview_table(preview: RenewalPreview) -> Table:
    table = Table(
        [
            Column("member", _("Membre")),
            Column("kind", _("Type")),
            Column("category", _("Catégorie")),
            Column("dues", _("Cotisation {year}").format(year=preview.year_label), "money"),
            Column("outcome", _("Renouvellement")),
        ]
    )
    for line in preview.lines:
        table.ids.append(line.source_id)
        outcome = _("Oui") if line.renewed else _("Non : {why}").format(why=line.skipped_because)
        table.rows.append((line.name, line.kind, line.category, line.dues_cents, outcome))
    return table


class RenewalDialog(RenewalDialogView):
    """After a successful ``accept``, ``result`` holds what was done."""

    def __init__(
        self,
        context: Context,
        membership_ids: list[int],
        from_year: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.membership_ids = list(membership_ids)
        self.result_: RenewalPreview | None = None
        self.current: RenewalPreview | None = None
        self.setWindowTitle(_("Renouveler les adhésions"))
        table_settings = settings_service.load(context.db)
        years = range(from_year + 1, from_year + 4)
        fill_combo(
            self.year, [(y, table_settings.membership_year_label(y)) for y in years], from_year + 1
        )
        self._connect()
        self.show_preview()

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.year.currentIndexChanged.connect(lambda _i: self.show_preview())

    def show_preview(self) -> None:
        self.error.hide()
        try:
            self.current = renewals.preview_renewal(
                self.context.db, self.membership_ids, self.year.currentData()
            )
        except ValidationError as error:
            self.current = None
            self.error.setText(error.message)
            self.error.show()
            save_button(self.buttons).setEnabled(False)
            return
        self.model.set_table(preview_table(self.current))
        for index, width in enumerate((260, 90, 140, 150)):
            self.preview.setColumnWidth(index, width)
        renewed, skipped = len(self.current.to_renew), len(self.current.skipped)
        text = ngettext(
            "{n} adhésion sera créée pour {year}, non payée (cotisations : {total}).",
            "{n} adhésions seront créées pour {year}, non payées (cotisations : {total}).",
            renewed,
        ).format(
            n=renewed,
            year=self.current.year_label,
            total=format_money(self.current.total_dues_cents),
        )
        if skipped:
            text += " " + ngettext(
                "{n} membre ignoré (voir la dernière colonne).",
                "{n} membres ignorés (voir la dernière colonne).",
                skipped,
            ).format(n=skipped)
        self.summary.setText(text)
        save = save_button(self.buttons)
        save.setEnabled(renewed > 0 and not self.context.db.read_only)
        save.setText(
            ngettext("Renouveler {n} adhésion", "Renouveler {n} adhésions", renewed).format(
                n=renewed
            )
        )

    def accept(self) -> None:
        try:
            self.result_ = retrying(  # a busy file: rolled back, offered again
                self,
                lambda: renewals.renew(
                    self.context.db, self.membership_ids, self.year.currentData()
                ),
            )
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        if self.result_ is not None:
            super().accept()
