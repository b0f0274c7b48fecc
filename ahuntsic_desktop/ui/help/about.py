"""Aide > À propos: the version, the bundled libraries and their licences, Qt's LGPL notice
with the source offer, and where the fonts' licence is."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ... import __version__
from ...i18n import _
from ...licences import bundled_libraries
from ...paths import resources_dir


def about_html() -> str:
    rows = "".join(
        f"<tr><td>{escape(lib.name)}</td><td>{escape(lib.version)}</td>"
        f"<td>{escape(lib.licence)}</td></tr>"
        for lib in bundled_libraries()
    )
    font_licence = resources_dir() / "fonts" / "DejaVu-LICENSE.txt"
    parts = [
        f"<h2>Ahuntsic Desktop {escape(__version__)}</h2>",
        "<p>"
        + _(
            "Le secrétariat hors ligne d'une table de quartier : membres, rencontres, "
            "plan d'action et redditions de comptes. Vos données restent sur cet ordinateur."
        )
        + "</p>",
        "<p>" + _("Logiciel libre sous licence GPL version 3 ou ultérieure.") + "</p>",
        "<h3>" + _("Bibliothèques incluses") + "</h3>",
        "<table cellpadding='3'><tr><th align='left'>"
        + _("Bibliothèque")
        + "</th><th align='left'>"
        + _("Version")
        + "</th><th align='left'>"
        + _("Licence")
        + f"</th></tr>{rows}</table>",
        "<h3>Qt</h3>",
        "<p>"
        + _(
            "Qt et Qt for Python (PySide6), © The Qt Company, sont utilisés selon la licence "
            "GNU LGPL version 3. Ils sont liés dynamiquement : leurs bibliothèques sont des "
            "fichiers distincts du dossier de l'application et peuvent être remplacées par "
            "une version compatible. Leur code source est publié par The Qt Company "
            "(download.qt.io) ; sur demande, nous en fournissons une copie exacte pendant "
            "trois ans."
        )
        + "</p>",
        "<h3>" + _("Polices") + "</h3>",
        "<p>"
        + _("Polices DejaVu (licence Bitstream Vera, domaine public) : {path}").format(
            path=escape(str(font_licence))
        )
        + "</p>",
        "<p>" + _("Python, © Python Software Foundation, licence PSF.") + "</p>",
    ]
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("À propos d'Ahuntsic Desktop"))
        self.resize(620, 560)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
