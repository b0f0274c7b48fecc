"""The « Courriels » tab of Settings: the mail server and the templates, each in its own
dialog (they are saved at once, not with the rest of Settings)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from ...i18n import _
from ...services import communications as com
from ...services.communications import templates
from ...store import Database
from ..context import Context
from .server_dialog import ServerDialog
from .templates_dialog import TemplatesDialog


class MailSettingsTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = Context(db)
        self.dialog: QDialog | None = None
        self.server_state = QLabel(self)
        self.server_state.setObjectName("mailServerState")
        self.server_state.setWordWrap(True)
        self.server_button = QPushButton(_("&Serveur d'envoi…"), self)
        self.server_button.setObjectName("mailServerButton")
        self.templates_state = QLabel(self)
        self.templates_button = QPushButton(_("&Modèles de courriel…"), self)
        self.templates_button.setObjectName("mailTemplatesButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.server_state)
        layout.addWidget(self.server_button)
        layout.addSpacing(12)
        layout.addWidget(self.templates_state)
        layout.addWidget(self.templates_button)
        layout.addStretch(1)
        self.server_button.clicked.connect(self.edit_server)
        self.templates_button.clicked.connect(self.edit_templates)
        self.refresh()

    def refresh(self) -> None:
        server = com.load_server(self.context.db)
        self.server_state.setText(
            _("Envoi par {host}:{port}, de {sender}.").format(
                host=server.host, port=server.port, sender=server.sender
            )
            if server.configured
            else _("Aucun serveur d'envoi réglé : les courriels attendent dans la boîte d'envoi.")
        )
        count = len(templates.list_templates(self.context.db))
        self.templates_state.setText(_("Modèles de courriel : {n}").format(n=count))

    def _run(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.exec()
        self.refresh()

    def edit_server(self) -> None:
        self._run(ServerDialog(self.context, self))

    def edit_templates(self) -> None:
        self._run(TemplatesDialog(self.context, self))
