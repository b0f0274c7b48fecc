"""A real SMTP server on the loopback (aiosmtpd) for the email tests: it keeps what it
received, can refuse chosen recipients (550) and can drop the connection mid-send.
Nothing leaves the machine."""

from __future__ import annotations

import email
import email.policy
import socket
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
    def __init__(self, port: int | None = None) -> None:
        self.handler = Handler()
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> Loopback:
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()
