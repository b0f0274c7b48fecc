"""The PDF a message concerns, made to be attached: a meeting's notice (avis de
convocation, with its projet d'ordre du jour), its minutes, or a membership receipt, written by the same writers
as the printed documents, into a folder of their own that lives as long as the outbox
needs them (the message is sent later, maybe offline for days)."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from ..i18n import N_, _
from ..services.meetings import meetings
from ..store import Database

CONVOCATION, MINUTES = "convocation", "proces_verbal"
KINDS = {CONVOCATION: N_("Avis de convocation (PDF)"), MINUTES: N_("Procès-verbal (PDF)")}


def attachment_folder(base: Path) -> Path:
    """A new folder under ``base`` (the data folder's « pieces-jointes »)."""
    folder = Path(base) / "pieces-jointes" / uuid.uuid4().hex[:12]
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_meeting_attachment(
    db: Database, kind: str, meeting_id: int, base: Path, *, today: dt.date
) -> Path:
    """Write the meeting's notice or minutes as a PDF to attach; returns its path."""
    detail = meetings.get_meeting(db, meeting_id)
    stem = _("convocation") if kind == CONVOCATION else _("proces-verbal")
    name = f"{stem}-{detail.body}-{detail.date.isoformat()}.pdf"
    path = attachment_folder(base) / name
    if kind == CONVOCATION:
        from .pdf.convocation import write_convocation

        return write_convocation(db, meeting_id, path, today=today)
    from .pdf.minutes import write_minutes

    return write_minutes(db, meeting_id, path, today=today)


def write_receipt_attachment(
    db: Database, membership_id: int, base: Path, *, today: dt.date
) -> Path:
    """Write the receipt of one paid membership (numbered if it had no number yet)."""
    from .pdf.receipt import write_receipt_file

    path = attachment_folder(base) / f"{_('recu')}-{membership_id}.pdf"
    return write_receipt_file(db, [membership_id], path, today=today)
