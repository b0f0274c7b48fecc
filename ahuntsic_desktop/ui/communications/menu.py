"""The « Courriels » menu of the main window: compose, the outbox, templates, the server."""

from __future__ import annotations

from PySide6.QtGui import QAction

from ...i18n import _


def _open(window, make) -> None:  # noqa: ANN001 (the MainWindow)
    window.communications_dialog = make(window.context, window)
    window.communications_dialog.show()


def _compose(context, parent):  # noqa: ANN001
    from .compose_dialog import ComposeDialog

    return ComposeDialog(context, None, parent)


def _outbox(context, parent):  # noqa: ANN001
    from .outbox_dialog import OutboxDialog

    return OutboxDialog(context, parent)


def _templates(context, parent):  # noqa: ANN001
    from .templates_dialog import TemplatesDialog

    return TemplatesDialog(context, parent)


def _mail_server(context, parent):  # noqa: ANN001
    from .server_dialog import ServerDialog

    return ServerDialog(context, parent)


def add_menu(window) -> None:  # noqa: ANN001 (the MainWindow)
    """The dialogs (and the communications services, which import most of the others)
    load when their entry is chosen: importing them here cost the first paint about
    200 modules."""
    menu = window.menuBar().addMenu(_("&Courriels"))
    menu.setObjectName("communicationsMenu")
    entries = (
        ("composeMessage", _("&Écrire un courriel…"), _compose),
        ("openOutbox", _("&Boîte d'envoi…"), _outbox),
        ("editTemplates", _("&Modèles de courriel…"), _templates),
        ("editMailServer", _("&Serveur d'envoi…"), _mail_server),
    )
    for name, text, make in entries:
        action = QAction(text, window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, m=make: _open(window, m))
        menu.addAction(action)
