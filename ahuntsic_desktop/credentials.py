"""Server passwords, kept only in the operating system's keyring (``keyring``), never in a
file, and only when the user asks. Without a usable keyring nothing is kept: the password
is asked again at the next connection."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)
SERVICE = "Ahuntsic Desktop"


def saved_password(account: str) -> str | None:
    """The password kept for ``account`` (``user@host:port/database``), if any."""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, account)
    except KeyringError as error:
        log.info("No keyring to read from: %s", type(error).__name__)
        return None


def remember_password(account: str, password: str) -> bool:
    """Keep ``password`` in the keyring; False when there is no usable keyring."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, account, password)
    except KeyringError as error:
        log.warning("The password could not be kept: %s", type(error).__name__)
        return False
    return True
