"""« Vie privée »: requests and their 30-day deadline, people due for anonymisation under
the retention rule, and the register of confidentiality incidents."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, ngettext
from ...services.core import settings as settings_service
from ...services.core.errors import ValidationError
from ...services.privacy import access, incidents, retention
from ...store import Database
from ..context import Context
from ..errors import show_error
from ..pages.base import Page
from ..registry.common import ERROR_STYLE, confirm, inform, status
from ..widgets.files import ask_save_path, document_name, offer_to_open, xlsx_filter
from ..widgets.flow_layout import FlowLayout
from ..widgets.list_view import ListView
from .erasure_dialog import WARNING
from .incident_dialog import IncidentDialog
from .person_dialog import PersonPrivacyDialog
from .small_dialogs import PersonChooser, RequestDialog


def _tab(parent: QWidget, *buttons: QWidget) -> tuple[QWidget, FlowLayout, ListView]:
    tab = QWidget(parent)
    row = FlowLayout()  # wraps on a narrow screen
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    view = ListView(tab)
    layout = QVBoxLayout(tab)
    layout.addLayout(row)
    layout.addWidget(view, 1)
    return tab, row, view


class PrivacyPage(Page):
    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        self.title = _("Vie privée")
        super().__init__(context, parent)
        self.dialog: QDialog | None = None  # the dialog last opened (tests reach it here)
        self.officer = QLabel(self)
        self.officer.setObjectName("officer")
        self.officer.setWordWrap(True)
        self.person_button = QPushButton(_("Dossier d'une personne…"), self)
        self.person_button.setObjectName("openPerson")
        self.toolbar.addWidget(self.person_button)
        self.layout_.addWidget(self.officer)
        self.tabs = QTabWidget(self)
        self.layout_.addWidget(self.tabs, 1)
        self._requests_tab()
        self._retention_tab()
        self._incidents_tab()

    @property
    def db(self) -> Database:
        return self.context.db

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        return button

    # -- layout --------------------------------------------------------------------------
    def _requests_tab(self) -> None:
        self.new_request_button = self._button(_("Demande reçue…"), "newRequest")
        self.open_request_button = self._button(_("Ouvrir le dossier…"), "openRequest")
        self.show_completed = QCheckBox(_("Afficher les demandes traitées"), self)
        tab, row, self.requests = _tab(self.tabs, self.new_request_button, self.open_request_button)
        row.addWidget(self.show_completed)
        self.tabs.addTab(tab, _("Demandes (30 jours)"))
        self.new_request_button.clicked.connect(self.new_request)
        self.open_request_button.clicked.connect(self.open_selected_request)
        self.requests.activated.connect(self.open_request)
        self.show_completed.toggled.connect(lambda _on: self.refresh())

    def _retention_tab(self) -> None:
        self.retention_enabled = QCheckBox(_("Proposer l'anonymisation après"), self)
        self.retention_years = QSpinBox(self)
        self.retention_years.setRange(1, 100)
        self.retention_years.setAccessibleName(_("Années sans activité avant l'anonymisation"))
        self.retention_years.setSuffix(_(" ans sans activité"))
        self.save_rule_button = self._button(_("Enregistrer la règle"), "saveRule")
        self.erase_button = self._button(_("Anonymiser la sélection…"), "eraseSelection")
        self.open_candidate_button = self._button(_("Ouvrir le dossier…"), "openCandidate")
        tab, row, self.candidates = _tab(
            self.tabs,
            self.retention_enabled,
            self.retention_years,
            self.save_rule_button,
        )
        row.addWidget(self.open_candidate_button)
        row.addWidget(self.erase_button)
        self.rule = QLabel(tab)
        self.rule.setWordWrap(True)
        tab.layout().insertWidget(1, self.rule)
        self.tabs.addTab(tab, _("Conservation"))
        self.save_rule_button.clicked.connect(self.save_rule)
        self.erase_button.clicked.connect(self.erase_selection)
        self.open_candidate_button.clicked.connect(
            lambda: self._open_first(self.candidates.selected_ids())
        )
        self.candidates.activated.connect(self.open_person)

    def _incidents_tab(self) -> None:
        self.new_incident_button = self._button(_("Nouvel incident…"), "newIncident")
        self.edit_incident_button = self._button(_("Modifier…"), "editIncident")
        self.export_incidents_button = self._button(_("Exporter (Excel)…"), "exportIncidents")
        tab, _row, self.incidents = _tab(
            self.tabs,
            self.new_incident_button,
            self.edit_incident_button,
            self.export_incidents_button,
        )
        self.tabs.addTab(tab, _("Incidents de confidentialité"))
        self.new_incident_button.clicked.connect(lambda: self.edit_incident(None))
        self.edit_incident_button.clicked.connect(
            lambda: [self.edit_incident(i) for i in self.incidents.selected_ids()[:1]]
        )
        self.incidents.activated.connect(self.edit_incident)
        self.export_incidents_button.clicked.connect(self.export_incidents)
        self.person_button.clicked.connect(self.choose_person)

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.context.today()
        settings = settings_service.load(self.db)
        name = settings.privacy_officer_name.strip()
        if name:
            contact = settings.privacy_officer_contact.strip()
            self.officer.setText(
                _("Responsable de la protection des renseignements personnels : {who}").format(
                    who=f"{name} ({contact})" if contact else name
                )
            )
            self.officer.setStyleSheet("")
        else:
            self.officer.setText(
                _(
                    "Aucune personne responsable de la protection des renseignements "
                    "personnels n'est désignée : indiquez-la dans Fichier › Paramètres."
                )
            )
            self.officer.setStyleSheet(ERROR_STYLE)
        table = access.list_requests(
            self.db, today, include_completed=self.show_completed.isChecked()
        )
        self.requests.set_table(table)
        late = len(access.overdue_requests(self.db, today))
        self.tabs.setTabText(
            0,
            _("Demandes (30 jours)")
            if not late
            else ngettext("Demandes ({n} en retard)", "Demandes ({n} en retard)", late).format(
                n=late
            ),
        )
        rule = retention.retention_rule(self.db, today)
        self.retention_enabled.setChecked(rule.enabled)
        self.retention_years.setValue(rule.years)
        self.rule.setText(rule.description)
        self.candidates.set_table(retention.retention_table(self.db, today))
        self.incidents.set_table(incidents.list_incidents(self.db))
        writable = not self.db.read_only
        for button in (
            self.new_request_button,
            self.save_rule_button,
            self.erase_button,
            self.new_incident_button,
        ):
            button.setEnabled(writable)

    def _changed(self) -> None:
        window = self.window()
        if hasattr(window, "refresh_all"):
            window.refresh_all()
        else:
            self.refresh()

    def _exec(self, dialog: QDialog) -> bool:
        self.dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            self._changed()
        return accepted

    # -- requests ------------------------------------------------------------------------
    def new_request(self) -> None:
        self._exec(RequestDialog(self.context, None, self))

    def open_selected_request(self) -> None:
        ids = self.requests.selected_ids()
        if ids:
            self.open_request(ids[0])

    def open_request(self, request_id: int) -> None:
        self.open_person(access.get_request(self.db, request_id).person_id)

    def open_person(self, person_id: int) -> None:
        dialog = PersonPrivacyDialog(self.context, person_id, self)
        self.dialog = dialog
        dialog.changed.connect(self._changed)
        dialog.exec()

    def _open_first(self, ids: list[int]) -> None:
        if ids:
            self.open_person(ids[0])

    def choose_person(self) -> None:
        chooser = PersonChooser(self.context, self)
        self.dialog = chooser
        if chooser.exec() == QDialog.DialogCode.Accepted and chooser.person_id is not None:
            self.open_person(chooser.person_id)

    # -- retention -----------------------------------------------------------------------
    def save_rule(self) -> None:
        settings = replace(
            settings_service.load(self.db),
            retention_enabled=self.retention_enabled.isChecked(),
            retention_years=self.retention_years.value(),
        )
        try:
            settings_service.save(self.db, settings)
        except ValidationError as error:
            show_error(self, error.message)
            return
        self.refresh()

    def erase_selection(self) -> None:
        ids = self.candidates.selected_ids()
        if not ids:
            inform(self, _("Sélectionnez d'abord les personnes à anonymiser."))
            return
        question = (
            ngettext(
                "Anonymiser la personne sélectionnée ? Son nom, ses coordonnées, ses notes et "
                "ses consentements seront effacés ; ses présences et adhésions restent "
                "comptées.",
                "Anonymiser les {n} personnes sélectionnées ? Leurs noms, coordonnées, notes et "
                "consentements seront effacés ; leurs présences et adhésions restent comptées.",
                len(ids),
            ).format(n=len(ids))
            + "\n\n"
            + _(WARNING)
        )
        if not confirm(self, question, title=_("Anonymiser"), yes=_("Anonymiser définitivement")):
            return
        user = settings_service.load(self.db).user_name
        done = retention.anonymize_many(self.db, ids, user=user)
        status(
            self,
            ngettext("{n} personne anonymisée", "{n} personnes anonymisées", len(done)).format(
                n=len(done)
            ),
        )
        self._changed()

    # -- incidents -----------------------------------------------------------------------
    def edit_incident(self, incident_id: int | None) -> None:
        self._exec(IncidentDialog(self.context, incident_id, self))

    def choose_export_path(self) -> Path | None:
        name = document_name(
            [_("registre-incidents-confidentialite"), self.context.today()], ".xlsx"
        )
        return ask_save_path(self, _("Exporter le registre des incidents"), name, xlsx_filter())

    def export_incidents(self) -> None:
        path = self.choose_export_path()
        if path is None:
            return
        from ...exports.xlsx import privacy_incidents

        try:
            privacy_incidents.write(self.db, path)
        except OSError as error:
            show_error(
                self,
                _("Le registre n'a pas pu être exporté : {error}").format(
                    error=error.strerror or error
                ),
            )
            return
        offer_to_open(self, path)
