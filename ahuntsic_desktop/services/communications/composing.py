"""Making each recipient's message from a template: the fields filled in the template's
language, and the closing lines saying how to stop receiving messages (Law 25)."""

from __future__ import annotations

from dataclasses import dataclass

from ...store import Database
from ..core import settings as settings_service
from ..meetings import meetings
from .recipients import Recipient
from .templates import TemplateLine, format_amount, format_day, format_hour, render

# In the template's language (the message's language, not the screen's).
STOP_LINES = {
    "fr": (
        "Vous recevez ce courriel parce que vous avez accepté d'être contacté·e par "
        "courriel par {table}. Pour ne plus en recevoir, répondez à ce message en écrivant "
        "« désabonnement » : votre consentement sera retiré aussitôt."
    ),
    "en": (
        "You receive this email because you agreed to be contacted by email by {table}. "
        "To stop receiving them, reply to this message with the word “unsubscribe”: your "
        "consent will be withdrawn at once."
    ),
}
SEPARATOR = "\n\n-- \n"


@dataclass(frozen=True)
class Draft:
    """One recipient's message, ready to queue or to save as .eml."""

    person_id: int | None
    address: str
    name: str
    subject: str
    body: str


def shared_values(db: Database, language: str, meeting_id: int | None) -> dict[str, str]:
    """The fields that are the same for every recipient: the table, the meeting."""
    table = settings_service.load(db).table_name
    values = {"table": table}
    if meeting_id is not None:
        detail = meetings.get_meeting(db, meeting_id)
        values |= {
            "titre_reunion": detail.title,
            "date_reunion": format_day(detail.date, language),
            "heure_reunion": format_hour(detail.start_time, language),
            "lieu": detail.place or "",
        }
    return values


def stop_lines(language: str, table: str) -> str:
    return STOP_LINES.get(language, STOP_LINES["fr"]).format(table=table)


def draft_for(template: TemplateLine, shared: dict[str, str], recipient: Recipient) -> Draft:
    values = dict(shared)
    values |= {
        "prenom": recipient.first_name,
        "nom": recipient.last_name,
        "organisme": recipient.organization,
        "montant_du": format_amount(recipient.amount_due_cents, template.language),
    }
    body = render(template.body, values).rstrip()
    body += SEPARATOR + stop_lines(template.language, shared.get("table", ""))
    subject = " ".join(render(template.subject, values).split())
    return Draft(recipient.person_id, recipient.address, recipient.name, subject, body)


def drafts(
    db: Database,
    template: TemplateLine,
    recipients: tuple[Recipient, ...] | list[Recipient],
    meeting_id: int | None = None,
) -> list[Draft]:
    shared = shared_values(db, template.language, meeting_id)
    return [draft_for(template, shared, r) for r in recipients]


def generic_draft(db: Database, template: TemplateLine, meeting_id: int | None = None) -> Draft:
    """The message without personal fields (first name, amount...), for one message to
    many people in Bcc: nobody's details appear in anybody else's copy."""
    shared = shared_values(db, template.language, meeting_id)
    blank = Recipient(0, "", "", "", "")
    made = draft_for(template, shared, blank)
    return Draft(None, "", "", made.subject, made.body.replace(" ,", ","))
