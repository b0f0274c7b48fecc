"""The libraries shipped with the application and their licences, read from the installed
metadata (the bundle carries it: packaging/ahuntsic-desktop.spec, copy_metadata)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution

APPLICATION = "ahuntsic-desktop"
NAME = re.compile(r"[A-Za-z0-9._-]+")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Library:
    name: str
    version: str
    licence: str
    homepage: str


def _licence(meta) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and len(text) <= 60 and "\n" not in text:
        return text
    classifiers = [
        c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    return ", ".join(classifiers) or "?"


def _homepage(meta) -> str:
    if meta.get("Home-page"):
        return meta["Home-page"]
    for entry in meta.get_all("Project-URL") or []:
        label, _sep, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "source code", "repository"):
            return url.strip()
    return ""


def bundled_libraries() -> list[Library]:
    """Every library the application needs to run (its requirements, followed down, test
    tools left out), sorted by name; those without metadata here are skipped."""
    seen: dict[str, Library] = {}
    waiting = [APPLICATION]
    while waiting:
        name = canonical(waiting.pop())
        if name in seen:
            continue
        try:
            found = distribution(name)
        except PackageNotFoundError:
            continue
        meta = found.metadata
        seen[name] = Library(meta["Name"], found.version, _licence(meta), _homepage(meta))
        for line in found.requires or []:
            if "extra ==" not in line:  # test tools and other extras are not shipped
                waiting.append(NAME.match(line).group())
    seen.pop(APPLICATION, None)
    return sorted(seen.values(), key=lambda library: library.name.lower())
