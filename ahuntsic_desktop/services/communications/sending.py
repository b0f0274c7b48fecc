"""Sending the outbox through the table's SMTP server, and saving messages as .eml files
for the user's own mail program.

Each message is recorded right after the server answers it: accepted (« envoyé », with
the instant), refused (« échec », with the server's answer). When the server cannot be
reached, or drops the connection, the messages not yet accepted stay in the outbox with
the problem noted; sending again later sends each of them once, with the same Message-ID.
"""

from __future__ import annotations

import datetime as dt
import logging
import mimetypes
import smtplib
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, make_msgid
from pathlib import Path

from sqlalchemy import select

from ...domain import MessageStatus, OutboxMessage
from ...domain.enums import ConsentPurpose
from ...i18n import _
from ...store import Database
from .. import privacy
from .composing import Draft
from .outbox import WITHDRAWN_ANSWER, get_message
from .outbox import sender_domain as _domain
from .server import SSL, STARTTLS, ServerSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int
    cancelled: int
    waiting: int
    problem: str = ""  # why sending stopped (server unreachable, connection lost)


def build_email(
    row: OutboxMessage | Letter, settings: ServerSettings, now: dt.datetime | None = None
) -> EmailMessage:
    """The message as it leaves: headers, text body, attached files.

    Raises OSError when an attachment can no longer be read."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = formataddr((settings.sender_name, settings.sender)) if settings.sender else ""
    if row.address:
        msg["To"] = row.address
    msg["Subject"] = row.subject
    msg["Date"] = format_datetime((row.queued_at or now).replace(tzinfo=dt.UTC))
    msg["Message-ID"] = row.message_id or make_msgid(domain=_domain(settings.sender))
    if settings.sender:
        msg["List-Unsubscribe"] = f"<mailto:{settings.sender}?subject=unsubscribe>"
    msg.set_content(row.body)
    for name in row.attachments or ():
        path = Path(name)
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        main, sub = kind.split("/", 1)
        msg.add_attachment(path.read_bytes(), maintype=main, subtype=sub, filename=path.name)
    return msg


@dataclass(frozen=True)
class Letter:
    """A message not in the outbox (saved as .eml): the same parts as an outbox row."""

    address: str
    subject: str
    body: str
    attachments: tuple[str, ...] = ()
    queued_at: dt.datetime | None = None
    message_id: str = ""


def tls_context() -> ssl.SSLContext:
    """The system's trusted certificates, host name checked (tests trust their own)."""
    return ssl.create_default_context()


def connect(settings: ServerSettings, password: str | None) -> smtplib.SMTP:
    """An open, authenticated connection (TLS unless the mode is « aucune »)."""
    context = tls_context()
    if settings.security == SSL:
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=settings.timeout, context=context
        )
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        if settings.security == STARTTLS:
            smtp.starttls(context=context)
        if settings.user and password:
            smtp.login(settings.user, password)
    except BaseException:
        smtp.close()
        raise
    return smtp


def connection_problem(error: Exception) -> str:
    """What to tell the user when no connection could be opened (in French)."""
    if isinstance(error, ssl.SSLCertVerificationError):
        return _(
            "Le certificat du serveur n'est pas reconnu par cet ordinateur ({reason}) : "
            "vérifiez le nom du serveur ; les messages restent dans la boîte d'envoi."
        ).format(reason=error.verify_message or error.reason)
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return _(
            "Le serveur a refusé l'utilisateur ou le mot de passe ({code}) : les messages "
            "restent dans la boîte d'envoi."
        ).format(code=error.smtp_code)
    return _("Serveur injoignable : {error}").format(error=error)


def _answer(code: int | None, text: bytes | str | None) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else (text or "")
    return f"{code} {words}".strip() if code else words


def _record(db: Database, message_id: int, **values) -> None:
    with db.session() as session:
        row = session.get(OutboxMessage, message_id)
        if row is not None:
            for key, value in values.items():
                setattr(row, key, value)


def _waiting_ids(db: Database) -> list[int]:
    with db.session() as session:
        return list(
            session.scalars(
                select(OutboxMessage.id)
                .where(OutboxMessage.status == MessageStatus.QUEUED.value)
                .order_by(OutboxMessage.id)
            )
        )


def _note_problem(db: Database, ids: list[int], problem: str) -> None:
    for message_id in ids:
        row = get_message(db, message_id)
        if row is not None:
            _record(db, message_id, attempts=row.attempts + 1, server_answer=problem)


class ConnectionLost(Exception):
    """The server went away (or refused the sender): this message and the rest wait."""


SENT, FAILED, CANCELLED = "sent", "failed", "cancelled"


def _fail(db: Database, row: OutboxMessage, answer: str) -> str:
    _record(db, row.id, status=MessageStatus.FAILED.value, attempts=row.attempts + 1,
            server_answer=answer)  # fmt: skip
    return FAILED


