"""Paramètres in the navigation: what the table's settings are now, and the button that
opens the dialog to change them (also File › Paramètres…, Ctrl+,)."""

from __future__ import annotations

from babel.dates import get_month_names
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ... import i18n
from ...i18n import _, ngettext
from ...services.core import settings as settings_service
from ..context import Context
from .base import Page

PAPERS = {"letter": "Lettre (8,5 × 11 po)", "a4": "A4"}


class SettingsPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Paramètres")
        super().__init__(context, parent)
        self.edit_button = QPushButton(_("&Modifier les paramètres…"), self)
        self.edit_button.setObjectName("editSettings")
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("table_name", _("Nom de la table :")),
            ("year_start", _("Début de l'année d'adhésion :")),
            ("paper", _("Format du papier :")),
            ("user_name", _("Votre nom (journal des modifications) :")),
            ("backup_keep", _("Sauvegardes conservées :")),
            ("officer", _("Responsable des renseignements personnels :")),
            ("language", _("Langue :")),
        ):
            value = QLabel(self)
            value.setObjectName(key)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(text, value)
            self.values[key] = value
        self.layout_.addLayout(self.form)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addStretch(1)
        self.layout_.addLayout(row)
        hint = QLabel(_("Les règles de quorum se règlent aussi dans ces paramètres."), self)
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.layout_.addStretch(1)
        self.edit_button.clicked.connect(self.edit)

    def refresh(self) -> None:
        s = settings_service.load(self.context.db)
        months = get_month_names("wide", locale=i18n.current_locale())
        shown = {
            "table_name": s.table_name,
            "year_start": months[s.membership_year_start_month],
            "paper": _(PAPERS.get(s.paper_size, s.paper_size)),
            "user_name": s.user_name
            or _("(non indiqué : le journal dira le nom du compte de l'ordinateur)"),
            "backup_keep": ngettext("{n} sauvegarde", "{n} sauvegardes", s.backup_keep).format(
                n=s.backup_keep
            ),
            "officer": s.privacy_officer_name or _("(non indiqué)"),
            "language": "Français (Canada)" if s.language.startswith("fr") else "English (Canada)",
        }
        for key, text in shown.items():
            self.values[key].setText(text)
        self.edit_button.setEnabled(not self.context.db.read_only)

    def edit(self) -> None:
        window = self.window()
        if hasattr(window, "edit_settings"):
            window.edit_settings()
