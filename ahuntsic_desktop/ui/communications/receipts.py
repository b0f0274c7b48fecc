"""« Reçu par courriel »: the receipt of one paid membership, as a PDF attached to a
message from the « Reçu… » template, put in the outbox (sent with the others)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ...exports.mail_attachments import write_receipt_attachment
from ...i18n import _
from ...paths import data_dir
from ...services import communications as com
from ...services.communications import outbox, receipts
from ...services.core.errors import ValidationError
from ..context import Context
from ..widgets.messages import show_error


def queue_receipt(parent: QWidget, context: Context, membership_id: int) -> bool:
    """Put the receipt in the outbox; says why not (no address, no template) otherwise."""
    db = context.db
    try:
        template = receipts.receipt_template(db)
        draft = receipts.receipt_draft(db, membership_id, template)
        path = write_receipt_attachment(db, membership_id, data_dir(), today=context.today())
        outbox.queue(
            db,
            [draft],
            now=context.now(),
            attachments=[str(path)],
            mass=False,
            sender=com.load_server(db).sender,
        )
    except (ValidationError, OSError) as error:
        show_error(parent, getattr(error, "message", None) or str(error))
        return False
    QMessageBox.information(
        parent,
        _("Reçu par courriel"),
        _(
            "Le reçu de {name} attend dans la boîte d'envoi (Courriels › Boîte d'envoi) : "
            "il partira au prochain envoi."
        ).format(name=draft.name),
    )
    return True
