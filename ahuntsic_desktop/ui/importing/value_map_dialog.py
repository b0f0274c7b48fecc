"""« Associer les valeurs » : each distinct value of a column to a known category, sector or
payment method, or ignored (left blank). Opened from the preview for a column whose values
are mostly refused; the choices are saved with the column mapping."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...i18n import _, format_number
from ...services.importing.value_maps import value_key
from ..widgets.unsaved import GuardedDialog


class ValueMapDialog(GuardedDialog):
    """Esc or « Annuler » after changing a choice asks first (:class:`GuardedDialog`)."""

    def __init__(
        self,
        parent,
        title: str,
        field: str,
        values: list[tuple[str, int]],
        choices: list[tuple[str, str]],
        current: dict[str, str | None],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("valueMapDialog")
        self.setWindowTitle(_("Associer les valeurs de « {title} »").format(title=title))
        self.values = values
        explain = QLabel(
            _(
                "Choisissez pour chaque valeur de la colonne « {title} » la valeur de « {field} » "
                "qu'elle représente, ou ignorez-la (le champ reste vide pour ces lignes). "
                "Ces choix sont retenus pour les prochains imports de ce fichier."
            ).format(title=title, field=field),
            self,
        )
        explain.setWordWrap(True)
        self.table = QTableWidget(len(values), 3, self)
        self.table.setObjectName("values")
        self.table.setHorizontalHeaderLabels([_("Valeur du fichier"), _("Lignes"), field])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        by_key = {value_key(value): value for value, _label in choices}
        self.combos: list[QComboBox] = []
        for row, (value, count) in enumerate(values):
            self.table.setItem(row, 0, QTableWidgetItem(value))
            self.table.setItem(row, 1, QTableWidgetItem(format_number(count)))
            combo = QComboBox(self.table)
            combo.setObjectName(f"value_{row}")
            combo.addItem(_("— Ignorer cette valeur —"), None)
            for choice, label in choices:
                combo.addItem(label, choice)
            key = value_key(value)
            chosen = current.get(key) if key in current else by_key.get(key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
            self.table.setCellWidget(row, 2, combo)
            self.combos.append(combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("ok")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Appliquer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def value_map(self) -> dict[str, str | None]:
        """Folded value of the file -> the value chosen, or None when ignored."""
        return {
            value_key(value): combo.currentData()
            for (value, _count), combo in zip(self.values, self.combos, strict=True)
        }
