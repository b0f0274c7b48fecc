"""The table's mail server (SMTP): host, port, security, user, sender; the password goes
to the operating system's keyring, never to the file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...i18n import _
from ...services import communications as com
from ...services.communications.server import PLAIN, SSL, STARTTLS
from ...services.core.errors import ValidationError
from ..context import Context
from ..widgets.forms import error_label, fill_combo
from ..widgets.messages import show_field_error
from ..widgets.unsaved import GuardedDialog


class ServerDialog(GuardedDialog):
    """Esc or « Annuler » after an edit asks before dropping it."""

    def __init__(self, context: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.kept_in_keyring: bool | None = None
        self.setWindowTitle(_("Serveur d'envoi des courriels"))
        self.host = QLineEdit(self)
        self.host.setObjectName("smtpHost")
        self.port = QSpinBox(self)
        self.port.setObjectName("smtpPort")
        self.port.setRange(1, 65535)
        self.security = QComboBox(self)
        self.security.setObjectName("smtpSecurity")
        self.user = QLineEdit(self)
        self.user.setObjectName("smtpUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("smtpPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.sender = QLineEdit(self)
        self.sender.setObjectName("smtpSender")
        self.sender_name = QLineEdit(self)
        self.sender_name.setObjectName("smtpSenderName")
        form = QFormLayout()
        form.addRow(_("&Serveur :"), self.host)
        form.addRow(_("&Port :"), self.port)
        form.addRow(_("S&écurité :"), self.security)
        form.addRow(_("&Utilisateur :"), self.user)
        form.addRow(_("&Mot de passe :"), self.password)
        form.addRow(_("&Adresse de l'expéditeur :"), self.sender)
        form.addRow(_("&Nom affiché :"), self.sender_name)
        note = QLabel(
            _(
                "Le mot de passe est gardé dans le trousseau du système d'exploitation, jamais "
                "dans le fichier. Laissez-le vide pour garder celui déjà enregistré."
            ),
            self,
        )
        note.setWordWrap(True)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Enregistrer"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Annuler"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._show(com.load_server(context.db))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            not context.db.read_only
        )

    def _show(self, settings: com.ServerSettings) -> None:
        self.host.setText(settings.host)
        self.port.setValue(settings.port)
        modes = [
            (STARTTLS, _("STARTTLS (port 587)")),
            (SSL, _("SSL/TLS (port 465)")),
            (PLAIN, _("Aucune (serveur local seulement)")),
        ]
        fill_combo(self.security, modes, settings.security)
        self.user.setText(settings.user)
        self.sender.setText(settings.sender)
        self.sender_name.setText(settings.sender_name)

    def edited(self) -> com.ServerSettings:
        return com.ServerSettings(
            host=self.host.text(),
            port=self.port.value(),
            user=self.user.text().strip(),
            security=self.security.currentData(),
            sender=self.sender.text(),
            sender_name=self.sender_name.text(),
        )

    def accept(self) -> None:
        fields = {"host": self.host, "port": self.port, "sender": self.sender, "user": self.user}
        try:
            self.kept_in_keyring = com.save_server(
                self.context.db, self.edited(), self.password.text() or None
            )
        except ValidationError as error:
            show_field_error(self.error, error, fields)
            return
        if self.kept_in_keyring is False:
            QMessageBox.information(
                self,
                _("Mot de passe non gardé"),
                _(
                    "Aucun trousseau n'est disponible sur cet ordinateur : le mot de passe "
                    "sera demandé à chaque envoi."
                ),
            )
        super().accept()
