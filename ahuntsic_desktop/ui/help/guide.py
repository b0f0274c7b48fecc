"""Aide > Guide d'utilisation: the guide shipped in resources/guide, shown offline in a
QTextBrowser (made from docs/guide/*.md by packaging/build_guide.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ... import i18n
from ...i18n import _
from ...paths import resources_dir


def guide_path(locale: str | None = None) -> Path:
    """The guide in the interface's language (French unless English is chosen)."""
    language = "en" if (locale or i18n.current_locale()).startswith("en") else "fr"
    return resources_dir() / "guide" / f"{language}.html"


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Guide d'utilisation"))
        self.resize(760, 720)
        self.path = guide_path()
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        if self.path.exists():
            self.text.setSource(QUrl.fromLocalFile(str(self.path)))
            layout.addWidget(self.text)
        else:
            layout.addWidget(QLabel(_("Le guide est introuvable : {path}").format(path=self.path)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.browser_button = QPushButton(_("Ouvrir dans le navigateur"), self)
        self.browser_button.setEnabled(self.path.exists())
        buttons.addButton(self.browser_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.browser_button.clicked.connect(self.open_in_browser)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def open_in_browser(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
