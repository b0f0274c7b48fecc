"""A real SMTP server on the loopback (aiosmtpd) for the email tests: it keeps what it
received, can refuse chosen recipients (550) and can drop the connection mid-send.
Nothing leaves the machine."""

from __future__ import annotations

import email
import email.policy
import socket
import subprocess
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Handler:
    refused: set[str] = field(default_factory=set)
    drop_after: int | None = None  # drop the connection when this many were accepted
    received: list = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Adresse inconnue ici"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_after is not None and len(self.received) >= self.drop_after:
            server.transport.close()  # the line goes dead before the answer
            return "421 closing"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append((list(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def message_ids(self) -> list[str]:
        return [m["Message-ID"] for _to, m in self.received]


class Loopback:
    def __init__(self, port: int | None = None, **smtp_options) -> None:
        """``smtp_options`` go to aiosmtpd's SMTP (``tls_context``, ``authenticator``...)."""
        self.handler = Handler()
        self.port = port or free_port()
        self.controller = Controller(
            self.handler, hostname="127.0.0.1", port=self.port, **smtp_options
        )

    def __enter__(self) -> Loopback:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()


def self_signed(folder) -> tuple[str, str]:
    """A certificate for 127.0.0.1 and its key, made by openssl in ``folder``."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    return str(cert), str(key)
