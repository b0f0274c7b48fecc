"""Fichier › Ouvrir un fichier récent : data files and office servers in one list, the
newest first. A server is kept as its address without a password
(``postgresql://user@host:port/database``); its password stays in the keyring, if the
user chose so, and is never written in the preferences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..i18n import _
from ..store import account_of, is_server_url

MAX_RECENT = 8
KEY = "recentFiles"


def entries(preferences: QSettings) -> list[str]:
    """Files that still exist and servers, newest first."""
    value = preferences.value(KEY, [])
    found = [value] if isinstance(value, str) else list(value or [])
    return [e for e in found if is_server_url(e) or Path(e).exists()][:MAX_RECENT]


def remember(preferences: QSettings, entry: str) -> None:
    """Put ``entry`` (a file's path or a server's address without password) first."""
    kept = [entry] + [e for e in entries(preferences) if e != entry]
    preferences.setValue(KEY, kept[:MAX_RECENT])


def label(entry: str) -> str:
    """What the menu says: the path of a file, « Serveur : user@host:port/base »."""
    if is_server_url(entry):
        return _("Serveur : {account}").format(account=account_of(entry))
    return entry
