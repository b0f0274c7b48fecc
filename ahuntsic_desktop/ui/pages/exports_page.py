"""The documents the table sends out: workbooks for funders and printed handouts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from ...i18n import _
from .base import Context, Page


def documents() -> list[tuple[str, str]]:
    return [
        (
            _("Registre des membres (Excel)"),
            _("Organismes, personnes, catégories et cotisations par année."),
        ),
        (
            _("Suivi des présences (Excel)"),
            _("Présences par rencontre pour une période et une instance."),
        ),
        (
            _("Participation aux chantiers (Excel)"),
            _("Qui participe à quel chantier, avec son rôle."),
        ),
        (
            _("Suivi du plan d'action (Excel)"),
            _("La hiérarchie du plan avec statuts, évaluations et avancement."),
        ),
        (_("Suivis (Excel)"), _("Les suivis avec responsable, échéance et statut.")),
        (
            _("Reddition de comptes (Excel)"),
            _(
                "Indicateurs pour un bailleur de fonds et une période, sans renseignements personnels."
            ),
        ),
        (_("Rapport annuel (PDF)"), _("Bilan de l'année pour l'assemblée générale annuelle.")),
        (
            _("Bottin des membres (PDF)"),
            _("Organismes et représentant·es, coordonnées selon le consentement."),
        ),
    ]


class ExportsPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Exports")
        super().__init__(context, parent)
        intro = QLabel(_("Choisissez un document à produire à partir du fichier ouvert."), self)
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("exportDocuments")
        self.layout_.addWidget(self.list, 1)

    def refresh(self) -> None:
        self.list.clear()
        for title, description in documents():
            item = QListWidgetItem(f"{title}\n    {description}")
            self.list.addItem(item)