def _send_one(
    db: Database,
    smtp: smtplib.SMTP,
    row: OutboxMessage,
    settings: ServerSettings,
    now: dt.datetime,
    today: dt.date,
) -> str:
    """Send one waiting message and record what became of it, right away."""
    if (
        row.mass
        and row.person_id is not None
        and not privacy.has_consent(db, row.person_id, ConsentPurpose.EMAIL_CONTACT, today)
    ):
        _record(db, row.id, status=MessageStatus.CANCELLED.value, server_answer=WITHDRAWN_ANSWER)
        return CANCELLED
    try:
        email = build_email(row, settings, now)
    except OSError as error:
        name = Path(error.filename or "").name
        return _fail(db, row, _("Pièce jointe illisible : {name}").format(name=name))
    try:
        smtp.send_message(email, from_addr=settings.sender, to_addrs=[row.address])
    except smtplib.SMTPRecipientsRefused as error:
        code, text = error.recipients.get(row.address, (None, b""))
        return _fail(db, row, _answer(code, text))
    except (smtplib.SMTPDataError, smtplib.SMTPNotSupportedError) as error:
        code = getattr(error, "smtp_code", None)
        return _fail(db, row, _answer(code, getattr(error, "smtp_error", str(error))))
    except (OSError, smtplib.SMTPException) as error:
        log.warning("SMTP sending stopped: %s", type(error).__name__)
        raise ConnectionLost(
            _("Envoi interrompu : {error}").format(error=str(error) or type(error).__name__)
        ) from error
    _record(db, row.id, status=MessageStatus.SENT.value, sent_at=now,
            attempts=row.attempts + 1, server_answer=_("Accepté par le serveur"))  # fmt: skip
    return SENT


def send_outbox(
    db: Database,
    settings: ServerSettings,
    password: str | None,
    *,
    now: dt.datetime,
    today: dt.date,
    progress: Callable[[int, int], None] | None = None,
) -> SendReport:
    """Send every waiting message; see the module's docstring for what is recorded.
    ``progress(done, total)`` is called before each message (it may raise to stop: the
    messages not sent yet stay waiting)."""
    ids = _waiting_ids(db)
    if not ids:
        return SendReport(0, 0, 0, 0)
    if not settings.configured:
        return SendReport(0, 0, 0, len(ids), _("Le serveur d'envoi n'est pas réglé."))
    try:
        smtp = connect(settings, password)
    except (OSError, smtplib.SMTPException) as error:
        log.warning("SMTP server unreachable: %s", type(error).__name__)
        problem = connection_problem(error)
        _note_problem(db, ids, problem)
        return SendReport(0, 0, 0, len(ids), problem)
    outcomes: list[str] = []
    problem = ""
    try:
        for index, message_id in enumerate(ids):
            if progress is not None:
                progress(index, len(ids))
            row = get_message(db, message_id)
            if row is None or row.status != MessageStatus.QUEUED.value:
                continue
            try:
                outcomes.append(_send_one(db, smtp, row, settings, now, today))
            except ConnectionLost as lost:
                problem = str(lost)
                _note_problem(db, ids[index:], problem)
                break
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()
    waiting = len(_waiting_ids(db))
    count = outcomes.count
    return SendReport(count(SENT), count(FAILED), count(CANCELLED), waiting, problem)


# -- .eml files for the user's own mail program ------------------------------------------


def _file_name(index: int, name: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-")
    return f"{index:03d}-{safe or 'message'}.eml"


def save_eml(
    drafts: list[Draft],
    folder: Path | str,
    settings: ServerSettings,
    *,
    now: dt.datetime,
    attachments: tuple[str, ...] = (),
    bcc: Draft | None = None,
) -> list[Path]:
    """Write the messages as .eml drafts in ``folder``: one per recipient; or, when ``bcc``
    (a message without personal fields) is given, one message with every address in Bcc.
    Returns the files written."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    if not drafts:
        return []
    if bcc is not None:
        letter = Letter("", bcc.subject, bcc.body, tuple(attachments), now)
        email = build_email(letter, settings, now)
        email["Bcc"] = ", ".join(d.address for d in drafts)
        email["X-Unsent"] = "1"  # opens as a draft in Outlook and Thunderbird
        path = target / _file_name(1, _("destinataires-cci"))
        path.write_bytes(email.as_bytes())
        return [path]
    written: list[Path] = []
    for index, draft in enumerate(drafts, start=1):
        letter = Letter(draft.address, draft.subject, draft.body, tuple(attachments), now)
        email = build_email(letter, settings, now)
        email["X-Unsent"] = "1"
        path = target / _file_name(index, draft.name or draft.address.split("@")[0])
        path.write_bytes(email.as_bytes())
        written.append(path)
    return written
