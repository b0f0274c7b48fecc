"""A synthesis of the démarche: per phase or theme, a text, the contributions it rests on
(ticked in a list that a few letters filter) and whether it is an « élément saillant »."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services import planning
from ...services.planning import SynthesisData
from ...text import fold_for_search
from ..registry.common import fill_combo
from .common import ServiceDialog


class SynthesisDialog(ServiceDialog):
    preferred_width = 760

    def __init__(self, context, process_id: int, synthesis_id: int | None = None,
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(context, parent)
        self.process_id, self.synthesis_id = process_id, synthesis_id
        self.setWindowTitle(_("Synthèse") if synthesis_id else _("Nouvelle synthèse"))
        f = self.form
        self.title_edit = f.add(_("Titre :"), QLineEdit(self), "title")
        self.phase = f.add(_("Phase :"), QComboBox(self), "phase_id")
        self.theme = f.add(_("Thème :"), QComboBox(self), "theme_id")
        self.salient = f.add("", QCheckBox(_("Élément saillant de la démarche"), self), "salient")
        self.text = f.add(_("Texte :"), QPlainTextEdit(self), "text")
        self.text.setMinimumHeight(110)
        holder = QWidget(self)
        self.filter = QLineEdit(holder)
        self.filter.setObjectName("contributionFilter")
        self.filter.setPlaceholderText(_("Filtrer les contributions…"))
        self.filter.setClearButtonEnabled(True)
        self.contributions = QListWidget(holder)
        self.contributions.setObjectName("contributions")
        self.contributions.setMinimumHeight(200)
        self.chosen = QLabel(holder)
        self.chosen.setObjectName("chosenCount")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.filter, self.contributions, self.chosen):
            column.addWidget(widget)
        f.add(_("Repose sur :"), holder, "contribution_ids")
        self.finish_layout()
        self.filter.textChanged.connect(self._filter)
        self.contributions.itemChanged.connect(lambda _i: self._count())
        self._load()

    def _load(self) -> None:
        db = self.context.db
        data = planning.synthesis_data(db, self.synthesis_id) if self.synthesis_id else None
        fill_combo(
            self.phase,
            [(p.id, p.name) for p in planning.list_phases(db, self.process_id)],
            data.phase_id if data else None,
            empty="—",
        )
        fill_combo(
            self.theme,
            [(t.id, t.name) for t in planning.list_themes(db)],
            data.theme_id if data else None,
            empty="—",
        )
        chosen = set(data.contribution_ids) if data else set()
        self.contributions.blockSignals(True)
        for line in planning.list_contributions(db, self.process_id, self.context.today()):
            text = f"{line.text} — {line.kind_label} · {line.activity_title}"
            if line.themes:
                text += f" · {', '.join(line.themes)}"
            item = QListWidgetItem(text, self.contributions)
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if line.id in chosen else Qt.CheckState.Unchecked
            )
        self.contributions.blockSignals(False)
        if data is not None:
            self.title_edit.setText(data.title)
            self.text.setPlainText(data.text or "")
            self.salient.setChecked(data.salient)
        self._count()

    def _filter(self, text: str) -> None:
        wanted = fold_for_search(text)
        for row in range(self.contributions.count()):
            item = self.contributions.item(row)
            item.setHidden(bool(wanted) and wanted not in fold_for_search(item.text()))

    def chosen_ids(self) -> list[int]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in (self.contributions.item(r) for r in range(self.contributions.count()))
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _count(self) -> None:
        n = len(self.chosen_ids())
        self.chosen.setText(
            ngettext("{n} contribution choisie", "{n} contributions choisies", n).format(n=n)
        )

    def save(self) -> int:
        data = SynthesisData(
            self.title_edit.text(),
            self.text.toPlainText(),
            self.phase.currentData(),
            self.theme.currentData(),
            self.salient.isChecked(),
            self.chosen_ids(),
        )
        if self.synthesis_id is None:
            return planning.create_synthesis(self.context.db, self.process_id, data)
        planning.update_synthesis(self.context.db, self.synthesis_id, data)
        return self.synthesis_id
