"""Portrait: the neighbourhood's indicators, and their import from a spreadsheet in a long
layout or from Statistics Canada's census profile CSV, with a preview before anything is
written; then the issues, stories, images and community milieu (:mod:`.portrait_tabs`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import portrait
from ...services.core.errors import ValidationError
from ..context import Context
from ..pages.base import TabbedListPage
from ..widgets.files import ask_open_path
from ..widgets.list_view import ListView
from ..widgets.unsaved import GuardedDialog
from .portrait_tabs import ImagesTab, IssuesTab, MilieuTab, StoriesTab

SHEET, CENSUS = "tableur", "recensement"


class IndicatorImportDialog(GuardedDialog):
    """Choose a file, see every row it gives (or why it is refused), then import all."""

    def __init__(self, context, layout: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.layout_kind = context, layout
        self.preview: portrait.IndicatorPreview | None = None
        self.imported = 0
        census = layout == CENSUS
        self.setWindowTitle(
            _("Importer un profil du recensement") if census else _("Importer des indicateurs")
        )
        self.resize(900, 560)
        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        browse = QPushButton(_("Parcourir…"), self)
        browse.clicked.connect(self.browse)
        self.theme = QLineEdit(self)
        self.theme.setObjectName("theme")
        self.theme.setPlaceholderText(_("ex. Démographie"))
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(0, 2200)
        self.year.setSpecialValueText(_("d'après le fichier"))
        self.preview_button = QPushButton(_("Aperçu"), self)
        self.preview_button.clicked.connect(self.show_preview)
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.rows = ListView(self)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(_("Fichier :"), file_row)
        form.addRow(_("Thème :"), self.theme)
        if census:
            form.addRow(_("Année du recensement :"), self.year)
        else:
            self.year.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(_("Importer"))
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout_ = QVBoxLayout(self)
        layout_.addLayout(form)
        layout_.addWidget(self.preview_button)
        layout_.addWidget(self.summary)
        layout_.addWidget(self.rows, 1)
        layout_.addWidget(self.buttons)

    def browse(self) -> None:
        pattern = _("Profil du recensement (*.csv)") if self.layout_kind == CENSUS else _(
            "Classeurs et fichiers texte (*.xlsx *.csv)"
        )  # fmt: skip
        path = ask_open_path(self, self.windowTitle(), pattern)
        if path is not None:
            self.path.setText(str(path))
            self.show_preview()

    def show_preview(self) -> None:
        self.preview = None
        self.import_button.setEnabled(False)
        db, path = self.context.db, Path(self.path.text().strip())
        try:
            if self.layout_kind == CENSUS:
                options = portrait.CensusOptions(
                    theme=self.theme.text().strip() or _("Recensement"),
                    year=self.year.value() or None,
                )
                self.preview = portrait.preview_census(db, path, options)
            else:
                self.preview = portrait.preview_sheet(
                    db, path, default_theme=self.theme.text().strip() or None
                )
        except ValidationError as error:
            self.summary.setText(error.message)
            self.rows.set_table(portrait.preview_table(portrait.IndicatorPreview("", "", [], [])))
            return
        text = self.preview.summary()
        if self.preview.skipped:
            text += " ; " + _("{n} valeurs non publiées laissées de côté").format(
                n=self.preview.skipped
            )
        if not self.preview.ok:
            text += " — " + _("corrigez le fichier : rien ne sera importé.")
        self.summary.setText(text)
        self.rows.set_table(portrait.preview_table(self.preview))
        self.import_button.setEnabled(self.preview.ok)

    def accept(self) -> None:
        if self.preview is None:
            return
        try:
            self.imported = portrait.commit_preview(self.context.db, self.preview)
        except ValidationError as error:
            self.summary.setText(error.message)
            return
        super().accept()


class PortraitPage(TabbedListPage):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Portrait")
        super().__init__(context, parent)
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("portraitTheme")
        self.theme_combo.setMinimumWidth(200)
        self.toolbar.addWidget(self.theme_combo)
        for text, layout in ((_("Importer un tableur…"), SHEET),
                             (_("Importer le recensement…"), CENSUS)):  # fmt: skip
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, k=layout: self.import_file(k))
            self.toolbar.addWidget(button)
        self.indicators = self.add_list(
            _("Indicateurs"),
            lambda: portrait.indicators_table(context.db, self.theme_combo.currentData()),
        )
        self.theme_combo.currentIndexChanged.connect(lambda _i: self.indicators.refresh())
        self.issues = IssuesTab(context, self.tabs)
        self.stories = StoriesTab(context, self.tabs)
        self.images = ImagesTab(context, self.tabs)
        self.milieu = MilieuTab(context, self.tabs)
        for tab, title in ((self.issues, _("Enjeux et diagnostics")),
                           (self.stories, _("Histoires de résident·es")),
                           (self.images, _("Cartes et images")),
                           (self.milieu, _("Milieu communautaire"))):  # fmt: skip
            self.tabs.addTab(tab, title)

    def refresh(self) -> None:
        selected = self.theme_combo.currentData()
        self.theme_combo.blockSignals(True)
        self.theme_combo.clear()
        self.theme_combo.addItem(_("Tous les thèmes"), None)
        for theme in portrait.themes(self.context.db):
            self.theme_combo.addItem(theme, theme)
        self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(selected), 0))
        self.theme_combo.blockSignals(False)
        super().refresh()
        for tab in (self.issues, self.stories, self.images, self.milieu):
            tab.refresh()

    def import_dialog(self, layout: str) -> IndicatorImportDialog:
        return IndicatorImportDialog(self.context, layout, self)

    def import_file(self, layout: str) -> None:
        if self.import_dialog(layout).exec():
            self.refresh()
