"""One contribution, opened from the list under the fast entry: its text, kind, themes
(names from the vocabulary, separated by commas), population and votes; or deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ...domain.labels import choices
from ...domain.planning import ContributionKind
from ...i18n import _
from ...services import planning
from ...services.planning import ContributionData
from ..meetings.common import FoldingCompleter
from ..registry.common import fill_combo
from .common import ServiceDialog


class ContributionDialog(ServiceDialog):
    preferred_width = 620

    def __init__(self, context, contribution_id: int, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.contribution_id = contribution_id
        self.setWindowTitle(_("Contribution"))
        f = self.form
        self.text = f.add(_("Contribution :"), QPlainTextEdit(self), "text")
        self.text.setFixedHeight(90)
        self.kind = f.add(_("Nature :"), QComboBox(self), "kind")
        self.themes = f.add(_("Thèmes :"), QLineEdit(self), "themes")
        self.themes.setPlaceholderText(_("Noms du vocabulaire, séparés par des virgules"))
        self.population = f.add(_("Population concernée :"), QLineEdit(self), "population")
        self.votes = f.add(_("Votes :"), QSpinBox(self), "votes")
        self.votes.setRange(0, 1_000_000)
        self.finish_layout()
        names = [t.name for t in planning.list_themes(context.db)]
        self.themes.setCompleter(FoldingCompleter(names, self.themes))
        self.data_ = planning.contribution_data(context.db, contribution_id)
        self.text.setPlainText(self.data_.text)
        fill_combo(self.kind, choices(ContributionKind), self.data_.kind)
        self.themes.setText(", ".join(self.data_.themes))
        self.population.setText(self.data_.population or "")
        self.votes.setValue(int(self.data_.votes or 0))

    def save(self) -> int:
        themes = [t.strip() for t in self.themes.text().replace(";", ",").split(",") if t.strip()]
        planning.update_contribution(
            self.context.db,
            self.contribution_id,
            ContributionData(
                self.text.toPlainText(),
                self.kind.currentData(),
                themes,
                self.population.text(),
                self.votes.value(),
                self.data_.person_id,  # a name stays only while its consent does
            ),
            self.context.today(),
        )
        return self.contribution_id
