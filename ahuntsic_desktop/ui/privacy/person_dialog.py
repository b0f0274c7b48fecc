"""A person's privacy file: the access request and its 30-day deadline with the one-click
answer (PDF + JSON), the consents per purpose, rectification and erasure."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _, format_date
from ...services.core import settings as settings_service
from ...services.core.errors import ValidationError
from ...services.privacy import access, consents, erasure
from ..communications.history import MessagesBox
from ..context import Context
from ..errors import show_error
from ..registry.common import inform
from ..registry.person_dialog import PersonDialog
from ..widgets.files import ask_folder
from .erasure_dialog import ErasureDialog
from .small_dialogs import GrantConsentDialog, RequestDialog, WithdrawConsentDialog


def _table(parent: QWidget, headers: list[str], name: str, stretch: int) -> QTableWidget:
    """A small read-only table; column ``stretch`` takes the room left."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple], ids: list, shown: int) -> None:
    """Put ``rows`` in ``table`` and make it as tall as ``shown`` rows (scroll beyond)."""
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += table.verticalHeader().defaultSectionSize() * max(1, min(len(rows), shown))
    table.setFixedHeight(height)


class PersonPrivacyView(QDialog):
    """Layout only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(820)
        self.name = QLabel(self)
        self.name.setObjectName("personName")
        font = QFont(self.name.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("personDetails")
        self.details.setWordWrap(True)

        self.access_box = QGroupBox(_("Demande d'accès (réponse due dans les 30 jours)"), self)
        self.deadline = QLabel(self.access_box)
        self.deadline.setObjectName("deadline")
        self.deadline.setWordWrap(True)
        self.new_request_button = QPushButton(_("Enregistrer une demande reçue…"), self)
        self.new_request_button.setObjectName("newRequest")
        self.produce_button = QPushButton(_("Produire le dossier (PDF + JSON)…"), self)
        self.produce_button.setObjectName("produceFile")
        self.produce_button.setDefault(True)
        self.requests = _table(
            self, [_("Demande"), _("Reçue le"), _("Échéance"), _("État")], "requests", 3
        )
        row = QHBoxLayout()
        row.addWidget(self.new_request_button)
        row.addStretch(1)
        row.addWidget(self.produce_button)
        box = QVBoxLayout(self.access_box)
        box.addWidget(self.deadline)
        box.addLayout(row)
        box.addWidget(self.requests)

        self.consent_box = QGroupBox(_("Consentements"), self)
        self.consents = _table(
            self,
            [_("Finalité"), _("État"), _("Donné le"), _("Source"), _("Retiré le")],
            "consents",
            3,
        )
        self.grant_button = QPushButton(_("Consentement reçu…"), self)
        self.grant_button.setObjectName("grantConsent")
        self.withdraw_button = QPushButton(_("Retirer…"), self)
        self.withdraw_button.setObjectName("withdrawConsent")
        buttons = QHBoxLayout()
        buttons.addWidget(self.grant_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.consent_box)
        box.addWidget(self.consents)
        box.addLayout(buttons)

        self.rights_box = QGroupBox(_("Rectification et effacement"), self)
        self.rectify_button = QPushButton(_("Rectifier la fiche…"), self)
        self.rectify_button.setObjectName("rectify")
        self.erase_button = QPushButton(_("Anonymiser la personne…"), self)
        self.erase_button.setObjectName("erase")
        explanation = QLabel(
            _(
                "L'anonymisation efface les renseignements personnels et garde les présences, "
                "adhésions et participations pour les statistiques. Elle est irréversible."
            ),
            self,
        )
        explanation.setWordWrap(True)
        box = QHBoxLayout(self.rights_box)
        box.addWidget(explanation, 1)
        box.addWidget(self.rectify_button)
        box.addWidget(self.erase_button)

        self.messages_box = MessagesBox(self)  # what was sent to the person (issue 20)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Fermer"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.details)
        layout.addWidget(self.access_box)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.rights_box)
        layout.addWidget(self.messages_box)
        layout.addWidget(self.buttons)


class PersonPrivacyDialog(PersonPrivacyView):
    """``changed`` is emitted after anything was saved."""

    changed = Signal()

    def __init__(self, context: Context, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.person_id = person_id
        self.last_package = None  # the files last produced (tests look here)
        self.dialog: QDialog | None = None  # the sub-dialog last opened (tests reach it here)
        self._connect()
        self.refresh()

    @property
    def db(self):
        return self.context.db

    def _connect(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.new_request_button.clicked.connect(self.new_request)
        self.produce_button.clicked.connect(self.produce)
        self.grant_button.clicked.connect(self.grant)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.consents.itemSelectionChanged.connect(self._update_buttons)
        self.rectify_button.clicked.connect(self.rectify)
        self.erase_button.clicked.connect(self.erase)

    # -- loading -------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self.context.today()
        self.messages_box.show_person(self.db, self.person_id)
        person = access.person_summary(self.db, self.person_id)
        self.anonymized = person.anonymized_at is not None
        self.setWindowTitle(_("Vie privée — {name}").format(name=person.full_name))
        self.name.setText(person.full_name)
        parts = [_("Dossier n° {id}").format(id=self.person_id)]
        parts += [p for p in (person.email, person.phone) if p]
        if self.anonymized:
            parts.append(_("Anonymisée le {date}").format(date=format_date(person.anonymized_at)))
        elif person.archived:
            parts.append(_("Archivée"))
        self.details.setText(" · ".join(parts))
        requests = access.person_requests(self.db, self.person_id)
        current = next((r for r in requests if r.completed_on is None), None)
        if current is None:
            self.deadline.setText(_("Aucune demande en cours."))
        else:
            self.deadline.setText(
                _("{kind} — reçue le {received}, réponse due le {due} : {state}.").format(
                    kind=current.kind_label,
                    received=format_date(current.received_on),
                    due=format_date(current.due_on),
                    state=current.state(today),
                )
            )
        style = "font-weight: 600;" if current else ""
        if current and current.overdue(today):
            style += " color: #b00020;"
        self.deadline.setStyleSheet(style)
        _fill(
            self.requests,
            [
                (r.kind_label, format_date(r.received_on), format_date(r.due_on), r.state(today))
                for r in requests
            ],
            [r.id for r in requests],
            3,
        )
        self.states = consents.consent_states(self.db, self.person_id, today)
        rows = []
        for s in self.states:
            latest = s.latest
            rows.append(
                (
                    s.purpose_label,
                    _("En vigueur") if s.in_force else (_("Retiré") if latest else _("Aucun")),
                    format_date(latest.granted_on) if latest else "",
                    latest.source if latest else "",
                    format_date(latest.withdrawn_on) if latest and latest.withdrawn_on else "",
                )
            )
        _fill(self.consents, rows, [s.purpose for s in self.states], len(rows))
        self._update_buttons()

    def _update_buttons(self) -> None:
        writable = not self.db.read_only and not self.anonymized
        state = self._selected_state()
        self.new_request_button.setEnabled(not self.db.read_only)
        self.grant_button.setEnabled(writable)
        self.withdraw_button.setEnabled(writable and state is not None and state.in_force)
        self.rectify_button.setEnabled(writable)
        self.erase_button.setEnabled(writable)
        self.produce_button.setEnabled(not self.db.read_only)

    def _selected_state(self):
        rows = {i.row() for i in self.consents.selectedItems()}
        return self.states[rows.pop()] if len(rows) == 1 else None

    def _open(self, dialog: QDialog) -> bool:
        self.dialog = dialog
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        if accepted:
            self.refresh()
            self.changed.emit()
        return accepted

    # -- access --------------------------------------------------------------------------
    def new_request(self) -> None:
        self._open(RequestDialog(self.context, self.person_id, self))

    def choose_folder(self) -> Path | None:
        return ask_folder(self, _("Dossier où enregistrer le PDF et le fichier JSON"))

    def produce(self) -> None:
        folder = self.choose_folder()
        if folder is None:
            return
        from ...exports.access_package import produce_access_package

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            package = produce_access_package(
                self.db, self.person_id, folder, now=self.context.now()
            )
        except (OSError, ValidationError) as error:
            QApplication.restoreOverrideCursor()
            message = getattr(error, "message", None) or getattr(error, "strerror", None)
            show_error(
                self, _("Le dossier n'a pas pu être produit : {error}").format(error=message)
            )
            return
        QApplication.restoreOverrideCursor()
        self.last_package = package
        self.refresh()
        self.changed.emit()
        inform(
            self,
            _(
                "Le dossier complet a été enregistré :\n{pdf}\n{json}\n\n"
                "La demande reçue le {received} est marquée traitée le {done}. Ces fichiers "
                "contiennent des renseignements personnels : transmettez-les de façon sécurisée."
            ).format(
                pdf=package.pdf,
                json=package.json,
                received=format_date(package.request.received_on),
                done=format_date(package.request.completed_on),
            ),
        )

    # -- consents ------------------------------------------------------------------------
    def grant(self) -> None:
        state = self._selected_state()
        purpose = state.purpose if state is not None and not state.in_force else None
        self._open(GrantConsentDialog(self.context, self.person_id, purpose, self))

    def withdraw(self) -> None:
        state = self._selected_state()
        if state is not None and state.in_force:
            self._open(
                WithdrawConsentDialog(self.context, state.latest.id, state.purpose_label, self)
            )

    # -- rectification and erasure -------------------------------------------------------
    def rectify(self) -> None:
        """The person form of the registry, opened on this person."""
        self._open(PersonDialog(self.context, self.person_id, self))

    def erase(self) -> None:
        preview = erasure.erasure_preview(self.db, self.person_id)
        dialog = ErasureDialog(preview, self)
        self.dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        user = settings_service.load(self.db).user_name
        try:
            result = erasure.anonymize_person(self.db, self.person_id, user=user)
        except ValidationError as error:
            show_error(self, error.message)
            return
        self.refresh()
        self.changed.emit()
        inform(
            self,
            _("La personne est maintenant « {name} ».").format(name=result.anonymous_name),
        )
