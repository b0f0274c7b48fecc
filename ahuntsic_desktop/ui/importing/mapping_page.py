"""Step 2: which field each column of the file fills (guessed, or as saved last time)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from ...i18n import _
from ...services.importing import (
    ImportKind,
    ImportOptions,
    fields_for,
    initial_mapping,
    required_missing,
    save_mapping,
)

ERROR_STYLE = "color: #b00020; font-weight: 600;"


class MappingPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__(wizard)
        self.wizard_ = wizard
        self.setTitle(_("Associer les colonnes"))
        self.combos: list[QComboBox] = []
        self.values: dict[str, dict[str, str | None]] = {}
        self.note = QLabel(self)
        self.note.setObjectName("mappingNote")
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("mapping")
        self.table.setHorizontalHeaderLabels(
            [_("Colonne du fichier"), _("Exemples de valeurs"), _("Champ à remplir")]
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 180)
        self.table.setColumnWidth(1, 280)
        self.missing = QLabel(self)
        self.missing.setObjectName("mappingMissing")
        self.missing.setStyleSheet(ERROR_STYLE)
        self.add_to_existing = QCheckBox(
            _(
                "Une ligne qui correspond à une fiche existante y ajoute son adhésion "
                "(au lieu d'être signalée comme doublon)"
            ),
            self,
        )
        self.add_to_existing.setObjectName("add_to_existing")
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing)
        layout.addWidget(self.add_to_existing)

    def initializePage(self) -> None:  # noqa: N802
        wizard = self.wizard_
        source, kind = wizard.source, wizard.kind
        mapping = initial_mapping(wizard.db, source, kind)
        self.values = mapping.values  # value maps saved with it (see the preview)
        self.setSubTitle(
            _("Fichier « {file} » : {kind}.").format(
                file=source.file_name,
                kind=_("organismes") if kind is ImportKind.ORGANIZATIONS else _("personnes"),
            )
        )
        self.note.setText(
            _("Correspondance retrouvée : c'est celle choisie la dernière fois pour ce fichier.")
            if mapping.remembered
            else _("Correspondance devinée d'après les titres des colonnes : vérifiez-la.")
        )
        fields = fields_for(kind)
        self.combos = []
        self.table.setRowCount(len(source.headers))
        for row, title in enumerate(source.column_titles):
            item = QTableWidgetItem(title)
            self.table.setItem(row, 0, item)
            self.table.setItem(row, 1, QTableWidgetItem(" ; ".join(source.samples(row))))
            combo = QComboBox(self.table)
            combo.setObjectName(f"field_{row}")
            combo.addItem(_("— Ignorer cette colonne —"), None)
            for field in fields:
                combo.addItem(field.title, field.key)
            combo.setCurrentIndex(max(0, combo.findData(mapping.columns[row])))
            combo.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        self.add_to_existing.setChecked(wizard.options.add_to_existing)
        self._update()

    def columns(self) -> list[str | None]:
        return [combo.currentData() for combo in self.combos]

    def _changed(self, row: int) -> None:
        """A field fills one column only: choosing it here frees it elsewhere."""
        key = self.combos[row].currentData()
        if key is not None:
            for other, combo in enumerate(self.combos):
                if other != row and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._update()

    def _update(self) -> None:
        message = required_missing(self.wizard_.kind, self.columns())
        self.missing.setText(message or "")
        self.missing.setVisible(bool(message))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.combos) and required_missing(self.wizard_.kind, self.columns()) is None

    def validatePage(self) -> bool:  # noqa: N802
        wizard = self.wizard_
        wizard.columns = self.columns()
        mapped = set(wizard.columns)
        values = {key: dict(v) for key, v in self.values.items() if key in mapped}
        wizard.options = ImportOptions(
            add_to_existing=self.add_to_existing.isChecked(), value_maps=values
        )
        save_mapping(wizard.db, wizard.source, wizard.kind, wizard.columns, values)
        return True
