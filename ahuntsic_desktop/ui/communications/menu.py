"""The « Courriels » menu of the main window: compose, the outbox, templates, the server."""

from __future__ import annotations

from PySide6.QtGui import QAction

from ...i18n import _


def _open(window, make) -> None:  # noqa: ANN001 (the MainWindow)
    window.communications_dialog = make(window.context, window)
    window.communications_dialog.show()


def add_menu(window) -> None:  # noqa: ANN001 (the MainWindow)
    from .compose_dialog import ComposeDialog
    from .outbox_dialog import OutboxDialog
    from .server_dialog import ServerDialog
    from .templates_dialog import TemplatesDialog

    menu = window.menuBar().addMenu(_("&Courriels"))
    menu.setObjectName("communicationsMenu")
    entries = (
        ("composeMessage", _("&Écrire un courriel…"), lambda c, p: ComposeDialog(c, None, p)),
        ("openOutbox", _("&Boîte d'envoi…"), OutboxDialog),
        ("editTemplates", _("&Modèles de courriel…"), TemplatesDialog),
        ("editMailServer", _("&Serveur d'envoi…"), ServerDialog),
    )
    for name, text, make in entries:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, m=make: _open(window, m))
        menu.addAction(action)
