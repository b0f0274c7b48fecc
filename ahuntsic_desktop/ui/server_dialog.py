"""Fichier › Se connecter à un serveur… : host, database, user and password of a shared
office server (PostgreSQL). The password is asked each time, unless the user ticks
« Mémoriser » : it is then kept in the operating system's keyring, never in a file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .. import credentials
from ..i18n import _
from ..store import Database, account_of, build_url, server_url
from .file_opening import open_server
from .widgets.unsaved import GuardedDialog


class ServerDialog(GuardedDialog):
    """After ``accept``, ``database`` is the open connection to the server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("serverDialog")
        self.setWindowTitle(_("Se connecter à un serveur"))
        self.database: Database | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(_("Les données partagées du bureau, sur un serveur PostgreSQL."), self)
        )
        form = QFormLayout()
        self.host = QLineEdit("localhost", self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database_name = QLineEdit(self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(_("(mémorisé, s'il l'a été)"))
        self.remember = QCheckBox(_("Mémoriser le mot de passe dans le trousseau du système"))
        for label, widget, name in (
            (_("Serveur :"), self.host, "host"),
            (_("Port :"), self.port, "port"),
            (_("Base de données :"), self.database_name, "database"),
            (_("Utilisateur :"), self.user, "user"),
            (_("Mot de passe :"), self.password, "password"),
        ):
            widget.setObjectName(name)
            form.addRow(label, widget)
        form.addRow("", self.remember)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Se connecter"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def fill_from(self, address: str) -> None:
        """The form filled from a recent server's address (no password in it): the user
        types the password, or leaves it blank when the keyring has it."""
        parsed = server_url(address)
        self.host.setText(parsed.host or "")
        self.port.setValue(parsed.port or 5432)
        self.database_name.setText(parsed.database or "")
        self.user.setText(parsed.username or "")
        self.password.setFocus()

    def url(self, password: str | None) -> str:
        return build_url(
            self.host.text().strip(),
            self.port.value(),
            self.database_name.text().strip(),
            self.user.text().strip(),
            password,
        )

    def accept(self) -> None:
        account = account_of(self.url(None))
        typed = self.password.text()
        password = typed or credentials.saved_password(account)
        database = open_server(self, self.url(password))
        if database is None:
            return  # told why; the form stays open
        if typed and self.remember.isChecked():
            credentials.remember_password(account, typed)
        self.database = database
        super().accept()
