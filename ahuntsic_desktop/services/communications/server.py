"""The table's mail server (SMTP): host, port, user, security (STARTTLS, SSL or none on
the loopback) and the sender's address and name, kept in the file's settings. The password
is never in the file: it lives in the operating system's keyring (``keyring``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ...credentials import remember_password, saved_password
from ...domain import Setting
from ...i18n import _
from ...store import Database
from ..core import ValidationError
from ..core import validation as v

KEY = "smtp_server"
STARTTLS, SSL, PLAIN = "starttls", "ssl", "aucune"
SECURITY_MODES = (STARTTLS, SSL, PLAIN)


@dataclass(frozen=True)
class ServerSettings:
    host: str = ""
    port: int = 587
    user: str = ""
    security: str = STARTTLS
    sender: str = ""  # the From address
    sender_name: str = ""
    timeout: float = 20.0

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)

    @property
    def account(self) -> str:
        """The keyring entry of the password: ``smtp:user@host:port``."""
        return f"smtp:{self.user}@{self.host}:{self.port}"


def check(settings: ServerSettings) -> ServerSettings:
    host = v.required_text(settings.host, "host", _("Serveur"), max_length=253)
    try:
        port = int(settings.port)
    except (TypeError, ValueError):
        port = 0
    if not 0 < port < 65536:
        raise ValidationError(_("Le port doit être un nombre de 1 à 65535."), "port")
    if settings.security not in SECURITY_MODES:
        raise ValidationError(_("Sécurité inconnue : {mode}.").format(mode=settings.security))
    sender = v.email(settings.sender, "sender")
    if not sender:
        raise ValidationError(_("L'adresse de l'expéditeur est obligatoire."), "sender")
    user = v.optional_text(settings.user, "user", _("Utilisateur"), max_length=254) or ""
    name = v.optional_text(settings.sender_name, "sender_name", _("Nom affiché")) or ""
    return ServerSettings(host, port, user, settings.security, sender, name, settings.timeout)


def load_server(db: Database) -> ServerSettings:
    with db.session() as session:
        row = session.get(Setting, KEY)
        stored = row.value if row is not None and isinstance(row.value, dict) else {}
    known = {k: stored[k] for k in ServerSettings.__dataclass_fields__ if k in stored}
    try:
        return ServerSettings(**known)
    except TypeError:
        return ServerSettings()


def save_server(db: Database, settings: ServerSettings, password: str | None = None) -> bool:
    """Keep the server's settings (checked); ``password``, when given, goes to the keyring
    only. Returns False when there is no usable keyring to keep it."""
    clean = check(settings)
    with db.session() as session:
        row = session.get(Setting, KEY)
        if row is None:
            session.add(Setting(key=KEY, value=asdict(clean)))
        else:
            row.value = asdict(clean)
    if password:
        return remember_password(clean.account, password)
    return True


def server_password(settings: ServerSettings) -> str | None:
    return saved_password(settings.account) if settings.user else None
