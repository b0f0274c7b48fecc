"""The table's server over TLS, on the loopback: STARTTLS then login with the password
kept in the keyring (never in the file), and a certificate the computer does not trust
refused with the messages kept waiting."""

from __future__ import annotations

import datetime as dt
import shutil
import ssl

import pytest
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyring.backend import KeyringBackend

from ahuntsic_desktop.domain import OutboxMessage, Setting
from ahuntsic_desktop.services import communications as com
from ahuntsic_desktop.services.communications import outbox, sending
from ahuntsic_desktop.services.communications.recipients import Recipient
from ahuntsic_desktop.services.communications.server import STARTTLS

from ..dates import DEMO_TODAY
from ..smtp_loopback import Loopback, self_signed

NOW = dt.datetime(2026, 11, 26, 15, 0)
PASSWORD = "mot-de-passe-secret"

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.kept.get((service, username))

    def set_password(self, service, username, password):
        self.kept[(service, username)] = password

    def delete_password(self, service, username):
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    import keyring

    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def accept_password(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 535


def queue_one(db) -> int:
    person = Recipient(0, "Jeanne", "Test", "", "jeanne@exemple.org")
    template = com.TemplateLine(0, "T", "fr", "Bonjour {prenom}", "Bonjour {prenom}.")
    (draft,) = com.drafts(db, template, [person])
    draft = com.Draft(None, draft.address, draft.name, draft.subject, draft.body)
    (message_id,) = outbox.queue(db, [draft], now=NOW, mass=False)
    return message_id


def test_starttls_and_login_with_the_keyring_password(db, tmp_path, monkeypatch, memory_keyring):
    cert, key = self_signed(tmp_path)
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_side.load_cert_chain(cert, key)
    monkeypatch.setattr(sending, "tls_context", lambda: ssl.create_default_context(cafile=cert))
    with Loopback(
        tls_context=server_side,
        require_starttls=True,
        authenticator=accept_password,
        auth_required=True,
    ) as server:
        settings = com.ServerSettings(
            host="127.0.0.1", port=server.port, user="secretariat", security=STARTTLS,
            sender="secretariat@table.example", timeout=5,
        )  # fmt: skip
        assert com.save_server(db, settings, PASSWORD)
        with db.session() as session:
            assert PASSWORD not in str(session.get(Setting, "smtp_server").value)
        kept = com.load_server(db)
        assert com.server_password(kept) == PASSWORD
        message_id = queue_one(db)
        report = com.send_outbox(db, kept, com.server_password(kept), now=NOW, today=DEMO_TODAY)
        assert report.sent == 1 and report.problem == ""
        assert len(server.handler.received) == 1
    with db.session() as session:
        assert session.get(OutboxMessage, message_id).status == "envoye"


def test_an_untrusted_certificate_is_refused_and_the_message_waits(db, tmp_path):
    cert, key = self_signed(tmp_path)
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_side.load_cert_chain(cert, key)
    with Loopback(tls_context=server_side, require_starttls=True) as server:
        settings = com.ServerSettings(
            host="127.0.0.1", port=server.port, security=STARTTLS,
            sender="secretariat@table.example", timeout=5,
        )  # fmt: skip
        queue_one(db)
        report = com.send_outbox(db, settings, None, now=NOW, today=DEMO_TODAY)
        assert report.sent == 0 and report.waiting == 1
        assert "certificat du serveur n'est pas reconnu" in report.problem
        assert server.handler.received == []


def test_a_wrong_password_is_said_so_and_the_message_waits(db, tmp_path, monkeypatch):
    cert, key = self_signed(tmp_path)
    server_side = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_side.load_cert_chain(cert, key)
    monkeypatch.setattr(sending, "tls_context", lambda: ssl.create_default_context(cafile=cert))
    with Loopback(
        tls_context=server_side, require_starttls=True, authenticator=accept_password,
        auth_required=True,
    ) as server:  # fmt: skip
        settings = com.ServerSettings(
            host="127.0.0.1", port=server.port, user="secretariat", security=STARTTLS,
            sender="secretariat@table.example", timeout=5,
        )  # fmt: skip
        queue_one(db)
        report = com.send_outbox(db, settings, "pas le bon", now=NOW, today=DEMO_TODAY)
        assert report.waiting == 1 and "mot de passe" in report.problem
        assert server.handler.received == []
