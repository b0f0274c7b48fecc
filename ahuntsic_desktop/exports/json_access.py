"""The structured copy of a person's file (Law 25: « dans un format technologique
structuré et couramment utilisé »): one UTF-8 JSON document.

Stable English keys give the structure (``person``, ``sections``, each section's
``columns`` and ``rows``); titles are in the user's language. Dates are ISO 8601
(``2026-11-26``), money is a decimal string in dollars (``"50.00"``), yes/no are booleans,
the journal's changes are objects (``{"email": [old, new]}``).
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

from ..services.privacy.access import RequestInfo
from ..services.privacy.dossier import PersonFile, Section
from .pdf.common import write_atomically
from .privacy_marks import confidential_banner

FORMAT = "ahuntsic-desktop/dossier-personnel"
VERSION = 1


def json_value(value: object, kind: str) -> object:
    if value is None or value == "":
        return None
    if kind == "money" and isinstance(value, int) and not isinstance(value, bool):
        return str((Decimal(value) / 100).quantize(Decimal("0.01")))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    if kind == "json" and isinstance(value, dict | list):
        return json.loads(json.dumps(value, default=str))  # the journal's own structure
    return str(value)


def _rows(section: Section) -> list[dict]:
    return [
        {c.key: json_value(v, c.kind) for c, v in zip(section.columns, row, strict=True)}
        for row in section.rows
    ]


def _section(section: Section) -> dict:
    return {
        "key": section.key,
        "title": section.title,
        "columns": [{"key": c.key, "title": c.title, "type": c.kind} for c in section.columns],
        "rows": _rows(section),
    }


def person_file_document(person_file: PersonFile, request: RequestInfo | None = None) -> dict:
    """The JSON document as Python values."""
    banner = confidential_banner(person_file.officer_name, person_file.officer_contact)
    return {
        "format": FORMAT,
        "version": VERSION,
        "confidential": banner.title,
        "generated_at": person_file.generated_at.isoformat(),
        "organization": person_file.table_name,
        "privacy_officer": {
            "name": person_file.officer_name or None,
            "contact": person_file.officer_contact or None,
        },
        "request": None
        if request is None
        else {
            "kind": request.kind,
            "received_on": request.received_on.isoformat(),
            "due_on": request.due_on.isoformat(),
        },
        "person": _rows(person_file.identity)[0],
        "person_columns": _section(person_file.identity)["columns"],
        "sections": [_section(s) for s in person_file.sections],
    }


def write_person_file_json(
    path: Path | str, person_file: PersonFile, request: RequestInfo | None = None
) -> Path:
    document = person_file_document(person_file, request)

    def write(target: str) -> None:
        with open(target, "w", encoding="utf-8", newline="\n") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=2)
            handle.write("\n")

    return write_atomically(path, write)
