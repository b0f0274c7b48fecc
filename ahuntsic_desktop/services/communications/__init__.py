"""Communications by email, offline first: templates with fields, recipients chosen from a
meeting, a body's seats, renewals or a chantier (only those with an email consent in
force, the others named with the reason), an outbox sent through the table's SMTP server
when the user asks, .eml files for the user's own mail program, and the history of what
was sent to each person. Plain Python: no Qt.

The public face: other packages import only what is listed in ``__all__``."""

from . import composing, outbox, receipts, recipients, sending, server, templates
from .composing import Draft, drafts, generic_draft
from .outbox import OutboxLine, person_history
from .recipients import Candidate, LeftOut, Preview, Recipient, preview
from .sending import SendReport, save_eml, send_outbox
from .server import ServerSettings, load_server, save_server, server_password
from .templates import TemplateData, TemplateLine

__all__ = [
    "Candidate",
    "composing",
    "Draft",
    "drafts",
    "generic_draft",
    "LeftOut",
    "load_server",
    "outbox",
    "OutboxLine",
    "person_history",
    "Preview",
    "preview",
    "receipts",
    "Recipient",
    "recipients",
    "save_eml",
    "save_server",
    "send_outbox",
    "sending",
    "SendReport",
    "server",
    "server_password",
    "ServerSettings",
    "TemplateData",
    "TemplateLine",
    "templates",
]
