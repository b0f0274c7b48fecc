"""Paramètres: the table-wide settings kept in the data file, and the display language."""

from __future__ import annotations

import logging
from dataclasses import replace

from babel.dates import get_month_names
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.enums import MeetingKind
from ..domain.labels import label
from ..i18n import _
from ..services.core import settings as settings_service
from ..services.core.errors import ValidationError
from ..store import Database
from .communications.settings_tab import MailSettingsTab
from .widgets.unsaved import GuardedDialog

log = logging.getLogger(__name__)


class SettingsDialog(GuardedDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Paramètres"))
        self.setMinimumWidth(620)
        self.db = db
        self.settings = settings_service.load(db)
        s = self.settings

        self.table_name = QLineEdit(s.table_name, self)
        self.table_name.setObjectName("table_name")
        self.name_with_article = QLineEdit(s.table_name_with_article, self)
        self.name_with_article.setObjectName("table_name_with_article")
        self.name_with_article.setPlaceholderText(_("ex. : la Table de quartier d'Ahuntsic"))
        self.short_name = QLineEdit(s.table_short_name, self)
        self.short_name.setObjectName("table_short_name")
        self.address = QLineEdit(s.table_address.replace("\n", " / "), self)
        self.address.setObjectName("table_address")
        self.address.setPlaceholderText(
            _("ex. : 10 000, rue Lajeunesse / Montréal (Québec) H3L 2E2")
        )
        self.start_month = QComboBox(self)
        self.start_month.setObjectName("membership_year_start_month")
        months = get_month_names("wide", locale=i18n.current_locale())
        for number in range(1, 13):
            self.start_month.addItem(months[number], number)
        self.start_month.setCurrentIndex(s.membership_year_start_month - 1)
        self.paper = QComboBox(self)
        self.paper.setObjectName("paper_size")
        self.paper.addItem(_("Lettre (8,5 × 11 po)"), "letter")
        self.paper.addItem(_("A4"), "a4")
        self.paper.setCurrentIndex(max(0, self.paper.findData(s.paper_size)))
        self.user_name = QLineEdit(s.user_name, self)
        self.backup_keep = QSpinBox(self)
        self.backup_keep.setRange(1, 365)
        self.backup_keep.setValue(s.backup_keep)
        self.officer_name = QLineEdit(s.privacy_officer_name, self)
        self.officer_contact = QLineEdit(s.privacy_officer_contact, self)
        self.language = QComboBox(self)
        self.language.addItem("Français (Canada)", "fr_CA")
        self.language.addItem("English (Canada)", "en_CA")
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_locale())))

        general = QWidget(self)
        form = QFormLayout(general)
        form.addRow(_("Nom de la table :"), self.table_name)
        form.addRow(_("Dans une phrase, avec l'article :"), self.name_with_article)
        form.addRow(_("Nom court :"), self.short_name)
        form.addRow(_("Adresse (lignes séparées par « / ») :"), self.address)
        form.addRow(_("Début de l'année d'adhésion :"), self.start_month)
        form.addRow(_("Format du papier :"), self.paper)
        form.addRow(_("Votre nom (journal des modifications) :"), self.user_name)
        form.addRow(_("Sauvegardes conservées :"), self.backup_keep)
        form.addRow(_("Responsable des renseignements personnels :"), self.officer_name)
        form.addRow(_("Coordonnées du ou de la responsable :"), self.officer_contact)
        form.addRow(_("Langue (au prochain démarrage) :"), self.language)

        self.quorum = QTableWidget(len(MeetingKind), 2, self)
        self.quorum.setObjectName("quorum_rules")
        self.quorum.setHorizontalHeaderLabels([_("Règle"), _("Valeur")])
        self.quorum.setVerticalHeaderLabels([label(kind) for kind in MeetingKind])
        header = self.quorum.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the rule: the space
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)  # the value
        for row, kind in enumerate(MeetingKind):
            rule = s.quorum_rules.get(kind.value, {"mode": "count", "value": 0})
            mode = QComboBox(self.quorum)
            mode.addItem(_("Nombre de membres votants"), "count")
            mode.addItem(
                _("Pourcentage des membres votants de l'instance (50 % : la moitié)"), "percent"
            )
            mode.addItem(_("Majorité (50 % + 1) des membres votants de l'instance"), "majority")
            mode.setCurrentIndex(max(0, mode.findData(rule["mode"])))
            # sized to the column, not to its longest choice (which pushed « Valeur » away)
            mode.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            mode.setMinimumContentsLength(16)
            mode.setToolTip(mode.currentText())
            mode.currentTextChanged.connect(mode.setToolTip)
            value = QSpinBox(self.quorum)
            value.setRange(0, 10_000)
            value.setValue(int(rule["value"]))
            value.setAccessibleName(_("Valeur du quorum"))
            mode.setAccessibleName(_("Règle du quorum"))
            self.quorum.setCellWidget(row, 0, mode)
            self.quorum.setCellWidget(row, 1, value)
            mode.currentIndexChanged.connect(self.show_quorum_rules)
            value.valueChanged.connect(self.show_quorum_rules)
        # Says in words which rule each kind of meeting uses (half or majority).
        self.quorum_summary = QLabel(self)
        self.quorum_summary.setObjectName("quorum_summary")
        self.quorum_summary.setWordWrap(True)
        quorum_page = QWidget(self)
        quorum_layout = QVBoxLayout(quorum_page)
        quorum_layout.addWidget(self.quorum)
        quorum_layout.addWidget(self.quorum_summary)
        self.show_quorum_rules()

        tabs = QTabWidget(self)
        tabs.addTab(general, _("Général"))
        tabs.addTab(quorum_page, _("Quorum par type de rencontre"))
        tabs.addTab(MailSettingsTab(db, self), _("Courriels"))  # server and templates (issue 20)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b00020; font-weight: 600;")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def edited_quorum_rules(self) -> dict[str, dict[str, int | str]]:
        rules = {}
        for row, kind in enumerate(MeetingKind):
            mode = self.quorum.cellWidget(row, 0).currentData()
            value = self.quorum.cellWidget(row, 1).value()
            rules[kind.value] = {"mode": mode, "value": value}
        return rules

    def show_quorum_rules(self) -> None:
        rules = self.edited_quorum_rules()
        lines = [
            _("{kind} : {rule}").format(
                kind=label(kind), rule=settings_service.quorum_rule_text(rules[kind.value])
            )
            for kind in MeetingKind
        ]
        self.quorum_summary.setText(_("Règle utilisée :") + "\n" + "\n".join(lines))

    def edited(self) -> settings_service.TableSettings:
        rules = {}
        for row, kind in enumerate(MeetingKind):
            mode = self.quorum.cellWidget(row, 0).currentData()
            value = self.quorum.cellWidget(row, 1).value()
            rules[kind.value] = {"mode": mode, "value": value}
        return replace(
            self.settings,
            table_name=self.table_name.text().strip(),
            table_name_with_article=self.name_with_article.text().strip(),
            table_short_name=self.short_name.text().strip(),
            table_address="\n".join(
                line.strip() for line in self.address.text().split("/") if line.strip()
            ),
            membership_year_start_month=self.start_month.currentData(),
            paper_size=self.paper.currentData(),
            user_name=self.user_name.text().strip(),
            backup_keep=self.backup_keep.value(),
            privacy_officer_name=self.officer_name.text().strip(),
            privacy_officer_contact=self.officer_contact.text().strip(),
            quorum_rules=rules,
        )

    def accept(self) -> None:
        try:
            settings_service.save(self.db, self.edited())
        except ValidationError as error:
            self.error.setText(error.message)
            self.error.show()
            field = self.findChild(QWidget, error.field or "")
            if field is not None:
                field.setFocus()
            return
        QSettings().setValue("language", self.language.currentData())
        super().accept()
